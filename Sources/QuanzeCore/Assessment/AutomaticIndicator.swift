import Foundation

/// The indicators computed from the data (信息化自动考核, `003_*` 篇4 税收执法责任制考核评议办法 第五条;
/// each with its 考核路径 — a cross-check between registers). Each measures a count `numerator` out of
/// `denominator`; `higherIsBetter` says which way is good.
///
/// Registry: adding an automatic indicator is one case here (its name, formula, source and targets)
/// plus one query function in `QuanzeServer/Services/Assessment/IndicatorQueries.swift` (the
/// `switch` in `IndicatorQueries.measure`). Nothing else changes: plans, scoring, findings, the
/// detail page and the contest flow are generic.
public enum AutomaticIndicator: String, Codable, Sendable, CaseIterable {
    /// 按期作出决定率: decision time limits (处罚、许可) met.
    case onTimeDecisions = "on_time_decisions"
    /// 重大执法决定法制审核率.
    case majorLegalReview = "major_legal_review"
    /// 复议诉讼纠错率: results other than 维持/驳回 among decided 复议/诉讼.
    case remedyReversals = "remedy_reversals"
    /// 职权行使率 (零执法): published powers with at least one case in the year.
    case powersExercised = "powers_exercised"
    /// 职权分解覆盖率: published powers held by at least one post (分解职权, 一条不漏).
    case powersCovered = "powers_covered"
    /// 持证合规率: officers with a valid certificate inspected for the year.
    case certificateCompliance = "certificate_compliance"
    /// 培训学时达标率: officers with the year's required training hours.
    case trainingHours = "training_hours"
    /// 投诉举报按期办理率: the 受理情况告知 and 答复 limits of the body's complaints met.
    case complaintsOnTime = "complaints_on_time"
    /// 案卷评查平均分: the mean final score of the body's reviewed files (百分制).
    case fileReviewScore = "file_review_score"

    public var name: String {
        switch self {
        case .onTimeDecisions: "按期作出决定率"
        case .majorLegalReview: "重大执法决定法制审核率"
        case .remedyReversals: "复议诉讼纠错率"
        case .powersExercised: "职权行使率（零执法）"
        case .powersCovered: "职权分解覆盖率"
        case .certificateCompliance: "持证及年检合规率"
        case .trainingHours: "培训学时达标率"
        case .complaintsOnTime: "投诉举报按期办理率"
        case .fileReviewScore: "案卷评查平均分"
        }
    }

    /// The formula shown on the detail page (rate and points).
    public var formula: String {
        switch self {
        case .onTimeDecisions:
            "按期率 = 年度内到期的作出决定期限中在期限内作出的件数 ÷ 年度内到期（已作出或已逾期）的件数；得分 = 分值 × 按期率"
        case .majorLegalReview:
            "审核率 = 年度内作出决定的重大执法决定案件中，决定前法制审核通过的件数 ÷ 年度内作出决定的重大执法决定案件数；得分 = 分值 × 审核率"
        case .remedyReversals:
            "纠错率 = 年度内有结果的复议、诉讼中被撤销、变更、确认违法或责令履行的件数 ÷ 年度内有结果的复议、诉讼件数；得分 = 分值 × (1 − 纠错率)"
        case .powersExercised:
            "行使率 = 已公布权责事项中年度内立案（受理）至少一件的事项数 ÷ 已公布权责事项数；未行使的事项列出部门说明的理由；得分 = 分值 × 行使率"
        case .powersCovered:
            "覆盖率 = 已公布权责事项中已分解到执法岗位的事项数 ÷ 已公布权责事项数；得分 = 分值 × 覆盖率"
        case .certificateCompliance:
            "合规率 = 在职执法人员中持有效执法证且已通过本年度年检的人数 ÷ 在职执法人员数；得分 = 分值 × 合规率"
        case .trainingHours:
            "达标率 = 在职执法人员中本年度培训学时达到规则配置要求的人数 ÷ 在职执法人员数；得分 = 分值 × 达标率"
        case .complaintsOnTime:
            "按期率 = 年度内到期（已办理或已逾期）的投诉举报受理情况告知和答复期限中按期办理的个数 ÷ 年度内到期的期限个数；得分 = 分值 × 按期率"
        case .fileReviewScore:
            "平均分 = 年度内评查确认的本部门案卷最终得分之和 ÷ 案卷数（百分制）；得分 = 分值 × 平均分 ÷ 100"
        }
    }

    public var unitLabel: String {
        switch self {
        case .onTimeDecisions, .majorLegalReview, .remedyReversals: "件"
        case .powersExercised, .powersCovered: "项"
        case .certificateCompliance, .trainingHours: "人"
        case .complaintsOnTime: "个"
        case .fileReviewScore: "分"
        }
    }

    public var higherIsBetter: Bool { self != .remedyReversals }

    /// Whom it can assess. A 内设机构 (unit) is measured through its officers' posts: the cases whose 主办
    /// held a post of the unit when the counted event happened, and the officers on its posts.
    public var targets: Set<AssessmentTargetKind> {
        switch self {
        case .onTimeDecisions, .majorLegalReview, .remedyReversals, .certificateCompliance, .trainingHours: [.agency, .unit, .officer]
        case .powersExercised, .powersCovered, .complaintsOnTime, .fileReviewScore: [.agency]
        }
    }

    /// Where the check comes from.
    public var source: SourceRef {
        switch self {
        case .onTimeDecisions:
            SourceRef(seed: "000_e748949df243188f.txt", document: "国办发〔2005〕37号", article: "三(三)")
        case .majorLegalReview:
            SourceRef(seed: "001_0f2d1a5e9a94fac7.txt", document: "吉政办发〔2016〕91号", article: "四(一)")
        case .remedyReversals:
            SourceRef(seed: "003_70cd4ff1a2ae84d9.txt", part: "篇9", document: "国办发〔2005〕37号", article: "三(三)")
        case .powersExercised:
            SourceRef(seed: "003_70cd4ff1a2ae84d9.txt", part: "篇4", document: "税收执法责任制考核评议办法", article: "附件 考核路径")
        case .powersCovered:
            SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇一", document: "行政执法责任制的性质有哪些（篇一）", article: "(一)3")
        case .certificateCompliance, .trainingHours:
            SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇十一", document: "通州区行政执法人员管理办法", article: "第八条")
        case .complaintsOnTime:
            SourceRef(seed: "001_0f2d1a5e9a94fac7.txt", document: "吉政办发〔2016〕91号", article: "五(三)")
        case .fileReviewScore:
            FileReviewRules.source("第十条(七)")
        }
    }
}

/// What an automatic indicator measured for one party over one year.
public struct IndicatorMeasure: Codable, Sendable, Hashable {
    public var numerator: Int
    public var denominator: Int

    public init(numerator: Int, denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public var rate: Double? { denominator > 0 ? Double(numerator) / Double(denominator) : nil }
}
