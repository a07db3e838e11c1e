import Fluent
import Foundation
import QuanzeCore

/// 投诉举报 (001_* 五(三)): one complaint with its 登记编号, subject, complainant (confidential), state,
/// deadlines (each with its rule's source) and the people who took each step.
final class Complaint: Model, @unchecked Sendable {
    static let schema = "complaints"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// 登记编号, per jurisdiction and year (`ComplaintNumbers`).
    @Field(key: "number") var number: String
    @Field(key: "jurisdiction_id") var jurisdictionID: UUID
    /// The body complained about (an officer's or a case's body when the subject is one of those).
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "subject_kind") var subjectKind: ComplaintSubjectKind
    /// The officer's name or certificate number, or the case's 文号 or number, as the complainant gave it.
    @OptionalField(key: "subject_text") var subjectText: String?
    @OptionalField(key: "subject_officer_id") var subjectOfficerID: UUID?
    @OptionalField(key: "case_id") var caseID: UUID?
    @Field(key: "channel") var channel: ComplaintChannel
    @Field(key: "anonymous") var anonymous: Bool
    /// Confidential: shown only to the complaint's handler.
    @OptionalField(key: "complainant_name") var complainantName: String?
    @OptionalField(key: "complainant_phone") var complainantPhone: String?
    @Field(key: "content") var content: String
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "status") var status: ComplaintStatus
    /// SHA-256 of the tracking code (`ComplaintRules.trackingHash`); the code itself is never stored.
    @Field(key: "tracking_hash") var trackingHash: String
    @Field(key: "registered_by") var registeredBy: String
    @OptionalField(key: "handler_id") var handlerID: UUID?
    @OptionalField(key: "handler_name") var handlerName: String?
    /// 受理情况告知 due (`complaint_acknowledgement`) and its rule; met by 受理 or 不予受理.
    @OptionalField(key: "ack_due") var ackDue: String?
    @OptionalField(key: "ack_rule") var ackRule: JSONText<ComplaintDeadlineRule>?
    @OptionalField(key: "acknowledged_on") var acknowledgedOn: String?
    /// 核查处理并答复 due (set on 受理 when the profile has a limit), met by 反馈.
    @OptionalField(key: "reply_due") var replyDue: String?
    @OptionalField(key: "reply_rule") var replyRule: JSONText<ComplaintDeadlineRule>?
    @OptionalField(key: "replied_on") var repliedOn: String?
    @OptionalField(key: "accepted_on") var acceptedOn: String?
    @OptionalField(key: "refusal_reason") var refusalReason: String?
    @OptionalField(key: "refused_by_id") var refusedByID: UUID?
    @OptionalField(key: "refused_by_name") var refusedByName: String?
    @OptionalField(key: "finding") var finding: ComplaintFinding?
    @OptionalField(key: "finding_text") var findingText: String?
    @OptionalField(key: "verified_by_name") var verifiedByName: String?
    /// The answer shown to the complainant.
    @OptionalField(key: "reply_text") var replyText: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "closed_by_id") var closedByID: UUID?
    @OptionalField(key: "closed_by_name") var closedByName: String?
    @OptionalField(key: "review_result") var reviewResult: ComplaintReviewResult?
    @OptionalField(key: "review_note") var reviewNote: String?
    @OptionalField(key: "reviewed_on") var reviewedOn: String?
    @OptionalField(key: "reviewed_by_name") var reviewedByName: String?

    init() {}
}

/// A deadline's rule as it was applied: name, length, unit and source.
struct ComplaintDeadlineRule: Codable, Sendable, Equatable {
    var code: String
    var name: String
    /// The period as the rule reads: `5个工作日`, `30日`.
    var period: String
    var source: SourceRef
}

/// One step, as the complaint page lists it; the tamper-evident copy is the stream `complaint:<uuid>`.
final class ComplaintEvent: Model, @unchecked Sendable {
    static let schema = "complaint_events"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "complaint_id") var complaintID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "on_date") var onDate: String
    @Field(key: "summary") var summary: String
    @Field(key: "actor") var actor: String

    init() {}

    init(complaintID: UUID, kind: String, on day: LocalDate, summary: String, actor: String) {
        self.complaintID = complaintID
        self.kind = kind
        self.onDate = day.iso
        self.summary = summary
        self.actor = actor
    }
}

/// A file sent with a complaint (PDF or image, at most `ComplaintRules.maxAttachmentBytes`), stored in the database.
final class ComplaintAttachment: Model, @unchecked Sendable {
    static let schema = "complaint_attachments"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "complaint_id") var complaintID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "content") var content: Data

    init() {}
}

/// 责任倒查 finding (001_* 七(二)): a person who refused or closed a complaint later found wrongly dropped.
final class ComplaintLiabilityFinding: Model, @unchecked Sendable {
    static let schema = "complaint_liability_findings"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "complaint_id") var complaintID: UUID
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "person_name") var personName: String
    /// `refuse` (应受理未受理) or `close` (应追究未追究).
    @Field(key: "step") var step: String
    @Field(key: "found_on") var foundOn: String
    @Field(key: "reviewer_name") var reviewerName: String
    @Field(key: "note") var note: String

    init() {}
}

/// The per-jurisdiction yearly sequence of 登记编号 (row-locked like `DocumentSequence`).
final class ComplaintSequence: Model, @unchecked Sendable {
    static let schema = "complaint_sequences"

    @ID(key: .id) var id: UUID?
    @Field(key: "jurisdiction_id") var jurisdictionID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "last") var last: Int

    init() {}
}
