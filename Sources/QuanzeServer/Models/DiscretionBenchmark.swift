import Fluent
import Foundation
import QuanzeCore

/// 裁量基准: for one violation under a penalty article, the tiers of circumstances (情节) with the
/// sanction and amount range each allows. Depends on its article: when the article is amended
/// or repealed the benchmark is flagged 需调整 with its power items.
final class DiscretionBenchmark: Model, @unchecked Sendable {
    static let schema = "discretion_benchmarks"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "agency_id") var agency: Agency
    @OptionalParent(key: "power_item_id") var powerItem: PowerItem?
    @Parent(key: "article_id") var article: LegalArticle
    /// 违法行为.
    @Field(key: "violation") var violation: String
    @Field(key: "tiers") var tiersText: JSONText<[DiscretionTier]>
    @Field(key: "needs_adjustment") var needsAdjustment: Bool
    @OptionalField(key: "adjustment_due") var adjustmentDue: String?
    @OptionalField(key: "adjustment_reason") var adjustmentReason: String?
    /// The listed 从轻、减轻 and 从重 情节 (010; nil for benchmarks stored before: none listed).
    @OptionalField(key: "factors") var factorsText: JSONText<[DiscretionFactor]>?

    var tiers: [DiscretionTier] { tiersText.value }
    var factors: [DiscretionFactor] { factorsText?.value ?? [] }
    var mitigatingFactors: [DiscretionFactor] { factors.filter { $0.kind == .mitigating } }
    var aggravatingFactors: [DiscretionFactor] { factors.filter { $0.kind == .aggravating } }
    /// The benchmark as rules (QuanzeCore).
    var scale: DiscretionScale {
        DiscretionScale(levels: tiers.map(\.level), factors: factors)
    }

    init() {}

    init(id: UUID? = nil, agencyID: UUID, powerItemID: UUID?, articleID: UUID, violation: String, tiers: [DiscretionTier],
         factors: [DiscretionFactor] = []) {
        self.id = id
        self.$agency.id = agencyID
        self.$powerItem.id = powerItemID
        self.$article.id = articleID
        self.violation = violation
        self.tiersText = JSONText(tiers)
        self.factorsText = JSONText(factors)
        self.needsAdjustment = false
    }
}

/// One tier of a benchmark: 情节 (e.g. 轻微、一般、严重), the sanction as it reads, the penalty kinds
/// it allows and the fine range in 元. Tiers stored before kinds were recorded decode with none
/// (every kind allowed, `DiscretionLevel.allows`).
struct DiscretionTier: Codable, Sendable, Equatable {
    var circumstance: String
    var sanction: String
    var allowedKinds: [PenaltyKind]
    var minAmount: Int?
    var maxAmount: Int?

    init(circumstance: String, sanction: String, allowedKinds: [PenaltyKind], minAmount: Int?, maxAmount: Int?) {
        self.circumstance = circumstance
        self.sanction = sanction
        self.allowedKinds = allowedKinds
        self.minAmount = minAmount
        self.maxAmount = maxAmount
    }

    enum CodingKeys: String, CodingKey { case circumstance, sanction, allowedKinds, minAmount, maxAmount }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        circumstance = try c.decode(String.self, forKey: .circumstance)
        sanction = try c.decode(String.self, forKey: .sanction)
        allowedKinds = try c.decodeIfPresent([PenaltyKind].self, forKey: .allowedKinds) ?? []
        minAmount = try c.decodeIfPresent(Int.self, forKey: .minAmount)
        maxAmount = try c.decodeIfPresent(Int.self, forKey: .maxAmount)
    }

    var level: DiscretionLevel {
        DiscretionLevel(circumstance: circumstance, allowedKinds: allowedKinds, minAmount: minAmount, maxAmount: maxAmount)
    }

    var kindsText: String { allowedKinds.isEmpty ? "不限" : allowedKinds.map(\.label).joined(separator: "、") }

    var rangeText: String {
        switch (minAmount, maxAmount) {
        case let (lo?, hi?): return "\(lo)元至\(hi)元"
        case let (lo?, nil): return "\(lo)元以上"
        case let (nil, hi?): return "\(hi)元以下"
        default: return "—"
        }
    }
}
