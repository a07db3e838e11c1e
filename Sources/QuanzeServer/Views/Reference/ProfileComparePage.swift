import Foundation
import Plot
import QuanzeCore

/// Two rule profiles side by side (issue 6 item 1): per section, each code's entry on both sides
/// with its source, marked 相同 / 不同 / 仅左侧 / 仅右侧. Without a choice, only the form.
struct ProfileComparePage {
    let principal: Principal
    let profiles: [RuleProfile]
    let comparison: ProfileComparison?
    var selectedLeft: String? = nil
    var selectedRight: String? = nil

    func render() -> HTML {
        let options = profiles.map { (value: $0.id, label: "\($0.id)（\($0.name)）") }
        return Layout.console(title: "规则配置对照", principal: principal, active: SiteURL.consoleProfiles, content: .div(
            .h1(.text("规则配置对照")),
            .p(.text("逐节列出两个规则配置（含继承所得）的每一条规则及其出处；“相同”比较的是内容（期限、处理、责任份额、文本及触发条件、效果），不比较出处。")),
            .form(.method(.get), .action(SiteURL.consoleProfileCompare), .class("filters"),
                  UI.select("左侧", name: "left", options: options, selected: comparison?.left.id ?? selectedLeft, required: true),
                  UI.select("右侧", name: "right", options: options, selected: comparison?.right.id ?? selectedRight, required: true),
                  .button(.type(.submit), .text("对照"))),
            .unwrap(comparison) { c in .group(summary(c), .forEach(c.sections) { section($0, c) }) }
        ))
    }

    private func summary(_ c: ProfileComparison) -> Node<HTML.BodyContext> {
        let all = c.sections.flatMap(\.rows)
        let counts = ProfileComparison.Status.allCases.map { s in "\(s.label) \(all.filter { $0.status == s }.count)" }
        return .group(
            .p(.id("compare-sides"),
               .text("左侧："), .a(.href(SiteURL.consoleProfile(c.left.id)), .text(c.left.name)),
               .text("（\(c.left.lineage.joined(separator: " → "))）；右侧："),
               .a(.href(SiteURL.consoleProfile(c.right.id)), .text(c.right.name)),
               .text("（\(c.right.lineage.joined(separator: " → "))）。")),
            .p(.id("compare-counts"), .text(counts.joined(separator: "，"))))
    }

    private func section(_ s: ProfileComparison.Section, _ c: ProfileComparison) -> Node<HTML.BodyContext> {
        .group(.h2(.id("section-\(s.key)"), .text(s.title)),
               UI.table(caption: "\(s.title)：\(c.left.id) 与 \(c.right.id)", headers: ["代码", "对照", c.left.id, c.right.id],
                        rows: s.rows.map { row in
                            [.code(.text(row.code)),
                             .span(.class("compare-\(row.status.rawValue)"), .attribute(named: "data-status", value: row.status.rawValue),
                                   .text(row.status.label)),
                             cell(row.left), cell(row.right)]
                        }, empty: "两侧均未作规定。"))
    }

    private func cell(_ cell: ProfileComparison.Cell?) -> Node<HTML.BodyContext> {
        guard let cell else { return .text("—（未规定）") }
        var machine: [String] = []
        if let w = cell.when { machine.append("触发：\(w.rawValue)") }
        if let e = cell.effect { machine.append("效果：\(e.rawValue)") }
        if let d = cell.detect { machine.append("自动识别：\(d.rawValue)" + (cell.count.map { "（\($0)次）" } ?? "")) }
        return .div(.strong(.text(cell.name)), .p(.text(cell.summary)),
                    .if(!machine.isEmpty, .p(.class("hint"), .text(machine.joined(separator: "；")))),
                    UI.source(cell.source),
                    .p(.class("hint"), .text(cell.inherited ? "继承自 \(cell.origin)" : "本级（\(cell.origin)）")))
    }
}
