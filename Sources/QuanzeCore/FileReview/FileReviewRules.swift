import Foundation

/// 案卷评查 (case-file review): the rules of 通州区行政处罚案卷评查工作规范 (`004_*` 篇十一),
/// the only seed text that describes the procedure. Every rule below names its article.
public enum FileReviewRules {
    static let seed = "004_cacaddb37daf54c4.txt"
    static let document = "通州区行政处罚案卷评查工作规范"

    public static func source(_ article: String) -> SourceRef {
        SourceRef(seed: seed, part: "篇十一", document: document, article: article)
    }

    /// 第七条: 年终评查与日常抽查相结合.
    public static let kinds = source("第七条")
    /// 第八条: 集体会商 of 不合格问题和疑难问题.
    public static let deliberation = source("第八条")
    /// 第九条: 不合格卷申辩制度.
    public static let contest = source("第九条")
    /// 第十条(四): 在报送的案卷目录内随机抽取.
    public static let randomDraw = source("第十条(四)")
    /// 第十条(五): 一卷一单, 两名评查员签字确认.
    public static let sheet = source("第十条(五)")
    /// 第十条(七): 初审、复审, 法制办随机抽查复核; 平均分数作为案卷总成绩.
    public static let stages = source("第十条(七)")
    /// 第十一条(四): 评查结束后3日内制作案卷评查单; 收到评查单后3日内提出意见.
    public static let spotCheckTiming = source("第十一条(四)")
    /// 第十二条: 案卷目录中的案件数量应当与上报系统的案件数量相符; 无案卷的书面说明.
    public static let catalog = source("第十二条")
    /// 第十四条: 评查员应当公平、公正 (a reviewer never reviews his own body's files).
    public static let impartiality = source("第十四条")
    /// 第十五条: 百分制.
    public static let hundredPoints = source("第十五条")
    /// 第十七条: 案卷评查单 / 政府法制建议书 for rectification.
    public static let rectification = source("第十七条")

    /// Profile deadline codes (rule data in `beijing-tongzhou.json`, 第十一条(四)).
    public static let sheetDeadlineCode = "file_review_sheet"
    public static let objectionDeadlineCode = "file_review_objection"
    /// 第十一条(四): both periods are 3 日 (fallback when the jurisdiction's profile has no rule).
    public static let spotCheckDays = 3
}

/// A criterion of a 评查标准: a leaf of a two-level tree (group → criterion) worth `points`.
public struct ReviewCriterion: Codable, Hashable, Sendable {
    public var code: String
    public var group: String
    public var title: String
    public var points: Double

    public init(code: String, group: String, title: String, points: Double) {
        self.code = code
        self.group = group
        self.title = title
        self.points = points
    }
}

public enum ReviewStandardError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case pointsNotHundred(Double)
    case invalidPoints(String)
    case duplicateCode(String)
    case passMarkOutOfRange(Double)

    public var code: String {
        switch self {
        case .empty: "STANDARD_EMPTY"
        case .pointsNotHundred: "POINTS_NOT_100"
        case .invalidPoints: "INVALID_POINTS"
        case .duplicateCode: "DUPLICATE_CRITERION"
        case .passMarkOutOfRange: "PASS_MARK_OUT_OF_RANGE"
        }
    }

    public var description: String {
        switch self {
        case .empty: "评查标准至少需要一项评查内容"
        case .pointsNotHundred(let s): "各项分值合计须为 100 分（百分制，第十五条），现为 \(ReviewScore.format(s)) 分"
        case .invalidPoints(let c): "评查内容 \(c) 的分值须大于 0（最多一位小数）"
        case .duplicateCode(let c): "评查内容编号 \(c) 重复"
        case .passMarkOutOfRange(let m): "合格分数须在 0–100 之间，现为 \(ReviewScore.format(m))"
        }
    }
}

public enum ReviewStandardCheck {
    /// Criteria non-empty, codes unique, each worth > 0 (tenths), summing to exactly 100; pass mark in 0…100.
    public static func validate(_ criteria: [ReviewCriterion], passMark: Double) throws(ReviewStandardError) {
        guard !criteria.isEmpty else { throw .empty }
        var seen = Set<String>()
        for c in criteria {
            guard seen.insert(c.code).inserted else { throw .duplicateCode(c.code) }
            guard c.points > 0, ReviewScore.isTenths(c.points) else { throw .invalidPoints(c.code) }
        }
        let sum = ReviewScore.tenths(criteria.map(\.points).reduce(0, +))
        guard sum == 1000 else { throw .pointsNotHundred(Double(sum) / 10) }
        guard (0...100).contains(passMark), ReviewScore.isTenths(passMark) else { throw .passMarkOutOfRange(passMark) }
    }

