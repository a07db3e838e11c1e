import Foundation
import Plot
import QuanzeCore

/// Small pieces shared by the case pages.
enum CaseBits {
    static func level(_ level: WarningLevel, suspended: Bool = false) -> Node<HTML.BodyContext> {
        if suspended { return .span(.class("badge"), .text("中止")) }
        let kind = switch level {
        case .none: "ok"
        case .yellow: "warn"
        case .red: "err"
        }
        return .span(.class("badge \(kind)"), .text(level.label))
    }

    static func textarea<C: HTML.BodyContext>(_ name: String, _ label: String, _ value: String = "", required: Bool = false, rows: Int = 3) -> Node<C> {
        .div(.class("field"), .label(.for(name), .text(label), .if(required, .span(.class("req"), .text("（必填）")))),
             .textarea(.name(name), .id(name), .rows(rows), .cols(60), .if(required, .attribute(named: "required", value: "required")), .text(value)))
    }

    static func checkbox<C: HTML.BodyContext>(_ name: String, value: String, label: String, id: String, checked: Bool = false) -> Node<C> {
        var attrs: [Attribute<HTML.InputContext>] = [.type(.checkbox), .name(name), .value(value), .id(id)]
        if checked { attrs.append(Attribute(name: "checked", value: "checked")) }
        return .div(.class("check"), .selfClosedElement(named: "input", attributes: attrs), .label(.for(id), .text(" \(label)")))
    }

    /// The sanction fields of 告知 and 决定: kinds, fine and confiscated value, party kind.
    static func sanctionFields<C: HTML.BodyContext>(_ proposed: PenaltySanction?) -> Node<C> {
        .fieldset(.element(named: "legend", text: "行政处罚"),
                  .forEach(PenaltyKind.allCases) { k in
                      checkbox("kinds[]", value: k.rawValue, label: k.label, id: "kind-\(k.rawValue)", checked: proposed?.kinds.contains(k) ?? false)
                  },
                  UI.field("罚款金额（元）", name: "fineAmount", type: .number, value: proposed.map { String($0.fineAmount) }),
                  UI.field("没收违法所得、非法财物价值（元）", name: "confiscationAmount", type: .number, value: proposed.map { String($0.confiscationAmount) }),
                  UI.select("当事人类型", name: "partyKind", options: PartyKind.allCases.map { ($0.rawValue, $0.label) }, selected: PartyKind.organization.rawValue))
    }

    /// The decision form's 裁量基准 part: one select of benchmark and level (each level with its kinds
    /// and range), and the listed 从轻、减轻、从重 情节 of each benchmark as checkboxes.
    static func discretionFields<C: HTML.BodyContext>(_ benchmarks: [DiscretionBenchmark]) -> Node<C> {
        let options: [(value: String, label: String)] = [("", "不适用")] + benchmarks.flatMap { b in
            b.tiers.map { t in ("\(b.id!.uuidString)|\(t.circumstance)", "\(b.violation) — \(t.circumstance)（\(t.kindsText)；\(t.rangeText)）") }
        }
        return .fieldset(.element(named: "legend", text: "裁量基准"),
            UI.select("裁量基准及情节", name: "discretionLevel", options: options, selected: nil),
            .forEach(benchmarks.filter { !$0.factors.isEmpty }) { b in
                .div(.class("factors"), .p(.text("《\(b.violation)》列明的情节（须与所选裁量基准一致）：")),
                     .forEach(Array(b.factors.enumerated())) { i, f in
                         checkbox("factors[]", value: f.text, label: "\(f.kind == .mitigating ? "从轻、减轻" : "从重")：\(f.citation)",
                                  id: "factor-\(b.id!.uuidString.prefix(8))-\(i)")
                     })
            },
            .p(.class("source"), .text("依据：\(DiscretionSources.kindsAndRange)；\(DiscretionSources.factors)")))
    }

    /// The 裁量 of a decision as printed under it and on the 决定书: benchmark, level, the 情节 found,
    /// the reason when outside the level, and the rules' sources.
    static func discretion<C: HTML.BodyContext>(_ d: DecisionDiscretion, reason: String?) -> Node<C> {
        .div(.class("discretion"),
             .h3(.text("裁量基准适用")),
             .dl(.dt(.text("裁量基准")), .dd(.text(d.violation)),
                 .dt(.text("情节")), .dd(.text(d.levelText)),
                 .dt(.text("从轻、减轻情节")), .dd(.text(d.factorsText(.mitigating) ?? "无")),
                 .dt(.text("从重情节")), .dd(.text(d.factorsText(.aggravating) ?? "无")),
                 .if(d.outsideLevel, .group(.dt(.text("超出幅度的理由")), .dd(.text(reason ?? ""))))),
             .p(.class("source"), .text("依据：\(d.source)；\(DiscretionSources.factorsOnDecision)")))
    }
}
