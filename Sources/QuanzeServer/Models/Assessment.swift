import Fluent
import Foundation
import QuanzeCore

/// 评议考核方案: a yearly assessment of the bodies of a jurisdiction (by its 法制办, for the
/// government) or of a body's units or officers (by its 法制机构), with its indicator tree (百分制),
/// grade thresholds and the window in which the assessed party may contest a finding.
final class AssessmentPlan: Model, @unchecked Sendable {
    static let schema = "assessment_plans"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "jurisdiction_id") var jurisdiction: Jurisdiction
    /// The assessing body for unit and officer plans; nil for a government plan of bodies.
    @OptionalParent(key: "agency_id") var agency: Agency?
    @Field(key: "target_kind") var targetKind: AssessmentTargetKind
    @Field(key: "year") var year: Int
    @Field(key: "name") var name: String
    @Field(key: "indicators") var indicatorsText: JSONText<[IndicatorNode]>
    @Field(key: "excellent_min") var excellentMin: Int
    @Field(key: "qualified_min") var qualifiedMin: Int
    @Field(key: "contest_days") var contestDays: Int
    @Field(key: "status") var status: AssessmentPlanStatus
    @OptionalField(key: "computed_on") var computedOn: String?
    @OptionalField(key: "contest_due") var contestDue: String?
    @OptionalField(key: "published_on") var publishedOn: String?
    @Field(key: "created_by") var createdBy: String

    init() {}

    var indicators: [IndicatorNode] { indicatorsText.value }
    var thresholds: GradeThresholds { GradeThresholds(excellentMin: excellentMin, qualifiedMin: qualifiedMin) }
}

enum AssessmentPlanStatus: String, Codable, CaseIterable, Sendable {
    case draft, computed, published

    var label: String {
        switch self {
        case .draft: "草拟"
        case .computed: "已计算（确认申辩中）"
        case .published: "已公布"
        }
    }
}

/// One assessed party's result in a plan: the total (sum of its findings' points), the ranking
/// score (shrunk rates, see `FairRanking`) and the grade.
final class AssessmentResult: Model, @unchecked Sendable {
    static let schema = "assessment_results"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: AssessmentPlan
    @Field(key: "target_id") var targetID: UUID
    @Field(key: "target_name") var targetName: String
    @Field(key: "total_centi") var totalCenti: Int
    @Field(key: "rank_centi") var rankCenti: Int
    @Field(key: "grade") var grade: AssessmentGradeCode

    init() {}
}

/// One leaf indicator's finding for one party: points, the measure and the items behind it; the
/// assessed party confirms or contests it (`003_*` 篇4 第十四条), the assessor decides a contest.
final class AssessmentFinding: Model, @unchecked Sendable {
    static let schema = "assessment_findings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: AssessmentPlan
    @Parent(key: "result_id") var result: AssessmentResult
    @Field(key: "target_id") var targetID: UUID
    @Field(key: "indicator_code") var indicatorCode: String
    @Field(key: "indicator_name") var indicatorName: String
    @Field(key: "kind") var kind: IndicatorKind
    @OptionalField(key: "automatic") var automatic: String?
    @Field(key: "weight") var weight: Int
    @Field(key: "points_centi") var pointsCenti: Int
    @Field(key: "computed_centi") var computedCenti: Int
    @Field(key: "rank_centi") var rankCenti: Int
    @OptionalField(key: "numerator") var numerator: Int?
    @OptionalField(key: "denominator") var denominator: Int?
    @Field(key: "detail") var detailText: JSONText<FindingDetail>
    @OptionalField(key: "evidence") var evidence: String?
    @Field(key: "status") var status: FindingStatus
    @OptionalField(key: "response_grounds") var responseGrounds: String?
    @OptionalField(key: "responded_by") var respondedBy: String?
    @OptionalField(key: "responded_on") var respondedOn: String?
    @OptionalField(key: "decision_reason") var decisionReason: String?
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_on") var decidedOn: String?

    init() {}

    var detail: FindingDetail { detailText.value }
    var automaticIndicator: AutomaticIndicator? { automatic.flatMap(AutomaticIndicator.init(rawValue:)) }
    var measure: IndicatorMeasure? {
        guard let numerator, let denominator else { return nil }
        return IndicatorMeasure(numerator: numerator, denominator: denominator)
    }
}

/// The items behind a finding: the cases (or powers, officers) that count against it, at most
/// `FindingDetail.cap` of them, and those that count for it by number only.
struct FindingDetail: Codable, Sendable {
    struct Item: Codable, Sendable {
        var kind: String        // case | power | officer
        var id: UUID
        var label: String
        var note: String?
    }

    static let cap = 300
    var against: [Item] = []
    var againstMore: Int = 0
    var note: String?
}

enum FindingStatus: String, Codable, CaseIterable, Sendable {
    case pending, confirmed, contested, upheld, revised

    var label: String {
        switch self {
        case .pending: "待确认"
        case .confirmed: "已确认"
        case .contested: "已申辩，待处理"
        case .upheld: "申辩不成立，维持"
        case .revised: "申辩成立，已改分"
        }
    }
}

/// 零执法: a body's stated reason why a published power was not exercised in a year.
final class ZeroEnforcementReason: Model, @unchecked Sendable {
    static let schema = "zero_enforcement_reasons"

    @ID(key: .id) var id: UUID?
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "power_item_id") var powerItemID: UUID
    @Field(key: "reason") var reason: String
    @Field(key: "stated_by") var statedBy: String
    @Field(key: "stated_on") var statedOn: String

    init() {}
}

/// A one-time evaluation code given to a case's party: stored as its SHA-256, used once.
final class EvaluationCode: Model, @unchecked Sendable {
    static let schema = "evaluation_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "issued_by") var issuedBy: String
    @OptionalField(key: "used_on") var usedOn: String?

    init() {}
}

/// 外部评议: one rating 1–5 of a body (and, with a code, of a case) from an evaluation card on the
/// portal, a survey import (问卷调查, 民意测验) or a 监督评议员.
final class Evaluation: Model, @unchecked Sendable {
    static let schema = "evaluations"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "agency_id") var agencyID: UUID
    @OptionalField(key: "case_id") var caseID: UUID?
    @Field(key: "year") var year: Int
    @Field(key: "channel") var channel: EvaluationChannel
    @Field(key: "rating") var rating: Int
    @OptionalField(key: "comment") var comment: String?
    @OptionalField(key: "evaluator_name") var evaluatorName: String?
    @Field(key: "submitted_on") var submittedOn: String

    init() {}
}

enum EvaluationChannel: String, Codable, CaseIterable, Sendable {
    case card, survey, evaluator

    var label: String {
        switch self {
        case .card: "执法评议卡"
        case .survey: "问卷调查"
        case .evaluator: "监督评议员"
        }
    }
}
