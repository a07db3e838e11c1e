import Fluent
import Foundation
import QuanzeCore

/// 评查标准: a versioned criteria table of a jurisdiction. A new version is a new row; a plan and
/// each of its sheets keep the version they were scored against.
final class ReviewStandard: Model, @unchecked Sendable {
    static let schema = "review_standards"
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "jurisdiction_id") var jurisdictionID: UUID
    @Field(key: "name") var name: String
    @Field(key: "version") var version: Int
    @Field(key: "pass_mark") var passMark: Double
    @Field(key: "criteria") var criteriaText: JSONText<[ReviewCriterion]>
    @Field(key: "created_by") var createdBy: String

    init() {}
    init(id: UUID? = nil, jurisdictionID: UUID, name: String, version: Int, passMark: Double, criteria: [ReviewCriterion], createdBy: String) {
        self.id = id
        self.jurisdictionID = jurisdictionID
        self.name = name
        self.version = version
        self.passMark = passMark
        self.criteriaText = JSONText(criteria)
        self.createdBy = createdBy
    }
    var criteria: [ReviewCriterion] { criteriaText.value }
}

enum ReviewPlanKind: String, Codable, CaseIterable, Sendable {
    case annual, spot
    var label: String { self == .annual ? "年度评查" : "日常抽查" }
}

enum ReviewPlanStatus: String, Codable, CaseIterable, Sendable {
    case cataloging, drawn, closed
    var label: String {
        switch self {
        case .cataloging: "报送案卷目录"
        case .drawn: "评查中"
        case .closed: "已结束"
        }
    }
}

/// 评查方案 (第十条(一)): kind, year, period of the files, bodies, sample size, reviewers, standard.
final class ReviewPlan: Model, @unchecked Sendable {
    static let schema = "review_plans"
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "jurisdiction_id") var jurisdictionID: UUID
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: ReviewPlanKind
    @Field(key: "year") var year: Int
    @Field(key: "period_from") var periodFrom: String
    @Field(key: "period_to") var periodTo: String
    @Field(key: "sample_size") var sampleSize: Int
    @Field(key: "standard_id") var standardID: UUID
    @OptionalField(key: "contest_until") var contestUntil: String?
    @Field(key: "status") var status: ReviewPlanStatus
    @Field(key: "algorithm") var algorithm: String
    @OptionalField(key: "seed") var seed: String?
    @OptionalField(key: "draw_input") var drawInputText: JSONText<FileReviewDraw.Input>?
    @OptionalField(key: "drawn_on") var drawnOn: String?
    @OptionalField(key: "drawn_by") var drawnBy: String?
    /// 020: draw from the pre-check strata (platform rule, docs/case-file-review.md). Plans made before 020: false.
    @Field(key: "stratified") var stratified: Bool
    @Field(key: "created_by") var createdBy: String

    init() {}
}

/// A body of a plan with its reported 案卷目录 (第十二条) and the comparison with the system.
final class ReviewPlanBody: Model, @unchecked Sendable {
    static let schema = "review_plan_bodies"
    @ID(key: .id) var id: UUID?
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "agency_name") var agencyName: String
    @OptionalField(key: "reported_count") var reportedCount: Int?
    @OptionalField(key: "reported_numbers") var reportedNumbersText: JSONText<[String]>?
    @OptionalField(key: "reported_on") var reportedOn: String?
    @OptionalField(key: "reported_by") var reportedBy: String?
    @OptionalField(key: "system_count") var systemCount: Int?
    @Field(key: "matches") var matches: Bool
    @OptionalField(key: "explanation") var explanation: String?
    @OptionalField(key: "resolution") var resolution: String?
    @OptionalField(key: "resolved_by") var resolvedBy: String?

    init() {}
    var reportedNumbers: [String]? { reportedNumbersText?.value }
}

/// 评查员 chosen for a plan (第十条(二)).
final class ReviewPlanReviewer: Model, @unchecked Sendable {
    static let schema = "review_plan_reviewers"
    @ID(key: .id) var id: UUID?
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "name") var name: String
    @OptionalField(key: "agency_id") var agencyID: UUID?

    init() {}
}

enum ReviewSheetStage: String, Codable, CaseIterable, Sendable {
    case first, second, recheck, confirmed
    var label: String {
        switch self {
        case .first: "初评"
        case .second: "复评"
        case .recheck: "法制办抽核"
        case .confirmed: "已确认"
        }
    }
}

enum ContestOutcome: String, Codable, CaseIterable, Sendable {
    case maintained, rescored
    var label: String { self == .maintained ? "维持" : "改分" }
}

