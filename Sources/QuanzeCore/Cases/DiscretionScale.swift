import Foundation

/// 裁量基准 as rules: the circumstance levels (情节: 轻微 / 一般 / 较重 / 严重 …) of one violation, each
/// with the penalty kinds it allows and its fine range, and the listed 从轻、减轻 and 从重 情节 a decision
/// may find. Pure: no storage, no web framework.
///
/// Sources (seed 004_cacaddb37daf54c4.txt):
/// - 篇十一 通州区行政处罚自由裁量权监督规定 第四条(二): "按照本系统行政处罚自由裁量权规范规定的条件和标准选择行政处罚的
///   种类和幅度" — the level fixes the kinds and the range (`PENALTY_KIND_NOT_ALLOWED`, `AMOUNT_OUTSIDE_ALL_LEVELS`);
/// - 同条(六): "作出较重或较轻行政处罚时,是否考虑了……相应情形" — the listed factors (`DISCRETION_FACTOR_UNKNOWN`);
/// - 同条(四): like facts, like kinds and amounts — the 裁量一致性 report (`DiscretionConsistency`);
/// - 篇十二 关于全面落实行政执法责任制的实施意见 二(三)8: "在案件调查报告和行政处罚决定书中应当对认定的事实和不予处罚、
///   从轻处罚、减轻处罚等裁量因素予以说明" — the factors found are printed on the 决定书;
/// - 篇二 黑龙江省行政执法责任制规定 第十一条: "科学合理细化、量化行政执法裁量权" — levels must not overlap or invert.
public enum DiscretionSources {
    public static let seed = "004_cacaddb37daf54c4.txt"
    /// 第四条(二): kinds and range by the benchmark's conditions.
    public static let kindsAndRange = SourceRef(seed: seed, part: "篇十一", document: "通州区行政处罚自由裁量权监督规定", article: "第四条(二)")
    /// 第四条(四): like cases treated alike.
    public static let likeCases = SourceRef(seed: seed, part: "篇十一", document: "通州区行政处罚自由裁量权监督规定", article: "第四条(四)")
    /// 第四条(六): heavier or lighter penalties weigh the listed 情形.
    public static let factors = SourceRef(seed: seed, part: "篇十一", document: "通州区行政处罚自由裁量权监督规定", article: "第四条(六)")
    /// 决定书 states the 从轻、减轻 factors.
    public static let factorsOnDecision = SourceRef(seed: seed, part: "篇十二", document: "关于全面落实行政执法责任制的实施意见", article: "二(三)8")
    /// 细化、量化 the discretion.
    public static let quantified = SourceRef(seed: seed, part: "篇二", document: "黑龙江省行政执法责任制规定", article: "第十一条")
}

/// 从轻、减轻 (mitigating) or 从重 (aggravating).
public enum DiscretionFactorKind: String, Codable, CaseIterable, Sendable {
    case mitigating, aggravating

    public var label: String { self == .mitigating ? "从轻、减轻情节" : "从重情节" }
}

/// A listed 情节 that moves the penalty within (or, with reason, beyond) a level, with its legal basis.
public struct DiscretionFactor: Codable, Sendable, Hashable {
    public var kind: DiscretionFactorKind
    public var text: String
    public var basis: String?

    public init(kind: DiscretionFactorKind, text: String, basis: String? = nil) {
        self.kind = kind
        self.text = text
        self.basis = basis
    }

    /// `当事人主动消除违法行为危害后果（行政处罚法 第三十二条）`.
    public var citation: String { basis.map { "\(text)（\($0)）" } ?? text }
}

/// One circumstance level: its name, the kinds of penalty it allows and the fine range in 元
/// (inclusive at both ends: "以上" and "以下" include the figure). An empty `allowedKinds`
/// (levels stored before kinds were recorded) allows every kind.
public struct DiscretionLevel: Codable, Sendable, Hashable {
    public var circumstance: String
    public var allowedKinds: [PenaltyKind]
    public var minAmount: Int?
    public var maxAmount: Int?

    public init(circumstance: String, allowedKinds: [PenaltyKind], minAmount: Int? = nil, maxAmount: Int? = nil) {
        self.circumstance = circumstance
        self.allowedKinds = allowedKinds
        self.minAmount = minAmount
        self.maxAmount = maxAmount
    }

