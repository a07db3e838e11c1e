import Fluent
import Foundation
import Plot
import QuanzeCore
import Vapor

/// One complaint about a case, as the case page shows it. Whoever may read the case sees that a
/// complaint exists, its number, dates, status and finding; the complainant is 匿名 or masked
/// (`钱**`) except for the complaint's handler; the text and the link to the complaint only for
/// those who may handle complaints of the body (`ComplaintAccess`): officers never read
/// complainants' texts (docs/complaints.md).
struct CaseComplaintDTO: Content {
    var id: UUID
    var number: String
    var receivedOn: String
    var channel: ComplaintChannel
    var channelLabel: String
    var complainant: String
    var status: ComplaintStatus
    var statusLabel: String
    var finding: ComplaintFinding?
    var findingLabel: String?
    /// Only for those who may handle the body's complaints.
    var content: String?
    var mayOpen: Bool
}

enum CaseComplaints {
    static func list(caseID: UUID, for p: Principal, on db: any Database) async throws -> [CaseComplaintDTO] {
        try await Complaint.query(on: db).filter(\.$caseID == caseID).sort(\.$receivedOn).sort(\.$number).all().map { c in
            let scope = p.hasAny(ComplaintAccess.roles) && ComplaintAccess.inScope(c, p)
            return CaseComplaintDTO(id: try c.requireID(), number: c.number, receivedOn: c.receivedOn, channel: c.channel, channelLabel: c.channel.label,
                                    complainant: ComplaintQueries.complainant(c, visible: ComplaintAccess.isHandler(c, p)).0,
                                    status: c.status, statusLabel: c.status.label, finding: c.finding, findingLabel: c.finding?.label,
                                    content: scope ? c.content : nil, mayOpen: scope)
        }
    }

    static func section(_ items: [CaseComplaintDTO]) -> Node<HTML.BodyContext> {
        .section(.class("case-complaints"), .h2(.text("投诉举报")),
                 .p(.text("针对本案的投诉举报；实名投诉人的身份仅对承办人显示。")),
                 UI.table(caption: "关于本案的投诉举报（共 \(items.count) 件）", headers: ["登记编号", "收到日期", "渠道", "投诉人", "状态", "核查结论", "内容"],
                          rows: items.map { c in
                              [c.mayOpen ? .a(.href(SiteURL.consoleComplaint(c.id)), .text(c.number)) : .text(c.number), .text(c.receivedOn),
                               .text(c.channelLabel), .text(c.complainant), .text(c.statusLabel), .text(c.findingLabel ?? "—"),
                               .text(c.content ?? "（仅法制机构和监督员可见）")]
                          }, empty: "暂无针对本案的投诉举报"))
    }
}
