import Foundation
import Plot
import QuanzeCore

/// 投诉举报 on the portal: the receipt of a submission (number and tracking code), what a tracking code
/// finds, the form to follow a complaint and the form to submit one.
struct PublicComplaintPage {
    let agencies: [Agency]
    let csrf: String?
    var receipt: ComplaintReceiptDTO? = nil
    var tracked: PublicComplaintDTO? = nil
    var error: String? = nil
    var trackError: String? = nil

    func render() -> HTML {
        Layout.publicPage(title: "投诉举报", content: .div(
            .h1(.text("行政执法投诉举报")),
            .p(.text("对违法或不当的行政执法行为，可以在此投诉举报，可以匿名。投诉举报经编号登记；自收到之日起 5 个工作日内告知受理情况；受理的，调查进展和结果将反馈给您；不予受理的，说明理由。实名投诉举报人的姓名和电话严格保密。"),
               UI.source(ComplaintRules.registration)),
            .unwrap(receipt) { r in
                .section(.class("card"), .id("receipt"), .attribute(named: "role", value: "status"),
                         .h2(.text("已收到您的投诉举报")),
                         .dl(.dt(.text("登记编号")), .dd(.span(.id("complaint-number"), .text(r.number))),
                             .dt(.text("查询码")), .dd(.strong(.id("tracking-code"), .text(r.trackingCode))),
                             .dt(.text("受理情况告知期限")), .dd(.text(r.acknowledgementDue ?? "—"),
                                                           .unwrap(r.acknowledgementSource) { .span(.class("source"), .text("（依据：\($0)）")) })),
                         .p(.class("hint"), .text("请妥善保存查询码：它只显示这一次，平台不保存查询码本身，遗失后无法找回。凭查询码可以查看受理情况、理由和处理结果。")))
            },
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "track-h"),
                .h2(.id("track-h"), .text("查询办理情况")),
                UI.alert(trackError),
                .form(.method(.post), .action(SiteURL.publicComplaintTrack),
                      UI.csrfField(csrf),
                      UI.field("查询码", name: "trackingCode", required: true, hint: "登记时获得的 20 位查询码，不区分大小写，可省略连字符", autocomplete: "off"),
                      .button(.type(.submit), .id("track-submit"), .text("查询"))),
                .unwrap(tracked) { t in
                    .div(.id("tracked"),
                         .dl(.dt(.text("登记编号")), .dd(.text(t.number)),
                             .dt(.text("被投诉")), .dd(.text("\(t.agencyName)（\(t.subjectKindLabel)）")),
                             .dt(.text("收到日期")), .dd(.text(t.receivedOn)),
                             .dt(.text("办理状态")), .dd(.strong(.id("tracked-status"), .text(t.statusLabel))),
                             .dt(.text("受理情况告知")), .dd(.text(t.acknowledgedOn.map { "\($0) 已告知" } ?? "期限 \(t.acknowledgementDue ?? "—")"),
                                                        .unwrap(t.acknowledgementSource) { .span(.class("source"), .text("（依据：\($0)）")) }),
                             .unwrap(t.refusalReason) { .group(.dt(.text("不予受理的理由")), .dd(.span(.id("tracked-reason"), .text($0)))) },
                             .unwrap(t.replyDue) { due in .group(.dt(.text("答复期限")), .dd(.text(due), .unwrap(t.replySource) { .span(.class("source"), .text("（依据：\($0)）")) })) },
                             .unwrap(t.replyText) { .group(.dt(.text("处理结果")), .dd(.span(.id("tracked-reply"), .text($0)), .text("（\(t.repliedOn ?? "")）"))) },
                             .unwrap(t.closedOn) { .group(.dt(.text("办结日期")), .dd(.text($0))) }),
                         UI.table(caption: "办理过程", headers: ["日期", "步骤"], rows: t.steps.map { [.text($0.onDate), .text($0.label)] }))
                }),
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "submit-h"),
                .h2(.id("submit-h"), .text("提交投诉举报")),
                UI.alert(error),
                .form(.method(.post), .action(SiteURL.publicComplaints), .enctype(.multipartData),
                      UI.csrfField(csrf),
                      ComplaintForm.fields(agencies: agencies),
                      .button(.type(.submit), .id("complaint-submit"), .text("提交"))))
        ))
    }
}
