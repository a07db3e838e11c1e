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
    @OptionalField(key: "collecting_bank") var collectingBank: String?
    @Field(key: "approver_user_id") var approverUserID: UUID
    @Field(key: "approver_name") var approverName: String
    @Field(key: "decided_on") var decidedOn: String
    /// The fine in 分 (migration 010), set from the sanction on save (`DecisionFineMiddleware`).
    @OptionalField(key: "fine_fen") var fineFen: Int?

    init() {}

    var document: DecisionDocument { documentText.value }
    var sanction: PenaltySanction? { sanctionText?.value }
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
