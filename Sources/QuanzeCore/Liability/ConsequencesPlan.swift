import Foundation

/// Where a liability decision stands, for applying its consequences.
public enum LiabilityDecisionStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// Decided, not yet served on the person.
    case decided
    /// Served; the appeal window is open and no appeal is lodged.
    case served
    /// An appeal (申诉 / 复核) is pending.
    case underAppeal
    /// Final: the window passed without appeal, or the appeal was decided (维持 / 变更).
    case final
}

/// One sanction of a decision and what it does to the rest of the platform.
public struct ConsequenceItem: Codable, Sendable, Hashable {
    public var sanction: RuleCitation
    public var target: TargetKind
    /// nil: recorded only (e.g. 批评教育).
    public var effect: SanctionEffect?
    /// Whether the effect may be applied now.
    public var applicableNow: Bool
    /// Chinese reason (why now, or what it waits for).
    public var reason: String
    /// The provision that allows execution during an appeal, when that is the reason.
    public var provision: RuleCitation?
}

/// The consequences of a decision's sanctions (暂扣/吊销证件、停止执法、调离岗位 …): each sanction's
/// `SanctionEffect`, applied only when the decision is final — or, when the profile has
/// `liability_appeal_does_not_suspend` (shandong 第二十五条), also once served or under appeal
/// (execution is not suspended by the appeal, so it starts at service).
public struct ConsequencesPlan: Codable, Sendable, Hashable {
    public var items: [ConsequenceItem]
    public var status: LiabilityDecisionStatus

    /// The effects to apply now (each once, in sanction order).
    public var effectsNow: [SanctionEffect] {
        var out: [SanctionEffect] = []
        for i in items where i.applicableNow { if let e = i.effect, !out.contains(e) { out.append(e) } }
        return out
    }

    public static func plan(sanctions: [String], status: LiabilityDecisionStatus,
                            profile: EffectiveProfile) throws(LiabilityRefusal) -> ConsequencesPlan {
        let options = try SanctionProposer.resolve(sanctions, profile: profile)
        let notSuspended = profile.provision(LiabilityCodes.appealDoesNotSuspend)
        let items = options.map { option -> ConsequenceItem in
            let now: Bool
            var provision: RuleCitation?
            let reason: String
            switch status {
            case .final:
                now = true
                reason = "处理决定已生效"
            case .served, .underAppeal:
                if let notSuspended {
                    now = true
                    provision = RuleCitation(notSuspended)
                    reason = "申诉（复核）期间不停止执行（\(notSuspended.entry.source)）"
                } else {
                    now = false
                    reason = status == .served ? "申诉（复核）期限届满未申诉后执行" : "待申诉（复核）决定后执行"
                }
            case .decided:
                now = false
                reason = "处理决定尚未送达"
            }
            let effectNote = option.effect == nil ? "；仅作记录" : ""
            return ConsequenceItem(sanction: option.item, target: option.target, effect: option.effect,
                                   applicableNow: now, reason: reason + effectNote, provision: provision)
        }
        return ConsequencesPlan(items: items, status: status)
    }
}
