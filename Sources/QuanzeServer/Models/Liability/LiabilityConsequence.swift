import Fluent
import Foundation

/// One consequence of a 责任追究 decision's sanction on the rest of the platform (issue 6 item 6):
/// unique per (decision, sanction). `LiabilityConsequences.sync` keeps these rows at what the decision's
/// current `ConsequencesPlan` allows, and records what it changed so that a 变更/撤销 undoes exactly that.
final class LiabilityConsequence: Model, @unchecked Sendable {
    static let schema = "liability_consequences"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// The decision row (feat/decision); no foreign key, see migration 023.
    @Field(key: "decision_id") var decisionID: UUID
    @Field(key: "matter_id") var matterID: UUID
    /// `officer` or `agency`.
    @Field(key: "target") var target: String
    @OptionalField(key: "officer_id") var officerID: UUID?
    /// The body sanctioned, or the officer's body.
    @OptionalField(key: "agency_id") var agencyID: UUID?
    /// 处理决定书 number and date, cited wherever the consequence shows.
    @Field(key: "document_number") var documentNumber: String
    @Field(key: "decided_on") var decidedOn: String
    @Field(key: "sanction_code") var sanctionCode: String
    @Field(key: "sanction_name") var sanctionName: String
    /// `SanctionEffect` raw value; nil: recorded only.
    @OptionalField(key: "effect") var effect: String?
    /// `applied`, `waiting`, `recorded` (no effect, in force), `undone`.
    @Field(key: "state") var state: String
    /// Why (the plan's reason, or what was undone and why).
    @Field(key: "reason") var reason: String
    @OptionalField(key: "applied_on") var appliedOn: String?
    @OptionalField(key: "undone_on") var undoneOn: String?
    /// The certificate this consequence changed, its status before, and what was done (`suspended`,
    /// `revoked`, `none` when it already had that status or there was no certificate to act on).
    @OptionalField(key: "certificate_id") var certificateID: UUID?
    @OptionalField(key: "certificate_previous_status") var certificatePreviousStatus: String?
    @OptionalField(key: "certificate_action") var certificateAction: String?
    /// Post assignments this consequence ended (JSON array of ids) and the day.
    @OptionalField(key: "ended_assignments") var endedAssignments: JSONText<[UUID]>?
    /// What was done, in Chinese, for the pages.
    @OptionalField(key: "note") var note: String?

    init() {}

    var isInForce: Bool { state == LiabilityConsequenceStateCode.applied || state == LiabilityConsequenceStateCode.recorded }
}

/// The `state` values of `liability_consequences`.
enum LiabilityConsequenceStateCode {
    static let applied = "applied"
    static let waiting = "waiting"
    static let recorded = "recorded"
    static let undone = "undone"

    static func label(_ raw: String) -> String {
        switch raw {
        case applied: "已执行"
        case waiting: "待执行"
        case recorded: "已记录"
        case undone: "已撤回"
        default: raw
        }
    }
}
