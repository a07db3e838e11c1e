import Foundation
import Plot
import QuanzeCore

/// 职权分解情况报告 of one body: powers held by no post (一条不漏), overlaps (交叉重复) with their
/// reasons, posts without an officer, and officers due to rotate (定期轮岗), each with its source.
struct CoveragePage {
    let principal: Principal
    let report: CoverageReport

    func render() -> HTML {
        let agency = report.agency
        return Layout.console(title: "职权分解情况报告", principal: principal, active: SiteURL.consoleAgencies, content: .div(
            .h1(.text("职权分解情况报告：\(agency.name)")),
            .p(.a(.href(SiteURL.consoleAgency(agency.id!)), .text("返回执法主体")), .text(" · "),
               .a(.href(SiteURL.consolePosts(agency.id!)), .text("执法机构与岗位"))),
            .p(.class("hint"), .text("统计日期 \(report.today.iso)；已公布的职权事项 \(report.publishedCount) 项。")),
            rule(PostRules.noExpansion),
            .h2(.text("未分解到岗位的职权")),
            rule(PostRules.complete),
            UI.table(caption: "未分解的职权（\(report.uncovered.count) 项）", headers: ["编码", "名称"], rows: report.uncovered.map { u in
                [.text(u.item.code), .a(.href(SiteURL.consolePowerItem(u.item.id!)), .text(u.name))]
            }, empty: "已公布的职权均已分解到岗位。"),
            .h2(.text("平行机构、岗位职权交叉重复")),
            rule(PostRules.noOverlap),
            UI.table(caption: "交叉重复（\(report.overlaps.count) 项）", headers: ["职权事项", "相同职责", "持有岗位", "书面理由"], rows: report.overlaps.map { o in
                [.text("\(o.item.code) \(o.name)"), .text(o.shared.map(\.label).joined(separator: "、")),
                 .ul(.forEach(o.holders) { .li(.text("\($0.unit.name)／\($0.post.name)")) }),
                 .ul(.forEach(o.holders.filter { $0.reason != nil }) { .li(.text("\($0.unit.name)／\($0.post.name)：\($0.reason!)")) })]
            }, empty: "没有交叉重复的职权。"),
            .h2(.text("无人在岗的岗位")),
            UI.table(caption: "无人在岗（\(report.postsWithoutOfficer.count) 个）", headers: ["执法机构", "岗位", "岗位职责"],
                     rows: report.postsWithoutOfficer.map { [.text($0.unit.name), .text($0.post.name), .text($0.post.dutiesLabel)] },
                     empty: "每个岗位都有人员在岗。"),
            .h2(.text("定期轮岗")),
            rule(PostRules.rotation),
            rotation()
        ))
    }

    private func rule(_ r: PostRules.Rule) -> Node<HTML.BodyContext> {
        .p(.class("hint"), .text("“\(r.quote)”"), .text(" "), UI.source(r.source))
    }

    private func rotation() -> Node<HTML.BodyContext> {
        switch report.rotation {
        case .unset(let profileID):
            return .p(.class("empty"), .text("\(CoverageReport.noRotationRule)（规则配置：\(profileID)），不列出超期在岗人员。"))
        case .period(let rule, let profileID, let overdue):
            return .div(
                .p(.text("轮岗期限：\(rule.entry.display)（规则配置 \(profileID)，\(rule.originLabel)）"), .text(" "), UI.source(rule.entry.source)),
                UI.table(caption: "在同一岗位满轮岗期限的人员（\(overdue.count) 人）", headers: ["姓名", "执法机构", "岗位", "到岗日期", "期满日期", "在岗年数"],
                         rows: overdue.map { o in
                             [.text(o.officer.name), .text(o.unit.name), .text(o.post.name), .text(o.assignment.startDate), .text(o.due.iso), .text("\(o.years) 年")]
                         }, empty: "没有满轮岗期限的在岗人员。"))
        }
    }
}
