import Fluent
import QuanzeCore
import Vapor

/// Enforcement bodies, within the caller's scope; the public list needs no sign-in.
struct APIAgenciesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("agencies", use: index)
        routes.get("agencies", ":agencyID", use: show)
        routes.get("public", "agencies", use: publicIndex)
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
        try await Agency.query(on: req.db).sort(\.$name).all().map(PublicAgencyDTO.init)
    }
}
