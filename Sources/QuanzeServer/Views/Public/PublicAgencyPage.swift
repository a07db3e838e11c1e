import Foundation
import Plot

/// Public page of an announced body: its registry data and its published 权责清单 by category,
/// each power with its flowchart (一单一表一图). Only published versions appear.
struct PublicAgencyPage {
    let agency: Agency
    let powers: [(PowerItem, PowerItemVersion, [(LegalArticle, LegalNorm)])]
    var holders: [PublicCertificateDTO] = []
    /// 委托执法 in force: per delegated item “委托给：…”, and the items this body carries out by delegation.
    var delegationNotes: [UUID: [String]] = [:]
    var received: [DelegationRecord] = []

    func render() -> HTML {
        let categories = PowerCategory.allCases.filter { c in powers.contains { $0.1.category == c } }
        return Layout.publicPage(title: agency.name, content: .div(
            .h1(.text(agency.name)),
            .section(.class("card"),
                     .dl(.dt(.text("主体类别")), .dd(.text(agency.kind.label)),
                         .dt(.text("统一社会信用代码")), .dd(.text(agency.uscc ?? "—")),
                         .dt(.text("管理体制")), .dd(.text(agency.managementMode.label)),
                         .dt(.text("主体资格公告")), .dd(.text("\(agency.announcementRef ?? "")（\(agency.announcedOn ?? "")）")))),
            .h2(.text("权责清单")),
            .if(powers.isEmpty, .p(.class("empty"), .text("尚未公布职权事项。"))),
            .forEach(categories) { c in
                .section(.h3(.text("\(c.label)（\(powers.filter { $0.1.category == c }.count) 项）")),
                         .forEach(powers.filter { $0.1.category == c }) { item, v, bases in
                             .article(.class("card"),
                                      .h4(.id("power-\(item.id!)"), .text("\(item.code) \(v.name)")),
                                      .p(.text("执法依据：" + bases.map { "《\($0.1.title)》\($0.0.number)" }.joined(separator: "；"))),
                                      .unwrap(v.statutoryLimit) { .p(.text("法定期限：\($0.value)\($0.unit == "工作日" ? "个工作日" : "日")")) },
                                      .unwrap(v.promisedLimit) { .p(.text("承诺期限：\($0.value)\($0.unit == "工作日" ? "个工作日" : "日")")) },
                                      .p(.text("追责情形：" + (v.responsibilities.isEmpty ? "—" : v.responsibilities.joined(separator: "；")))),
                                      .forEach(delegationNotes[item.id!] ?? []) { .p(.class("delegated"), .text($0)) },
                                      .img(.src(SiteURL.publicFlowchart(item.id!)), .class("flowchart"),
                                           .alt("\(v.name)流程图：" + v.flow.map(\.name).joined(separator: "→"))))
                         })
            },
            .h2(.text("投诉举报渠道")),
            agency.complaintChannels.isEmpty
                ? .p(.class("empty"), .text("本主体尚未公布投诉举报渠道，可向本级人民政府司法行政部门投诉举报。"))
                : .ul(.forEach(agency.complaintChannels) { .li(.text($0)) }),
            .h2(.text("持证执法人员")),
            .p(.class("hint"), .text("持证人员的姓名、证件编号向社会公布，接受监督（通州区行政执法人员管理办法 第十四条）。可在“证件查询”核对证件状态。")),
            UI.table(caption: "持证执法人员（\(holders.count) 人）", headers: ["姓名", "证件编号", "状态", "有效期至"], rows: holders.map { h in
                [.text(h.holderName), .text(h.number), .text(h.status), .text(h.validUntil)]
            }, empty: "暂无持证执法人员。"),
            .if(!received.isEmpty, .section(.attribute(named: "aria-labelledby", value: "received-h"),
                .h2(.id("received-h"), .text("受委托实施的事项")),
                .p(.text("以下事项由本组织在委托范围和期限内，以委托机关的名义实施。")),
                UI.table(caption: "受委托实施的事项", headers: ["委托机关", "事项", "委托期限", "委托依据"], rows: received.map { r in
                    [.a(.href(SiteURL.publicAgency(r.delegator.id!)), .text(r.delegator.name)),
                     .text(r.items.map { "\($0.0.code) \($0.1)" }.joined(separator: "；")),
                     .text("\(r.delegation.termStart) 至 \(r.delegation.termEnd)"), .text(r.delegation.basis)]
                })))
        ))
    }
}