/// 案卷评查单 (第十条(五)): one sheet per drawn file.
final class ReviewSheet: Model, @unchecked Sendable {
    static let schema = "review_sheets"
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "case_number") var caseNumber: String
    @Field(key: "case_title") var caseTitle: String
    @OptionalField(key: "decision_number") var decisionNumber: String?
    @Field(key: "draw_order") var drawOrder: Int
    @Field(key: "stratum") var stratum: String
    @Field(key: "standard_id") var standardID: UUID
    @Field(key: "stage") var stage: ReviewSheetStage
    @Field(key: "deductions") var deductionsText: JSONText<[ReviewDeduction]>
    @OptionalField(key: "score") var score: Double?
    @Field(key: "doubtful") var doubtful: Bool
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "scored_by") var scoredBy: String?
    @OptionalField(key: "signer1_id") var signer1ID: UUID?
    @OptionalField(key: "signer1_name") var signer1Name: String?
    @OptionalField(key: "signer2_id") var signer2ID: UUID?
    @OptionalField(key: "signer2_name") var signer2Name: String?
    @OptionalField(key: "second_reviewed_by") var secondReviewedBy: String?
    @OptionalField(key: "confirmed_score") var confirmedScore: Double?
    @OptionalField(key: "confirmed_by") var confirmedBy: String?
    @OptionalField(key: "confirmation_note") var confirmationNote: String?
    @OptionalField(key: "sent_on") var sentOn: String?
    @OptionalField(key: "contest_due") var contestDue: String?
    @OptionalField(key: "contest_grounds") var contestGrounds: String?
    @OptionalField(key: "contested_on") var contestedOn: String?
    @OptionalField(key: "contested_by") var contestedBy: String?
    @OptionalField(key: "contest_outcome") var contestOutcome: ContestOutcome?
    @OptionalField(key: "outcome_reason") var outcomeReason: String?
    @OptionalField(key: "outcome_by") var outcomeBy: String?
    @OptionalField(key: "final_score") var finalScore: Double?
    /// 020: the two 评查员 assigned to this file at the draw; only they score and sign it.
    @OptionalField(key: "reviewer_a_id") var reviewerAID: UUID?
    @OptionalField(key: "reviewer_a_name") var reviewerAName: String?
    @OptionalField(key: "reviewer_b_id") var reviewerBID: UUID?
    @OptionalField(key: "reviewer_b_name") var reviewerBName: String?
    /// 020: the day the 初评 got its second signature (the sheet is made), for the 3 日 deadline.
    @OptionalField(key: "first_signed_on") var firstSignedOn: String?
    var assignedReviewers: [UUID] { [reviewerAID, reviewerBID].compactMap { $0 } }

    init() {}
    var deductions: [ReviewDeduction] { deductionsText.value }
    var signatureCount: Int { (signer1ID == nil ? 0 : 1) + (signer2ID == nil ? 0 : 1) }
}

/// 集体会商记录 (第八条): participants and conclusion on a failing or doubtful file.
final class ReviewDeliberation: Model, @unchecked Sendable {
    static let schema = "review_deliberations"
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "sheet_id") var sheetID: UUID
    @Field(key: "held_on") var heldOn: String
    @Field(key: "participants") var participantsText: JSONText<[String]>
    @Field(key: "conclusion") var conclusion: String
    @Field(key: "recorded_by") var recordedBy: String

    init() {}
}

enum NoticeKind: String, Codable, CaseIterable, Sendable {
    case correction, legalAdvice = "legal_advice", reviewSheet = "review_sheet"
    var label: String {
        switch self {
        case .correction: "纠正过错通知书"
        case .legalAdvice: "政府法制建议书"
        case .reviewSheet: "案卷评查单"
        }
    }
    /// Where the seeds describe the notice.
    var source: SourceRef {
        switch self {
        case .correction: SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇三", document: "贵州省教育厅行政执法过错责任追究制度(试行)", article: "第十四条")
        case .legalAdvice, .reviewSheet: FileReviewRules.rectification
        }
    }
}

enum NoticeStatus: String, Codable, CaseIterable, Sendable {
    case issued, replied, accepted, returned
    var label: String {
        switch self {
        case .issued: "待回复"
        case .replied: "已回复待审查"
        case .accepted: "已采纳"
        case .returned: "已退回重新整改"
        }
    }
}

/// 监督文书: 纠正过错通知书 / 政府法制建议书 / 案卷评查单 issued by the legal office to a body,
/// answered by the body's 法制员 with its 整改情况 by the reply deadline.
final class SupervisionNotice: Model, @unchecked Sendable {
    static let schema = "supervision_notices"
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "jurisdiction_id") var jurisdictionID: UUID
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "kind") var kind: NoticeKind
    @Field(key: "title") var title: String
    @Field(key: "content") var content: String
    @OptionalField(key: "case_id") var caseID: UUID?
    @OptionalField(key: "review_plan_id") var reviewPlanID: UUID?
    @OptionalField(key: "review_sheet_id") var reviewSheetID: UUID?
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "reply_due") var replyDue: String
    @Field(key: "issued_by") var issuedBy: String
    @Field(key: "status") var status: NoticeStatus
    @OptionalField(key: "reply") var reply: String?
    @OptionalField(key: "replied_on") var repliedOn: String?
    @OptionalField(key: "replied_by") var repliedBy: String?
    @OptionalField(key: "review_note") var reviewNote: String?
    @OptionalField(key: "reviewed_on") var reviewedOn: String?
    @OptionalField(key: "reviewed_by") var reviewedBy: String?

    init() {}
}
