import Foundation

/// A sanction the proposal allows, with its place in the catalog (1 = lightest).
public struct SanctionOption: Codable, Sendable, Hashable {
    public var item: RuleCitation
    public var target: TargetKind
    /// Position in its catalog, 1 = lightest (the order the profile lists them in).
    public var rank: Int
    public var effect: SanctionEffect?
}

/// Which way the circumstances point within the allowed sanctions.
public struct SanctionDirection: Codable, Sendable, Hashable {
    public enum Way: String, Codable, Sendable, Hashable {
        /// 从重: towards the heavier of the allowed sanctions (or combining them).
        case heavier = "从重"
        /// 从轻 / 减轻: towards the lighter.
        case lighter = "从轻"
    }

    public var way: Way
    public var circumstance: CircumstanceFinding
    /// Chinese: e.g. `从重：在本档允许的处理中从重选择（杭州… 第四十二条）`.
    public var text: String
}

/// The sanction proposal for one person or body (处理建议). Humans decide.
public struct SanctionProposal: Codable, Sendable, Hashable {
    public enum Basis: Codable, Sendable, Hashable {
        /// From the profile's gravity mapping at the chosen level.
        case gravity(RuleCitation, level: Int)
        /// From the fault situation's own `sanctions`.
        case faultSituation(RuleCitation)
        /// The profile sets no mapping: 未规定, the human chooses from the catalog.
        case unregulated
        /// An exempt circumstance: 不予追究.
        case notPursued(RuleCitation)
    }

    public var basis: Basis
    /// Allowed sanctions, lightest first (alone or combined, as the texts say).
    public var allowed: [SanctionOption]
    /// For `unregulated`: the whole catalog for the target, for the human to choose from.
    public var catalog: [SanctionOption]
    public var directions: [SanctionDirection]
    /// Chinese summary shown with the proposal.
    public var summary: String

    /// Whether `codes` stay within the allowed sanctions (always true when 未规定 and the codes are in the catalog).
    public func permits(_ codes: [String]) -> Bool {
        switch basis {
        case .notPursued: return codes.isEmpty
        case .unregulated: return codes.allSatisfy { c in catalog.contains { $0.item.code == c } }
        case .gravity, .faultSituation: return codes.allSatisfy { c in allowed.contains { $0.item.code == c } }
        }
    }
}

public enum SanctionProposer {
    /// The proposal for `target` (机关 / 人员).
    /// - With a gravity mapping in the profile, `gravityLevel` (chosen by the human from the profile's
    ///   levels) is required and gives the level's sanctions.
    /// - Without one, the fault situation's own `sanctions` (if `faultSituation` names one that has
    ///   any), else 未规定 with the target's catalog to choose from.
    /// Circumstances are shown beside it: 从重 → heavier within the allowed, 从轻/减轻 → lighter; no
    /// arithmetic is invented. An exempt circumstance → 不予追究.
    public static func propose(profile: EffectiveProfile, target: TargetKind, gravityLevel: Int?,
                               faultSituation: String? = nil,
                               circumstances: CircumstanceAssessment? = nil) throws(LiabilityRefusal) -> SanctionProposal {
        let catalog = options(profile: profile, target: target)
        if case .notPursued(let why)? = circumstances?.outcome {
            return SanctionProposal(basis: .notPursued(why), allowed: [], catalog: catalog, directions: [],
                                    summary: "不予追究：\(why.name)（\(why.source)）")
        }
        let directions = self.directions(circumstances)
        let situation: Inherited<FaultSituation>?
        if let faultSituation {
            guard let found = profile.catalogs.faultSituations.first(where: { $0.entry.code == faultSituation }) else {
                throw LiabilityRefusal(LiabilityRefusal.faultSituationUnknown,
                                       "过错情形 \(faultSituation) 不在本配置（\(profile.id)）的目录中")
            }
            situation = found
        } else {
            situation = nil
        }
        if !profile.gravity.isEmpty {
            let levels = Array(Set(profile.gravity.map(\.entry.level))).sorted()
            guard let gravityLevel else {
                throw LiabilityRefusal(LiabilityRefusal.gravityLevelRequired,
                                       "本配置按情节轻重规定了处理方式，请选择情节档次（\(levels.map(String.init).joined(separator: "、"))）",
                                       source: profile.gravity.first?.entry.source)
            }
            let rules = profile.gravity.filter { $0.entry.level == gravityLevel }
            guard let rule = rules.first else {
                throw LiabilityRefusal(LiabilityRefusal.gravityLevelUnknown,
                                       "情节档次 \(gravityLevel) 不是本配置的档次（\(levels.map(String.init).joined(separator: "、"))）",
                                       source: profile.gravity.first?.entry.source)
            }
            let codes = rules.flatMap(\.entry.sanctions)
            let allowed = try resolve(codes, profile: profile).filter { $0.target == target }
            var summary = "按情节（\(rule.entry.name)）可单独或合并适用：\(names(allowed))（\(rule.entry.source)）"
            if allowed.isEmpty { summary = "本档（\(rule.entry.name)）未规定对\(target.rawValue)的处理方式（\(rule.entry.source)），由人工决定" }
            summary += directionText(directions)
            return SanctionProposal(basis: .gravity(RuleCitation(rule), level: gravityLevel), allowed: allowed,
                                    catalog: catalog, directions: directions, summary: summary)
        }
        if let situation, !situation.entry.sanctions.isEmpty {
            let allowed = try resolve(situation.entry.sanctions, profile: profile).filter { $0.target == target }
            let summary = "该过错情形规定的处理：\(names(allowed))（\(situation.entry.source)）" + directionText(directions)
            return SanctionProposal(basis: .faultSituation(RuleCitation(situation)), allowed: allowed, catalog: catalog,
                                    directions: directions, summary: summary)
        }
        let summary = "未规定：本配置没有情节与处理的对应规则，由人工在处理目录中选择" + directionText(directions)
        return SanctionProposal(basis: .unregulated, allowed: [], catalog: catalog, directions: directions, summary: summary)
    }

