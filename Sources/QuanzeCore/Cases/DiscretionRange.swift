/// 裁量基准 check of a decided amount against the range of the circumstance level (情节) chosen.
/// Outside the range the decision needs a written reason and 法制审核.
public struct DiscretionRange: Codable, Sendable, Hashable {
    public var circumstance: String
    public var minAmount: Int?
    public var maxAmount: Int?

    public init(circumstance: String, minAmount: Int?, maxAmount: Int?) {
        self.circumstance = circumstance
        self.minAmount = minAmount
        self.maxAmount = maxAmount
    }

    /// 通州区行政处罚自由裁量权监督规定 第四条(二): the kind and range the benchmark sets (seed 004 篇十一).
    public static let source = DiscretionSources.kindsAndRange

    public func contains(_ amount: Int) -> Bool {
        if let lo = minAmount, amount < lo { return false }
        if let hi = maxAmount, amount > hi { return false }
        return true
    }

    /// An amount outside the level's range must carry a written reason (and goes to 法制审核).
    public func check(amount: Int, reason: String?) throws(CaseRuleViolation) {
        guard !contains(amount) else { return }
        let blank = reason.map { $0.allSatisfy(\.isWhitespace) } ?? true
        if blank {
            throw CaseRuleViolation("DISCRETION_REASON_REQUIRED",
                                    "罚款\(amount)元超出“\(circumstance)”情节的裁量幅度，应当书面说明理由并经法制审核",
                                    source: DiscretionRange.source)
        }
    }
}
