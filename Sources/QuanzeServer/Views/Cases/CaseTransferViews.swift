import Fluent
import Foundation
import Plot
import QuanzeCore
import Vapor

/// The case page's 移送 and 决定公开 section, the transfers inbox and the publications board.
enum CaseTransferPages {
    /// 移送 records of the case (sent or received), the forms to transfer it, and its decision's publication.
    static func section(_ req: Request, _ p: Principal, _ c: EnforcementCase) async throws -> Node<HTML.BodyContext> {
        let caseID = try c.requireID()
        let transfers = try await CaseTransferDTO.load(try await CaseTransferService.ofCase(caseID, on: req.db), on: req.db)
        let pub = try await DecisionPublication.query(on: req.db).filter(\.$enforcementCase.$id == caseID).first()
        var pubDTO: DecisionPublicationDTO?
        if let pub { pubDTO = try await DecisionPublicationDTO.load([pub], today: req.today, on: req.db)[0] }
        let own = p.hasAny([.officer, .legalOfficer]) && p.agencyID == c.$agency.id
        let received = transfers.contains { $0.acceptedCaseId == caseID }
        var agencies: [(value: String, label: String)] = []
        if own && c.stage != .closed, let agency = try await Agency.find(c.$agency.id, on: req.db) {
            agencies = try await Agency.query(on: req.db).filter(\.$jurisdiction.$id == agency.$jurisdiction.id).sort(\.$name).all()
                .filter { $0.id != c.$agency.id }.map { ($0.id!.uuidString, $0.name) }
        }
        let decided = try await CaseDecision.query(on: req.db).filter(\.$enforcementCase.$id == caseID).count() > 0
        let action = SiteURL.consoleCaseTransfersOfCase(caseID)
        return .section(.class("transfers"),
            .h2(.text("案件移送")),
            .if(c.closingReason == .transferred, .p(.class("alert warn"), .text("本案已移送其他机关，以“\(CaseClosingReason.transferred.label)”结案。"))),
            .if(received, .p(.class("hint"), .text("本案系其他机关移送而来：接受机构不得拒绝或者再次移送（\(CaseTransferRules.agencySource)）。"))),
            table(transfers, caseID: caseID),
            .if(own && c.stage != .closed, .group(
                .if(!received && ![.decision, .service, .execution].contains(c.stage),
                    .form(.method(.post), .action(action), UI.csrfField(p.csrfToken),
                          .h3(.text("移送其他行政执法机关（本案以“已移送”结案；接受机构不得拒绝或者再次移送，\(CaseTransferRules.agencySource)）")),
                          .input(.type(.hidden), .name("kind"), .value(CaseTransferKind.agency.rawValue)),
                          UI.select("接收机关", name: "toAgencyId", options: agencies, selected: nil, required: true),
                          CaseBits.textarea("reason", "移送理由", required: true),
                          CaseBits.textarea("materials", "移送材料（每行一项）", required: true),
                          UI.field("移送日期", name: "transferredOn", type: .date),
                          .button(.type(.submit), .text("移送")))),
                .form(.method(.post), .action(action), UI.csrfField(p.csrfToken),
                      .h3(.text("涉嫌犯罪，移送司法机关（行政案件中止；\(CaseTransferRules.crimeSource)）")),
                      .input(.type(.hidden), .name("kind"), .value(CaseTransferKind.judicial.rawValue)),
                      UI.select("司法机关", name: "organ", options: JudicialOrgan.allCases.map { ($0.rawValue, $0.label) }, selected: nil, required: true),
                      UI.field("机关名称", name: "organName", required: true),
                      UI.field("涉嫌罪名", name: "suspectedCrime", required: true),
                      UI.field("接收回执编号", name: "receiptNumber", required: true),
                      CaseBits.textarea("reason", "移送理由", required: true),
                      CaseBits.textarea("materials", "移送材料（每行一项）", required: true),
                      UI.field("移送日期", name: "transferredOn", type: .date),
                      .button(.type(.submit), .text("移送司法机关"))))),
            .h2(.text("决定公开")),
            .unwrap(pubDTO, { d in publication(d, p: p, own: own) },
                    else: .group(
                        .p(.class("empty"), .text(decided ? "本决定不属于默认公开的行政许可、行政处罚决定。" : "案件尚未作出决定。")),
                        .if(decided && own && p.has(.legalOfficer),
                            .form(.method(.post), .action(SiteURL.consoleCasePublication(caseID)), UI.csrfField(p.csrfToken),
                                  .button(.type(.submit), .text("列为应当公开的执法决定（20 个工作日内公开）")))))))
    }

