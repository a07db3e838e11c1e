import Fluent
import Foundation
import QuanzeCore

/// 职权事项: one power of a body in its 权责清单. Its content lives in versions; a published
/// version never changes and a new version supersedes it.
final class PowerItem: Model, @unchecked Sendable {
    static let schema = "power_items"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// 事项编码, unique within the body.
    @Field(key: "code") var code: String
    @Parent(key: "agency_id") var agency: Agency
    @Children(for: \.$item) var versions: [PowerItemVersion]

    init() {}

    init(agencyID: UUID, code: String) {
        self.$agency.id = agencyID
        self.code = code
    }
}

/// One version of a 职权事项 (一单一表一图: the list entry, its basic information and its flow).
final class PowerItemVersion: Model, @unchecked Sendable {
    static let schema = "power_item_versions"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Parent(key: "item_id") var item: PowerItem
    @Field(key: "version") var version: Int
    @Field(key: "name") var name: String
    @Field(key: "category") var category: PowerCategory
    // Structured fields are stored as JSON text (see `JSONText`).
    @Field(key: "responsibilities") var responsibilitiesText: JSONText<[String]>
    @OptionalField(key: "statutory_limit") var statutoryLimitText: JSONText<TimeLimit>?
    @OptionalField(key: "promised_limit") var promisedLimitText: JSONText<TimeLimit>?
    @Field(key: "major_criteria") var majorCriteriaText: JSONText<[String]>
    @Field(key: "flow") var flowText: JSONText<[FlowStep]>
    @Field(key: "status") var status: PowerVersionStatus
    @OptionalField(key: "published_at") var publishedAt: Date?
    /// 需调整: a basis article was amended or repealed after this version was written.
    @Field(key: "needs_adjustment") var needsAdjustment: Bool
    @OptionalField(key: "adjustment_due") var adjustmentDue: String?
    @OptionalField(key: "adjustment_reason") var adjustmentReason: String?

    init() {}

    /// 追责情形 (responsibility items), one per entry.
    var responsibilities: [String] {
        get { responsibilitiesText.value }
        set { responsibilitiesText = JSONText(newValue) }
    }
    var statutoryLimit: TimeLimit? {
        get { statutoryLimitText?.value }
        set { statutoryLimitText = newValue.map(JSONText.init) }
    }
    var promisedLimit: TimeLimit? {
        get { promisedLimitText?.value }
        set { promisedLimitText = newValue.map(JSONText.init) }
    }
    /// Criteria that make a decision "major" (重大执法决定 → 法制审核).
    var majorCriteria: [String] {
        get { majorCriteriaText.value }
        set { majorCriteriaText = JSONText(newValue) }
    }
    var flow: [FlowStep] {
        get { flowText.value }
        set { flowText = JSONText(newValue) }
    }
}

/// Which articles a version cites (its 执法依据), so that a change of an article finds the items.
final class PowerItemBasis: Model, @unchecked Sendable {
    static let schema = "power_item_bases"

    @ID(key: .id) var id: UUID?
    @Parent(key: "version_id") var version: PowerItemVersion
    @Parent(key: "article_id") var article: LegalArticle

    init() {}

    init(versionID: UUID, articleID: UUID) {
        self.$version.id = versionID
        self.$article.id = articleID
    }
}

/// 职权类别.
enum PowerCategory: String, Codable, CaseIterable, Sendable {
    case licensing, penalty, coercion, levy, benefit, inspection, confirmation, adjudication, reward, other

    var label: String {
        switch self {
        case .licensing: "行政许可"
        case .penalty: "行政处罚"
        case .coercion: "行政强制"
        case .levy: "行政征收"
        case .benefit: "行政给付"
        case .inspection: "行政检查"
        case .confirmation: "行政确认"
        case .adjudication: "行政裁决"
        case .reward: "行政奖励"
        case .other: "其他"
        }
    }
}

/// 草拟 → 送审 → 审核通过 → 公布; a later published version supersedes (已被取代) the earlier one.
enum PowerVersionStatus: String, Codable, CaseIterable, Sendable {
    case draft, submitted, approved, published, superseded

    var label: String {
        switch self {
        case .draft: "草拟"
        case .submitted: "送审"
        case .approved: "审核通过"
        case .published: "已公布"
        case .superseded: "已被新版本取代"
        }
    }
}

/// A time limit: value and unit (日 or 工作日).
struct TimeLimit: Codable, Sendable, Equatable {
    var value: Int
    var unit: String   // DeadlineUnit raw value: 日 / 工作日
}

/// One step of the process flow (一图): who acts, within what time, and the branch it belongs to.
struct FlowStep: Codable, Sendable, Equatable {
    var name: String
    /// Acting role, e.g. 承办人、审核人、法制审核、批准人.
    var role: String
    var limit: TimeLimit?
    /// Branch such as 简易程序 / 普通程序; nil when the step is shared by all branches.
    var branch: String?
    /// Where `limit` counts from; nil is entering the step.
    var limitFrom: FlowLimitStart? = nil

    var countsFromFiling: Bool { limitFrom == .filing }
}
