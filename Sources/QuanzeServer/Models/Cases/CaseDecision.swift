import Fluent
import Foundation
import QuanzeCore

/// 法制审核 of a case: by a reviewer not on the case; passed or returned with an opinion.
final class LegalReview: Model, @unchecked Sendable {
    static let schema = "legal_reviews"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Field(key: "reviewer_user_id") var reviewerUserID: UUID
    @Field(key: "reviewer_name") var reviewerName: String
    @Field(key: "passed") var passed: Bool
    @Field(key: "opinion") var opinion: String
    @Field(key: "reviewed_on") var reviewedOn: String

    init() {}
}

/// 行政执法决定: the document with every element of 第三十一条, its 文号, the sanction and the
/// discretion level it was measured against; approved by someone neither handler nor reviewer.
final class CaseDecision: Model, @unchecked Sendable {
    static let schema = "case_decisions"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Field(key: "number") var number: String
    @Field(key: "document") var documentText: JSONText<DecisionDocument>
    @OptionalField(key: "sanction") var sanctionText: JSONText<PenaltySanction>?
    @OptionalField(key: "discretion_id") var discretionID: UUID?
    @OptionalField(key: "circumstance") var circumstance: String?
    @OptionalField(key: "outside_range_reason") var outsideRangeReason: String?
    /// What the decision was measured against — the benchmark's level as it then read and the listed
    /// 情节 found (012); a later edit of the benchmark does not change it.
    @OptionalField(key: "discretion") var discretionText: JSONText<DecisionDiscretion>?
    @OptionalField(key: "collecting_bank") var collectingBank: String?
    @Field(key: "approver_user_id") var approverUserID: UUID
    @Field(key: "approver_name") var approverName: String
    @Field(key: "decided_on") var decidedOn: String
    /// The fine in 分 (migration 010), set from the sanction on save (`DecisionFineMiddleware`); the
    /// quarterly collection report and the 裁量一致性 report sum it in SQL.
    @OptionalField(key: "fine_fen") var fineFen: Int?
    /// The value confiscated (没收违法所得、非法财物) in 分 (migration 018), kept like `fineFen`; the
    /// annual 执法统计 sums it.
    @OptionalField(key: "confiscation_fen") var confiscationFen: Int?

    init() {}

    var document: DecisionDocument { documentText.value }
    var sanction: PenaltySanction? { sanctionText?.value }
    var discretion: DecisionDiscretion? { discretionText?.value }
}

/// A body's yearly sequence of document numbers (立案号, 文号), one row per body, year and kind.
final class DocumentSequence: Model, @unchecked Sendable {
    static let schema = "document_sequences"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "year") var year: Int
    @Field(key: "kind") var kind: String
    @Field(key: "last") var last: Int

    init() {}
}

/// The 裁量基准 part of a decision: the benchmark, the level chosen (its kinds and range as they then
/// read), the 从轻、减轻、从重 情节 found, whether the fine lies outside the level, and the rule's source.
struct DecisionDiscretion: Codable, Sendable, Equatable {
    var benchmarkId: UUID
    var violation: String
    var level: DiscretionLevel
    var factors: [DiscretionFactor]
    var outsideLevel: Bool
    var source: String

    var levelText: String {
        "\(level.circumstance)（\(level.allowedKinds.isEmpty ? "处罚种类不限" : level.allowedKinds.map(\.label).joined(separator: "、"))"
            + (level.minAmount != nil || level.maxAmount != nil ? "；罚款\(level.range.text)" : "") + "）"
    }

    func factorsText(_ kind: DiscretionFactorKind) -> String? {
        let list = factors.filter { $0.kind == kind }
        return list.isEmpty ? nil : list.map(\.citation).joined(separator: "；")
    }
}