    static func table(_ list: [CaseTransferDTO], caseID: UUID?) -> Node<HTML.BodyContext> {
        UI.table(caption: "移送记录", headers: ["移送日期", "移出", "移送至", "理由", "材料", "状态", "依据"], rows: list.map { t in
            let to: String = t.kind == .agency ? (t.toAgencyName ?? "") : "\(t.organ?.label ?? "")（\(t.organName ?? "")），涉嫌\(t.suspectedCrime ?? "")，回执 \(t.receiptNumber ?? "")"
            let status: Node<HTML.BodyContext> = t.acceptedCaseId.map { id in
                .group(.text("\(t.statusLabel)："), .a(.href(SiteURL.consoleCase(id)), .text(t.acceptedCaseNumber ?? "")), .text("（\(t.acceptedOn ?? "")）"))
            } ?? .text(t.status == CaseTransferStatus.pending.rawValue ? "\(t.statusLabel)（无法定接收期限）" : t.statusLabel)
            return [.text(t.transferredOn), .group(.a(.href(SiteURL.consoleCase(t.caseId)), .text(t.caseNumber)), .text(" \(t.fromAgencyName)")),
                    .text(to), .text(t.reason), .text(t.materials.joined(separator: "、")), status, .span(.class("source"), .text(t.source))]
        }, empty: "无移送记录。")
    }

    static func publication(_ d: DecisionPublicationDTO, p: Principal, own: Bool) -> Node<HTML.BodyContext> {
        .div(
            .dl(.class("facts"),
                .dt(.text("决定")), .dd(.text("\(d.decisionNumber)（\(d.decidedOn)）")),
                .dt(.text("应公开日期")), .dd(.text(d.due + (d.provisional ? "（暂定）" : "")), .text(" "), .span(.class("source"), .text("依据：\(d.source)"))),
                .dt(.text("状态")), .dd(.span(.class(d.late ? "badge red" : "badge ok"), .text(d.statusLabel + (d.late ? "（逾期）" : ""))),
                                       .unwrap(d.publishedOn) { .text(" 公开于 \($0)") },
                                       .if(d.status != DecisionPublicationStatus.pending.rawValue && d.publishedOn != nil,
                                           .group(.text(" "), .a(.href(SiteURL.publicDecision(d.id)), .text("公示页"))))),
                .unwrap(d.withdrawalReason) { r in .group(.dt(.text("撤回")), .dd(.text("\(d.withdrawnOn ?? "") 撤回：\(r)（\(d.withdrawalBasis ?? "")，应于 \(d.withdrawalDue ?? "") 前撤回\(d.withdrawalLate ? "，逾期" : "")）"))) }),
            .if(own && p.has(.legalOfficer), actions(d, p: p)))
    }

    static func actions(_ d: DecisionPublicationDTO, p: Principal) -> Node<HTML.BodyContext> {
        .group(
            .if(d.status == DecisionPublicationStatus.pending.rawValue,
                .form(.method(.post), .action(SiteURL.consoleDecisionPublicationAction(d.id, "publish")), UI.csrfField(p.csrfToken),
                      .button(.type(.submit), .text("公开（自然人姓名、身份证号、电话脱敏）")))),
            .if(d.status != DecisionPublicationStatus.withdrawn.rawValue,
                .form(.method(.post), .action(SiteURL.consoleDecisionPublicationAction(d.id, "withdraw")), UI.csrfField(p.csrfToken),
                      .h3(.text("撤回（决定被变更、撤销或确认违法，行政处罚法 第四十八条）")),
                      CaseBits.textarea("reason", "撤回理由", required: true),
                      UI.field("依据（如 复议决定书文号）", name: "basis"),
                      UI.field("决定被变更、撤销或确认违法之日", name: "resultOn", type: .date),
                      .button(.type(.submit), .text("撤回")))))
    }
}

/// `/console/case-transfers`: transfers waiting for the caller's body (accept by filing) and every
/// transfer sent or received in scope.
struct CaseTransferInboxPage {
    let principal: Principal
    let transfers: [CaseTransferDTO]
    var items: [(PowerItem, PowerItemVersion)] = []
    var officers: [Officer] = []
    var message: String?
    var error: String?

