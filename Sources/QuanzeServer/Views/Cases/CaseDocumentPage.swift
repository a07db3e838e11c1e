import Foundation
import Plot
import QuanzeCore

/// 执法文书 rendered from the case's own data, printable on A4 (the stylesheet hides the console
/// around it): 立案审批表, 行政处罚告知书, 行政执法决定书, 送达回证.
enum CaseDocumentKind: String, CaseIterable, Sendable {
    case filing, notice, decision, service

    var title: String {
        switch self {
        case .filing: "立案审批表"
        case .notice: "行政处罚告知书"
        case .decision: "行政执法决定书"
        case .service: "送达回证"
        }
    }
}

struct CaseDocumentPage {
    let principal: Principal
    let detail: CaseDetailDTO
    let kind: CaseDocumentKind

    private var s: CaseSummaryDTO { detail.summary }

    func render() -> HTML {
        Layout.console(title: "\(kind.title) \(s.number)", principal: principal, active: SiteURL.consoleCases, content: .div(
            .div(.class("doc-tools"), .a(.href(SiteURL.consoleCase(s.id)), .text("返回案件")), .text(" · 使用浏览器“打印”输出 A4 文书")),
            .article(.class("doc"),
                     .h1(.text(s.agencyName)), .h1(.text(kind.title)),
                     body())))
    }

    private var parties: String { detail.parties.map { "\($0.name)（\($0.kind.label)，\($0.identifier)）" }.joined(separator: "；") }

    private func body() -> Node<HTML.BodyContext> {
        switch kind {
        case .filing:
            return .group(
                .p(.class("docno"), .text(s.number)),
                UI.table(caption: "立案审批", headers: ["项目", "内容"], rows: [
                    [.text("案件名称"), .text(s.title)], [.text("案件来源"), .text(detail.sourceLabel)],
                    [.text("当事人"), .text(parties)], [.text("职权事项"), .text("\(detail.powerCode) \(detail.powerName)（第\(detail.powerVersion)版）")],
                    [.text("程序"), .text(s.procedureLabel)], [.text("案情摘要"), .text(detail.facts)],
                    [.text("承办人员"), .text(detail.officers.map { "\($0.name)（\($0.roleLabel)）" }.joined(separator: "、"))],
                    [.text("立案日期"), .text(s.filedOn)],
                ]))
        case .notice:
            return .group(
                .p(.text("\(parties)：")),
                .p(.text("经查，\(detail.facts)本机关拟对你（单位）作出如下行政处罚：\(detail.proposedSanction?.text ?? "（尚未告知）")。")),
                .p(.text("根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。")),
                .unwrap(detail.hearingRight) { right in
                    .p(.text("根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求听证（\(right)）；如要求听证，应当在收到本告知书之日起五日（工作日）内提出。"))
                },
                .p(.class("sign"), .text("\(s.agencyName)"), .br(), .text(detail.notifiedOn ?? "")))
        case .decision:
            guard let d = detail.decision else { return .p(.text("本案尚未作出决定。")) }
            return .group(
                .p(.class("docno"), .text(d.number)),
                .p(.text("当事人：\(d.document.parties)")),
                .p(.text("事实和证据：\(d.document.factsAndEvidence)")),
                .p(.text("适用依据：\(d.document.basis)")),
                // 裁量因素予以说明 (seed 004 篇十二 二(三)8).
                .unwrap(d.discretion) { x in
                    .p(.text("裁量情节：依据裁量基准“\(x.violation)”，认定情节为\(x.levelText)；从轻、减轻情节：\(x.factorsText(.mitigating) ?? "无")；从重情节：\(x.factorsText(.aggravating) ?? "无")"
                             + (x.outsideLevel ? "；超出该情节裁量幅度的理由：\(d.outsideRangeReason ?? "")（已经法制审核）" : "") + "。"))
                },
                .p(.text("决定内容：\(d.document.content)")),
                .p(.text("履行方式和期限：\(d.document.performance)" + (d.collectingBank.map { "。罚款缴至：\($0)" } ?? ""))),
                .p(.text(d.document.remedies)),
                .p(.class("sign"), .text(d.document.agencyName), .br(), .text(d.decidedOn)),
                .p(.class("source"), .text("本决定书载明事项依据：黑龙江省行政执法责任制规定 第三十一条（004_cacaddb37daf54c4.txt 篇二）")))
        case .service:
            return UI.table(caption: "送达回证", headers: ["项目", "内容"], rows: [
                [.text("送达文书"), .text(detail.decision.map { "行政执法决定书 \($0.number)" } ?? "—")],
                [.text("受送达人"), .text(parties)], [.text("送达地点"), .text(detail.parties.first?.address ?? "")],
                [.text("送达方式"), .text("")], [.text("受送达人签名或盖章"), .text("")], [.text("送达人"), .text(detail.officers.filter { $0.role != "auxiliary" }.map(\.name).joined(separator: "、"))],
                [.text("送达日期"), .text("")], [.text("备注"), .text("当事人不在场的，应当在七日内依照民事诉讼法的有关规定送达（行政处罚法 第六十一条）")],
            ])
        }
    }
}
