import Fluent
import Foundation

/// How an intake item (责任追究线索, `liability_intake`) is being handled: its pursuing body, the rule
/// profile in force when it was opened, the intake deadline (`liability_intake`) with its rule, and the
/// outcome 立案 / 不予立案 with the reason. One row per intake item, written when the item is opened
/// (`LiabilityIntakeRouting`); kept beside `liability_intake` so that table keeps its shape (014 rebuilds it).
final class LiabilityIntakeTrack: Model, @unchecked Sendable {
    static let schema = "liability_intake_tracks"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "intake_id") var intakeID: UUID
    @Field(key: "jurisdiction_id") var jurisdictionID: UUID
    /// The body that pursues (the jurisdiction's legal office); nil when it is the 本级人民政府 itself
    /// (an item against the legal office, `pursuer_overdue`).
    @OptionalField(key: "pursuing_agency_id") var pursuingAgencyID: UUID?
    @Field(key: "pursuing_body") var pursuingBody: String
    @Field(key: "profile_id") var profileID: String
    /// Nil when the profile is silent (未规定): no deadline runs.
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalField(key: "due_rule") var dueRule: String?
    @OptionalField(key: "due_source") var dueSource: String?
    /// Free text about the source (media outlet, inspection, who entered it by hand).
    @OptionalField(key: "source_detail") var sourceDetail: String?
    @OptionalField(key: "entered_by") var enteredBy: String?
    /// `filed` (立案) or `declined` (不予立案); nil while pending.
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "outcome_reason") var outcomeReason: String?
    @OptionalField(key: "decided_on") var decidedOn: String?
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "matter_id") var matterID: UUID?

    init() {}
}

/// 责任追究案件 (立案): the matter a pursuing body opened on an intake item.
final class LiabilityMatter: Model, @unchecked Sendable {
    static let schema = "liability_matters"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "intake_id") var intakeID: UUID
    @Field(key: "jurisdiction_id") var jurisdictionID: UUID
    @OptionalField(key: "pursuing_agency_id") var pursuingAgencyID: UUID?
    @Field(key: "pursuing_body") var pursuingBody: String
    /// The body whose conduct is examined.
    @Field(key: "subject_agency_id") var subjectAgencyID: UUID
    @OptionalField(key: "case_id") var caseID: UUID?
    @Field(key: "profile_id") var profileID: String
    /// `investigating` (调查中); later parts add the decision states.
    @Field(key: "status") var status: String
    @Field(key: "filed_on") var filedOn: String
    @Field(key: "filed_by") var filedBy: String
    @Field(key: "summary") var summary: String
    /// `liability_decision` from 立案; nil when the profile is silent.
    @OptionalField(key: "decision_due_on") var decisionDueOn: String?
    @OptionalField(key: "decision_rule") var decisionRule: String?
    @OptionalField(key: "decision_source") var decisionSource: String?
    // Reserved for the next part (extension only with approval, within the profile's cap).
    @OptionalField(key: "extension_due_on") var extensionDueOn: String?
    @OptionalField(key: "extension_reason") var extensionReason: String?
    @OptionalField(key: "extension_approved_by") var extensionApprovedBy: String?
    /// The approved extension total in the rule's extension unit (022).
    @OptionalField(key: "extension_value") var extensionValue: Int?

    init() {}
}

/// A person concerned (当事人/被调查人员): from the case's own record or added by hand.
final class LiabilityPerson: Model, @unchecked Sendable {
    static let schema = "liability_persons"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "matter_id") var matterID: UUID
    @OptionalField(key: "officer_id") var officerID: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "agency_id") var agencyID: UUID?
    /// `handler_lead`, `handler_assist`, `reviewer`, `approver`, `other`.
    @Field(key: "role") var role: String
    /// `case_record` or `manual`.
    @Field(key: "origin") var origin: String
    @Field(key: "note") var note: String
    @Field(key: "added_by") var addedBy: String

    init() {}
}

/// An investigator (调查人员) appointed to a matter; `active` or `recused`.
final class LiabilityInvestigator: Model, @unchecked Sendable {
    static let schema = "liability_investigators"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "matter_id") var matterID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "name") var name: String
    @Field(key: "status") var status: String
    @Field(key: "appointed_on") var appointedOn: String
    @Field(key: "appointed_by") var appointedBy: String

    init() {}
}

/// A recusal (回避): declared by or for an investigator, or detected by the system when it refused an appointment.
final class LiabilityRecusal: Model, @unchecked Sendable {
    static let schema = "liability_recusals"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "matter_id") var matterID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "name") var name: String
    /// `declared` or `detected`.
    @Field(key: "kind") var kind: String
    @Field(key: "reason") var reason: String
    @Field(key: "recorded_on") var recordedOn: String
    @Field(key: "recorded_by") var recordedBy: String

    init() {}
}

/// 陈述申辩 of a person concerned.
final class LiabilityStatement: Model, @unchecked Sendable {
    static let schema = "liability_statements"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "matter_id") var matterID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "stated_on") var statedOn: String
    @Field(key: "text") var text: String
    @Field(key: "submitted_by") var submittedBy: String

    init() {}
}
