import Foundation
import Plot
import QuanzeCore

/// 执法证件查询 on the portal: the public may refuse an officer whose certificate is not valid or
/// lacks this year's inspection (通州区行政执法人员管理办法 第十六条).
struct CertificateLookupPage {
    let agencies: [Agency]
    let query: CertificateLookup.Query
    let results: [PublicCertificateDTO]?
    var error: String? = nil

    func render() -> HTML {
        Layout.publicPage(title: "执法证件查询", content: .div(
            .h1(.text("执法证件查询")),
            .p(.text("按证件编号，或按持证人姓名（可选执法主体）查询行政执法证件状态。证件暂扣、核销、注销、超过有效期或本年度未年审的，公民、法人和其他组织有权拒绝其执法。")),
            UI.alert(error),
            .form(.method(.get), .action(SiteURL.publicCertificates), .class("search"),
                  UI.field("证件编号", name: "number", value: query.number),
                  UI.field("持证人姓名", name: "name", value: query.name),
                  UI.select("执法主体", name: "agencyId", options: [("", "全部")] + agencies.map { ($0.id!.uuidString, $0.name) },
                            selected: query.agencyID?.uuidString),
                  .button(.type(.submit), .text("查询"))),
            .unwrap(results) { rows in
                UI.table(caption: "查询结果（\(rows.count) 条）", headers: ["证件编号", "持证人", "执法主体", "状态", "有效期至", "最近年审"], rows: rows.map { r in
                    [.text(r.number), .text(r.holderName), .text(r.agencyName),
                     .span(.class(r.status == PublicCertificateStatus.valid.rawValue ? "badge ok" : "badge warn"), .text(r.status)),
                     .text(r.validUntil), .text(r.lastInspectionYear.map { "\($0)年" } ?? "—")]
                }, empty: "未找到符合条件的执法证件。请核对证件编号或姓名；未查到的证件不能作为执法依据。")
            },
            .p(.class("hint"), .text("依据：通州区行政执法人员管理办法 第十四条（持证人员姓名、证件编号向社会公布）、第十六条。"))
        ))
    }
}
