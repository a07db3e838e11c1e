import Fluent
import QuanzeCore
import Vapor

/// 委托执法 API. The delegating body's 法制员 or the jurisdiction's 监督员 records a delegation; the
/// 监督员 (the government's legal office) records its filing; either ends it early. Business roles
/// read within scope; the public reads the 委托执法目录 (filed delegations in force).
struct APIDelegationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let delegations = routes.grouped("delegations")
        delegations.get(use: index)
        delegations.post(use: create)
        delegations.get(":delegationID", use: show)
        delegations.post(":delegationID", "file", use: file)
        delegations.post(":delegationID", "terminate", use: terminate)
        routes.get("agencies", ":agencyID", "may-act", use: mayAct)
        routes.get("public", "delegations", use: publicIndex)
    }

    @Sendable func index(req: Request) async throws -> [DelegationDTO] {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        let today = LocalDate(instant: req.now)
        return try await DelegationQueries.list(for: p, today: today, on: req.db).map { try DelegationDTO($0, today: today) }
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        let input = try req.decodeStrict(DelegationInput.self)
        let delegator = try await Self.delegator(input.delegatingAgencyId, for: p, on: req.db)
        let d = try await DelegationService.create(input.service, delegator: delegator, req: req)
        return try await dto(d, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> DelegationDTO {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        return try await dto(try await DelegationQueries.readable(try req.uuidParameter("delegationID"), by: p, on: req.db), req)
    }

    @Sendable func file(req: Request) async throws -> DelegationDTO {
        let d = try await Self.filable(req)   // authorisation before reading the body
        let input = try req.decodeStrict(DelegationFilingInput.self)
        try await DelegationService.file(d, input.service, req: req)
        return try await dto(d, req)
    }

    @Sendable func terminate(req: Request) async throws -> DelegationDTO {
        let d = try await Self.terminable(req)   // authorisation before reading the body
        let input = try req.decodeStrict(DelegationTerminateInput.self)
        try await DelegationService.terminate(d, reason: input.reason, req: req)
        return try await dto(d, req)
    }

    /// GET /agencies/:agencyID/may-act?powerItemID=…&date=YYYY-MM-DD (date defaults to today).
    @Sendable func mayAct(req: Request) async throws -> MayActDTO {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        guard AgencyQueries.canRead(agency, p) else { throw AppError.outOfScope }
        let (itemID, day) = try Self.mayActQuery(req)
        let outcome = try await DelegationCheck.mayAct(agencyID: try agency.requireID(), powerItemID: itemID, on: day, db: req.db)
        return MayActDTO(agencyId: try agency.requireID(), powerItemId: itemID, date: day.iso, allowed: outcome.allowed,
                         code: outcome.code, message: outcome.message, delegationId: outcome.delegationID)
    }

    /// `powerItemID` (required) and `date` (YYYY-MM-DD, today when absent) of a may-act question.
    static func mayActQuery(_ req: Request) throws -> (UUID, LocalDate) {
        guard let raw = req.query[String.self, at: "powerItemID"], let itemID = UUID(uuidString: raw) else {
            throw AppError.badRequest("POWER_ITEM_REQUIRED", "须提供职权事项 powerItemID", field: "powerItemID")
        }
        guard let rawDate = req.query[String.self, at: "date"], !rawDate.isEmpty else { return (itemID, req.today) }
        guard let day = LocalDate(iso: rawDate) else { throw AppError.validation("date", "须为有效日期（YYYY-MM-DD）", code: "date") }
        return (itemID, day)
    }

    @Sendable func publicIndex(req: Request) async throws -> [PublicDelegationDTO] {
        let today = LocalDate(instant: req.now)
        let filed = try await Delegation.query(on: req.db).filter(\.$status == .filed).sort(\.$termStart).all().filter { $0.covers(today) }
        return try await DelegationQueries.records(filed, on: req.db).filter { $0.delegator.mayEnforce }.map(PublicDelegationDTO.init)
    }

    private func dto(_ d: Delegation, _ req: Request) async throws -> DelegationDTO {
        let events = try await DelegationEvent.query(on: req.db).filter(\.$delegation.$id == d.requireID()).sort(\.$createdAt).all()
        return try DelegationDTO(try await DelegationQueries.record(d, on: req.db), today: LocalDate(instant: req.now), events: events)
    }

    /// The delegating body: the 法制员's own body, or a body in the 监督员's jurisdiction.
    static func delegator(_ id: UUID, for p: Principal, on db: any Database) async throws -> Agency {
        guard let agency = try await Agency.find(id, on: db) else {
            throw DelegationRules.refuse("DELEGATOR_NOT_FOUND", "delegatingAgencyId", "委托机关不存在")
        }
        let own = p.has(.legalOfficer) && p.agencyID == agency.id
        let supervised = p.has(.supervisor) && p.jurisdictionID == agency.$jurisdiction.id
        guard own || supervised else { throw AppError.outOfScope }
        return agency
    }

    /// Filing: the 监督员 of the delegation's jurisdiction (the government's legal office).
    static func filable(_ req: Request) async throws -> Delegation {
        let p = try req.require(.supervisor)
        let d = try await DelegationQueries.readable(try req.uuidParameter("delegationID"), by: p, on: req.db)
        guard d.$jurisdiction.id == p.jurisdictionID else { throw AppError.outOfScope }
        return d
    }

    /// Early end: the 监督员 of the jurisdiction or the delegating body's 法制员.
    static func terminable(_ req: Request) async throws -> Delegation {
        let p = try req.require(.supervisor, .legalOfficer)
        let d = try await DelegationQueries.readable(try req.uuidParameter("delegationID"), by: p, on: req.db)
        let supervised = p.has(.supervisor) && d.$jurisdiction.id == p.jurisdictionID
        let delegator = p.has(.legalOfficer) && d.$delegatingAgency.id == p.agencyID
        guard supervised || delegator else { throw AppError.outOfScope }
        return d
    }
}
