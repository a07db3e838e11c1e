import Fluent
import QuanzeCore
import Vapor

/// 责任追究 API (issue 6 items 2, 3, 8; docs/liability-procedure.md): intake items entered by hand, 立案 /
/// 不予立案, and the investigation of a matter. The list of items stays at GET /liability-intake.
struct APILiabilityController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("liability-intake", use: enter)
        routes.get("liability-intake", ":intakeID", use: showIntake)
        routes.post("liability-intake", ":intakeID", "file", use: file)
        routes.post("liability-intake", ":intakeID", "decline", use: decline)
        routes.get("liability-matters", use: matters)
        routes.get("liability-matters", ":matterID", use: showMatter)
        routes.post("liability-matters", ":matterID", "persons", use: addPerson)
        routes.post("liability-matters", ":matterID", "investigators", use: appoint)
        routes.post("liability-matters", ":matterID", "recusals", use: recusal)
        routes.post("liability-matters", ":matterID", "evidence", use: evidence)
        routes.post("liability-matters", ":matterID", "statements", use: statement)
        // findings, decision, service, appeals, 备案, execution, closing (issue 6 items 4, 5, 7)
        routes.post("liability-matters", ":matterID", "findings", use: findings)
        routes.post("liability-matters", ":matterID", "hearing-waivers", use: waiver)
        routes.post("liability-matters", ":matterID", "extension", use: extend)
        routes.post("liability-matters", ":matterID", "decision", use: decide)
        routes.post("liability-matters", ":matterID", "decisions", ":decisionID", "service", use: serve)
        routes.post("liability-matters", ":matterID", "decisions", ":decisionID", "appeal", use: appeal)
        routes.post("liability-matters", ":matterID", "decisions", ":decisionID", "appeal", "extension", use: appealExtension)
        routes.post("liability-matters", ":matterID", "decisions", ":decisionID", "appeal", "decision", use: appealDecision)
        routes.post("liability-matters", ":matterID", "filing", use: filing)
        routes.post("liability-matters", ":matterID", "execution", use: execution)
        routes.post("liability-matters", ":matterID", "close", use: close)
    }

    static func decisionID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("decisionID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        return id
    }

    private func done(_ a: LiabilityAccess.MatterAccess, _ req: Request, status: HTTPResponseStatus = .created) async throws -> Response {
        guard let fresh = try await LiabilityMatter.find(a.matter.id, on: req.db) else { throw AppError.notFound }
        let b = LiabilityAccess.MatterAccess(principal: a.principal, matter: fresh, isActor: a.isActor, ownPerson: a.ownPerson)
        return try await LiabilityMatterQueries.detail(b, req: req).encodeResponse(status: status, for: req)
    }

    @Sendable func findings(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let i = try req.decodeStrict(LiabilityFindingsInput.self)
        let input = try LiabilityDecisionService.FindingsInput(api: i)
        _ = try await LiabilityDecisionService.recordFindings(a, input, req: req)
        return try await done(a, req)
    }

    @Sendable func waiver(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let i = try req.decodeStrict(LiabilityWaiverInput.self)
        try await LiabilityDecisionService.waive(a, personID: i.personId, note: i.note, on: i.recordedOn, req: req)
        return try await done(a, req)
    }

    @Sendable func extend(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let i = try req.decodeStrict(LiabilityExtensionInput.self)
        try await LiabilityDecisionService.extend(a, value: i.value, reason: i.reason, approvedBy: i.approvedBy, req: req)
        return try await done(a, req)
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let i = try req.decodeStrict(LiabilityDecisionInput.self)
        _ = try await LiabilityDecisionService.decide(a, facts: i.facts, reasons: i.reasons, targets: i.targets.map {
            LiabilityDecisionService.DecisionTargetInput(target: $0.target, share: $0.share, sanctions: $0.sanctions, reason: $0.reason)
        }, req: req)
        return try await done(a, req)
    }

    @Sendable func serve(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let id = try Self.decisionID(req)
        let i = try req.decodeStrict(LiabilityServiceInput.self)
        try await LiabilityDecisionService.serve(a, decisionID: id, servedOn: i.servedOn, manner: i.manner, recipient: i.recipient, req: req)
        return try await done(a, req)
    }

    @Sendable func appeal(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matter(req)
        let id = try Self.decisionID(req)
        let i = try req.decodeStrict(LiabilityAppealInput.self)
        try await LiabilityDecisionService.appeal(a, decisionID: id, lodgedOn: i.lodgedOn, grounds: i.grounds, req: req)
        return try await done(a, req)
    }

    @Sendable func appealExtension(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let id = try Self.decisionID(req)
        let i = try req.decodeStrict(LiabilityExtensionInput.self)
        try await LiabilityDecisionService.extendAppeal(a, decisionID: id, value: i.value, reason: i.reason, approvedBy: i.approvedBy, req: req)
        return try await done(a, req)
    }

    @Sendable func appealDecision(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let id = try Self.decisionID(req)
        let i = try req.decodeStrict(LiabilityAppealDecisionInput.self)
        guard let outcome = LiabilityDecisionService.AppealOutcome(rawValue: i.outcome) else {
            throw AppError.validation("outcome", "须为 upheld（维持）、changed（变更）或 revoked（撤销）", code: "enum")
        }
        try await LiabilityDecisionService.decideAppeal(a, decisionID: id, outcome: outcome, sanctions: i.sanctions, share: i.share, reason: i.reason, req: req)
        return try await done(a, req)
    }

    @Sendable func filing(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let i = try req.decodeStrict(LiabilityFilingInput.self)
        try await LiabilityDecisionService.file(a, filedOn: i.filedOn, office: i.office, req: req)
        return try await done(a, req)
    }

    @Sendable func execution(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let i = try req.decodeStrict(LiabilityExecutionInput.self)
        guard let outcome = LiabilityDecisionService.ExecutionOutcome(rawValue: i.outcome) else {
            throw AppError.validation("outcome", "须为 executed（已执行）或 refused（拒不执行）", code: "enum")
        }
        try await LiabilityDecisionService.execution(a, outcome: outcome, text: i.text, on: i.date, req: req)
        return try await done(a, req)
    }

    @Sendable func close(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let i = try req.decodeStrict(LiabilityCloseInput.self)
        try await LiabilityDecisionService.close(a, report: i.report, req: req)
        return try await done(a, req)
    }

    @Sendable func enter(req: Request) async throws -> Response {
        _ = try req.requireAny(LiabilityAccess.intakeReaders)
        let input = try req.decodeStrict(LiabilityIntakeInput.self)
        let item = try await LiabilityIntakeService.enter(.init(sourceKind: input.sourceKind, agencyID: input.agencyId, caseID: input.caseId,
                                                                subjectOfficerID: input.subjectOfficerId, summary: input.summary,
                                                                sourceDetail: input.sourceDetail, discoveredOn: input.discoveredOn), req: req)
        guard let t = try await LiabilityIntakeRouting.track(item, services: req.application.services, on: req.db) else { throw AppError.notFound }
        return try await LiabilityMatterQueries.intakeDetail(item, track: t, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func showIntake(req: Request) async throws -> LiabilityIntakeDTO {
        let (_, item, t) = try await LiabilityAccess.intake(req)
        return try await LiabilityMatterQueries.intakeDetail(item, track: t, req: req)
    }

    @Sendable func file(req: Request) async throws -> Response {
        let (_, item, t) = try await LiabilityAccess.intakeForAction(req)
        let input = try req.decodeStrict(LiabilityFileInput.self)
        let m = try await LiabilityIntakeService.file(item, track: t, summary: input.summary, req: req)
        let a = try await LiabilityAccess.matter(req, m)
        return try await LiabilityMatterQueries.detail(a, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func decline(req: Request) async throws -> LiabilityIntakeDTO {
        let (_, item, t) = try await LiabilityAccess.intakeForAction(req)
        let input = try req.decodeStrict(LiabilityDeclineInput.self)
        let updated = try await LiabilityIntakeService.decline(item, track: t, reason: input.reason, req: req)
        let fresh = try await LiabilityIntakeTrack.find(t.id, on: req.db) ?? t
        return try await LiabilityMatterQueries.intakeDetail(updated, track: fresh, req: req)
    }

    @Sendable func matters(req: Request) async throws -> [LiabilityMatterSummaryDTO] {
        let p = try req.requireAny(LiabilityAccess.matterReaders)
        return try await LiabilityMatterQueries.list(p, on: req.db)
    }

    @Sendable func showMatter(req: Request) async throws -> LiabilityMatterDTO {
        try await LiabilityMatterQueries.detail(try await LiabilityAccess.matter(req), req: req)
    }

    @Sendable func addPerson(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let input = try req.decodeStrict(LiabilityPersonInput.self)
        _ = try await LiabilityMatterService.addPerson(a, officerID: input.officerId, userID: input.userId, note: input.note, req: req)
        return try await LiabilityMatterQueries.detail(a, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func appoint(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let input = try req.decodeStrict(LiabilityInvestigatorInput.self)
        _ = try await LiabilityMatterService.appoint(a, userID: input.userId, req: req)
        return try await LiabilityMatterQueries.detail(a, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func recusal(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let input = try req.decodeStrict(LiabilityRecusalInput.self)
        _ = try await LiabilityMatterService.declareRecusal(a, userID: input.userId, reason: input.reason, req: req)
        return try await LiabilityMatterQueries.detail(a, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func evidence(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matterForAction(req)
        let input = try req.decodeStrict(LiabilityEvidenceInput.self)
        _ = try await LiabilityMatterService.recordEvidence(a, kind: input.kind, title: input.title, content: input.content, on: input.date, req: req)
        return try await LiabilityMatterQueries.detail(a, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func statement(req: Request) async throws -> Response {
        let a = try await LiabilityAccess.matter(req)
        let input = try req.decodeStrict(LiabilityStatementInput.self)
        _ = try await LiabilityMatterService.statement(a, personID: input.personId, text: input.text, on: input.statedOn, req: req)
        return try await LiabilityMatterQueries.detail(a, req: req).encodeResponse(status: .created, for: req)
    }
}

extension LiabilityAccess {
    /// Access to a matter just created in this request (its id is not a path parameter).
    static func matter(_ req: Request, _ m: LiabilityMatter) async throws -> MatterAccess {
        let p = try req.principal()
        let own = try await LiabilityPerson.query(on: req.db).filter(\.$matterID == m.requireID()).filter(\.$userID == p.userID).first()
        return MatterAccess(principal: p, matter: m, isActor: canAct(p, jurisdictionID: m.jurisdictionID, pursuingAgencyID: m.pursuingAgencyID),
                            ownPerson: own)
    }
}
