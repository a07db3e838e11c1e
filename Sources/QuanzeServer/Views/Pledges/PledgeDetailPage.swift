import Foundation
import Plot
import QuanzeCore

/// One 责任书: parties, sections with points and total, signing, attachment.
struct PledgeDetailPage {
    let principal: Principal
    let view: PledgeQueries.View
    let canManage: Bool
    var message: String? = nil
    var error: String? = nil

    func render() -> HTML {
        let p = view.pledge
        let id = p.id!
        return Layout.console(title: "行政执法责任书", principal: principal, active: SiteURL.consolePledges, content: .div(
            .h1(.text("\(p.year) 年度行政执法责任书")),
            .p(.a(.href(SiteURL.consolePledges), .text("返回责任书列表"))),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .section(.class("card"),
                     .dl(.dt(.text("类别")), .dd(.text(p.partyKind.label)),
                         .dt(.text("甲方")), .dd(.text(view.firstParty)),
                         .dt(.text("乙方")), .dd(.text(view.secondParty)),
                         .dt(.text("状态")), .dd(.span(.class(p.status == .signed ? "badge ok" : "badge"), .text(p.status.label))),
                         .dt(.text("签订日期")), .dd(.text("甲方 \(p.firstPartySignedOn ?? "—")；乙方 \(p.secondPartySignedOn ?? "—")")),
                         .dt(.text("总分")), .dd(.text("\(p.totalPoints) 分（折算计入年度考评）"), .text(" "), UI.source(PledgeRules.score.source)))),
            UI.table(caption: "责任项目", headers: ["序号", "项目", "目标任务", "分值"], rows: p.sections.enumerated().map { i, s in
                [.text("\(i + 1)"), .text(s.title), .text(s.target), .text("\(s.points)")]
            }),
            .h2(.text("附件")),
            .unwrap(view.attachment, { a in
                .p(.a(.href(SiteURL.consolePledgeAttachment(id)), .text(a.fileName)), .text("（\(a.contentType)，\(a.size / 1024 + 1) KB）"))
            }, else: .p(.class("empty"), .text("尚未上传签字盖章的责任书扫描件。"))),
            .if(canManage, .form(.method(.post), .action(SiteURL.consolePledgeAttachment(id)), .enctype(.multipartData),
                UI.csrfField(principal.csrfToken),
                .div(.class("field"), .label(.for("file"), .text("上传附件（PDF 或图片，不超过 5 MB）")),
                     .input(.type(.file), .name("file"), .id("file"), .attribute(named: "accept", value: "application/pdf,image/png,image/jpeg"))),
                .button(.type(.submit), .text("上传")))),
            .if(canManage && p.status == .draft, .section(.class("card"), .attribute(named: "aria-labelledby", value: "sign-h"),
                .h2(.id("sign-h"), .text("签订")),
                .form(.method(.post), .action(SiteURL.consolePledgeSign(id)),
                      UI.csrfField(principal.csrfToken),
                      UI.field("甲方签订日期", name: "firstPartySignedOn", type: .date, required: true),
                      UI.field("乙方签订日期", name: "secondPartySignedOn", type: .date, required: true),
                      .button(.type(.submit), .text("登记签订")))))
        ))
    }
}
