import Foundation

/// 不得因申辩而加重 (henan 第二十四条): after the person's 陈述申辩, a proposal heavier than the one
/// made before the defence is refused — when the profile has the provision
/// `liability_no_heavier_after_defence`; otherwise the guard allows it.
public enum DefenceGuard {
    /// Severity of a sanction: its position in its catalog, 1 = lightest; nil when not in the profile.
    public static func severity(of code: String, profile: EffectiveProfile) -> Int? {
        if let i = profile.catalogs.personSanctions.firstIndex(where: { $0.entry.code == code }) { return i + 1 }
        if let i = profile.catalogs.agencySanctions.firstIndex(where: { $0.entry.code == code }) { return i + 1 }
        return nil
    }

    /// Whether `after` is heavier than `before`: its heaviest sanction is heavier than `before`'s
    /// heaviest, or — with the same heaviest — it adds a sanction `before` did not have (combining
    /// more). Replacing the sanctions by lighter ones is not heavier. An empty set (不予处理) is the lightest.
    public static func isHeavier(_ after: [String], than before: [String],
                                 profile: EffectiveProfile) throws(LiabilityRefusal) -> Bool {
        let a = try severities(after, profile: profile).max() ?? 0
        let b = try severities(before, profile: profile).max() ?? 0
        if a != b { return a > b }
        return !Set(after).isSubset(of: Set(before))
    }

    /// Refuses `after` with `HEAVIER_AFTER_DEFENCE` when the profile forbids aggravation for the
    /// defence and `after` is heavier than `before`. Unknown codes → `SANCTION_NOT_IN_PROFILE`.
    public static func check(before: [String], after: [String], profile: EffectiveProfile) throws(LiabilityRefusal) {
        let heavier = try isHeavier(after, than: before, profile: profile)
        guard heavier, let rule = profile.provision(LiabilityCodes.noHeavierAfterDefence) else { return }
        let name = { (codes: [String]) in
            codes.isEmpty ? "不予处理" : codes.map { profile.sanction($0)?.entry.name ?? $0 }.joined(separator: "、")
        }
        throw LiabilityRefusal(LiabilityRefusal.heavierAfterDefence,
                               "陈述申辩后的处理意见（\(name(after))）重于申辩前（\(name(before))），不得因申辩而加重责任追究",
                               source: rule.entry.source)
    }

    private static func severities(_ codes: [String], profile: EffectiveProfile) throws(LiabilityRefusal) -> [Int] {
        var out: [Int] = []
        for code in codes {
            guard let s = severity(of: code, profile: profile) else {
                throw LiabilityRefusal(LiabilityRefusal.sanctionNotInProfile,
                                       "处理方式 \(code) 不在本配置（\(profile.id)）的处理目录中")
            }
            out.append(s)
        }
        return out
    }
}
