import Fluent
import Foundation
import QuanzeCore

/// 案件移送: a case of one body handed to another body (which must accept it by filing a case whose
/// source is 移送, and may neither refuse nor pass it on again — 004_* 篇十二 二(三)10), or to the
/// judicial organs for a suspected crime (004_* 篇二 第十七条). The row is never deleted.
final class CaseTransfer: Model, @unchecked Sendable {
    static let schema = "case_transfers"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The case transferred (of the sending body).
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Parent(key: "from_agency_id") var fromAgency: Agency
    @Field(key: "kind") var kind: CaseTransferKind
    /// The receiving body (kind `agency`).
    @OptionalParent(key: "to_agency_id") var toAgency: Agency?
    /// The judicial organ (kind `judicial`): its kind and name, the suspected crime and the receipt.
    @OptionalField(key: "organ") var organ: JudicialOrgan?
    @OptionalField(key: "organ_name") var organName: String?
    @OptionalField(key: "suspected_crime") var suspectedCrime: String?
    @OptionalField(key: "receipt_number") var receiptNumber: String?
    @Field(key: "transferred_on") var transferredOn: String
    @Field(key: "reason") var reason: String
    @Field(key: "materials") var materialsText: JSONText<[String]>
    @Field(key: "status") var status: CaseTransferStatus
    /// The case the receiving body filed to accept it (source 移送).
    @OptionalParent(key: "accepted_case_id") var acceptedCase: EnforcementCase?
    @OptionalField(key: "accepted_on") var acceptedOn: String?
    @OptionalField(key: "accepted_by") var acceptedBy: String?
    @Field(key: "created_by") var createdBy: String

    init() {}

    var materials: [String] {
        get { materialsText.value }
        set { materialsText = JSONText(newValue) }
    }
}

enum CaseTransferStatus: String, Codable, CaseIterable, Sendable {
    /// Sent to a body, not yet accepted (it cannot refuse).
    case pending
    /// The receiving body filed its case.
    case accepted
    /// Handed to the judicial organs, with their receipt.
    case judicial

    var label: String {
        switch self {
        case .pending: "待接收"
        case .accepted: "已接收立案"
        case .judicial: "已移送司法机关"
        }
    }
}

/// 执法决定公开: the publication of one case's decision on the portal, due within the profile's
/// period (国办发〔2018〕118号: 7 工作日 for 许可/处罚, 20 for others), and its withdrawal within 3
/// 工作日 when the decision is changed, revoked or found unlawful (行政处罚法 第四十八条).
/// The public text is masked when published and removed when withdrawn.
final class DecisionPublication: Model, @unchecked Sendable {
    static let schema = "decision_publications"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "case_id") var enforcementCase: EnforcementCase
    @Parent(key: "decision_id") var decision: CaseDecision
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "rule_code") var ruleCode: String
    @Field(key: "source") var sourceText: JSONText<SourceRef>
    @Field(key: "decided_on") var decidedOn: String
    @Field(key: "due") var due: String
    @Field(key: "provisional") var provisional: Bool
    @Field(key: "status") var status: DecisionPublicationStatus
    @OptionalField(key: "published_on") var publishedOn: String?
    @OptionalField(key: "published_by") var publishedBy: String?
    @OptionalField(key: "public_text") var publicTextJSON: JSONText<PublicDecisionText>?
    /// The 全过程记录 entry of the publication (its inclusion proof is shown on the portal).
    @OptionalField(key: "record_index") var recordIndex: Int64?
    @OptionalField(key: "withdrawal_reason") var withdrawalReason: String?
    @OptionalField(key: "withdrawal_basis") var withdrawalBasis: String?
    /// The day the decision was changed, revoked or found unlawful (the 3 工作日 run from it).
    @OptionalField(key: "result_on") var resultOn: String?
    @OptionalField(key: "withdrawal_due") var withdrawalDue: String?
    @OptionalField(key: "withdrawn_on") var withdrawnOn: String?
    @OptionalField(key: "withdrawal_record_index") var withdrawalRecordIndex: Int64?

    init() {}

    var source: SourceRef { sourceText.value }
    var publicText: PublicDecisionText? { publicTextJSON?.value }

    /// Published after its due day (or still unpublished past it).
    func isLate(today: LocalDate) -> Bool {
        let end = publishedOn ?? (status == .pending ? today.iso : nil)
        guard let end else { return false }
        return end > due
    }

    var withdrawalLate: Bool {
        guard let withdrawnOn, let withdrawalDue else { return false }
        return withdrawnOn > withdrawalDue
    }
}

enum DecisionPublicationStatus: String, Codable, CaseIterable, Sendable {
    case pending, published, withdrawn

    var label: String {
        switch self {
        case .pending: "待公开"
        case .published: "已公开"
        case .withdrawn: "已撤回"
        }
    }
}

/// What the portal shows of a decision: organisations by name, natural persons masked, no ID
/// number or phone.
struct PublicDecisionText: Codable, Sendable, Hashable {
    var agencyName: String
    var decisionNumber: String
    var caseTitle: String
    var procedure: String
    var parties: String
    var facts: String
    var basis: String
    var content: String
    var decidedOn: String
}
