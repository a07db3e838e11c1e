import Fluent
import QuanzeCore
import Vapor

/// 案卷评查 API: standards and plans (监督员), catalogs (法制员), the draw and its re-run, sheets
/// (评查员 score, sign, advance; 监督员 confirms; 法制员 contests; 监督员 decides).
struct APIFileReviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("review-standards", use: standards)
        routes.post("review-standards", use: createStandard)
        routes.get("review-plans", use: plans)
        routes.post("review-plans", use: createPlan)
        routes.get("review-plans", ":reviewPlanID", use: showPlan)
        routes.put("review-plans", ":reviewPlanID", "catalog", use: reportCatalog)
        routes.post("review-plans", ":reviewPlanID", "bodies", ":agencyID", "resolve", use: resolve)
        routes.post("review-plans", ":reviewPlanID", "draw", use: draw)
        routes.get("review-plans", ":reviewPlanID", "redraw", use: redraw)
        routes.get("review-sheets", ":sheetID", use: showSheet)
        routes.put("review-sheets", ":sheetID", "score", use: score)
        routes.post("review-sheets", ":sheetID", "sign", use: sign)
        routes.post("review-sheets", ":sheetID", "advance", use: advance)
        routes.post("review-sheets", ":sheetID", "deliberations", use: deliberate)
        routes.post("review-sheets", ":sheetID", "confirm", use: confirm)
        routes.post("review-sheets", ":sheetID", "contest", use: contest)
        routes.post("review-sheets", ":sheetID", "contest-outcome", use: contestOutcome)
    }

    @Sendable func standards(req: Request) async throws -> [ReviewStandardDTO] {
        let p = try req.require(.supervisor, .reviewer)
        guard let j = p.jurisdictionID else { return [] }
        _ = try await FileReviewPlanService.currentStandard(jurisdictionID: j, actor: p.displayName, on: req.db)
        return try await ReviewStandard.query(on: req.db).filter(\.$jurisdictionID == j).sort(\.$version, .descending).all().map(ReviewStandardDTO.init)
    }

    @Sendable func createStandard(req: Request) async throws -> Response {
        try req.require(.supervisor)
        let input = try req.decodeStrict(ReviewStandardInput.self)
        let s = try await FileReviewPlanService.createStandard(name: input.name, passMark: input.passMark, criteria: input.criteria, req: req)
        return try await ReviewStandardDTO(s).encodeResponse(status: .created, for: req)
    }

    @Sendable func plans(req: Request) async throws -> [ReviewPlanDTO] {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer)
        var out: [ReviewPlanDTO] = []
        for plan in try await FileReviewScope.plans(for: p, on: req.db) { out.append(try await ReviewPlanDTO.make(plan, for: p, req: req)) }
        return out
    }

    @Sendable func createPlan(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        let input = try req.decodeStrict(ReviewPlanInput.self)
        let plan = try await FileReviewPlanService.create(input.draft, req: req)
        return try await ReviewPlanDTO.make(plan, for: p, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func showPlan(req: Request) async throws -> ReviewPlanDTO {
        let (p, plan) = try await FileReviewScope.plan(req)
        return try await ReviewPlanDTO.make(plan, for: p, req: req)
    }

    @Sendable func reportCatalog(req: Request) async throws -> ReviewPlanDTO {
        let (p, plan) = try await FileReviewScope.plan(req, roles: [.legalOfficer])
        let input = try req.decodeStrict(ReviewCatalogInput.self)
        _ = try await FileReviewPlanService.reportCatalog(plan: plan, numbers: input.caseNumbers, count: input.count, explanation: input.explanation, req: req)
        return try await ReviewPlanDTO.make(plan, for: p, req: req)
    }

    @Sendable func resolve(req: Request) async throws -> ReviewPlanDTO {
        let (p, plan) = try await FileReviewScope.plan(req, roles: [.supervisor])
        guard let agencyID = req.parameters.get("agencyID", as: UUID.self) else { throw AppError.notFound }
        let input = try req.decodeStrict(ReviewResolveInput.self)
        _ = try await FileReviewPlanService.resolve(plan: plan, agencyID: agencyID, note: input.resolution, req: req)
        return try await ReviewPlanDTO.make(plan, for: p, req: req)
    }

    @Sendable func draw(req: Request) async throws -> ReviewPlanDTO {
        let (p, plan) = try await FileReviewScope.plan(req, roles: [.supervisor])
        return try await ReviewPlanDTO.make(try await FileReviewPlanService.draw(plan: plan, req: req), for: p, req: req)
    }

    @Sendable func redraw(req: Request) async throws -> FileReviewPlanService.Verification {
        let (_, plan) = try await FileReviewScope.plan(req, roles: [.supervisor, .reviewer])
        return try await FileReviewPlanService.verify(plan, on: req.db)
    }

    @Sendable func showSheet(req: Request) async throws -> ReviewSheetDTO {
        let (_, _, sheet) = try await FileReviewScope.sheet(req)
        return try await ReviewSheetDTO.make(sheet, on: req.db)
    }

    @Sendable func score(req: Request) async throws -> ReviewSheetDTO {
        let (_, plan, sheet) = try await FileReviewScope.sheet(req, roles: [.reviewer])
        let input = try req.decodeStrict(ReviewScoreInput.self)
        let s = try await FileReviewSheetService.score(sheet, plan: plan, deductions: input.deductions, doubtful: input.doubtful ?? false, req: req)
        return try await ReviewSheetDTO.make(s, on: req.db)
    }

    @Sendable func sign(req: Request) async throws -> ReviewSheetDTO {
        let (_, plan, sheet) = try await FileReviewScope.sheet(req, roles: [.reviewer])
        return try await ReviewSheetDTO.make(try await FileReviewSheetService.sign(sheet, plan: plan, req: req), on: req.db)
    }

    @Sendable func advance(req: Request) async throws -> ReviewSheetDTO {
        let (_, plan, sheet) = try await FileReviewScope.sheet(req, roles: [.reviewer])
        return try await ReviewSheetDTO.make(try await FileReviewSheetService.advance(sheet, plan: plan, req: req), on: req.db)
    }

    @Sendable func deliberate(req: Request) async throws -> Response {
        let (_, plan, sheet) = try await FileReviewScope.sheet(req, roles: [.supervisor, .reviewer])
        let input = try req.decodeStrict(ReviewDeliberationInput.self)
        _ = try await FileReviewSheetService.deliberate(sheet, plan: plan, participants: input.participants, conclusion: input.conclusion, req: req)
        return try await ReviewSheetDTO.make(sheet, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func confirm(req: Request) async throws -> ReviewSheetDTO {
        let (_, plan, sheet) = try await FileReviewScope.sheet(req, roles: [.supervisor])
        let input = try req.decodeStrict(ReviewConfirmInput.self)
        return try await ReviewSheetDTO.make(try await FileReviewSheetService.confirm(sheet, plan: plan, correctedScore: input.score, note: input.note, req: req), on: req.db)
    }

    @Sendable func contest(req: Request) async throws -> ReviewSheetDTO {
        let (_, plan, sheet) = try await FileReviewScope.sheet(req, roles: [.legalOfficer])
        let input = try req.decodeStrict(ReviewContestInput.self)
        return try await ReviewSheetDTO.make(try await FileReviewSheetService.contest(sheet, plan: plan, grounds: input.grounds, req: req), on: req.db)
    }

    @Sendable func contestOutcome(req: Request) async throws -> ReviewSheetDTO {
        let (_, plan, sheet) = try await FileReviewScope.sheet(req, roles: [.supervisor])
        let input = try req.decodeStrict(ReviewContestOutcomeInput.self)
        return try await ReviewSheetDTO.make(try await FileReviewSheetService.decideContest(sheet, plan: plan, outcome: input.outcome, score: input.score,
                                                                                            reason: input.reason, req: req), on: req.db)
    }
}

/// 监督文书 API: the 监督员 issues and reviews replies; the body's 法制员 replies.
struct APINoticesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("notices", use: index)
        routes.post("notices", use: issue)
        routes.get("notices", ":noticeID", use: show)
        routes.post("notices", ":noticeID", "reply", use: reply)
        routes.post("notices", ":noticeID", "accept", use: accept)
        routes.post("notices", ":noticeID", "return", use: returnReply)
    }

    @Sendable func index(req: Request) async throws -> [NoticeDTO] {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer)
        var out: [NoticeDTO] = []
        for n in try await SupervisionNoticeService.list(for: p, on: req.db) { out.append(try await NoticeDTO.make(n, today: req.today, on: req.db)) }
        return out
    }

    @Sendable func issue(req: Request) async throws -> Response {
        try req.require(.supervisor)
        let i = try req.decodeStrict(NoticeInput.self)
        let n = try await SupervisionNoticeService.issue(.init(kind: i.kind, agencyID: i.agencyId, title: i.title, content: i.content, replyDue: i.replyDue,
                                                               caseID: i.caseId, reviewPlanID: i.reviewPlanId, reviewSheetID: i.reviewSheetId), req: req)
        return try await NoticeDTO.make(n, today: req.today, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> NoticeDTO {
        let (_, n) = try await SupervisionNoticeService.load(req, roles: [.supervisor, .reviewer, .legalOfficer])
        return try await NoticeDTO.make(n, today: req.today, on: req.db)
    }

    @Sendable func reply(req: Request) async throws -> NoticeDTO {
        let (_, n) = try await SupervisionNoticeService.load(req, roles: [.legalOfficer])
        let input = try req.decodeStrict(NoticeReplyInput.self)
        return try await NoticeDTO.make(try await SupervisionNoticeService.reply(n, text: input.reply, req: req), today: req.today, on: req.db)
    }

    @Sendable func accept(req: Request) async throws -> NoticeDTO {
        let (_, n) = try await SupervisionNoticeService.load(req, roles: [.supervisor])
        let input = try req.decodeStrict(NoticeReviewInput.self)
        return try await NoticeDTO.make(try await SupervisionNoticeService.review(n, accept: true, note: input.note, req: req), today: req.today, on: req.db)
    }

    @Sendable func returnReply(req: Request) async throws -> NoticeDTO {
        let (_, n) = try await SupervisionNoticeService.load(req, roles: [.supervisor])
        let input = try req.decodeStrict(NoticeReviewInput.self)
        return try await NoticeDTO.make(try await SupervisionNoticeService.review(n, accept: false, note: input.note, req: req), today: req.today, on: req.db)
    }
}
