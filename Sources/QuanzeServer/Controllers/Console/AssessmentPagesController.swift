import Fluent
import Plot
import QuanzeCore
import Vapor

/// 评议考核 pages: plans (监督员: bodies; 法制员: units and officers), results with ranking and
/// consequences, each finding's detail with confirm/contest and the assessor's decision.
struct AssessmentPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "assessments", use: index)
        routes.post("console", "assessments", use: create)
        routes.get("console", "assessments", ":assessmentPlanID", use: show)
        routes.post("console", "assessments", ":assessmentPlanID", "compute", use: compute)
        routes.post("console", "assessments", ":assessmentPlanID", "publish", use: publish)
        routes.post("console", "assessments", ":assessmentPlanID", "evaluations", use: evaluator)
        routes.post("console", "assessments", ":assessmentPlanID", "survey", use: survey)
        routes.get("console", "assessment-findings", ":findingID", use: finding)
        routes.post("console", "assessment-findings", ":findingID", "enter", use: enter)
        routes.post("console", "assessment-findings", ":findingID", "respond", use: respond)
        routes.post("console", "assessment-findings", ":findingID", "decide", use: decide)
        routes.post("console", "assessment-findings", ":findingID", "zero-reason", use: zeroReason)
    }

    struct CreateForm: Content { var year: String?; var name: String?; var targetKind: String?; var indicators: String?
                                 var excellentMin: String?; var qualifiedMin: String?; var contestDays: String? }
    struct EvaluatorForm: Content { var agencyId: String?; var evaluatorName: String?; var rating: String?; var comment: String? }
    struct SurveyForm: Content { var csv: String? }
    struct EnterForm: Content { var points: String?; var evidence: String? }
    struct RespondForm: Content { var action: String?; var grounds: String? }
    struct DecideForm: Content { var outcome: String?; var points: String?; var reason: String? }
    struct ReasonForm: Content { var powerItemId: String?; var reason: String? }

    static let shown: [HTTPResponseStatus] = [.unprocessableEntity, .conflict, .notFound]

    @Sendable func index(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer, .officer)
        return try await listPage(p, req).render().response()
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        let form = try req.content.decode(CreateForm.self)
        do {
            func int(_ s: String?, _ field: String) throws -> Int {
                guard let v = s.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else { throw AppError.validation(field, "须为整数", code: "invalid") }
                return v
            }
            guard let kind = form.targetKind.flatMap(AssessmentTargetKind.init(rawValue:)) else {
                throw AppError.validation("targetKind", "请选择考核对象", code: "required")
            }
            let plan = try await AssessmentService.create(.init(
                year: try int(form.year, "year"), targetKind: kind, name: form.name ?? "", indicators: try AssessmentText.parse(form.indicators ?? ""),
                excellentMin: try int(form.excellentMin, "excellentMin"), qualifiedMin: try int(form.qualifiedMin, "qualifiedMin"),
                contestDays: try int(form.contestDays, "contestDays")), by: p, req: req)
            return req.redirect(to: SiteURL.consoleAssessment(try plan.requireID()), redirectType: .normal)
        } catch let e as AppError where Self.shown.contains(e.status) || e.code == "ASSESSOR_MISMATCH" {
            var page = try await listPage(p, req)
            page.error = "\(e.message)（\(e.code)）"
            page.indicatorsText = form.indicators
            return page.render().response(status: e.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (p, plan) = try await AssessmentService.plan(req, manage: false)
        return try await planPage(p, plan, req).render().response()
    }

    @Sendable func compute(req: Request) async throws -> Response {
        let (p, plan) = try await AssessmentService.plan(req, manage: true)
        return try await onPlan(p, plan, req) { try await AssessmentService.compute(plan, req: req); return "已按数据计算得分。" }
    }

    @Sendable func publish(req: Request) async throws -> Response {
        let (p, plan) = try await AssessmentService.plan(req, manage: true)
        return try await onPlan(p, plan, req) { try await AssessmentService.publish(plan, req: req); return "结果已公布。" }
    }

    @Sendable func evaluator(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        let (_, plan) = try await AssessmentService.plan(req, manage: true)
        return try await onPlan(p, plan, req) {
            let f = try req.content.decode(EvaluatorForm.self)
            guard let id = f.agencyId.flatMap(UUID.init(uuidString:)) else { throw AppError.validation("agencyId", "请选择执法部门", code: "required") }
            _ = try await EvaluationService.evaluator(agencyID: id, year: plan.year, rating: Int(f.rating ?? "") ?? 0, evaluatorName: f.evaluatorName ?? "",
                                                      comment: f.comment, by: p, req: req)
            return "已登记监督评议员评分；重新计算后计入外部评议。"
        }
    }

    @Sendable func survey(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        let (_, plan) = try await AssessmentService.plan(req, manage: true)
        return try await onPlan(p, plan, req) {
            let f = try req.content.decode(SurveyForm.self)
            let n = try await EvaluationService.importSurvey(year: plan.year, csv: f.csv ?? "", by: p, req: req)
            return "已导入 \(n) 份问卷；重新计算后计入外部评议。"
        }
    }

    @Sendable func finding(req: Request) async throws -> Response {
        let (p, f, plan) = try await AssessmentService.finding(req, roles: [.supervisor, .legalOfficer, .officer])
        return try await findingPage(p, f, plan, req).render().response()
    }

    @Sendable func enter(req: Request) async throws -> Response {
        let (p, f, plan) = try await AssessmentService.finding(req, roles: [.supervisor, .legalOfficer])
        guard AssessmentService.canManage(plan, p) else { throw AppError.outOfScope }
        return try await onFinding(p, f, plan, req) {
            let form = try req.content.decode(EnterForm.self)
            try await AssessmentService.enter(f, plan: plan, points: form.points ?? "", evidence: form.evidence ?? "", req: req)
            return "已录入得分。"
        }
    }

    @Sendable func respond(req: Request) async throws -> Response {
        let (p, f, plan) = try await AssessmentService.finding(req, roles: [.legalOfficer, .officer])
        guard try await AssessmentService.isAssessedParty(plan, targetID: f.targetID, p, on: req.db) else { throw AppError.outOfScope }
        return try await onFinding(p, f, plan, req) {
            let form = try req.content.decode(RespondForm.self)
            let contest = form.action == "contest"
            try await AssessmentService.respond(f, plan: plan, contest: contest, grounds: form.grounds, by: p, req: req)
            return contest ? "已提交申辩，待考核方处理。" : "已确认。"
        }
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let (p, f, plan) = try await AssessmentService.finding(req, roles: [.supervisor, .legalOfficer])
        guard AssessmentService.canManage(plan, p) else { throw AppError.outOfScope }
        return try await onFinding(p, f, plan, req) {
            let form = try req.content.decode(DecideForm.self)
            try await AssessmentService.decide(f, plan: plan, revise: form.outcome == "revised", points: form.points, reason: form.reason ?? "", by: p, req: req)
            return "已处理申辩。"
        }
    }

    @Sendable func zeroReason(req: Request) async throws -> Response {
        let (p, f, plan) = try await AssessmentService.finding(req, roles: [.legalOfficer])
        guard plan.targetKind == .agency, p.agencyID == f.targetID else { throw AppError.outOfScope }
        return try await onFinding(p, f, plan, req) {
            guard f.automatic == AutomaticIndicator.powersExercised.rawValue else {
                throw AppError.conflict("NOT_ZERO_ENFORCEMENT", "只有“职权行使率（零执法）”指标可以说明零执法理由")
            }
            let form = try req.content.decode(ReasonForm.self)
            guard let item = form.powerItemId.flatMap(UUID.init(uuidString:)) else { throw AppError.validation("powerItemId", "请选择权责事项", code: "required") }
            _ = try await AssessmentService.stateReason(year: plan.year, powerItemID: item, reason: form.reason ?? "", by: p, req: req)
            // The reason shows on the finding at once; it does not change the points.
            var d = f.detail
            if let i = d.against.firstIndex(where: { $0.id == item }) { d.against[i].note = form.reason?.trimmingCharacters(in: .whitespacesAndNewlines) }
            f.detailText = JSONText(d)
            try await f.save(on: req.db)
            return "已保存零执法理由。"
        }
    }

    // MARK: pages

    private func listPage(_ p: Principal, _ req: Request) async throws -> AssessmentListPage {
        var dtos: [AssessmentPlanDTO] = []
        for plan in try await AssessmentService.plans(for: p, on: req.db) {
            var dto = try await AssessmentQueries.view(plan, for: p, on: req.db, profiles: req.services.profiles)
            dto.results = []
            dtos.append(dto)
        }
        return AssessmentListPage(principal: p, plans: dtos, year: LocalDate(instant: req.now).year)
    }

    private func planPage(_ p: Principal, _ plan: AssessmentPlan, _ req: Request) async throws -> AssessmentPlanPage {
        AssessmentPlanPage(principal: p, plan: try await AssessmentQueries.view(plan, for: p, on: req.db, profiles: req.services.profiles),
                           canManage: AssessmentService.canManage(plan, p))
    }

    private func findingPage(_ p: Principal, _ f: AssessmentFinding, _ plan: AssessmentPlan, _ req: Request) async throws -> FindingPage {
        var dto = try await AssessmentQueries.view(plan, for: nil, on: req.db, profiles: req.services.profiles)
        let name = dto.results.first { $0.targetId == f.targetID }?.targetName ?? ""
        dto.results = []
        return FindingPage(principal: p, plan: dto, targetName: name, finding: FindingDTO(f), canManage: AssessmentService.canManage(plan, p),
                           isParty: try await AssessmentService.isAssessedParty(plan, targetID: f.targetID, p, on: req.db))
    }

    private func onPlan(_ p: Principal, _ plan: AssessmentPlan, _ req: Request, _ action: () async throws -> String) async throws -> Response {
        do {
            let message = try await action()
            var page = try await planPage(p, plan, req)
            page.message = message
            return page.render().response()
        } catch let e as AppError where Self.shown.contains(e.status) {
            var page = try await planPage(p, plan, req)
            page.error = "\(e.message)（\(e.code)）"
            return page.render().response(status: e.status)
        }
    }

    private func onFinding(_ p: Principal, _ f: AssessmentFinding, _ plan: AssessmentPlan, _ req: Request,
                           _ action: () async throws -> String) async throws -> Response {
        do {
            let message = try await action()
            var page = try await findingPage(p, f, plan, req)
            page.message = message
            return page.render().response()
        } catch let e as AppError where Self.shown.contains(e.status) {
            var page = try await findingPage(p, f, plan, req)
            page.error = "\(e.message)（\(e.code)）"
            return page.render().response(status: e.status)
        }
    }
}
