import Foundation
import Vapor

struct DiscretionTierDTO: Content, Sendable {
    var circumstance: String
    var sanction: String
    var minAmount: Int?
    var maxAmount: Int?
}

struct DiscretionBenchmarkDTO: Content, Sendable {
    var id: UUID
    var agencyId: UUID
    var powerItemId: UUID?
    var articleId: UUID
    var basis: String
    var violation: String
    var tiers: [DiscretionTierDTO]
    var needsAdjustment: Bool
    var adjustmentDue: String?
    var adjustmentReason: String?

    init(_ b: DiscretionBenchmark, basis: String) {
        id = b.id!
        agencyId = b.$agency.id
        powerItemId = b.$powerItem.id
        articleId = b.$article.id
        self.basis = basis
        violation = b.violation
        tiers = b.tiers.map { DiscretionTierDTO(circumstance: $0.circumstance, sanction: $0.sanction, minAmount: $0.minAmount, maxAmount: $0.maxAmount) }
        needsAdjustment = b.needsAdjustment
        adjustmentDue = b.adjustmentDue
        adjustmentReason = b.adjustmentReason
    }
}

struct DiscretionBenchmarkInput: StrictInput {
    var powerItemId: UUID?
    var articleId: UUID
    var violation: String
    var tiers: [DiscretionTierDTO]
    enum CodingKeys: String, CodingKey, CaseIterable { case powerItemId, articleId, violation, tiers }
    typealias Keys = CodingKeys
}
