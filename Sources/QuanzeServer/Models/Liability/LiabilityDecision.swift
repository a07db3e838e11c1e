import Fluent
import Foundation
import QuanzeCore

/// 认定 (issue 6 item 4): what the investigators established, and the proposal the engine computed from it,
/// stored as it was when made. Each recording is a new row (`seq` 1, 2, …); `stated` lists the persons who had
/// made their 陈述申辩 at that moment, so the last proposal before a person's defence is known (DefenceGuard).
final class LiabilityFinding: Model, @unchecked Sendable {
    static let schema = "liability_findings"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "matter_id") var matterID: UUID
    @Field(key: "seq") var seq: Int
    @Field(key: "found_on") var foundOn: String
    @Field(key: "found_by") var foundBy: String
    @Field(key: "fault_situation") var faultSituation: String
    @OptionalField(key: "gravity_level") var gravityLevel: Int?
    @Field(key: "review_due") var reviewDue: Bool
    @Field(key: "established") var established: JSONText<[String]>
    @Field(key: "views") var views: JSONText<[String: String]>
    @Field(key: "circumstances") var circumstances: JSONText<[String]>
    @Field(key: "stated") var stated: JSONText<[UUID]>
    @Field(key: "proposal") var proposal: JSONText<LiabilityProposalSnapshot>

    init() {}
}

/// The computed proposal as shown and stored: the apportionment, and per target the share, the circumstances and
/// the sanction proposal, plus the 拟处理意见 (`proposedSanctions`) told to the person before the defence.
struct LiabilityProposalSnapshot: Codable, Sendable {
    var faultSituation: RuleCitation
    var apportionment: ApportionmentProposal
    var targets: [LiabilityProposalTarget]
}

struct LiabilityProposalTarget: Codable, Sendable {
    /// A person row id (uuid string) or `agency` for the subject body.
    var key: String
    var kind: String
    var name: String
    var share: String
    var shareReason: String
    var rule: RuleCitation?
    var circumstances: CircumstanceAssessment
    var sanction: SanctionProposal
    var proposedSanctions: [String]
}

/// 告知陈述申辩权利后放弃 (or did not state within the time given): a person heard without a statement.
final class LiabilityHearingWaiver: Model, @unchecked Sendable {
    static let schema = "liability_hearing_waivers"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "matter_id") var matterID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "recorded_on") var recordedOn: String
    @Field(key: "note") var note: String
    @Field(key: "recorded_by") var recordedBy: String

    init() {}
}

/// 责任追究决定书 (item 5): one per matter, with 备案, 执行情况反馈 and 结案报告.
final class LiabilityDecisionDocument: Model, @unchecked Sendable {
    static let schema = "liability_decision_documents"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "matter_id") var matterID: UUID
    @Field(key: "finding_id") var findingID: UUID
    @Field(key: "number") var number: String
    @Field(key: "decided_on") var decidedOn: String
    @Field(key: "decided_by") var decidedBy: String
    @Field(key: "facts") var facts: String
    @Field(key: "reasons") var reasons: String
    /// The rules cited (name and source), one line each.
    @Field(key: "basis") var basis: JSONText<[String]>
    /// 申诉（复核）权利、期限与受理机关, as written in the document.
    @Field(key: "appeal_text") var appealText: String
    @OptionalField(key: "filing_due_on") var filingDueOn: String?
    @OptionalField(key: "filing_rule") var filingRule: String?
    @OptionalField(key: "filing_source") var filingSource: String?
    @OptionalField(key: "collective_due_on") var collectiveDueOn: String?
    @OptionalField(key: "collective_rule") var collectiveRule: String?
    @OptionalField(key: "collective_source") var collectiveSource: String?
    @OptionalField(key: "filed_on") var filedOn: String?
    @OptionalField(key: "filed_with") var filedWith: String?
    @OptionalField(key: "filed_by") var filedBy: String?
    /// `executed` or `refused`.
    @OptionalField(key: "execution_outcome") var executionOutcome: String?
    @OptionalField(key: "execution_on") var executionOn: String?
    @OptionalField(key: "execution_text") var executionText: String?
    @OptionalField(key: "escalation_intake_id") var escalationIntakeID: UUID?
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "closing_report") var closingReport: String?
    @OptionalField(key: "closed_by") var closedBy: String?

    init() {}
}

