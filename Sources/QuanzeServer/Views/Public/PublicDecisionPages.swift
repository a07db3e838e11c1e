import Foundation
import Plot
import QuanzeCore

/// 执法决定公示: the published decisions, searchable by number, body, party or content. Natural
/// persons' names, ID numbers and phones are masked; withdrawn decisions show only the body, number,
/// date and the reason of the withdrawal.
struct PublicDecisionsPage {
    let rows: [DecisionPublication]
    let total: Int
    let query: String
    let page: PageRequest

    func render() -> HTML {
        Layout.publicPage(title: "执法决定公示", content: .div(
            .h1(.text("行政执法决定公示")),
            .p(.text("行政许可、行政处罚决定自作出之日起 7 个工作日内公开，其他执法决定 20 个工作日内公开；已公开的决定被依法变更、撤销、确认违法或者确认无效的，"
                     + "3 个工作日内撤回并公开说明理由。"), .span(.class("source"), .text("依据：国办发〔2018〕118号 二(三)；行政处罚法 第四十八条"))),
            .form(.method(.get), .action(SiteURL.publicDecisions),
                  UI.field("检索（文号、执法主体、当事人、内容）", name: "q", value: query),
                  .button(.type(.submit), .text("检索"))),
            UI.table(caption: "执法决定（共 \(total) 件）", headers: ["文号", "执法主体", "当事人", "决定内容", "决定日期", "状态"],
                     rows: rows.map { p in
                         let t = p.publicText
                         return [.a(.href(SiteURL.publicDecision(p.id!)), .text(t?.decisionNumber ?? "")), .text(t?.agencyName ?? ""),
                                 .text(t?.parties ?? ""), .text(p.status == .withdrawn ? "已撤回：\(p.withdrawalReason ?? "")" : (t?.content ?? "")),
                                 .text(p.decidedOn), .text(p.status.label)]
                     }, empty: "暂无已公开的执法决定"),
            .if(total > page.page * page.per, .p(.a(.href("\(SiteURL.publicDecisions)?page=\(page.page + 1)" + (query.isEmpty ? "" : "&q=\(query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")")), .text("下一页"))))
        ))
    }
}

/// One decision on the portal with the inclusion proof of its publication entry.
struct PublicDecisionPage {
    let pub: DecisionPublication
    let proof: (proof: RecordLog.InclusionProof, checkpoint: RecordCheckpoint)?

    func render() -> HTML {
        let t = pub.publicText
        let withdrawn = pub.status == .withdrawn
        return Layout.publicPage(title: t?.decisionNumber ?? "执法决定", content: .div(
            .h1(.text("\(t?.agencyName ?? "") \(t?.decisionNumber ?? "")")),
            .if(withdrawn, .div(.class("alert warn"), .attribute(named: "role", value: "status"),
                                .text("该决定已于 \(pub.withdrawnOn ?? "") 撤回。理由：\(pub.withdrawalReason ?? "")（\(pub.withdrawalBasis ?? "")）"))),
            .dl(.class("facts"),
                .dt(.text("执法主体")), .dd(.text(t?.agencyName ?? "")),
                .dt(.text("决定文号")), .dd(.text(t?.decisionNumber ?? "")),
                .dt(.text("执法类别")), .dd(.text(t?.procedure ?? "")),
                .dt(.text("决定日期")), .dd(.text(pub.decidedOn)),
                .dt(.text("公开日期")), .dd(.text(pub.publishedOn ?? "")),
                .if(!withdrawn, .group(
                    .dt(.text("案件名称")), .dd(.text(t?.caseTitle ?? "")),
                    .dt(.text("当事人")), .dd(.text(t?.parties ?? "")),
                    .dt(.text("违法事实和证据")), .dd(.text(t?.facts ?? "")),
                    .dt(.text("执法依据")), .dd(.text(t?.basis ?? "")),
                    .dt(.text("执法结论")), .dd(.text(t?.content ?? ""))))),
            .h2(.text("存证")),
            .p(.text("本决定的公开已记入全过程记录（记录 #\(pub.recordIndex.map(String.init) ?? "—")）。")),
            RecordViews.inclusion(proof),
            .p(.a(.href(SiteURL.publicDecisions), .text("返回执法决定公示")))
        ))
    }
}
