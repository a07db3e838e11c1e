import Fluent
import Plot
import QuanzeCore
import Vapor

/// 责任追究 in the console: the intake list (filters, hand entry), one item with 立案 / 不予立案, and one matter
/// with its investigation. Forms POST with CSRF and re-render with a message or the refusal.
struct LiabilityPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("console", "liability-intake", use: enter)
        routes.get("console", "liability-intake", ":intakeID", use: showIntake)
        routes.post("console", "liability-intake", ":intakeID", "file", use: file)
        routes.post("console", "liability-intake", ":intakeID", "decline", use: decline)
        routes.get("console", "liability-matters", ":matterID", use: showMatter)
        for action in ["persons", "investigators", "recusals", "evidence", "statements"] {
            routes.post("console", "liability-matters", ":matterID", .constant(action), use: { req in try await act(req, action) })
        }
        // findings, decision, service, appeals, 备案, execution, closing (issue 6 items 4, 5, 7)
        routes.get("console", "liability-matters", ":matterID", "document", use: document)
        for action in ["findings", "hearing-waivers", "extension", "decision", "filing", "execution", "close"] {
            routes.post("console", "liability-matters", ":matterID", .constant(action), use: { req in try await decide(req, action) })
        }
        for action in ["service", "appeal", "appeal-extension", "appeal-decision"] {
            routes.post("console", "liability-matters", ":matterID", "decisions", ":decisionID", .constant(action),
                        use: { req in try await decide(req, action) })
        }
    }

    static let refusals: [HTTPResponseStatus] = [.unprocessableEntity, .conflict, .badRequest, .forbidden]

    // MARK: list

    static func listPage(_ req: Request, message: String? = nil, error: String? = nil, status: HTTPResponseStatus = .ok,
                         form: [String: String] = [:]) async throws -> Response {
        let p = try req.requireAny(LiabilityIntakeQueries.readers)
        let filter = try LiabilityIntakeQueries.filter(req, strict: false)
        let items = try await LiabilityIntakeQueries.list(req, filter: filter)
        let agencies = try await AgencyQueries.scoped(for: p, on: req.db).filter(\.$isLegalOffice == false).sort(\.$name).all()
        let matters = try await LiabilityMatterQueries.list(p, on: req.db)
        return LiabilityPages.list(p, items: items, filter: filter, agencies: agencies, matters: matters, form: form,
                                   message: message, error: error).response(status: status)
    }

    struct EntryForm: Content {
        var sourceKind: String?, agencyId: String?, caseNumber: String?, summary: String?, sourceDetail: String?, discoveredOn: String?
    }

    @Sendable func enter(req: Request) async throws -> Response {
        _ = try req.requireAny(LiabilityAccess.intakeReaders)
        let f = try req.content.decode(EntryForm.self)
        let values = ["sourceKind": f.sourceKind ?? "", "agencyId": f.agencyId ?? "", "caseNumber": f.caseNumber ?? "",
                      "summary": f.summary ?? "", "sourceDetail": f.sourceDetail ?? "", "discoveredOn": f.discoveredOn ?? ""]
        do {
            guard let agencyID = f.agencyId.flatMap(UUID.init(uuidString:)) else { throw AppError.validation("agencyId", "请选择执法主体", code: "required") }
            var caseID: UUID?
            if let number = f.caseNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
                guard let c = try await EnforcementCase.query(on: req.db).filter(\.$number == number).filter(\.$agency.$id == agencyID).first() else {
                    throw AppError.validation("caseNumber", "该执法主体没有此案号的案件", code: "not_found")
                }
                caseID = c.id
            }
            let item = try await LiabilityIntakeService.enter(.init(sourceKind: f.sourceKind ?? "", agencyID: agencyID, caseID: caseID, subjectOfficerID: nil,
                                                                    summary: f.summary ?? "", sourceDetail: f.sourceDetail, discoveredOn: f.discoveredOn), req: req)
            return req.redirect(to: SiteURL.consoleLiabilityIntakeItem(try item.requireID()), redirectType: .normal)
        } catch let e as AppError where Self.refusals.contains(e.status) {
            return try await Self.listPage(req, error: e.message, status: e.status, form: values)
        }
    }

    // MARK: item

    static func intakePage(_ req: Request, message: String? = nil, error: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let (p, item, t) = try await LiabilityAccess.intake(req)
        let dto = try await LiabilityMatterQueries.intakeDetail(item, track: t, req: req)
        let canAct = LiabilityAccess.canAct(p, jurisdictionID: t.jurisdictionID, pursuingAgencyID: t.pursuingAgencyID)
        return LiabilityPages.intake(p, dto, canAct: canAct, message: message, error: error).response(status: status)
    }

    @Sendable func showIntake(req: Request) async throws -> Response { try await Self.intakePage(req) }

    struct OutcomeForm: Content { var summary: String?, reason: String? }

    @Sendable func file(req: Request) async throws -> Response {
        let (_, item, t) = try await LiabilityAccess.intakeForAction(req)
        let f = try req.content.decode(OutcomeForm.self)
        do {
            let m = try await LiabilityIntakeService.file(item, track: t, summary: f.summary, req: req)
            return req.redirect(to: SiteURL.consoleLiabilityMatter(try m.requireID()), redirectType: .normal)
        } catch let e as AppError where Self.refusals.contains(e.status) {
            return try await Self.intakePage(req, error: e.message, status: e.status)
        }
    }

    @Sendable func decline(req: Request) async throws -> Response {
        let (_, item, t) = try await LiabilityAccess.intakeForAction(req)
        let f = try req.content.decode(OutcomeForm.self)
        do {
            _ = try await LiabilityIntakeService.decline(item, track: t, reason: f.reason ?? "", req: req)
            return try await Self.intakePage(req, message: "已决定不予立案，理由已记录。")
        } catch let e as AppError where Self.refusals.contains(e.status) {
            return try await Self.intakePage(req, error: e.message, status: e.status)
        }
    }

    // MARK: matter

    static func matterPage(_ req: Request, message: String? = nil, error: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let a = try await LiabilityAccess.matter(req)
        let dto = try await LiabilityMatterQueries.detail(a, req: req)
        var candidates: [User] = []
        if a.isActor {
            let agencyIDs = try await Agency.query(on: req.db).filter(\.$jurisdiction.$id == a.matter.jurisdictionID).all(\.$id)
            candidates = try await User.query(on: req.db).filter(\.$isDisabled == false).group(.or) { g in
                g.filter(\.$jurisdiction.$id == a.matter.jurisdictionID)
                g.filter(\.$agency.$id ~~ agencyIDs.map { Optional($0) })
            }.sort(\.$displayName).all()
        }
        return LiabilityPages.matter(a.principal, dto, candidates: candidates, ownPersonID: a.ownPerson?.id,
                                     message: message, error: error,
                                     profile: LiabilityMatterService.profile(a.matter, services: req.application.services)).response(status: status)
    }

    @Sendable func showMatter(req: Request) async throws -> Response { try await Self.matterPage(req) }

    struct MatterForm: Content {
        var investigatorUserId: String?, recusalUserId: String?, personUserId: String?, note: String?, reason: String?, kind: String?, title: String?, content: String?
        var date: String?, personId: String?, text: String?, statedOn: String?
    }

    private func act(_ req: Request, _ action: String) async throws -> Response {
        let a = action == "statements" ? try await LiabilityAccess.matter(req) : try await LiabilityAccess.matterForAction(req)
        let f = try req.content.decode(MatterForm.self)
        func uuid(_ raw: String?, _ field: String) throws -> UUID {
            guard let v = raw.flatMap(UUID.init(uuidString:)) else { throw AppError.validation(field, "请选择", code: "required") }
            return v
        }
        do {
            let message: String
            switch action {
            case "persons":
                _ = try await LiabilityMatterService.addPerson(a, officerID: nil, userID: try uuid(f.personUserId, "personUserId"), note: f.note, req: req)
                message = "已添加被调查人员。"
            case "investigators":
                _ = try await LiabilityMatterService.appoint(a, userID: try uuid(f.investigatorUserId, "investigatorUserId"), req: req)
                message = "已指定调查人员。"
            case "recusals":
                _ = try await LiabilityMatterService.declareRecusal(a, userID: try uuid(f.recusalUserId, "recusalUserId"), reason: f.reason ?? "", req: req)
                message = "已记录回避。"
            case "evidence":
                guard let kind = f.kind.flatMap(LiabilityMatterService.EvidenceKind.init(rawValue:)) else {
                    throw AppError.validation("kind", "请选择证据或询问笔录", code: "required")
                }
                _ = try await LiabilityMatterService.recordEvidence(a, kind: kind, title: f.title ?? "", content: f.content ?? "", on: f.date, req: req)
                message = "已记入全过程记录。"
            default:
                let personID = f.personId.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
                _ = try await LiabilityMatterService.statement(a, personID: personID, text: f.text ?? "", on: f.statedOn, req: req)
                message = "陈述申辩已提交并记录。"
            }
            return try await Self.matterPage(req, message: message)
        } catch let e as AppError where Self.refusals.contains(e.status) && e.code != "OUT_OF_SCOPE" {
            return try await Self.matterPage(req, error: e.message, status: e.status)
        }
    }

    @Sendable func document(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matter(req)
        let dto = try await LiabilityMatterQueries.detail(a, req: req)
        return LiabilityDecisionPages.document(a.principal, dto, profile: LiabilityMatterService.profile(a.matter, services: req.application.services))
            .response(status: .ok)
    }

    private static func list(_ raw: String?) -> [String] {
        (raw ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }).map(String.init)
    }

    private func decide(_ req: Request, _ action: String) async throws -> Response {
        let a = action == "appeal" ? try await LiabilityAccess.matter(req) : try await LiabilityAccess.matterForAction(req)
        let f = try req.content.decode([String: String].self)
        func blank(_ k: String) -> String? { f[k].flatMap { $0.isEmpty ? nil : $0 } }
        do {
            let message: String
            switch action {
            case "findings":
                let views = try f.keys.filter { $0.hasPrefix("view_") && !(f[$0] ?? "").isEmpty }.sorted().map { k -> LiabilityDecisionService.ViewInput in
                    guard let id = UUID(uuidString: String(k.dropFirst(5))), let v = CollectiveView(rawValue: f[k] ?? "") else {
                        throw AppError.validation("views", "意见无效", code: "enum")
                    }
                    return .init(personID: id, view: v)
                }
                let targets = f.keys.filter { $0.hasPrefix("proposed_") && !(f[$0] ?? "").isEmpty }.sorted().map { k in
                    LiabilityDecisionService.TargetProposalInput(target: String(k.dropFirst(9)), circumstances: [], sanctions: Self.list(f[k]))
                }
                var level: Int?
                if let raw = blank("gravityLevel") {
                    guard let v = Int(raw) else { throw AppError.validation("gravityLevel", "须为整数", code: "integer") }
                    level = v
                }
                _ = try await LiabilityDecisionService.recordFindings(a, .init(
                    faultSituation: f["faultSituation"] ?? "", established: Self.list(f["established"]), reviewDue: f["reviewDue"] == "true",
                    views: views, circumstances: Self.list(f["circumstances"]), gravityLevel: level, targets: targets), req: req)
                message = "已认定并生成处理建议。"
            case "hearing-waivers":
                guard let id = blank("personId").flatMap(UUID.init(uuidString:)) else { throw AppError.validation("personId", "请选择", code: "required") }
                try await LiabilityDecisionService.waive(a, personID: id, note: f["note"], on: f["recordedOn"], req: req)
                message = "已记录告知后放弃陈述申辩。"
            case "extension", "appeal-extension":
                guard let v = blank("value").flatMap({ Int($0) }) else { throw AppError.validation("value", "须为整数", code: "integer") }
                if action == "extension" {
                    try await LiabilityDecisionService.extend(a, value: v, reason: f["reason"] ?? "", approvedBy: f["approvedBy"] ?? "", req: req)
                } else {
                    try await LiabilityDecisionService.extendAppeal(a, decisionID: try APILiabilityController.decisionID(req), value: v,
                                                                    reason: f["reason"] ?? "", approvedBy: f["approvedBy"] ?? "", req: req)
                }
                message = "已延长期限。"
            case "decision":
                let keys = f.keys.filter { $0.hasPrefix("include_") && f[$0] == "on" }.sorted().map { String($0.dropFirst(8)) }
                _ = try await LiabilityDecisionService.decide(a, facts: f["facts"] ?? "", reasons: f["reasons"] ?? "", targets: keys.map { k in
                    LiabilityDecisionService.DecisionTargetInput(target: k, share: f["share_\(k)"] ?? "", sanctions: Self.list(f["sanctions_\(k)"]), reason: f["reason_\(k)"])
                }, req: req)
                message = "已作出责任追究决定。"
            case "service":
                try await LiabilityDecisionService.serve(a, decisionID: try APILiabilityController.decisionID(req), servedOn: f["servedOn"],
                                                         manner: f["manner"] ?? "", recipient: f["recipient"] ?? "", req: req)
                message = "已记录送达。"
            case "appeal":
                try await LiabilityDecisionService.appeal(a, decisionID: try APILiabilityController.decisionID(req), lodgedOn: f["lodgedOn"],
                                                          grounds: f["grounds"] ?? "", req: req)
                message = "已提出复核（申诉）。"
            case "appeal-decision":
                guard let outcome = blank("outcome").flatMap(LiabilityDecisionService.AppealOutcome.init(rawValue:)) else {
                    throw AppError.validation("outcome", "请选择结果", code: "required")
                }
                try await LiabilityDecisionService.decideAppeal(a, decisionID: try APILiabilityController.decisionID(req), outcome: outcome,
                                                                sanctions: outcome == .changed ? Self.list(f["sanctions"]) : nil, share: nil,
                                                                reason: f["reason"], req: req)
                message = "已作出复核（申诉）决定。"
            case "filing":
                try await LiabilityDecisionService.file(a, filedOn: f["filedOn"], office: f["office"] ?? "", req: req)
                message = "已记录备案。"
            case "execution":
                guard let outcome = blank("outcome").flatMap(LiabilityDecisionService.ExecutionOutcome.init(rawValue:)) else {
                    throw AppError.validation("outcome", "请选择执行情况", code: "required")
                }
                try await LiabilityDecisionService.execution(a, outcome: outcome, text: f["text"] ?? "", on: f["date"], req: req)
                message = "已记录执行情况。"
            default:
                try await LiabilityDecisionService.close(a, report: f["report"] ?? "", req: req)
                message = "已结案。"
            }
            return try await Self.matterPage(req, message: message)
        } catch let e as AppError where Self.refusals.contains(e.status) && e.code != "OUT_OF_SCOPE" {
            return try await Self.matterPage(req, error: e.message, status: e.status)
        }
    }
}
