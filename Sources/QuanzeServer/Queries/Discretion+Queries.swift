import Fluent
import Foundation
import Vapor

enum DiscretionQueries {
    /// Benchmarks with their basis as it reads (《法》第X条), for the given bodies.
    static func rows(agencyIDs: [UUID], onlyFlagged: Bool = false, on db: any Database) async throws -> [(DiscretionBenchmark, String)] {
        guard !agencyIDs.isEmpty else { return [] }
        let q = DiscretionBenchmark.query(on: db).filter(\.$agency.$id ~~ agencyIDs)
        if onlyFlagged { q.filter(\.$needsAdjustment == true) }
        let list = try await q.all()
        let articles = try await LegalArticle.query(on: db).filter(\.$id ~~ Array(Set(list.map { $0.$article.id }))).all()
        let norms = try await LegalNorm.query(on: db).filter(\.$id ~~ Array(Set(articles.map { $0.$norm.id }))).all()
        let normTitle = Dictionary(uniqueKeysWithValues: norms.map { ($0.id!, $0.title) })
        let basis = Dictionary(uniqueKeysWithValues: articles.map { ($0.id!, "《\(normTitle[$0.$norm.id] ?? "")》\($0.number)") })
        return list.map { ($0, basis[$0.$article.id] ?? "") }
            .sorted { ($0.0.adjustmentDue ?? "9999", $0.0.violation) < ($1.0.adjustmentDue ?? "9999", $1.0.violation) }
    }

    static func dto(_ b: DiscretionBenchmark, on db: any Database) async throws -> DiscretionBenchmarkDTO {
        let basis = try await rows(agencyIDs: [b.$agency.id], on: db).first { $0.0.id == b.id }?.1 ?? ""
        return DiscretionBenchmarkDTO(b, basis: basis)
    }
}

extension DiscretionQueries {
    /// A benchmark the caller may revise: the 法制员 of its own body (authorization before the body is read).
    static func manageable(_ req: Request) async throws -> (Principal, DiscretionBenchmark, Agency) {
        let p = try req.require(.legalOfficer)
        guard let b = try await DiscretionBenchmark.find(try req.uuidParameter("benchmarkID"), on: req.db),
              let agency = try await Agency.find(b.$agency.id, on: req.db) else { throw AppError.notFound }
        guard agency.id == p.agencyID else { throw AppError.outOfScope }
        return (p, b, agency)
    }

    /// A readable benchmark: the caller's jurisdiction (监督员、复核员) or own body.
    static func readable(_ req: Request, _ p: Principal) async throws -> (DiscretionBenchmark, Agency) {
        guard let b = try await DiscretionBenchmark.find(try req.uuidParameter("benchmarkID"), on: req.db),
              let agency = try await Agency.find(b.$agency.id, on: req.db) else { throw AppError.notFound }
        guard AgencyQueries.canRead(agency, p) else { throw AppError.outOfScope }
        return (b, agency)
    }

    /// The bodies, the chosen body and the year of a 裁量一致性 request (`agencyID`, `year` query
    /// parameters; an empty value means "all in scope" / "this year").
    static func consistencyScope(_ req: Request, _ p: Principal) async throws -> ([UUID], UUID?, Int) {
        var year = req.today.year
        if let raw = req.query[String.self, at: "year"], !raw.isEmpty {
            guard let y = Int(raw), (2000...2100).contains(y) else { throw AppError.validation("year", "年度须为 2000 至 2100 的整数") }
            year = y
        }
        if let raw = req.query[String.self, at: "agencyID"], !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else { throw AppError.validation("agencyID", "执法主体标识无效") }
            guard let agency = try await Agency.find(id, on: req.db) else { throw AppError.notFound }
            guard AgencyQueries.canRead(agency, p) else { throw AppError.outOfScope }
            return ([id], id, year)
        }
        return (try await AgencyQueries.scopedIDs(for: p, on: req.db), nil, year)
    }
}
