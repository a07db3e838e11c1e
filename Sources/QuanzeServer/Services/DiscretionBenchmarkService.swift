import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 裁量基准 kept by the body's 法制员: each cites one citable article (never a 规范性文件 or a
/// repealed article) and optionally one of the body's own power items.
enum DiscretionBenchmarkService {
    static func create(agency: Agency, powerItemID: UUID?, articleID: UUID, violation raw: String, tiers: [DiscretionTier],
                       req: Request) async throws -> DiscretionBenchmark {
        var problems: [FieldProblem] = []
        if let p = TextInput.problem(raw, field: "violation", max: 200) { problems.append(p) }
        if tiers.isEmpty || tiers.count > 5 { problems.append(.init(field: "tiers", code: "count", message: "裁量阶次须为 1 至 5 档")) }
        for (i, t) in tiers.enumerated() {
            let field = "tiers[\(i)]"
            if let p = TextInput.problem(t.circumstance, field: field + ".circumstance", max: 30) { problems.append(p) }
            if let p = TextInput.problem(t.sanction, field: field + ".sanction", max: 100) { problems.append(p) }
            if let lo = t.minAmount, lo < 0 { problems.append(.init(field: field + ".minAmount", code: "range", message: "金额不能为负数")) }
            if let lo = t.minAmount, let hi = t.maxAmount, lo > hi {
                problems.append(.init(field: field + ".maxAmount", code: "range", message: "上限不能低于下限"))
            }
        }
        let article = try await LegalArticle.find(articleID, on: req.db)
        if let article, let norm = try await LegalNorm.find(article.$norm.id, on: req.db) {
            if norm.level == .normativeDocument {
                problems.append(.init(field: "articleId", code: "normative_document", message: "《\(norm.title)》是规范性文件，不能作为裁量基准的法定依据"))
            } else if !article.citable(in: norm) {
                problems.append(.init(field: "articleId", code: "repealed", message: "《\(norm.title)》\(article.number)已废止，不能引用"))
            }
        } else {
            problems.append(.init(field: "articleId", code: "not_found", message: "引用的条文不存在"))
        }
        if let itemID = powerItemID {
            let item = try await PowerItem.find(itemID, on: req.db)
            if item?.$agency.id != agency.id {
                problems.append(.init(field: "powerItemId", code: "not_held", message: "职权事项不存在或不属于本主体"))
            }
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let b = DiscretionBenchmark(agencyID: try agency.requireID(), powerItemID: powerItemID, articleID: articleID,
                                    violation: try TextInput.name(raw, field: "violation", max: 200),
                                    tiers: tiers.map { DiscretionTier(circumstance: $0.circumstance.trimmingCharacters(in: .whitespaces),
                                                                      sanction: $0.sanction.trimmingCharacters(in: .whitespaces),
                                                                      minAmount: $0.minAmount, maxAmount: $0.maxAmount) })
        try await b.create(on: req.db)
        return b
    }
}