    /// The target's catalog as options, lightest first.
    public static func options(profile: EffectiveProfile, target: TargetKind) -> [SanctionOption] {
        let list = target == .agency ? profile.catalogs.agencySanctions : profile.catalogs.personSanctions
        return list.enumerated().map { i, item in
            SanctionOption(item: RuleCitation(item), target: target, rank: i + 1, effect: item.entry.effect)
        }
    }

    /// Resolves codes against both catalogs (lightest first within each); unknown → `SANCTION_NOT_IN_PROFILE`.
    public static func resolve(_ codes: [String], profile: EffectiveProfile) throws(LiabilityRefusal) -> [SanctionOption] {
        let all = options(profile: profile, target: .person) + options(profile: profile, target: .agency)
        var out: [SanctionOption] = []
        for code in codes {
            guard let option = all.first(where: { $0.item.code == code }) else {
                throw LiabilityRefusal(LiabilityRefusal.sanctionNotInProfile,
                                       "处理方式 \(code) 不在本配置（\(profile.id)）的处理目录中")
            }
            if !out.contains(option) { out.append(option) }
        }
        return out.sorted { ($0.target == .agency ? 1 : 0, $0.rank) < ($1.target == .agency ? 1 : 0, $1.rank) }
    }

    static func directions(_ circumstances: CircumstanceAssessment?) -> [SanctionDirection] {
        guard let circumstances else { return [] }
        return circumstances.findings.compactMap { f in
            let way: SanctionDirection.Way
            switch f.kind {
            case .aggravating: way = .heavier
            case .lenient, .mitigated: way = .lighter
            case .exempt: return nil
            }
            let text: String
            switch f.kind {
            case .aggravating: text = "从重（\(f.item.name)）：在允许的处理中从重选择（\(f.source)）"
            case .lenient: text = "从轻（\(f.item.name)）：在允许的处理中从轻选择（\(f.source)）"
            default: text = "减轻（\(f.item.name)）：向较轻方向处理，是否低于本档由人工决定（\(f.source)）"
            }
            return SanctionDirection(way: way, circumstance: f, text: text)
        }
    }

    private static func names(_ options: [SanctionOption]) -> String {
        options.map(\.item.name).joined(separator: "、")
    }

    private static func directionText(_ directions: [SanctionDirection]) -> String {
        directions.isEmpty ? "" : "；" + directions.map(\.text).joined(separator: "；")
    }
}
