import Fluent
import Foundation
import QuanzeCore

/// 案件: one exercise of a published power by a body, from 立案 to 结案归档. It cites the power
/// item and the version published at filing; its stage moves only along `CaseStateMachine`.
final class EnforcementCase: Model, @unchecked Sendable {
    static let schema = "cases"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// The body that handles the case (the power's own body, or a delegate within its term).
    @Parent(key: "agency_id") var agency: Agency
    @Parent(key: "power_item_id") var powerItem: PowerItem
    @Parent(key: "power_version_id") var powerVersion: PowerItemVersion
    /// 立案编号, e.g. `长市监立〔2026〕12号`, from the body's yearly sequence.
    @Field(key: "number") var number: String
    @Field(key: "title") var title: String
    @Field(key: "procedure") var procedure: CaseProcedure
    @Field(key: "stage") var stage: CaseStage
    @Field(key: "source") var source: CaseSource
    @Field(key: "facts") var facts: String
    @Field(key: "filed_on") var filedOn: String
    @Field(key: "suspended") var suspended: Bool
    /// 法制审核 required, and why (行政处罚法 第五十八条, the power's criteria, discretion).
    @Field(key: "legal_review_required") var legalReviewRequired: Bool
    @Field(key: "major_reasons") var majorReasonsText: JSONText<[String]>
    /// Statutory 第五十八条 situations the handlers marked.
    @Field(key: "major_criteria") var majorCriteriaText: JSONText<[StatutoryMajorCriterion]>
    /// Proposed sanction at 告知 (penalties), and the hearing right it gives.
    @OptionalField(key: "proposed_sanction") var proposedSanctionText: JSONText<PenaltySanction>?
    @OptionalField(key: "notified_on") var notifiedOn: String?
    @OptionalField(key: "hearing_right") var hearingRight: String?
    @Field(key: "hearing_requested") var hearingRequested: Bool
    @OptionalField(key: "closed_on") var closedOn: String?
    /// Why the case ended (nil while open or before migration 011: an ordinary 结案归档).
    @OptionalField(key: "closing_reason") var closingReason: CaseClosingReason?
    @Field(key: "created_by") var createdBy: String

    init() {}

    var majorReasons: [String] {
        get { majorReasonsText.value }
        set { majorReasonsText = JSONText(newValue) }
    }
    var majorCriteria: [StatutoryMajorCriterion] {
        get { majorCriteriaText.value }
        set { majorCriteriaText = JSONText(newValue) }
    }
    var proposedSanction: PenaltySanction? {
        get { proposedSanctionText?.value }
        set { proposedSanctionText = newValue.map(JSONText.init) }
    }

    var context: CaseStateMachine.Context {
        let sanction = proposedSanction
        let executes = procedure == .seizure || (sanction.map { !$0.kinds.isEmpty && $0.kinds != [.warning] && $0.kinds != [.criticism] } ?? procedure.isPenalty)
        return .init(hearingRequested: hearingRequested, legalReviewRequired: legalReviewRequired, needsExecution: executes)
    }
}

extension EnforcementCase {
    /// The stage as shown to users: a case closed by 移送 reads 已移送, not 结案归档.
    var stageLabel: String {
        stage == .closed && closingReason == .transferred ? CaseClosingReason.transferred.label : stage.label(in: procedure)
    }
}

/// 当事人 of a case. The 身份证号 is stored whole and only ever shown masked.
final class CaseParty: Model, @unchecked Sendable {
    static let schema = "case_parties"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Field(key: "kind") var kind: PartyKind
    @Field(key: "name") var name: String
    /// 身份证号 (person) or 统一社会信用代码 (organization).
    @Field(key: "identifier") var identifier: String
    @OptionalField(key: "address") var address: String?

    init() {}
}

/// 承办人员 of a case: 主办, 协办 or 辅助 (assists, never acts alone).
final class CaseOfficer: Model, @unchecked Sendable {
    static let schema = "case_officers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Parent(key: "officer_id") var officer: Officer
    @Field(key: "role") var role: CaseOfficerRole

    init() {}
}

enum CaseOfficerRole: String, Codable, CaseIterable, Sendable {
    case lead, assist, auxiliary

    var label: String {
        switch self {
        case .lead: "主办"
        case .assist: "协办"
        case .auxiliary: "辅助"
        }
    }
}
