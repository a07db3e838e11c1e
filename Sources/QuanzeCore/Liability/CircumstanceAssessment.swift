import Foundation

/// Which catalog a circumstance comes from.
public enum CircumstanceKind: String, Codable, Sendable, Hashable, CaseIterable {
    case aggravating = "从重"
    case lenient = "从轻"
    case mitigated = "减轻"
    case exempt = "免责"
}

/// What the platform knows about the person from its own data, supplied by the server.
public struct CircumstanceHistory: Codable, Sendable, Hashable {
    /// Dates of the same person's earlier established findings (认定应予追究), any matter.
    public var priorFindings: [LocalDate]
    /// The record shows the person found and corrected the error before others discovered it.
    public var selfCorrected: Bool
    /// The act has already been given a 政务处分 by 监察机关 (recorded transfer result).
    public var priorGovernmentSanction: Bool

    public init(priorFindings: [LocalDate] = [], selfCorrected: Bool = false, priorGovernmentSanction: Bool = false) {
        self.priorFindings = priorFindings
        self.selfCorrected = selfCorrected
        self.priorGovernmentSanction = priorGovernmentSanction
    }

    /// Earlier findings in the 365 days before `date`: days `date-365 … date-1` (the present one excluded).
    public func findings(inYearBefore date: LocalDate) -> [LocalDate] {
        let from = date.dayNumber - 365
        return priorFindings.filter { $0.dayNumber >= from && $0.dayNumber < date.dayNumber }
    }
}

/// One circumstance that applies, with its source and how it was found.
public struct CircumstanceFinding: Codable, Sendable, Hashable {
    public var kind: CircumstanceKind
    public var item: RuleCitation
    /// Chosen by a human.
    public var chosen: Bool
    /// Detected from data: the reason in Chinese (nil when only chosen).
    public var detected: String?

    public var source: SourceRef { item.source }
}

/// 追究 or 不予追究 after the circumstances.
public enum PursuitOutcome: Codable, Sendable, Hashable {
    case pursue
    /// 不予追究, with the exempt circumstance (or provision) and its source.
    case notPursued(RuleCitation)

    public var isPursued: Bool {
        switch self {
        case .pursue: true
        case .notPursued: false
        }
    }
}

/// The circumstances of one person's matter: those a human chose from the profile's catalogs
/// (从重 / 从轻 / 减轻 / 免责) combined with those the platform detects (`detect`).
public struct CircumstanceAssessment: Codable, Sendable, Hashable {
    public var findings: [CircumstanceFinding]
    public var outcome: PursuitOutcome

    public func of(_ kind: CircumstanceKind) -> [CircumstanceFinding] { findings.filter { $0.kind == kind } }
    public var isExempt: Bool { !outcome.isPursued }

    /// Combines `chosen` (catalog codes) with what `history` shows on `date` (the finding's date).
    /// Detection: `repeat_in_year` when the earlier findings in the 365 days before reach the item's
    /// `count` (no `count` → not detected); `self_corrected` and `prior_government_sanction` from the
    /// history's flags. Any exempt circumstance → 不予追究 citing it; so does the provision
    /// `liability_no_second_sanction` (samr 第十六条) when a 政务处分 was already given.
    /// Throws `CIRCUMSTANCE_NOT_IN_PROFILE` for a chosen code the catalogs do not have.
    public static func assess(profile: EffectiveProfile, chosen: [String], history: CircumstanceHistory,
                              on date: LocalDate) throws(LiabilityRefusal) -> CircumstanceAssessment {
        let c = profile.catalogs.circumstances
        let catalogs: [(CircumstanceKind, [Inherited<CatalogItem>])] = [
            (.aggravating, c.aggravating), (.lenient, c.lenient), (.mitigated, c.mitigated), (.exempt, c.exempt),
        ]
        for code in chosen where !catalogs.contains(where: { $0.1.contains { $0.entry.code == code } }) {
            throw LiabilityRefusal(LiabilityRefusal.circumstanceNotInProfile,
                                   "情节 \(code) 不在本配置（\(profile.id)）的从重、从轻、减轻、免责目录中")
        }
        var findings: [CircumstanceFinding] = []
        for (kind, items) in catalogs {
            for item in items {
                let detected = detect(item.entry, history: history, on: date)
                let isChosen = chosen.contains(item.entry.code)
                guard isChosen || detected != nil else { continue }
                findings.append(CircumstanceFinding(kind: kind, item: RuleCitation(item), chosen: isChosen, detected: detected))
            }
        }
        var outcome = PursuitOutcome.pursue
        if let exempt = findings.first(where: { $0.kind == .exempt }) {
            outcome = .notPursued(exempt.item)
        } else if history.priorGovernmentSanction, let provision = profile.provision(LiabilityCodes.noSecondSanction) {
            outcome = .notPursued(RuleCitation(provision))
        }
        return CircumstanceAssessment(findings: findings, outcome: outcome)
    }

    /// The detection reason, or nil when the item is not detectable or not detected.
    static func detect(_ item: CatalogItem, history: CircumstanceHistory, on date: LocalDate) -> String? {
        switch item.detect {
        case nil: return nil
        case .repeatInYear:
            guard let count = item.count else { return nil }
            // "一年内…3次以上" (hangzhou 第四十二条), "一年内被追究两次以上" (beijing-tongzhou 细则 第八条): the
            // present situation is one of those counted, so the earlier ones plus this one reach `count`.
            let found = history.findings(inYearBefore: date)
            guard found.count + 1 >= count else { return nil }
            let dates = found.sorted().map(\.iso).joined(separator: "、")
            return "连同本次，\(date.iso)前365日内共\(found.count + 1)次认定应予追究（此前：\(dates)），达到\(count)次"
        case .selfCorrected:
            return history.selfCorrected ? "记录显示本人在他人发现前主动发现并纠正" : nil
        case .priorGovernmentSanction:
            return history.priorGovernmentSanction ? "记录显示该行为已由监察机关给予政务处分" : nil
        }
    }
}