    func render() -> HTML {
        let incoming = transfers.filter { $0.status == CaseTransferStatus.pending.rawValue && $0.toAgencyId == principal.agencyID && principal.agencyID != nil }
        let mayAccept = principal.hasAny([.officer, .legalOfficer])
        return Layout.console(title: "案件移送", principal: principal, active: SiteURL.consoleCaseTransfers, content: .div(
            .h1(.text("案件移送")),
            UI.alert(message, kind: "success"), UI.alert(error),
            .p(.class("hint"), .text("接收移送的机关不得拒绝或者再次移送，须立案办理（\(CaseTransferRules.agencySource)）。"
                                     + "种子文件和规则配置均未规定接收期限：待接收的移送不计算届满日，显示为“待接收”。")),
            .h2(.text("待本机关接收（\(incoming.count)）")),
            .if(incoming.isEmpty, .p(.class("empty"), .text("没有待接收的移送。"))),
            .forEach(incoming) { t in
                .section(.class("transfer"),
                         .h3(.text("\(t.fromAgencyName) 移送 \(t.caseNumber)（\(t.transferredOn)）")),
                         .p(.text("理由：\(t.reason)；材料：\(t.materials.joined(separator: "、"))")),
                         .if(mayAccept, acceptForm(t)))
            },
            .h2(.text("全部移送")),
            CaseTransferPages.table(transfers, caseID: nil)))
    }

    private func acceptForm(_ t: CaseTransferDTO) -> Node<HTML.BodyContext> {
        let officerOptions: [(value: String, label: String)] = [("", "—")] + officers.map { ($0.id!.uuidString, $0.name) }
        let itemOptions: [(value: String, label: String)] = items.map { ($0.0.id!.uuidString, "\($0.0.code) \($0.1.name)") }
        return .form(.method(.post), .action(SiteURL.consoleCaseTransferAccept(t.id)), UI.csrfField(principal.csrfToken),
                     UI.select("职权事项", name: "powerItemId", options: itemOptions, selected: nil, required: true),
                     UI.select("程序", name: "procedure", options: CaseProcedure.allCases.map { ($0.rawValue, $0.label) }, selected: CaseProcedure.penaltyOrdinary.rawValue),
                     UI.select("主办", name: "lead", options: officerOptions, selected: nil, required: true),
                     UI.select("协办", name: "assist", options: officerOptions, selected: nil, required: true),
                     .button(.type(.submit), .text("接收并立案")))
    }
}

/// `/console/decision-publications`: the bodies' decisions due for publication, late ones red.
struct DecisionPublicationsPage {
    let principal: Principal
    let rows: [DecisionPublicationDTO]
    var message: String?
    var error: String?

    func render() -> HTML {
        let late = rows.filter { $0.late && $0.status == DecisionPublicationStatus.pending.rawValue }
        return Layout.console(title: "执法决定公开", principal: principal, active: SiteURL.consoleDecisionPublications, content: .div(
            .h1(.text("执法决定公开")),
            UI.alert(message, kind: "success"), UI.alert(error),
            .p(.class("hint"), .text("行政许可、行政处罚决定自作出之日起 7 个工作日内公开，其他执法决定 20 个工作日内公开（国办发〔2018〕118号 二(三)）；"
                                     + "已公开的决定被变更、撤销或确认违法的，3 个工作日内撤回并说明理由（行政处罚法 第四十八条）。")),
            .p(.text("逾期未公开："), .span(.class(late.isEmpty ? "badge ok" : "badge red"), .text("\(late.count)"))),
            UI.table(caption: "执法决定公开", headers: ["决定", "案件", "主体", "决定日期", "应公开日期", "状态", "公开或撤回", "操作"], rows: rows.map { d in
                let state: Node<HTML.BodyContext> = .span(.class(d.late ? "badge red" : (d.status == "pending" ? "badge warn" : "badge ok")),
                                                         .text(d.statusLabel + (d.late ? "（逾期）" : "")))
                let when = d.withdrawnOn.map { "\($0) 撤回：\(d.withdrawalReason ?? "")" } ?? d.publishedOn.map { "\($0) 公开" } ?? "—"
                let mayAct = principal.has(.legalOfficer) && d.status == "pending"
                let act: Node<HTML.BodyContext> = mayAct
                    ? .form(.method(.post), .action(SiteURL.consoleDecisionPublicationAction(d.id, "publish")), UI.csrfField(principal.csrfToken),
                            .button(.type(.submit), .text("公开")))
                    : .text("")
                return [.text(d.decisionNumber), .a(.href(SiteURL.consoleCase(d.caseId)), .text(d.caseNumber)), .text(d.agencyName), .text(d.decidedOn),
                        .group(.text(d.due), .text(" "), .span(.class("source"), .text("依据：\(d.source)"))), state, .text(when), act]
            }, empty: "没有应当公开的执法决定。")))
    }
}
