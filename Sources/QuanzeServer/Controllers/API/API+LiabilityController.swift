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
