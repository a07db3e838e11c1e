import Fluent
import QuanzeCore
import Vapor

/// 执法协调 API (issue 6 item 9; docs/coordination.md) and 典型案例 API (item 10).
struct APICoordinationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("coordination", use: list)
        routes.post("coordination", use: raise)
        routes.get("coordination", ":disputeID", use: show)
        routes.post("coordination", ":disputeID", "opinion", use: opinion)
        routes.post("coordination", ":disputeID", "escalate", use: escalate)
        routes.post("coordination", ":disputeID", "forward", use: forward)
        routes.post("coordination", ":disputeID", "resolve", use: resolve)
        routes.post("coordination", ":disputeID", "decision", use: decision)
        routes.post("coordination", ":disputeID", "execution", use: execution)
        routes.post("coordination", ":disputeID", "close", use: close)
        routes.get("typical-cases", use: typicalCases)
        routes.post("typical-cases", use: compose)
        routes.get("typical-cases", ":typicalCaseID", use: typicalCase)
        routes.put("typical-cases", ":typicalCaseID", use: edit)
        routes.post("typical-cases", ":typicalCaseID", "publish", use: publish)
        routes.post("typical-cases", ":typicalCaseID", "withdraw", use: withdraw)
    }

    @Sendable func list(req: Request) async throws -> [CoordinationSummaryDTO] {
        let p = try req.requireAny(CoordinationAccess.readers)
        let agency = try req.query.get(String?.self, at: "agencyId")
        let agencyID: UUID? = try agency.map {
            guard let id = UUID(uuidString: $0) else { throw AppError.validation("agencyId", "须为 UUID", code: "uuid") }
            return id
        }
        // Filters outside their enumerations are refused, not ignored (the OpenAPI schema lists the values).
        let status = try req.query.get(String?.self, at: "status")
        if let status, CoordinationStatus(rawValue: status) == nil {
            throw AppError.validation("status", "须为 " + CoordinationStatus.allCases.map(\.rawValue).joined(separator: "、"), code: "enum")
        }
        let kind = try req.query.get(String?.self, at: "kind")
        if let kind, CoordinationKind(rawValue: kind) == nil {
            throw AppError.validation("kind", "须为 " + CoordinationKind.allCases.map(\.rawValue).joined(separator: "、"), code: "enum")
        }
        return try await CoordinationQueries.list(p, filter: .init(status: status, kind: kind, agencyID: agencyID),
                                                  today: req.today, on: req.db)
    }

    @Sendable func raise(req: Request) async throws -> Response {
        _ = try req.require(.legalOfficer)
        let input = try req.decodeStrict(CoordinationRaiseInput.self)
        let d = try await CoordinationService.raise(kind: input.kind, subject: input.subject, description: input.description,
                                                    partyAgencyIDs: input.partyAgencyIds, req: req)
        let a = try await CoordinationAccess.load(req, id: d.requireID())
        return try await CoordinationQueries.detail(a, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> CoordinationDTO {
        try await CoordinationQueries.detail(try await CoordinationAccess.load(req), req: req)
    }

    @Sendable func opinion(req: Request) async throws -> CoordinationDTO {
        let a = try await CoordinationAccess.load(req)
        try CoordinationAccess.requireInitiator(a)
        let input = try req.decodeStrict(CoordinationOpinionInput.self)
        try await CoordinationService.fileOpinion(a, endedOn: input.endedOn, opinion: input.opinion, executeBy: input.executeBy, req: req)
        return try await CoordinationQueries.detail(a, req: req)
    }

    @Sendable func escalate(req: Request) async throws -> CoordinationDTO {
        let a = try await CoordinationAccess.load(req)
        try CoordinationAccess.requireInitiator(a)
        let input = try req.decodeStrict(CoordinationEscalateInput.self)
        try await CoordinationService.escalate(a, office: input.office, endedOn: input.endedOn, application: input.application, req: req)
        return try await CoordinationQueries.detail(a, req: req)
    }

    @Sendable func forward(req: Request) async throws -> CoordinationDTO {
        let a = try await CoordinationAccess.load(req)
        try CoordinationAccess.requireSupervisor(a, "移送协调申请")
        let input = try req.decodeStrict(CoordinationForwardInput.self)
        try await CoordinationService.forward(a, to: input.office, req: req)
        return try await CoordinationQueries.detail(a, req: req)
    }

    @Sendable func resolve(req: Request) async throws -> CoordinationDTO {
        let a = try await CoordinationAccess.load(req)
        try CoordinationAccess.requireSupervisor(a, "协调结果")
        let input = try req.decodeStrict(CoordinationResolveInput.self)
        try await CoordinationService.resolve(a, office: input.office, outcome: input.outcome, text: input.text, executeBy: input.executeBy, req: req)
        return try await CoordinationQueries.detail(a, req: req)
    }

    @Sendable func decision(req: Request) async throws -> CoordinationDTO {
        let a = try await CoordinationAccess.load(req)
        try CoordinationAccess.requireSupervisor(a, "区政府协调决定")
        let input = try req.decodeStrict(CoordinationDecisionInput.self)
        try await CoordinationService.governmentDecision(a, text: input.text, executeBy: input.executeBy, req: req)
        return try await CoordinationQueries.detail(a, req: req)
    }

    @Sendable func execution(req: Request) async throws -> CoordinationDTO {
        let a = try await CoordinationAccess.load(req)
        let input = try req.decodeStrict(CoordinationExecutionInput.self)
        try await CoordinationService.reportExecution(a, agencyID: input.agencyId, text: input.text, req: req)
        return try await CoordinationQueries.detail(a, req: req)
    }

    @Sendable func close(req: Request) async throws -> CoordinationDTO {
        let a = try await CoordinationAccess.load(req)
        try await CoordinationService.close(a, req: req)
        return try await CoordinationQueries.detail(a, req: req)
    }

    // MARK: 典型案例

    @Sendable func typicalCases(req: Request) async throws -> [TypicalCaseDTO] {
        let p = try req.require(.supervisor)
        guard let j = p.jurisdictionID else { return [] }
        return try await TypicalCase.query(on: req.db).filter(\.$jurisdictionID == j).sort(\.$createdAt, .descending).all().map(TypicalCaseDTO.init)
    }

    @Sendable func compose(req: Request) async throws -> Response {
        _ = try req.require(.supervisor)
        let input = try req.decodeStrict(TypicalCaseInput.self)
        let t = try await TypicalCaseService.compose(.init(matterID: input.matterId, title: input.title, body: input.body, ruleCited: input.ruleCited,
                                                           handling: input.handling, personNames: input.personNames ?? []), req: req)
        return try await TypicalCaseDTO(t).encodeResponse(status: .created, for: req)
    }

    @Sendable func typicalCase(req: Request) async throws -> TypicalCaseDTO {
        TypicalCaseDTO(try await TypicalCaseService.load(req).1)
    }

    @Sendable func edit(req: Request) async throws -> TypicalCaseDTO {
        let (_, t) = try await TypicalCaseService.load(req)
        let input = try req.decodeStrict(TypicalCaseInput.self)
        if let m = input.matterId, m != t.matterID { throw AppError.validation("matterId", "不能更换所依据的责任追究案件", code: "immutable") }
        try await TypicalCaseService.edit(t, .init(matterID: t.matterID, title: input.title, body: input.body, ruleCited: input.ruleCited,
                                                   handling: input.handling, personNames: input.personNames ?? []), req: req)
        return TypicalCaseDTO(t)
    }

    @Sendable func publish(req: Request) async throws -> TypicalCaseDTO {
        let (_, t) = try await TypicalCaseService.load(req)
        try await TypicalCaseService.publish(t, req: req)
        return TypicalCaseDTO(t)
    }

    @Sendable func withdraw(req: Request) async throws -> TypicalCaseDTO {
        let (_, t) = try await TypicalCaseService.load(req)
        let input = try req.decodeStrict(TypicalCaseWithdrawInput.self)
        try await TypicalCaseService.withdraw(t, reason: input.reason, req: req)
        return TypicalCaseDTO(t)
    }
}