    public func allows(_ kind: PenaltyKind) -> Bool { allowedKinds.isEmpty || allowedKinds.contains(kind) }
    public var allowsFine: Bool { allows(.fine) }
    public var range: DiscretionRange { DiscretionRange(circumstance: circumstance, minAmount: minAmount, maxAmount: maxAmount) }
    var bounds: (Int, Int) { (minAmount ?? 0, maxAmount ?? Int.max) }
}

/// A problem with a benchmark as submitted: the field (`tiers[1].maxAmount`, `mitigatingFactors[0].text`),
/// a stable lower-case code and the Chinese message.
public struct DiscretionProblem: Sendable, Hashable {
    public var field: String
    public var code: String
    public var message: String
}

/// What a decision measured against a benchmark found.
public struct DiscretionMeasure: Sendable, Hashable {
    public var level: DiscretionLevel
    public var factors: [DiscretionFactor]
    /// The fine lies outside the chosen level (but inside another level): written reason and 法制审核.
    public var outsideLevel: Bool
}

public struct DiscretionScale: Sendable, Hashable {
    public static let maxLevels = 5
    public static let maxFactors = 20

    public var levels: [DiscretionLevel]
    public var factors: [DiscretionFactor]

    public init(levels: [DiscretionLevel], factors: [DiscretionFactor] = []) {
        self.levels = levels
        self.factors = factors
    }

    public func level(named name: String) -> DiscretionLevel? { levels.first { $0.circumstance == name } }

    /// Levels that allow a fine.
    public var fineLevels: [DiscretionLevel] { levels.filter(\.allowsFine) }

    /// Whether a fine lies inside at least one level that allows fines (the benchmark's whole range).
    public func anyLevelContains(_ amount: Int) -> Bool { fineLevels.contains { $0.range.contains(amount) } }

    /// Everything wrong with the benchmark as written (empty when it may be saved): level names present
    /// and distinct, kinds listed, ranges only for fines, not inverted, not overlapping (sharing one
    /// end figure is allowed: 以上/以下 both include it), factors present and distinct.
    public func problems() -> [DiscretionProblem] {
        var out: [DiscretionProblem] = []
        if levels.isEmpty || levels.count > Self.maxLevels {
            out.append(.init(field: "tiers", code: "count", message: "裁量阶次须为 1 至 \(Self.maxLevels) 档"))
        }
        var seen: Set<String> = []
        for (i, l) in levels.enumerated() {
            let field = "tiers[\(i)]"
            let name = l.circumstance.trimmingCharacters(in: .whitespaces)
            if name.isEmpty {
                out.append(.init(field: field + ".circumstance", code: "required", message: "情节名称不能为空"))
            } else if !seen.insert(name).inserted {
                out.append(.init(field: field + ".circumstance", code: "duplicate", message: "情节“\(name)”重复"))
            }
            if l.allowedKinds.isEmpty {
                out.append(.init(field: field + ".allowedKinds", code: "required", message: "须列明该情节可以给予的处罚种类"))
            } else if Set(l.allowedKinds).count != l.allowedKinds.count {
                out.append(.init(field: field + ".allowedKinds", code: "duplicate", message: "处罚种类重复"))
            }
            if let lo = l.minAmount, lo < 0 { out.append(.init(field: field + ".minAmount", code: "range", message: "金额不能为负数")) }
            if let hi = l.maxAmount, hi < 0 { out.append(.init(field: field + ".maxAmount", code: "range", message: "金额不能为负数")) }
            if let lo = l.minAmount, let hi = l.maxAmount, lo > hi {
                out.append(.init(field: field + ".maxAmount", code: "range", message: "上限不能低于下限"))
            }
            let hasRange = l.minAmount != nil || l.maxAmount != nil
            if !l.allowedKinds.isEmpty {
                if l.allowsFine && !hasRange {
                    out.append(.init(field: field + ".minAmount", code: "fine_range_required", message: "可以罚款的情节须写明罚款幅度（下限或上限）"))
                } else if !l.allowsFine && hasRange {
                    out.append(.init(field: field + ".minAmount", code: "range_without_fine", message: "该情节不处罚款，不应写罚款幅度"))
                }
            }
        }
        // Overlap between fine ranges: more than a shared end figure.
        let ranged = levels.enumerated().filter { $0.element.allowsFine && ($0.element.minAmount != nil || $0.element.maxAmount != nil) }
        for (a, x) in ranged.enumerated() {
            for y in ranged[(a + 1)...] {
                let (xl, xh) = x.element.bounds, (yl, yh) = y.element.bounds
                guard xl <= xh, yl <= yh else { continue }
                if max(xl, yl) < min(xh, yh) {
                    out.append(.init(field: "tiers[\(y.offset)].minAmount", code: "overlap",
                                     message: "“\(y.element.circumstance)”的幅度与“\(x.element.circumstance)”重叠（相邻档次只能共用端点金额）"))
                }
            }
        }
        var texts: Set<String> = []
        for kind in DiscretionFactorKind.allCases {
            let list = factors.filter { $0.kind == kind }
            let name = kind == .mitigating ? "mitigatingFactors" : "aggravatingFactors"
            if list.count > Self.maxFactors { out.append(.init(field: name, code: "count", message: "\(kind.label)最多 \(Self.maxFactors) 项")) }
            for (i, f) in list.enumerated() {
                let text = f.text.trimmingCharacters(in: .whitespaces)
                if text.isEmpty {
                    out.append(.init(field: "\(name)[\(i)].text", code: "required", message: "情节内容不能为空"))
                } else if !texts.insert(text).inserted {
                    out.append(.init(field: "\(name)[\(i)].text", code: "duplicate", message: "情节“\(text)”重复"))
                }
            }
        }
        return out
    }

