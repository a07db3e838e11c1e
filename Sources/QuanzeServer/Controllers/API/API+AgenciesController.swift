import Fluent
import QuanzeCore
import Vapor

/// Enforcement bodies, within the caller's scope; the public list needs no sign-in.
struct APIAgenciesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("agencies", use: index)
        routes.get("agencies", ":agencyID", use: show)
        routes.post("agencies", use: create)
        routes.patch("agencies", ":agencyID", use: update)
        routes.post("agencies", ":agencyID", "confirm", use: confirm)
        routes.post("agencies", ":agencyID", "announce", use: announce)
        routes.post("agencies", ":agencyID", "revoke", use: revoke)
        routes.get("public", "agencies", use: publicIndex)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        let input = try req.decodeStrict(AgencyInput.self)
        guard let jurisdiction = p.jurisdictionID else { throw AppError.outOfScope }
        let agency = try await AgencyService.create(input.fields, jurisdictionID: jurisdiction, req: req)
        return try await AgencyDTO(agency).encodeResponse(status: .created, for: req)
    }

    @Sendable func update(req: Request) async throws -> AgencyDTO {
        let agency = try await Self.registerScoped(req)   // authorisation before reading the body
        let input = try req.decodeStrict(AgencyInput.self)
        try await AgencyService.update(agency, input.fields, req: req)
        return try AgencyDTO(agency)
    }

    @Sendable func confirm(req: Request) async throws -> AgencyDTO {
        let agency = try await Self.registerScoped(req)   // authorisation before reading the body
        let input = try req.decodeStrict(ConfirmAgencyInput.self)
        try await AgencyService.confirm(agency, ref: input.confirmationRef, req: req)
        return try AgencyDTO(agency)
    }

    @Sendable func announce(req: Request) async throws -> AgencyDTO {
        let agency = try await Self.registerScoped(req)   // authorisation before reading the body
        let input = try req.decodeStrict(AnnounceAgencyInput.self)
        try await AgencyService.announce(agency, ref: input.announcementRef, on: input.announcedOn, req: req)
        return try AgencyDTO(agency)
    }

    @Sendable func revoke(req: Request) async throws -> AgencyDTO {
        let agency = try await Self.registerScoped(req)   // authorisation before reading the body
        let input = try req.decodeStrict(RevokeAgencyInput.self)
        try await AgencyService.revoke(agency, reason: input.reason, req: req)
        return try AgencyDTO(agency)
    }

    /// The body named in the path, which must lie in the calling 监督员's jurisdiction.
    static func registerScoped(_ req: Request) async throws -> Agency {
        let p = try req.require(.supervisor)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        guard agency.$jurisdiction.id == p.jurisdictionID else { throw AppError.outOfScope }
        return agency
    }

    @Sendable func index(req: Request) async throws -> [AgencyDTO] {
        let p = try req.require(.systemAdmin, .supervisor, .reviewer, .legalOfficer, .officer)
        return try await AgencyQueries.scoped(for: p, on: req.db).sort(\.$name).all().map(AgencyDTO.init)
    }

    @Sendable func show(req: Request) async throws -> AgencyDTO {
        let p = try req.require(.systemAdmin, .supervisor, .reviewer, .legalOfficer, .officer)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        guard AgencyQueries.canRead(agency, p) else { throw AppError.outOfScope }
        return try AgencyDTO(agency)
    }

    @Sendable func publicIndex(req: Request) async throws -> [PublicAgencyDTO] {
        try await Agency.query(on: req.db).filter(\.$status == .announced).sort(\.$name).all().map(PublicAgencyDTO.init)
    }
}