    /// The default standard: the seed gives no point table (第五条 refers to the city's unified
    /// standard), so the criteria follow what the seed says a file consists of (第三条: 立案、调查取证、
    /// 审查决定、送达执行) and the legality questions of 第十七条 (主体、法律适用、主要事实和证据、程序),
    /// plus 第十条(五)'s sheet items and 第十九条 filing (归档).
    public static let defaultCriteria: [ReviewCriterion] = [
        .init(code: "A1", group: "合法性（第十七条）", title: "执法主体合法、执法人员具备资格", points: 10),
        .init(code: "A2", group: "合法性（第十七条）", title: "主要事实清楚，证据确实充分", points: 20),
        .init(code: "A3", group: "合法性（第十七条）", title: "适用法律依据正确，裁量适当并说明理由", points: 20),
        .init(code: "A4", group: "合法性（第十七条）", title: "程序合法（立案、告知、听证、法制审核、集体讨论）", points: 20),
        .init(code: "B1", group: "案卷质量（第三条、第十九条）", title: "立案、调查取证文书齐全规范", points: 10),
        .init(code: "B2", group: "案卷质量（第三条、第十九条）", title: "审查决定文书、处罚决定书制作规范", points: 10),
        .init(code: "B3", group: "案卷质量（第三条、第十九条）", title: "送达执行及时完整，案卷整理归档规范", points: 10),
    ]
    public static let defaultPassMark: Double = 60
    public static let defaultName = "行政处罚案卷评查标准"
}

/// A deduction on one criterion of a sheet: points taken off, with the problem found, its grounds
/// (判定依据) and the advice (建议) — the sheet items of 第十条(五).
public struct ReviewDeduction: Codable, Hashable, Sendable {
    public var code: String
    public var points: Double
    public var problem: String
    public var grounds: String
    public var advice: String

    public init(code: String, points: Double, problem: String, grounds: String, advice: String) {
        self.code = code
        self.points = points
        self.problem = problem
        self.grounds = grounds
        self.advice = advice
    }
}

public enum ReviewScoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCriterion(String)
    case deductionOutOfRange(String, max: Double)
    case duplicateCriterion(String)

    public var code: String {
        switch self {
        case .unknownCriterion: "UNKNOWN_CRITERION"
        case .deductionOutOfRange: "DEDUCTION_OUT_OF_RANGE"
        case .duplicateCriterion: "DUPLICATE_CRITERION"
        }
    }

    public var description: String {
        switch self {
        case .unknownCriterion(let c): "评查标准中没有评查内容 \(c)"
        case .deductionOutOfRange(let c, let m): "评查内容 \(c) 的扣分须大于 0 且不超过该项分值 \(ReviewScore.format(m)) 分（最多一位小数）"
        case .duplicateCriterion(let c): "评查内容 \(c) 重复扣分，请合并为一条"
        }
    }
}

/// 百分制 (第十五条): a file's score is 100 minus its deductions, each at most the criterion's points.
public enum ReviewScore {
    public static func total(_ deductions: [ReviewDeduction], criteria: [ReviewCriterion]) throws(ReviewScoreError) -> Double {
        let byCode = Dictionary(criteria.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        var off = 0
        for d in deductions {
            guard let c = byCode[d.code] else { throw .unknownCriterion(d.code) }
            guard seen.insert(d.code).inserted else { throw .duplicateCriterion(d.code) }
            guard d.points > 0, d.points <= c.points, isTenths(d.points) else { throw .deductionOutOfRange(d.code, max: c.points) }
            off += tenths(d.points)
        }
        return Double(1000 - off) / 10
    }

    /// The mean of final scores, rounded to two decimals (nil without files) — 第十条(七).
    public static func mean(_ scores: [Double]) -> Double? {
        guard !scores.isEmpty else { return nil }
        return (scores.reduce(0, +) / Double(scores.count) * 100).rounded() / 100
    }

    static func tenths(_ v: Double) -> Int { Int((v * 10).rounded()) }
    static func isTenths(_ v: Double) -> Bool { abs(v * 10 - (v * 10).rounded()) < 1e-9 }

    public static func format(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }
}
