import Fluent
import Vapor

/// 裁量基准 API: the body's 法制员 records and revises them; the 需调整 list shows those whose article
/// changed; the 裁量一致性 report reads the decided fines per benchmark and level.
struct APIDiscretionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("agencies", ":agencyID", "discretion-benchmarks", use: index)
        routes.post("agencies", ":agencyID", "discretion-benchmarks", use: create)
        routes.get("discretion-benchmarks", "adjustments", use: adjustments)
        routes.put("discretion-benchmarks", ":benchmarkID", use: update)
        routes.get("discretion-consistency", use: consistency)
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
        let b = try await DiscretionBenchmarkService.create(agency: agency, input.service, req: req)
        return try await DiscretionQueries.dto(b, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func update(req: Request) async throws -> DiscretionBenchmarkDTO {
        let (_, b, agency) = try await DiscretionQueries.manageable(req)
        let input = try req.decodeStrict(DiscretionBenchmarkInput.self)
        let saved = try await DiscretionBenchmarkService.update(b, agency: agency, input.service, req: req)
        return try await DiscretionQueries.dto(saved, on: req.db)
    }

    @Sendable func adjustments(req: Request) async throws -> [DiscretionBenchmarkDTO] {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        let ids = try await AgencyQueries.scopedIDs(for: p, on: req.db)
        return try await DiscretionQueries.rows(agencyIDs: ids, onlyFlagged: true, on: req.db).map { DiscretionBenchmarkDTO($0.0, basis: $0.1) }
    }

    /// `?agencyID=&year=`: a 监督员 or 复核员 reads the bodies of their jurisdiction, a 法制员 or 执法人员
    /// their own body; `year` defaults to this year.
    @Sendable func consistency(req: Request) async throws -> DiscretionConsistencyDTO {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        // The API takes no empty filter (the console's form sends one for 全部).
        for key in ["agencyID", "year"] where req.query[String.self, at: key]?.isEmpty == true {
            throw AppError.validation(key, "不能为空；不筛选时请省略该参数")
        }
        let (ids, agencyID, year) = try await DiscretionQueries.consistencyScope(req, p)
        return try await DiscretionConsistencyReport.load(agencyIDs: ids, agencyID: agencyID, year: year, on: req.db)
    }
}
