import Foundation

/// 裁量一致性: the fines decided under one benchmark and one circumstance level, their figures and the
/// outliers — like facts should meet like amounts (通州区行政处罚自由裁量权监督规定 第四条(四), seed 004 篇十一).
///
/// An amount is an outlier of its group (same benchmark, same level) when
/// 1. it lies outside the level's own range (`outsideLevel`: the decision had to give a written reason
///    and pass 法制审核), or
/// 2. the group holds at least `minimumForFences` (5) fines and the amount lies beyond Tukey's fences:
///    below Q1 − 1.5 × IQR (`belowFence`) or above Q3 + 1.5 × IQR (`aboveFence`), IQR = Q3 − Q1.
/// Quartiles and the median interpolate linearly between the closest ranks (Hyndman–Fan type 7, as
/// numpy's default and Excel's QUARTILE.INC): position p × (n − 1) in the sorted amounts, 0-based.
/// With all amounts equal the fences close on that amount, so any different amount is flagged.
public enum DiscretionConsistency {
    public static let minimumForFences = 5
    public static let fenceFactor = 1.5
    public static let source = DiscretionSources.likeCases

    public enum OutlierReason: String, Codable, CaseIterable, Sendable {
        case outsideLevel = "outside_level", belowFence = "below_fence", aboveFence = "above_fence"

        public var label: String {
            switch self {
            case .outsideLevel: "超出该情节的裁量幅度"
            case .belowFence: "明显低于同一情节的其他决定（低于 Q1−1.5×IQR）"
            case .aboveFence: "明显高于同一情节的其他决定（高于 Q3+1.5×IQR）"
            }
        }
    }

    public struct Figures: Codable, Sendable, Hashable {
        public var count: Int
        public var min: Int
        public var max: Int
        public var median: Double
        public var mean: Double
        public var q1: Double
        public var q3: Double
        /// Tukey's fences, when the group is large enough.
        public var lowFence: Double?
        public var highFence: Double?
    }

    /// Value at quantile `p` (0…1) of amounts sorted ascending, type 7.
    public static func quantile(_ sorted: [Int], _ p: Double) -> Double {
        precondition(!sorted.isEmpty)
        let h = p * Double(sorted.count - 1)
        let lo = Int(h.rounded(.down)), hi = Swift.min(lo + 1, sorted.count - 1)
        return Double(sorted[lo]) + (h - Double(lo)) * Double(sorted[hi] - sorted[lo])
    }

    /// Figures of a group's amounts (any order); nil when empty.
    public static func figures(_ amounts: [Int]) -> Figures? {
        guard !amounts.isEmpty else { return nil }
        let sorted = amounts.sorted()
        let q1 = quantile(sorted, 0.25), q3 = quantile(sorted, 0.75)
        let fenced = sorted.count >= minimumForFences
        let iqr = q3 - q1
        let sum = sorted.reduce(0.0) { $0 + Double($1) }
        return Figures(count: sorted.count, min: sorted[0], max: sorted[sorted.count - 1], median: quantile(sorted, 0.5),
                       mean: sum / Double(sorted.count), q1: q1, q3: q3,
                       lowFence: fenced ? q1 - fenceFactor * iqr : nil, highFence: fenced ? q3 + fenceFactor * iqr : nil)
    }

    /// Why `amount` is an outlier of its group (empty when it is not).
    public static func reasons(_ amount: Int, range: DiscretionRange?, figures: Figures) -> [OutlierReason] {
        var out: [OutlierReason] = []
        if let range, !range.contains(amount) { out.append(.outsideLevel) }
        if let low = figures.lowFence, Double(amount) < low { out.append(.belowFence) }
        if let high = figures.highFence, Double(amount) > high { out.append(.aboveFence) }
        return out
    }
}
