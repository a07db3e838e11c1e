import Foundation
import Plot
import QuanzeCore

/// One delegation: parties, basis, items, term, filing due (with its source), the filing record,
/// the early end, its history; the 监督员 records the filing, the 监督员 or the delegator's 法制员 ends it.
struct DelegationDetailPage {
    let principal: Principal
    let record: DelegationRecord
    let articles: [(LegalArticle, LegalNorm)]
    let events: [DelegationEvent]
    let today: LocalDate
    var message: String? = nil
    var error: String? = nil

    var d: Delegation { record.delegation }
    var state: DelegationState { d.state(on: today) }
    var isSupervisor: Bool { principal.has(.supervisor) && principal.jurisdictionID == d.$jurisdiction.id }
    var isDelegatorLegal: Bool { principal.has(.legalOfficer) && principal.agencyID == d.$delegatingAgency.id }

    func render() -> HTML {
        let path = SiteURL.consoleDelegation(d.id!)
        return Layout.console(title: "委托执法：\(record.title)", principal: principal, active: SiteURL.consoleDelegations, content: .div(
            .h1(.text("委托执法：\(record.title)")),
            .p(.a(.href(SiteURL.consoleDelegations), .text("← 委托执法列表"))),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .if(d.filingOverdue(on: today), .div(.class("alert warn"), .attribute(named: "role", value: "status"),
                .text("逾期未备案：书面委托决定 \(d.decisionOn) 作出，应于 \(d.filingDue ?? "") 前向政府法制部门备案。"))),
            .section(.class("card"), .dl(
                .dt(.text("状态")), .dd(DelegationBits.badge(state)),
                .dt(.text("委托机关")), .dd(.a(.href(SiteURL.consoleAgency(record.delegator.id!)), .text(record.delegator.name))),
                .dt(.text("受委托方")), .dd(.a(.href(SiteURL.consoleAgency(record.delegate.id!)), .text(record.delegate.name)),
                                          .text("（\(record.delegate.kind.label)，\(record.delegate.status.label)）")),
                .dt(.text("委托依据")), .dd(.text(d.basis),
                                        .if(!articles.isEmpty, .ul(.forEach(articles) { a, n in .li(.text("《\(n.title)》\(a.number)")) }))),
                .dt(.text("委托事项")), .dd(.ul(.forEach(record.items) { item, name in
                    .li(.a(.href(SiteURL.consolePowerItem(item.id!)), .text("\(item.code) \(name)")))
                })),
                .dt(.text("委托期限")), .dd(.text("\(d.termStart) 至 \(d.termEnd)")),
                .dt(.text("书面委托决定日期")), .dd(.text(d.decisionOn)),
                .dt(.text("备案期限")), .dd(DelegationBits.due(d)),
                .dt(.text("备案")), .dd(.text(d.filedOn.map { "\($0)，\(d.filingRef ?? "")" + (d.filedLate ? "（逾期备案）" : "") } ?? "未备案")),
                .dt(.text("备案文件")), .dd(.text(d.filedOn == nil ? "—" :
                    "备案报告：\(d.filingReport ?? "")；行政执法委托书：\(d.entrustmentLetter ?? "")；公告文件：\(d.announcementDocument ?? "")")),
                .dt(.text("终止")), .dd(.text(d.terminatedOn.map { "自 \($0) 起终止：\(d.terminationReason ?? "")" } ?? "—"))
            )),
            .if(isSupervisor && state == .draft, fileForm(path)),
            .if((isSupervisor || isDelegatorLegal) && (state == .draft || state == .filed), terminateForm(path)),
            .h2(.text("沿革")),
            UI.table(caption: "委托执法沿革", headers: ["时间", "事项", "经办"], rows: events.map { e in
                [.text(UI.dateTime(e.createdAt)), .text(e.summary), .text(e.actor ?? "—")]
            })
        ))
    }

    private func fileForm(_ path: String) -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "file-h"),
                 .h2(.id("file-h"), .text("登记备案")),
                 .p(.class("hint"), .text("备案文件包括备案报告、行政执法委托书和公告文件各1份；备案报告应说明委托的理由、依据以及受委托方的基本情况。")),
                 .form(.method(.post), .action(path + "/file"),
                       UI.csrfField(principal.csrfToken),
                       UI.field("备案日期", name: "filedOn", type: .date, value: today.iso, required: true),
                       UI.field("备案文号", name: "filingRef", required: true, hint: "如 长司委备〔2026〕5号"),
                       UI.field("备案报告", name: "filingReport", required: true),
                       UI.field("行政执法委托书", name: "entrustmentLetter", required: true),
                       UI.field("公告文件", name: "announcementDocument", required: true),
                       .button(.type(.submit), .text("登记备案"))))
    }

    private func terminateForm(_ path: String) -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "term-h"),
                 .h2(.id("term-h"), .text("提前终止委托")),
                 .form(.method(.post), .action(path + "/terminate"),
                       UI.csrfField(principal.csrfToken),
                       UI.field("终止原因", name: "reason", required: true),
                       .button(.type(.submit), .class("secondary"), .text("终止委托"))))
    }
}