    /// Measures a penalty decision: the named level must exist, allow every kind of the sanction, the
    /// factors must be listed, and a fine must lie inside some level (outside every level it is outside
    /// the benchmark's — and so the statute's — range and no reason can carry it; 减轻处罚 below it is
    /// a level of its own in the benchmark). A fine outside the chosen level only needs a written reason
    /// here; the caller requires the passed 法制审核 (`outsideLevel`).
    public func measure(circumstance: String?, sanction: PenaltySanction, factors chosen: [String], reason: String?) throws(CaseRuleViolation) -> DiscretionMeasure {
        guard let circumstance, let level = level(named: circumstance) else {
            throw CaseRuleViolation("DISCRETION_LEVEL_UNKNOWN", "须选择裁量基准中的情节：\(levels.map(\.circumstance).joined(separator: "、"))",
                                    source: DiscretionSources.kindsAndRange)
        }
        if let kind = sanction.kinds.first(where: { !level.allows($0) }) {
            throw CaseRuleViolation("PENALTY_KIND_NOT_ALLOWED",
                                    "“\(level.circumstance)”情节不得给予\(kind.label)（该情节可给予：\(level.allowedKinds.map(\.label).joined(separator: "、"))）",
                                    source: DiscretionSources.kindsAndRange)
        }
        var found: [DiscretionFactor] = []
        for text in chosen {
            guard let f = factors.first(where: { $0.text == text }) else {
                throw CaseRuleViolation("DISCRETION_FACTOR_UNKNOWN", "“\(text)”不是该裁量基准列明的从轻、减轻或从重情节", source: DiscretionSources.factors)
            }
            if !found.contains(f) { found.append(f) }
        }
        var outside = false
        if sanction.kinds.contains(.fine) {
            let amount = sanction.fineAmount
            guard anyLevelContains(amount) else {
                let ranges = fineLevels.map { "\($0.circumstance) \($0.range.text)" }.joined(separator: "；")
                throw CaseRuleViolation("AMOUNT_OUTSIDE_ALL_LEVELS", "罚款\(amount)元不在裁量基准任何情节的幅度内（\(ranges)）",
                                        source: DiscretionSources.kindsAndRange)
            }
            try level.range.check(amount: amount, reason: reason)
            outside = !level.range.contains(amount)
        }
        return DiscretionMeasure(level: level, factors: found, outsideLevel: outside)
    }
}

extension DiscretionRange {
    /// `5000元至20000元`, `5000元以上`, `20000元以下`, or `—` without bounds.
    public var text: String {
        switch (minAmount, maxAmount) {
        case let (lo?, hi?): "\(lo)元至\(hi)元"
        case let (lo?, nil): "\(lo)元以上"
        case let (nil, hi?): "\(hi)元以下"
        default: "—"
        }
    }
}
