import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 裁量基准 kept by the body's 法制员: each cites one citable article (never a 规范性文件 or a
/// repealed article) and optionally one of the body's own power items; its levels list the kinds
/// they allow and ranges that neither invert nor overlap, and its 从轻、减轻、从重 情节 are listed
/// (`DiscretionScale.problems`, seed 004 篇十一 第四条(二)(六), 篇二 第十一条). Every problem is
/// reported at once; nothing is saved while any remains.
enum DiscretionBenchmarkService {
    struct Input: Sendable {
        var powerItemID: UUID?
        var articleID: UUID
        var violation: String
        var tiers: [DiscretionTierInput]
        var mitigating: [DiscretionFactorInput]
        var aggravating: [DiscretionFactorInput]
    }

    static func create(agency: Agency, _ input: Input, req: Request) async throws -> DiscretionBenchmark {
        let (violation, tiers, factors) = try await validate(agency: agency, input, db: req.db)
        let b = DiscretionBenchmark(agencyID: try agency.requireID(), powerItemID: input.powerItemID, articleID: input.articleID,
                                    violation: violation, tiers: tiers, factors: factors)
        try await req.db.transaction { tx in
            try await b.create(on: tx)
            try await req.audit(.discretionCreate, .success, target: b.id?.uuidString, detail: summary(b), on: tx)
        }
        return b
    }

    /// Replaces the benchmark's basis, levels and factors. Decisions already made keep the level they
    /// were measured against (`DecisionDiscretion`). A benchmark flagged 需调整 is adjusted by this edit.
    static func update(_ b: DiscretionBenchmark, agency: Agency, _ input: Input, req: Request) async throws -> DiscretionBenchmark {
        let (violation, tiers, factors) = try await validate(agency: agency, input, db: req.db)
        try await req.db.transaction { tx in
            b.$powerItem.id = input.powerItemID
            b.$article.id = input.articleID
            b.violation = violation
            b.tiersText = JSONText(tiers)
            b.factorsText = JSONText(factors)
            let adjusted = b.needsAdjustment
            b.needsAdjustment = false
            b.adjustmentDue = nil
            b.adjustmentReason = nil
            try await b.save(on: tx)
            try await req.audit(.discretionUpdate, .success, target: b.id?.uuidString,
                                detail: summary(b) + (adjusted ? "（已按依据变化调整）" : ""), on: tx)
        }
        return b
    }

    private static func summary(_ b: DiscretionBenchmark) -> String {
        "\(b.violation)：" + b.tiers.map { "\($0.circumstance) \($0.kindsText) \($0.rangeText)" }.joined(separator: "；")
    }

    private static func validate(agency: Agency, _ input: Input, db: any Database) async throws
        -> (String, [DiscretionTier], [DiscretionFactor]) {
        var problems: [FieldProblem] = []
        if let p = TextInput.problem(input.violation, field: "violation", max: 200) { problems.append(p) }
        var tiers: [DiscretionTier] = []
        for (i, t) in input.tiers.enumerated() {
            let field = "tiers[\(i)]"
            if let p = TextInput.problem(t.circumstance, field: field + ".circumstance", max: 30) { problems.append(p) }
            if let p = TextInput.problem(t.sanction, field: field + ".sanction", max: 100) { problems.append(p) }
            var kinds: [PenaltyKind] = []
            for raw in t.allowedKinds {
                if let k = PenaltyKind(rawValue: raw) { kinds.append(k) } else {
                    problems.append(.init(field: field + ".allowedKinds", code: "unknown_kind",
                                          message: "未知的处罚种类“\(raw)”，可选：\(PenaltyKind.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
            }
            tiers.append(DiscretionTier(circumstance: t.circumstance.trimmingCharacters(in: .whitespaces),
                                        sanction: t.sanction.trimmingCharacters(in: .whitespaces),
                                        allowedKinds: kinds, minAmount: t.minAmount, maxAmount: t.maxAmount))
        }
        var factors: [DiscretionFactor] = []
        for (kind, list, name) in [(DiscretionFactorKind.mitigating, input.mitigating, "mitigatingFactors"),
                                   (.aggravating, input.aggravating, "aggravatingFactors")] {
            for (i, f) in list.enumerated() {
                if let p = TextInput.problem(f.text, field: "\(name)[\(i)].text", max: 100) { problems.append(p) }
                let basis = f.basis?.trimmingCharacters(in: .whitespaces)
                if let raw = f.basis, let p = TextInput.problem(raw, field: "\(name)[\(i)].basis", max: 100) { problems.append(p) }
                factors.append(DiscretionFactor(kind: kind, text: f.text.trimmingCharacters(in: .whitespaces), basis: basis?.isEmpty == true ? nil : basis))
            }
        }
        // The level and factor rules (names, kinds, ranges, overlap, duplicates), without repeating
        // a problem already named for the same field.
        let scale = DiscretionScale(levels: tiers.map(\.level), factors: factors)
        for p in scale.problems() where !problems.contains(where: { $0.field == p.field }) {
            // A level whose only kinds were unknown is reported as such, not as "no kinds".
            problems.append(FieldProblem(field: p.field, code: p.code, message: p.message))
        }
        let article = try await LegalArticle.find(input.articleID, on: db)
        if let article, let norm = try await LegalNorm.find(article.$norm.id, on: db) {
            if norm.level == .normativeDocument {
                problems.append(.init(field: "articleId", code: "normative_document", message: "《\(norm.title)》是规范性文件，不能作为裁量基准的法定依据"))
            } else if !article.citable(in: norm) {
                problems.append(.init(field: "articleId", code: "repealed", message: "《\(norm.title)》\(article.number)已废止，不能引用"))
            }
        } else {
            problems.append(.init(field: "articleId", code: "not_found", message: "引用的条文不存在"))
        }
        if let itemID = input.powerItemID {
            let item = try await PowerItem.find(itemID, on: db)
            if item?.$agency.id != agency.id {
                problems.append(.init(field: "powerItemId", code: "not_held", message: "职权事项不存在或不属于本主体"))
            }
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        return (try TextInput.name(input.violation, field: "violation", max: 200), tiers, factors)
    }
}
