import Foundation

/// Scoring of an assessment (百分制). Points are kept in hundredths of a point (`centi`) so the
/// total is exactly the sum of the leaves' points.
public enum AssessmentScoring {
    /// Points of an automatic leaf of `weight` for a measure: weight × rate (or × (1 − rate) when
    /// lower is better), rounded half up to 0.01. No applicable data → full points (nothing found).
    public static func centi(weight: Int, measure: IndicatorMeasure, higherIsBetter: Bool) -> Int {
        guard let rate = measure.rate else { return weight * 100 }
        return centi(weight: weight, share: higherIsBetter ? rate : 1 - rate)
    }

    public static func centi(weight: Int, share: Double) -> Int {
        let s = min(max(share, 0), 1)
        return Int((Double(weight * 100) * s).rounded(.toNearestOrAwayFromZero))
    }

    /// External evaluation: ratings 1–5 (1 很不满意 … 5 很满意); share = (mean − 1) ÷ 4. No rating → full points.
    public static func externalCenti(weight: Int, ratings: [Int]) -> Int {
        guard !ratings.isEmpty else { return weight * 100 }
        let mean = Double(ratings.reduce(0, +)) / Double(ratings.count)
        return centi(weight: weight, share: (mean - 1) / 4)
    }

    public static func format(_ centi: Int) -> String {
        let sign = centi < 0 ? "-" : ""
        let v = abs(centi)
        return "\(sign)\(v / 100).\(String(format: "%02d", v % 100))"
    }
}

/// A 95% Wilson score interval for a proportion: honest for small counts (never outside 0…1).
public struct WilsonInterval: Sendable, Hashable, Codable {
    public var lower: Double
    public var upper: Double

    public static let z95 = 1.959963984540054

    public init?(successes: Int, trials: Int, z: Double = WilsonInterval.z95) {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denom = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denom
        let half = z * ((p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()) / denom
        lower = max(0, centre - half)
        upper = min(1, centre + half)
    }

    public var label: String { String(format: "%.1f%%–%.1f%%", lower * 100, upper * 100) }
}

/// Ranking that does not punish small numbers: each automatic rate is shrunk toward the plan's
/// pooled rate p̄ as if the party had `priorCases` more cases at p̄ (empirical-Bayes / additive
/// smoothing): r̃ = (x + m·p̄) ÷ (n + m). A party with 2 cases and 1 late is pulled close to the
/// average; a party with 200 cases keeps almost its own rate. The ranking score is the total with
/// r̃ in place of the observed rate; the published score stays the observed one.
public enum FairRanking {
    public static let priorCases = 10.0

    public static func shrunk(_ m: IndicatorMeasure, pooled: Double, prior: Double = priorCases) -> Double {
        (Double(m.numerator) + prior * pooled) / (Double(m.denominator) + prior)
    }

    /// Pooled rate of a set of measures (Σx ÷ Σn), or 1 when there is no data at all.
    public static func pooled(_ ms: [IndicatorMeasure]) -> Double {
        let n = ms.reduce(0) { $0 + $1.denominator }
        return n > 0 ? Double(ms.reduce(0) { $0 + $1.numerator }) / Double(n) : 1
    }

    /// Competition ranks (1, 2, 2, 4) by descending score.
    public static func ranks(_ scores: [Double]) -> [Int] {
        scores.map { s in 1 + scores.filter { $0 > s + 1e-9 }.count }
    }
}

/// 优秀 / 合格 / 不合格 by thresholds on the total (codes as in the profiles' `assessment.grades`).
public struct GradeThresholds: Codable, Sendable, Hashable {
    public var excellentMin: Int
    public var qualifiedMin: Int

    public init(excellentMin: Int = 90, qualifiedMin: Int = 60) {
        self.excellentMin = excellentMin
        self.qualifiedMin = qualifiedMin
    }

    public var isValid: Bool { 0 < qualifiedMin && qualifiedMin < excellentMin && excellentMin <= 100 }

    public func grade(centi: Int) -> AssessmentGradeCode {
        if centi >= excellentMin * 100 { return .excellent }
        if centi >= qualifiedMin * 100 { return .qualified }
        return .unqualified
    }
}

public enum AssessmentGradeCode: String, Codable, Sendable, CaseIterable {
    case excellent, qualified, unqualified

    public var label: String {
        switch self {
        case .excellent: "优秀"
        case .qualified: "合格"
        case .unqualified: "不合格"
        }
    }
}

/// A consequence proposed by a grade, with its source (from the effective profile).
public struct ConsequenceProposal: Sendable, Hashable {
    public var consequence: Inherited<GradeConsequence>
    /// Names of the proposed sanctions (批评教育、离岗培训 …), from the profile's catalogs.
    public var sanctionNames: [String]
    /// Years running with this grade (1 for a single year).
    public var streak: Int
}

public enum AssessmentConsequences {
    /// The consequences of `grade` for a party of `target`, given its earlier grades by year
    /// (`history`, this year excluded). A consequence with `consecutiveYears` n applies when the
    /// grade was given n years running up to `year`.
    public static func propose(grade: AssessmentGradeCode, target: AssessmentTargetKind, year: Int,
                               history: [Int: AssessmentGradeCode], profile: EffectiveProfile) -> [ConsequenceProposal] {
        guard let g = profile.assessment.grades.first(where: { $0.entry.code == grade.rawValue }) else { return [] }
        let kind: TargetKind? = switch target {
        case .agency: .agency
        case .officer: .person
        case .unit: nil
        }
        guard let kind else { return [] }
        var streak = 1
        while history[year - streak] == grade { streak += 1 }
        return g.entry.consequences.filter { $0.target == kind && ($0.consecutiveYears ?? 1) <= streak }.map { c in
            ConsequenceProposal(consequence: Inherited(entry: c, origin: g.origin, inherited: g.inherited, overrides: g.overrides),
                                sanctionNames: c.sanctions.compactMap { profile.sanction($0)?.entry.name }, streak: streak)
        }
    }
}
