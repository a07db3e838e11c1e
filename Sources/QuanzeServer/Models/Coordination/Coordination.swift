import Fluent
import Foundation

/// 执法协调事项 (通州区关于行政执法协调工作的若干规定, seed `004_*` 篇十一): a dispute or question between
/// enforcement bodies (第四条), first coordinated by the bodies themselves (第六条), then by a 协调机关
/// (第十条, 第十二条), finally decided by the 区政府 (第十五条(二), 第十六条), and executed (第二十条).
final class CoordinationDispute: Model, @unchecked Sendable {
    static let schema = "coordination_disputes"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "jurisdiction_id") var jurisdictionID: UUID
    /// The rule profile in force when the dispute was raised.
    @Field(key: "profile_id") var profileID: String
    /// The body with the duty to coordinate (主动协调, 第六条).
    @Field(key: "initiator_agency_id") var initiatorAgencyID: UUID
    /// `CoordinationKind` raw value.
    @Field(key: "kind") var kind: String
    @Field(key: "subject") var subject: String
    @Field(key: "description") var description: String
    /// `CoordinationStatus` raw value.
    @Field(key: "status") var status: String
    @Field(key: "raised_on") var raisedOn: String
    @Field(key: "raised_by") var raisedBy: String
    /// Self-coordination: the day it ended (agreement or not).
    @OptionalField(key: "ended_on") var endedOn: String?
    /// 协调意见 of the bodies (第八条) or of the 协调机关 (第十五条(一)), or the 区政府's 协调决定 (第十六条).
    @OptionalField(key: "opinion_text") var opinionText: String?
    /// 备案 with the 区政府法制办 (第九条).
    @OptionalField(key: "filed_on") var filedOn: String?
    @OptionalField(key: "filing_due_on") var filingDueOn: String?
    @OptionalField(key: "filing_rule") var filingRule: String?
    @OptionalField(key: "filing_source") var filingSource: String?
    @Field(key: "filing_late") var filingLate: Bool
    /// 协调申请 (第十条): the office applied to and the office now holding it (`CoordinationOffice`).
    @OptionalField(key: "applied_office") var appliedOffice: String?
    @OptionalField(key: "applied_on") var appliedOn: String?
    @OptionalField(key: "application_text") var applicationText: String?
    @OptionalField(key: "current_office") var currentOffice: String?
    @OptionalField(key: "received_on") var receivedOn: String?
    /// 移送 (第十二条) due when the office holding it is not competent.
    @OptionalField(key: "forward_due_on") var forwardDueOn: String?
    @OptionalField(key: "forward_rule") var forwardRule: String?
    @OptionalField(key: "forward_source") var forwardSource: String?
    @OptionalField(key: "forwarded_on") var forwardedOn: String?
    @Field(key: "forward_late") var forwardLate: Bool
    /// The 协调机关's result: `agreed` (第十五条(一)) or `proposed` to the 区政府 (第十五条(二)).
    @OptionalField(key: "resolution") var resolution: String?
    @OptionalField(key: "resolution_text") var resolutionText: String?
    @OptionalField(key: "resolved_on") var resolvedOn: String?
    @OptionalField(key: "decision_text") var decisionText: String?
    @OptionalField(key: "decided_on") var decidedOn: String?
    /// The day by which each body must report its execution (from the opinion or decision's 实施方案, 第八条).
    @OptionalField(key: "execute_by") var executeBy: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "closed_by") var closedBy: String?

    init() {}
}

/// A body concerned in a dispute: the initiator and every other body named; its execution report (第二十条).
final class CoordinationParty: Model, @unchecked Sendable {
    static let schema = "coordination_parties"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "dispute_id") var disputeID: UUID
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "agency_name") var agencyName: String
    /// `initiator` (主动协调) or `party` (配合协调).
    @Field(key: "role") var role: String
    @OptionalField(key: "reported_on") var reportedOn: String?
    @OptionalField(key: "report_text") var reportText: String?
    @OptionalField(key: "reported_by") var reportedBy: String?

    init() {}
}

/// One step of a dispute, for the timeline (the record log stream `coordination:<uuid>` holds the same).
final class CoordinationStep: Model, @unchecked Sendable {
    static let schema = "coordination_steps"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "dispute_id") var disputeID: UUID
    @Field(key: "seq") var seq: Int
    @Field(key: "day") var day: String
    @Field(key: "kind") var kind: String
    @Field(key: "actor") var actor: String
    @Field(key: "text") var text: String
    @OptionalField(key: "source") var source: String?

    init() {}
}

/// 典型案例通报 (issue 6 item 10): an anonymized account of a 责任追究 matter (or written freely), published on
/// the portal by a supervisor.
final class TypicalCase: Model, @unchecked Sendable {
    static let schema = "typical_cases"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "jurisdiction_id") var jurisdictionID: UUID
    @OptionalField(key: "matter_id") var matterID: UUID?
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "rule_cited") var ruleCited: String
    @Field(key: "handling") var handling: String
    /// Full names to keep out of the published text (the matter's persons and those named when composing), as
    /// JSON; never shown on the portal.
    @Field(key: "names_json") var namesJSON: JSONText<[String]>
    /// `draft`, `published`, `withdrawn`.
    @Field(key: "status") var status: String
    @Field(key: "composed_by") var composedBy: String
    @Field(key: "composed_on") var composedOn: String
    @OptionalField(key: "published_on") var publishedOn: String?
    @OptionalField(key: "withdrawn_on") var withdrawnOn: String?
    @OptionalField(key: "withdraw_reason") var withdrawReason: String?

    init() {}
}
