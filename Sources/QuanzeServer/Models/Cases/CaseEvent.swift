import Fluent
import Foundation
import QuanzeCore

/// One step of a case as it happened: a stage entered, a review, a decision, a clock change.
/// The tamper-evident copy is the case's stream in the record log.
final class CaseEvent: Model, @unchecked Sendable {
    static let schema = "case_events"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Field(key: "kind") var kind: String
    @OptionalField(key: "stage") var stage: CaseStage?
    @Field(key: "on_date") var onDate: String
    @Field(key: "summary") var summary: String
    @Field(key: "actor") var actor: String

    init() {}

    init(caseID: UUID, kind: String, stage: CaseStage?, on day: LocalDate, summary: String, actor: String) {
        self.$enforcementCase.id = caseID
        self.kind = kind
        self.stage = stage
        self.onDate = day.iso
        self.summary = summary
        self.actor = actor
    }
}

/// A running time limit of a case, with its rule and clock (中止 and 延期 move it).
final class CaseDeadline: Model, @unchecked Sendable {
    static let schema = "case_deadlines"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "clock") var clockText: JSONText<CaseClock>
    /// The current due date (YYYY-MM-DD), kept for the warning boards' queries.
    @Field(key: "due") var due: String
    @Field(key: "provisional") var provisional: Bool
    @Field(key: "source") var sourceText: JSONText<SourceRef>
    @OptionalField(key: "extension_cap") var extensionCap: Int?
    /// Set when the step the limit governs is done.
    @OptionalField(key: "met_on") var metOn: String?

    init() {}

    var clock: CaseClock {
        get { clockText.value }
        set { clockText = JSONText(newValue) }
    }
    var source: SourceRef { sourceText.value }
}

extension CaseDeadline {
    /// The warning level of this limit on `today`: none once met or while its case is suspended, else red past the
    /// due day and yellow within `window` days of it. The one rule behind the case list, the case page and the board.
    func warningLevel(today: LocalDate, window: Int, caseSuspended: Bool) -> WarningLevel {
        guard metOn == nil, !caseSuspended, let due = LocalDate(iso: due) else { return .none }
        return WarningLevel.of(due: due, today: today, window: window)
    }
}

/// 期限变更记录: every recalculation of a due date, with who, why and the rule.
final class CaseDeadlineChange: Model, @unchecked Sendable {
    static let schema = "case_deadline_changes"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Field(key: "deadline_code") var deadlineCode: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "old_due") var oldDue: String?
    @Field(key: "new_due") var newDue: String
    @Field(key: "reason") var reason: String
    @Field(key: "rule") var rule: String
    @Field(key: "actor") var actor: String

    init() {}
}
