import Fluent
import Foundation
import Vapor

enum LegalNormQueries {
    struct Filter: Sendable {
        var q: String?
        var level: NormLevel?
        var status: NormStatus?

        static func from(_ req: Request) throws -> Filter {
            let q = (try? req.query.get(String.self, at: "q"))?.trimmingCharacters(in: .whitespaces)
            if let q, q.unicodeScalars.count > 50 { throw AppError.validation("q", "搜索词不超过 50 个字符") }
            func value<E: RawRepresentable>(_ name: String, _: E.Type) throws -> E? where E.RawValue == String {
                guard let raw = try? req.query.get(String.self, at: name), !raw.isEmpty else { return nil }
                guard let v = E(rawValue: raw) else { throw AppError.validation(name, "取值无效：\(raw)") }
                return v
            }
            return Filter(q: q?.isEmpty == true ? nil : q, level: try value("level", NormLevel.self),
                          status: try value("status", NormStatus.self))
        }
    }

    /// Norms whose title or any article's text contains `q`, newest first.
    static func search(_ f: Filter, on db: any Database) async throws -> [LegalNorm] {
        let query = LegalNorm.query(on: db)
        if let q = f.q {
            let byText = try await LegalArticle.query(on: db).filter(ContainsFilter.filter(column: "text", contains: q)).all(\.$norm.$id)
            query.group(.or) { g in
                g.filter(ContainsFilter.filter(column: "title", contains: q))
                if !byText.isEmpty { g.filter(\.$id ~~ Array(Set(byText))) }
            }
        }
        if let level = f.level { query.filter(\.$level == level) }
        if let status = f.status { query.filter(\.$status == status) }
        return try await query.sort(\.$effectiveOn, .descending).sort(\.$title).all()
    }

    static func detail(_ id: UUID, on db: any Database) async throws -> (LegalNorm, [LegalArticle], [LegalNormEvent]) {
        guard let norm = try await LegalNorm.find(id, on: db) else { throw AppError.notFound }
        let articles = try await LegalArticle.query(on: db).filter(\.$norm.$id == id).sort(\.$ordinal).sort(\.$number).all()
        let history = try await LegalNormEvent.query(on: db).filter(\.$normID == id).sort(\.$createdAt).all()
        return (norm, articles, history)
    }
}
