import Fluent
import Foundation
import QuanzeCore

/// 罚缴分离: a payment of a fine into the collecting bank the decision names (行政处罚法 第六十七条),
/// recorded against the decision by the body's staff. Amounts in 分. Append-only: a wrong entry is
/// corrected by a reversing entry (`correctsID`, negative amounts), never edited or deleted.
final class CasePayment: Model, @unchecked Sendable {
    static let schema = "case_payments"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Field(key: "decision_id") var decisionID: UUID
    @Field(key: "agency_id") var agencyID: UUID
    /// The part that pays the fine, and the part that pays the 加处罚款 (第七十二条); negative in a reversal.
    @Field(key: "fine_fen") var fineFen: Int
    @Field(key: "late_fee_fen") var lateFeeFen: Int
    @Field(key: "paid_on") var paidOn: String
    /// The bank's receipt number, unique per body; nil on a reversal.
    @OptionalField(key: "receipt_number") var receiptNumber: String?
    @Field(key: "channel") var channel: String
    @OptionalField(key: "corrects_id") var correctsID: UUID?
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "recorded_by_id") var recordedByID: UUID
    @Field(key: "recorded_by_name") var recordedByName: String

    init() {}

    var amountFen: Int { fineFen + lateFeeFen }
}

/// How a fine is paid in.
enum PaymentChannel: String, Codable, CaseIterable, Sendable {
    case bank, online, spot
    var label: String {
        switch self {
        case .bank: "银行柜台缴款"
        case .online: "网上缴款"
        case .spot: "当场收缴后缴付代收机构"
        }
    }
}

/// A step of 执行 other than payment, recorded so that a case with a fine still outstanding may be
/// closed: 申请人民法院强制执行, or another measure of 行政处罚法 第七十二条第一款.
final class CaseEnforcementStep: Model, @unchecked Sendable {
    static let schema = "case_enforcement_steps"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Field(key: "kind") var kind: String
    @Field(key: "taken_on") var takenOn: String
    @Field(key: "note") var note: String
    @Field(key: "recorded_by_name") var recordedByName: String

    init() {}
}

enum EnforcementStepKind: String, Codable, CaseIterable, Sendable {
    case courtEnforcement = "court_enforcement", compulsory, terminated
    var label: String {
        switch self {
        case .courtEnforcement: "申请人民法院强制执行"
        case .compulsory: "依法拍卖财物、划拨存款或其他强制执行方式"
        case .terminated: "终结执行（当事人死亡或终止，无财产可供执行等）"
        }
    }
    var source: SourceRef {
        switch self {
        case .courtEnforcement: CaseSources.penaltyLaw("第七十二条第一款第四项")
        case .compulsory: CaseSources.penaltyLaw("第七十二条第一款第二、三项")
        case .terminated: CaseSources.coercionLaw("第三十九条、第四十条")
        }
    }
}

/// 行政复议 or 行政诉讼 against a decision: the application and, once decided, its result.
final class CaseRemedy: Model, @unchecked Sendable {
    static let schema = "case_remedies"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Field(key: "decision_id") var decisionID: UUID
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "kind") var kind: RemedyKind
    @Field(key: "organ") var organ: String
    @Field(key: "applied_on") var appliedOn: String
    @Field(key: "received_on") var receivedOn: String
    /// The last day of the statutory window and whether the application came after it (recorded, not refused).
    @Field(key: "window_due") var windowDue: String
    @Field(key: "late") var late: Bool
    @OptionalField(key: "result") var result: RemedyResult?
    @OptionalField(key: "result_on") var resultOn: String?
    @OptionalField(key: "result_number") var resultNumber: String?
    @OptionalField(key: "new_sanction") var newSanctionText: JSONText<PenaltySanction>?
    /// The part of the fine in 分 the result takes away (撤销: all of it; 变更: the difference).
    @Field(key: "removed_fen") var removedFen: Int
    @Field(key: "recorded_by_name") var recordedByName: String

    init() {}

    var newSanction: PenaltySanction? { newSanctionText?.value }
    /// The days the late fee does not run (第七十三条): from the application to the result, or to `today`.
    func pause(today: LocalDate) -> ClosedRange<LocalDate>? {
        guard let from = LocalDate(iso: appliedOn) else { return nil }
        let to = resultOn.flatMap(LocalDate.init(iso:)) ?? today
        return to < from ? nil : from...to
    }
}

enum RemedyKind: String, Codable, CaseIterable, Sendable {
    case reconsideration, litigation
    var label: String { self == .reconsideration ? "行政复议" : "行政诉讼" }
}

/// 维持、撤销、变更、确认违法、责令履行、驳回.
enum RemedyResult: String, Codable, CaseIterable, Sendable {
    case upheld, revoked, changed, unlawful, ordered, dismissed
    var label: String {
        switch self {
        case .upheld: "维持"
        case .revoked: "撤销"
        case .changed: "变更"
        case .unlawful: "确认违法"
        case .ordered: "责令履行"
        case .dismissed: "驳回"
        }
    }
    /// A result against the body: opens a liability intake item and counts in assessment.
    var isReversal: Bool { self != .upheld && self != .dismissed }
    /// The decision itself was changed, revoked or found unlawful: its publication is withdrawn
    /// (行政处罚法 第四十八条).
    var altersDecision: Bool { self == .revoked || self == .changed || self == .unlawful }
}

/// 退还罚款 after 复议/诉讼, by application (长春 实施意见 罚缴分离: 退库申请). Append-only.
final class CaseRefund: Model, @unchecked Sendable {
    static let schema = "case_refunds"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Field(key: "remedy_id") var remedyID: UUID
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "applicant") var applicant: String
    @Field(key: "amount_fen") var amountFen: Int
    @Field(key: "applied_on") var appliedOn: String
    @Field(key: "paid_on") var paidOn: String
    @Field(key: "approved_by_id") var approvedByID: UUID
    @Field(key: "approved_by_name") var approvedByName: String

    init() {}
}

/// A matter for 责任追究 found elsewhere, waiting for the liability module to take it over.
final class LiabilityIntake: Model, @unchecked Sendable {
    static let schema = "liability_intake"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// `remedy_result`: a 复议/诉讼 result other than 维持/驳回; `complaint`: a complaint found 属实 or 部分属实;
    /// `complaint_dropped`: a complaint found wrongly refused or closed on 复查 (001_* 七(二) 责任倒查).
    @Field(key: "source_kind") var sourceKind: String
    @Field(key: "source_id") var sourceID: UUID
    /// Nil for an item without a case (a complaint about a body or an officer; 014).
    @OptionalField(key: "case_id") var caseID: UUID?
    /// The officer the item is about, when known (a complaint about an officer; 014).
    @OptionalField(key: "subject_officer_id") var subjectOfficerID: UUID?
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "opened_on") var openedOn: String
    @Field(key: "summary") var summary: String
    /// `pending` (待处理) until the liability module takes it.
    @Field(key: "status") var status: String

    init() {}
}
