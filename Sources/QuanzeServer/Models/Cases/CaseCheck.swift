import Fluent
import Foundation
import QuanzeCore

/// A finding of the automatic pre-check of a closed case (`CasePrecheck`): the rule, its severity,
/// what was found and the rule's source. Re-checking a case replaces its findings.
final class CaseCheckFinding: Model, @unchecked Sendable {
    static let schema = "case_checks"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "agency_id") var agencyID: UUID
    /// The year the case was closed.
    @Field(key: "year") var year: Int
    @Field(key: "rule_code") var ruleCode: String
    @Field(key: "severity") var severity: CheckSeverity
    @Field(key: "message") var message: String
    @Field(key: "source") var source: String
    @Field(key: "checked_at") var checkedAt: Date

    init() {}
}

/// One row per checked case (its id is the case's id), with the number of findings.
final class CaseCheckRun: Model, @unchecked Sendable {
    static let schema = "case_check_runs"

    @ID(key: .id) var id: UUID?
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "errors") var errors: Int
    @Field(key: "warnings") var warnings: Int
    @Field(key: "checked_at") var checkedAt: Date

    init() {}
}

/// 重大行政处罚备案: a major decision (the same notion as 重大执法决定法制审核) is filed with the
/// government's legal office, which reviews it and records 通过 or 不通过 with reasons.
final class MajorDecisionFiling: Model, @unchecked Sendable {
    static let schema = "major_decision_filings"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "decision_id") var decisionID: UUID
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "jurisdiction_id") var jurisdictionID: UUID
    @Field(key: "decided_on") var decidedOn: String
    @Field(key: "major_reasons") var majorReasonsText: JSONText<[String]>
    /// The filing's last day, or nil where the jurisdiction's rules set no period.
    @OptionalField(key: "due") var due: String?
    /// The rule the period comes from, or why there is none.
    @Field(key: "due_source") var dueSource: String
    @Field(key: "provisional") var provisional: Bool
    @Field(key: "status") var status: MajorFilingStatus
    @OptionalField(key: "filed_on") var filedOn: String?
    @OptionalField(key: "report") var report: String?
    @OptionalField(key: "documents") var documentsText: JSONText<[String]>?
    @OptionalField(key: "filed_by") var filedBy: String?
    @OptionalField(key: "reviewed_on") var reviewedOn: String?
    @OptionalField(key: "conclusion") var conclusion: MajorFilingConclusion?
    @OptionalField(key: "reasons") var reasons: String?
    @OptionalField(key: "reviewed_by") var reviewedBy: String?
    @OptionalField(key: "intake_id") var intakeID: UUID?

    init() {}

    var majorReasons: [String] { majorReasonsText.value }
    var documents: [String] { documentsText?.value ?? [] }
    /// Filed after its due day.
    var filedLate: Bool {
        guard let due, let filedOn else { return false }
        return filedOn > due
    }
}

enum MajorFilingStatus: String, Codable, CaseIterable, Sendable {
    case pending, filed, passed, failed
    var label: String {
        switch self {
        case .pending: "待备案"
        case .filed: "已备案，待审查"
        case .passed: "审查通过"
        case .failed: "审查不通过"
        }
    }
}

enum MajorFilingConclusion: String, Codable, CaseIterable, Sendable {
    case passed, failed
    var label: String { self == .passed ? "通过" : "不通过" }
}
