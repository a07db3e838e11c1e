import Fluent
import Vapor

/// 裁量基准 API: the body's 法制员 records them; the 需调整 list shows those whose article changed.
struct APIDiscretionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("agencies", ":agencyID", "discretion-benchmarks", use: index)
        routes.post("agencies", ":agencyID", "discretion-benchmarks", use: create)
        routes.get("discretion-benchmarks", "adjustments", use: adjustments)
    }

    @Sendable func index(req: Request) async throws -> [DiscretionBenchmarkDTO] {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        guard AgencyQueries.canRead(agency, p) else { throw AppError.outOfScope }
        return try await DiscretionQueries.rows(agencyIDs: [agency.requireID()], on: req.db).map { DiscretionBenchmarkDTO($0.0, basis: $0.1) }
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.legalOfficer)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        guard agency.id == p.agencyID else { throw AppError.outOfScope }
        let input = try req.decodeStrict(DiscretionBenchmarkInput.self)
        let b = try await DiscretionBenchmarkService.create(
            agency: agency, powerItemID: input.powerItemId, articleID: input.articleId, violation: input.violation,
            tiers: input.tiers.map { DiscretionTier(circumstance: $0.circumstance, sanction: $0.sanction, minAmount: $0.minAmount, maxAmount: $0.maxAmount) },
            req: req)
        return try await DiscretionQueries.dto(b, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func adjustments(req: Request) async throws -> [DiscretionBenchmarkDTO] {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        let ids = try await AgencyQueries.scopedIDs(for: p, on: req.db)
        return try await DiscretionQueries.rows(agencyIDs: ids, onlyFlagged: true, on: req.db).map { DiscretionBenchmarkDTO($0.0, basis: $0.1) }
    }
}
