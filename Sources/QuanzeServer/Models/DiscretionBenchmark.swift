import Fluent
import Foundation

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

    var tiers: [DiscretionTier] { tiersText.value }

    init() {}

    init(id: UUID? = nil, agencyID: UUID, powerItemID: UUID?, articleID: UUID, violation: String, tiers: [DiscretionTier]) {
        self.id = id
        self.$agency.id = agencyID
        self.$powerItem.id = powerItemID
        self.$article.id = articleID
        self.violation = violation
        self.tiersText = JSONText(tiers)
        self.needsAdjustment = false
    }
}

/// One tier of a benchmark: 情节 (e.g. 轻微、一般、严重), the sanction, and the fine range in 元.
struct DiscretionTier: Codable, Sendable, Equatable {
    var circumstance: String
    var sanction: String
    var minAmount: Int?
    var maxAmount: Int?

    var rangeText: String {
        switch (minAmount, maxAmount) {
        case let (lo?, hi?): return "\(lo)元至\(hi)元"
        case let (lo?, nil): return "\(lo)元以上"
        case let (nil, hi?): return "\(hi)元以下"
        default: return "—"
        }
    }
}
