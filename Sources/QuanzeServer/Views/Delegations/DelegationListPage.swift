import Foundation
import Plot
import QuanzeCore

/// 委托执法 list: each delegation's parties, items, term, state, filing due date with its source,
/// and a warning for every decision not filed by its due date.
struct DelegationListPage {
    let principal: Principal
    let today: LocalDate
    let rows: [DelegationRecord]

    var overdue: [DelegationRecord] { rows.filter { $0.delegation.filingOverdue(on: today) } }

    func render() -> HTML {
        Layout.console(title: "委托执法", principal: principal, active: SiteURL.consoleDelegations, content: .div(
            .h1(.text("委托执法")),
            .p(.text("委托机关作出书面委托决定后，须在规则配置规定的期限内向本级政府法制部门备案；受委托方只能在已备案、期限内的委托事项范围内以委托机关名义实施。")),
            .if(principal.hasAny([.supervisor, .legalOfficer]),
                .p(.a(.class("button"), .href(SiteURL.consoleDelegationsNew), .text("登记书面委托决定")))),
            .if(!overdue.isEmpty, .div(.class("alert warn"), .attribute(named: "role", value: "status"),
                .p(.text("逾期未备案预警：共 \(overdue.count) 项委托未在备案期限内备案。")),
                .ul(.forEach(overdue) { r in
                    .li(.a(.href(SiteURL.consoleDelegation(r.delegation.id!)), .text(r.title)),
                        .text("：书面委托决定 \(r.delegation.decisionOn)，应于 \(r.delegation.filingDue ?? "") 前备案"))
                }))),
            UI.table(caption: "委托执法（共 \(rows.count) 项）", headers: ["委托机关 → 受委托方", "委托事项", "委托期限", "备案期限", "状态"],
                     rows: rows.map(row), empty: "暂无委托执法。")
        ))
    }

    private func row(_ r: DelegationRecord) -> [Node<HTML.BodyContext>] {
        let d = r.delegation
        let state = d.state(on: today)
        return [
            .a(.href(SiteURL.consoleDelegation(d.id!)), .text(r.title)),
            .text(r.items.map { "\($0.0.code) \($0.1)" }.joined(separator: "；")),
            .text("\(d.termStart) 至 \(d.termEnd)"),
            DelegationBits.due(d),
            .group(DelegationBits.badge(state),
                   .if(d.filingOverdue(on: today), .span(.class("badge err"), .text(" 逾期未备案"))),
                   .if(d.filedLate, .span(.class("badge warn"), .text(" 逾期备案")))),
        ]
    }
}

/// Small pieces shared by the delegation pages.
enum DelegationBits {
    static func badge(_ state: DelegationState) -> Node<HTML.BodyContext> {
        let kind = switch state {
        case .filed: "ok"
        case .draft: "warn"
        case .terminated, .expired: "err"
        }
        return .span(.class("badge \(kind)"), .text(state.label))
    }

    /// The filing due date with the rule it comes from.
    static func due(_ d: Delegation) -> Node<HTML.BodyContext> {
        guard let due = d.filingDue else { return .text("本辖区规则配置未规定备案期限") }
        return .group(.text(due), .unwrap(d.filingDueSource) { .span(.class("source"), .text(" 依据：\($0)")) })
    }
}
