import Fluent
import QuanzeCore
import Vapor

/// 评议考核 API: plans, computation, findings (enter, confirm/contest, decide), publication, 零执法
/// reasons, external evaluation (监督评议员 ratings, survey import, one-time codes, portal cards) and
/// the published results.
struct APIAssessmentsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("assessment-plans", use: index)
        routes.post("assessment-plans", use: create)
        routes.get("assessment-plans", ":assessmentPlanID", use: show)
        routes.post("assessment-plans", ":assessmentPlanID", "compute", use: compute)
        routes.post("assessment-plans", ":assessmentPlanID", "publish", use: publish)
        routes.get("assessment-findings", ":findingID", use: finding)
        routes.post("assessment-findings", ":findingID", "enter", use: enter)
        routes.post("assessment-findings", ":findingID", "respond", use: respond)
        routes.post("assessment-findings", ":findingID", "decide", use: decide)
        routes.put("zero-enforcement-reasons", use: reason)
        routes.post("evaluations", use: evaluator)
        // The schema allows 1,000,000 characters of CSV; as JSON a character may take 12 bytes (an astral
        // character as two \u escapes), so the body limit leaves room for a text just over the limit to be
        // refused by the length rule (422/400 with its code) rather than by size (413).
        routes.on(.POST, "evaluations", "survey", body: .collect(maxSize: "16mb"), use: survey)
        routes.post("cases", ":caseID", "evaluation-codes", use: issueCode)
        routes.post("public", "evaluations", use: card)
        routes.get("public", "assessments", use: published)
    }

    @Sendable func index(req: Request) async throws -> [AssessmentPlanDTO] {
        let p = try req.require(.supervisor, .legalOfficer, .officer)
        var out: [AssessmentPlanDTO] = []
        for plan in try await AssessmentService.plans(for: p, on: req.db) {
            var dto = try await AssessmentQueries.view(plan, for: p, on: req.db, profiles: req.services.profiles)
            dto.results = dto.results.map { var r = $0; r.findings = []; return r }
            out.append(dto)
        }
        return out
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        let input = try req.decodeStrict(AssessmentPlanInput.self)
        if let buffer = req.body.data, let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] {
            try IndicatorNodeInput.checkStrict(object["indicators"], path: "indicators")
        }
        let plan = try await AssessmentService.create(input.draft, by: p, req: req)
        return try await AssessmentQueries.view(plan, for: p, on: req.db, profiles: req.services.profiles).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> AssessmentPlanDTO {
        let (p, plan) = try await AssessmentService.plan(req, manage: false)
        return try await AssessmentQueries.view(plan, for: p, on: req.db, profiles: req.services.profiles)
    }

    @Sendable func compute(req: Request) async throws -> AssessmentPlanDTO {
        let (p, plan) = try await AssessmentService.plan(req, manage: true)
        try await AssessmentService.compute(plan, req: req)
        return try await AssessmentQueries.view(plan, for: p, on: req.db, profiles: req.services.profiles)
    }

    @Sendable func publish(req: Request) async throws -> AssessmentPlanDTO {
        let (p, plan) = try await AssessmentService.plan(req, manage: true)
        try await AssessmentService.publish(plan, req: req)
        return try await AssessmentQueries.view(plan, for: p, on: req.db, profiles: req.services.profiles)
    }

    @Sendable func finding(req: Request) async throws -> FindingDTO {
        let (_, f, _) = try await AssessmentService.finding(req, roles: [.supervisor, .legalOfficer, .officer])
        return FindingDTO(f)
    }

    static func pointsText(_ v: Double) -> String { String(format: "%.2f", v) }

    @Sendable func enter(req: Request) async throws -> FindingDTO {
        let (p, f, plan) = try await AssessmentService.finding(req, roles: [.supervisor, .legalOfficer])
        guard AssessmentService.canManage(plan, p) else { throw AppError.outOfScope }
        let input = try req.decodeStrict(FindingEnterInput.self)
        guard (input.points * 100).rounded() == input.points * 100 || abs((input.points * 100).rounded() - input.points * 100) < 1e-6 else {
            throw AppError.validation("points", "得分最多两位小数", code: "invalid")
        }
        try await AssessmentService.enter(f, plan: plan, points: Self.pointsText(input.points), evidence: input.evidence, req: req)
        return FindingDTO(f)
    }

    @Sendable func respond(req: Request) async throws -> FindingDTO {
        let (p, f, plan) = try await AssessmentService.finding(req, roles: [.legalOfficer, .officer])
        guard try await AssessmentService.isAssessedParty(plan, targetID: f.targetID, p, on: req.db) else { throw AppError.outOfScope }
        let input = try req.decodeStrict(FindingRespondInput.self)
        guard ["confirm", "contest"].contains(input.action) else { throw AppError.validation("action", "须为 confirm 或 contest", code: "invalid") }
        try await AssessmentService.respond(f, plan: plan, contest: input.action == "contest", grounds: input.grounds, by: p, req: req)
        return FindingDTO(f)
    }

    @Sendable func decide(req: Request) async throws -> FindingDTO {
        let (p, f, plan) = try await AssessmentService.finding(req, roles: [.supervisor, .legalOfficer])
        guard AssessmentService.canManage(plan, p) else { throw AppError.outOfScope }
        let input = try req.decodeStrict(FindingDecideInput.self)
        guard ["upheld", "revised"].contains(input.outcome) else { throw AppError.validation("outcome", "须为 upheld 或 revised", code: "invalid") }
        try await AssessmentService.decide(f, plan: plan, revise: input.outcome == "revised", points: input.points.map(Self.pointsText),
                                           reason: input.reason, by: p, req: req)
        return FindingDTO(f)
    }

    @Sendable func reason(req: Request) async throws -> ZeroEnforcementReasonDTO {
        let p = try req.require(.legalOfficer)
        let input = try req.decodeStrict(ZeroEnforcementReasonInput.self)
        let r = try await AssessmentService.stateReason(year: input.year, powerItemID: input.powerItemId, reason: input.reason, by: p, req: req)
        return ZeroEnforcementReasonDTO(agencyId: r.agencyID, year: r.year, powerItemId: r.powerItemID, reason: r.reason, statedOn: r.statedOn)
    }

    @Sendable func evaluator(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        let input = try req.decodeStrict(EvaluatorRatingInput.self)
        let e = try await EvaluationService.evaluator(agencyID: input.agencyId, year: input.year, rating: input.rating,
                                                      evaluatorName: input.evaluatorName, comment: input.comment, by: p, req: req)
        return try await EvaluationDTO(e).encodeResponse(status: .created, for: req)
    }

    @Sendable func survey(req: Request) async throws -> SurveyImportDTO {
        let p = try req.require(.supervisor)
        let input = try req.decodeStrict(SurveyImportInput.self)
        return SurveyImportDTO(imported: try await EvaluationService.importSurvey(year: input.year, csv: input.csv, by: p, req: req))
    }

    @Sendable func issueCode(req: Request) async throws -> Response {
        let p = try req.require(.legalOfficer, .officer)
        let caseID = try req.uuidParameter("caseID")
        let (code, number) = try await EvaluationService.issueCode(caseID: caseID, by: p, req: req)
        return try await EvaluationCodeDTO(code: code, caseNumber: number, note: "评议码只显示这一次，请交给当事人；系统只保存其散列值，使用一次后失效")
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func card(req: Request) async throws -> Response {
        try await req.requirePortalRate(.evaluation)
        let input = try req.decodeStrict(EvaluationCardInput.self)
        let e = try await EvaluationService.submit(.init(agencyID: input.agencyId, code: input.code, rating: input.rating, comment: input.comment), req: req)
        return try await EvaluationDTO(e).encodeResponse(status: .created, for: req)
    }

    /// Published results of plans assessing bodies (no findings' items).
    @Sendable func published(req: Request) async throws -> [AssessmentPlanDTO] {
        let plans = try await AssessmentPlan.query(on: req.db).filter(\.$targetKind == .agency).filter(\.$status == .published)
            .sort(\.$year, .descending).all()
        var out: [AssessmentPlanDTO] = []
        for plan in plans {
            var dto = try await AssessmentQueries.view(plan, for: nil, on: req.db, profiles: req.services.profiles)
            dto.results = dto.results.map { var r = $0; r.findings = r.findings.map { var f = $0; f.against = []; f.responseGrounds = nil; return f }; return r }
            out.append(dto)
        }
        return out
    }
}
