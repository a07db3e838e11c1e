import Foundation
import QuanzeCore
import Vapor

struct DiscretionTierDTO: Content, Sendable {
    var circumstance: String
    var sanction: String
    /// The penalty kinds the level allows (empty for a level stored before kinds were recorded: any).
    var allowedKinds: [PenaltyKind]
    var minAmount: Int?
    var maxAmount: Int?
}

/// A listed 情节 with its legal basis.
struct DiscretionFactorDTO: Content, Sendable {
    var text: String
    var basis: String?
}

struct DiscretionBenchmarkDTO: Content, Sendable {
    var id: UUID
    var agencyId: UUID
    var powerItemId: UUID?
    var articleId: UUID
    var basis: String
    var violation: String
    var tiers: [DiscretionTierDTO]
    var mitigatingFactors: [DiscretionFactorDTO]
    var aggravatingFactors: [DiscretionFactorDTO]
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
        tiers = b.tiers.map { DiscretionTierDTO(circumstance: $0.circumstance, sanction: $0.sanction, allowedKinds: $0.allowedKinds,
                                                minAmount: $0.minAmount, maxAmount: $0.maxAmount) }
        mitigatingFactors = b.mitigatingFactors.map { DiscretionFactorDTO(text: $0.text, basis: $0.basis) }
        aggravatingFactors = b.aggravatingFactors.map { DiscretionFactorDTO(text: $0.text, basis: $0.basis) }
        needsAdjustment = b.needsAdjustment
        adjustmentDue = b.adjustmentDue
        adjustmentReason = b.adjustmentReason
    }
}

/// A level as submitted. Kinds are read as text so that an unknown one is named in the refusal
/// (`unknown_kind`) rather than failing the whole body.
struct DiscretionTierInput: Decodable, Sendable {
    var circumstance: String
    var sanction: String
    var allowedKinds: [String]
    var minAmount: Int?
    var maxAmount: Int?
    enum CodingKeys: String, CodingKey, CaseIterable { case circumstance, sanction, allowedKinds, minAmount, maxAmount }

    init(circumstance: String, sanction: String, allowedKinds: [String], minAmount: Int?, maxAmount: Int?) {
        self.circumstance = circumstance
        self.sanction = sanction
        self.allowedKinds = allowedKinds
        self.minAmount = minAmount
        self.maxAmount = maxAmount
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        circumstance = try c.decode(String.self, forKey: .circumstance)
        sanction = try c.decode(String.self, forKey: .sanction)
        allowedKinds = try c.decode([String].self, forKey: .allowedKinds)
        minAmount = try c.decodeIfPresent(Int.self, forKey: .minAmount)
        maxAmount = try c.decodeIfPresent(Int.self, forKey: .maxAmount)
    }
}

struct DiscretionFactorInput: Decodable, Sendable {
    var text: String
    var basis: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case text, basis }

    init(text: String, basis: String?) {
        self.text = text
        self.basis = basis
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        basis = try c.decodeIfPresent(String.self, forKey: .basis)
    }
}

/// Create (POST) or replace (PUT) a benchmark.
struct DiscretionBenchmarkInput: StrictInput {
    var powerItemId: UUID?
    var articleId: UUID
    var violation: String
    var tiers: [DiscretionTierInput]
    var mitigatingFactors: [DiscretionFactorInput]?
    var aggravatingFactors: [DiscretionFactorInput]?
    enum CodingKeys: String, CodingKey, CaseIterable { case powerItemId, articleId, violation, tiers, mitigatingFactors, aggravatingFactors }
    typealias Keys = CodingKeys

    var service: DiscretionBenchmarkService.Input {
        .init(powerItemID: powerItemId, articleID: articleId, violation: violation, tiers: tiers,
              mitigating: mitigatingFactors ?? [], aggravating: aggravatingFactors ?? [])
    }
}

/// 裁量一致性: one group (benchmark × level) with its figures and outliers.
struct DiscretionConsistencyGroupDTO: Content, Sendable {
    var benchmarkId: UUID
    var agencyId: UUID
    var agencyName: String
    var powerCode: String?
    var violation: String
    var circumstance: String
    /// The level's range as the benchmark now reads (nil when the level is no longer in it).
    var minAmount: Int?
    var maxAmount: Int?
    var levelInBenchmark: Bool
    var count: Int
    var min: Int
    var max: Int
    var median: Double
    var mean: Double
    var q1: Double
    var q3: Double
    var lowFence: Double?
    var highFence: Double?
    /// All outliers of the group; `outliers` lists the most extreme (at most 200), farthest from the median first.
    var outlierCount: Int
    var outliers: [DiscretionOutlierDTO]
}

struct DiscretionOutlierDTO: Content, Sendable {
    var caseId: UUID
    var caseNumber: String
    var decisionNumber: String
    var decidedOn: String
    var amount: Int
    var reasons: [DiscretionConsistency.OutlierReason]
    var outsideRangeReason: String?
}

struct DiscretionConsistencyDTO: Content, Sendable {
    var year: Int
    var agencyId: UUID?
    var definition: String
    var source: String
    var groups: [DiscretionConsistencyGroupDTO]
}