/// The decision for one target (a person concerned or the subject body), beside the proposal.
/// Status: decided → served → (under_appeal) → final; 撤销 → revoked.
final class LiabilityTargetDecision: Model, @unchecked Sendable {
    static let schema = "liability_target_decisions"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "matter_id") var matterID: UUID
    @Field(key: "document_id") var documentID: UUID
    @Field(key: "target_key") var targetKey: String
    @Field(key: "target_kind") var targetKind: String
    @OptionalField(key: "person_id") var personID: UUID?
    @OptionalField(key: "officer_id") var officerID: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    @OptionalField(key: "agency_id") var agencyID: UUID?
    @Field(key: "name") var name: String
    @Field(key: "proposed_share") var proposedShare: String
    @Field(key: "proposed_sanctions") var proposedSanctions: JSONText<[String]>
    @Field(key: "share") var share: String
    @Field(key: "sanctions") var sanctions: JSONText<[String]>
    @OptionalField(key: "differs_reason") var differsReason: String?
    @Field(key: "status") var status: String
    @Field(key: "decided_on") var decidedOn: String
    @OptionalField(key: "served_on") var servedOn: String?
    @OptionalField(key: "service_manner") var serviceManner: String?
    @OptionalField(key: "service_recipient") var serviceRecipient: String?
    @OptionalField(key: "appeal_window_end") var appealWindowEnd: String?
    @OptionalField(key: "appeal_window_rule") var appealWindowRule: String?
    @OptionalField(key: "appeal_window_source") var appealWindowSource: String?
    @Field(key: "consequences") var consequences: JSONText<[LiabilityConsequenceState]>

    init() {}
}

/// 复核 / 申诉 against one target's decision (item 7).
final class LiabilityAppeal: Model, @unchecked Sendable {
    static let schema = "liability_appeals"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "decision_id") var decisionID: UUID
    @Field(key: "matter_id") var matterID: UUID
    @Field(key: "lodged_on") var lodgedOn: String
    @Field(key: "lodged_by") var lodgedBy: String
    @Field(key: "grounds") var grounds: String
    @Field(key: "reviewing_body") var reviewingBody: String
    @OptionalField(key: "reviewing_source") var reviewingSource: String?
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalField(key: "due_rule") var dueRule: String?
    @OptionalField(key: "due_source") var dueSource: String?
    @Field(key: "extension_value") var extensionValue: Int
    @OptionalField(key: "extension_reason") var extensionReason: String?
    @OptionalField(key: "extension_approved_by") var extensionApprovedBy: String?
    /// `upheld` (维持), `changed` (变更), `revoked` (撤销); nil while pending.
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "outcome_sanctions") var outcomeSanctions: JSONText<[String]>?
    @OptionalField(key: "outcome_reason") var outcomeReason: String?
    @OptionalField(key: "decided_on") var decidedOn: String?
    @OptionalField(key: "decided_by") var decidedBy: String?

    init() {}
}

/// A target decision's status.
enum LiabilityTargetStatus: String, CaseIterable, Codable, Sendable {
    case decided, served, underAppeal = "under_appeal", final, revoked

    var label: String {
        switch self {
        case .decided: "已决定（未送达）"
        case .served: "已送达"
        case .underAppeal: "申诉（复核）中"
        case .final: "已生效"
        case .revoked: "已撤销"
        }
    }

    /// The Core status for `ConsequencesPlan`; revoked plans with no sanctions.
    var core: LiabilityDecisionStatus {
        switch self {
        case .decided: .decided
        case .served: .served
        case .underAppeal: .underAppeal
        case .final, .revoked: .final
        }
    }
}
