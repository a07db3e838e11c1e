import Fluent
import Foundation
import QuanzeCore

/// 委托执法: a body (委托机关) delegates some of its published powers to another body
/// (受委托组织 or another 行政机关) for a term, by a written decision (书面委托决定) that is
/// filed (备案) with the government's legal office (行政处罚法 第二十条; changchun: within 15 days,
/// 004_* 篇十二 二(一)3). Dates are `YYYY-MM-DD` in China Standard Time.
final class Delegation: Model, @unchecked Sendable {
    static let schema = "delegations"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    /// 委托依据 (free text) and the cited articles (each citable when recorded).
    @Field(key: "basis") var basis: String
    @Field(key: "basis_article_ids") var basisArticleIDsText: JSONText<[UUID]>
    @Field(key: "term_start") var termStart: String
    @Field(key: "term_end") var termEnd: String
    /// 书面委托决定作出之日: the filing period runs from it.
    @Field(key: "decision_on") var decisionOn: String
    /// Filing due date from the jurisdiction's rule profile (`delegation_filing`), and its source; nil where the profile sets none.
    @OptionalField(key: "filing_due") var filingDue: String?
    @OptionalField(key: "filing_due_source") var filingDueSource: String?
    @Field(key: "status") var status: DelegationStatus
    /// 备案: date, 备案文号, and the three documents (备案报告、行政执法委托书、公告文件).
    @OptionalField(key: "filed_on") var filedOn: String?
    @OptionalField(key: "filing_ref") var filingRef: String?
    @OptionalField(key: "filing_report") var filingReport: String?
    @OptionalField(key: "entrustment_letter") var entrustmentLetter: String?
    @OptionalField(key: "announcement_document") var announcementDocument: String?
    @OptionalField(key: "filed_by") var filedBy: String?
    /// Early end (终止): from this day on the delegate may no longer act.
    @OptionalField(key: "terminated_on") var terminatedOn: String?
    @OptionalField(key: "termination_reason") var terminationReason: String?
    @OptionalField(key: "created_by") var createdBy: String?

    // relationships
    @Parent(key: "jurisdiction_id") var jurisdiction: Jurisdiction
    @Parent(key: "delegating_agency_id") var delegatingAgency: Agency
    @Parent(key: "delegate_agency_id") var delegateAgency: Agency

    init() {}

    var basisArticleIDs: [UUID] {
        get { basisArticleIDsText.value }
        set { basisArticleIDsText = JSONText(newValue) }
    }

    /// The state shown on a given day: 已终止 and 已到期 (the term ended before `today`) come first.
    func state(on today: LocalDate) -> DelegationState {
        if status == .terminated { return .terminated }
        if let end = LocalDate(iso: termEnd), today > end { return .expired }
        return status == .filed ? .filed : .draft
    }

    /// Not filed and past the filing due date.
    func filingOverdue(on today: LocalDate) -> Bool {
        guard status == .draft, let due = filingDue.flatMap(LocalDate.init(iso:)) else { return false }
        return today > due
    }

    /// Filed after the due date (accepted, and shown as 逾期备案).
    var filedLate: Bool {
        guard let filed = filedOn, let due = filingDue else { return false }
        return filed > due   // ISO dates order as text
    }

    /// Whether the term, cut short by an early end, covers `day`.
    func covers(_ day: LocalDate) -> Bool {
        guard let start = LocalDate(iso: termStart), let end = LocalDate(iso: termEnd), start <= day, day <= end else { return false }
        if let stop = terminatedOn.flatMap(LocalDate.init(iso:)), day >= stop { return false }
        return true
    }
}

/// Stored state: 草拟 (decided, not yet filed) → 已备案; 已终止 (revoked early).
enum DelegationStatus: String, Codable, CaseIterable, Sendable {
    case draft, filed, terminated
}

/// The state shown: the stored one, or 已到期 once the term has ended.
enum DelegationState: String, Codable, CaseIterable, Sendable {
    case draft, filed, terminated, expired

    var label: String {
        switch self {
        case .draft: "草拟（未备案）"
        case .filed: "已备案"
        case .terminated: "已终止"
        case .expired: "已到期"
        }
    }
}

/// One delegated 职权事项 of a delegation.
final class DelegationItem: Model, @unchecked Sendable {
    static let schema = "delegation_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "delegation_id") var delegation: Delegation
    @Parent(key: "power_item_id") var powerItem: PowerItem

    init() {}

    init(delegationID: UUID, powerItemID: UUID) {
        self.$delegation.id = delegationID
        self.$powerItem.id = powerItemID
    }
}

/// 委托沿革: what happened to a delegation (decided, filed, terminated), by whom.
final class DelegationEvent: Model, @unchecked Sendable {
    static let schema = "delegation_events"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "delegation_id") var delegation: Delegation
    @Field(key: "kind") var kind: String
    @Field(key: "summary") var summary: String
    @OptionalField(key: "actor") var actor: String?

    init() {}

    init(delegationID: UUID, kind: String, summary: String, actor: String?) {
        self.$delegation.id = delegationID
        self.kind = kind
        self.summary = summary
        self.actor = actor
    }
}
