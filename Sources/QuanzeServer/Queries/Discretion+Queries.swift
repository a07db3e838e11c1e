import Fluent
import Foundation

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
