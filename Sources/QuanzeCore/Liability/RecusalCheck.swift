import Foundation

/// An investigator of a liability matter (调查人员).
public struct Investigator: Codable, Sendable, Hashable, Identifiable {
    /// Same id space as `PersonConcerned.id` (the server's officer / user id as a string).
    public var id: String
    public var name: String
    public var unit: String?
    /// A conflict the investigator declared (申请回避 / 自行回避), in Chinese; nil when none.
    public var declaredConflict: String?

    public init(id: String, name: String, unit: String? = nil, declaredConflict: String? = nil) {
        self.id = id
        self.name = name
        self.unit = unit
        self.declaredConflict = declaredConflict
    }
}

/// Why an investigator must recuse.
public enum RecusalGround: Codable, Sendable, Hashable {
    /// Declared by the investigator (or a person concerned), with the reason.
    case declared(String)
    /// Same unit as a person concerned.
    case sameUnit(personID: String, unit: String)
    /// The investigator is a person concerned of the matter (handler, reviewer, approver …).
    case roleInCase([CaseRole])
}

public struct RecusalFinding: Codable, Sendable, Hashable {
    public var investigatorID: String
    public var investigatorName: String
    public var ground: RecusalGround
    /// Chinese reason.
    public var text: String
}

/// The result of checking a team of investigators.
public struct RecusalReport: Codable, Sendable, Hashable {
    public var findings: [RecusalFinding]
    /// Investigators with no ground to recuse.
    public var eligible: [String]
    /// The profile's `liability_investigators_minimum` (nil: 未规定 — no minimum is enforced).
    public var minimum: Int?
    public var minimumSource: SourceRef?
    /// The profile's rule text on recusal, when it has the provision `liability_recusal`.
    public var recusalSource: SourceRef?

    public var mustRecuse: [String] { Array(Set(findings.map(\.investigatorID))).sorted() }
    public var enoughInvestigators: Bool { minimum.map { eligible.count >= $0 } ?? true }
    public var passes: Bool { findings.isEmpty && enoughInvestigators }

    /// Throws the first refusal: `INVESTIGATOR_MUST_RECUSE`, then `TOO_FEW_INVESTIGATORS`.
    public func enforce() throws(LiabilityRefusal) {
        if let first = findings.first {
            throw LiabilityRefusal(LiabilityRefusal.investigatorMustRecuse, first.text, source: recusalSource)
        }
        if let minimum, eligible.count < minimum {
            throw LiabilityRefusal(LiabilityRefusal.tooFewInvestigators,
                                   "调查人员不得少于\(minimum)人（现有\(eligible.count)人无须回避）", source: minimumSource)
        }
    }
}

/// 回避 and the minimum number of investigators. An investigator must recuse when declared, or
/// when detected: in the same unit as a person concerned, or a person concerned of the matter itself
/// (its handler, reviewer, approver …). The minimum is the profile's quantity
/// `liability_investigators_minimum` (henan 第二十二条, hangzhou 第四十七条: 2); where the profile and its
/// ancestors are silent none is enforced: national (国办发〔2005〕37号) sets no number of
/// investigators, and national.json's `two_officers` is 行政处罚法 第四十二条 for penalties, not for
/// liability investigations.
public enum RecusalCheck {
    /// The provision a profile uses for its recusal text (`LiabilityCodes.recusal`); cited when present.
    public static let recusalProvision = LiabilityCodes.recusal

    public static func check(investigators: [Investigator], facts: LiabilityFacts,
                             profile: EffectiveProfile) -> RecusalReport {
        var findings: [RecusalFinding] = []
        for inv in investigators {
            if let declared = inv.declaredConflict {
                findings.append(RecusalFinding(investigatorID: inv.id, investigatorName: inv.name, ground: .declared(declared),
                                               text: "调查人员\(inv.name)申明回避：\(declared)"))
            }
            if let me = facts.persons.first(where: { $0.id == inv.id }) {
                let roles = me.roles.map(\.rawValue).joined(separator: "、")
                findings.append(RecusalFinding(investigatorID: inv.id, investigatorName: inv.name, ground: .roleInCase(me.roles),
                                               text: "调查人员\(inv.name)是本案被调查人员（\(roles)），应当回避"))
            }
            if let unit = inv.unit, !unit.isEmpty,
               let other = facts.persons.first(where: { $0.id != inv.id && $0.unit == unit }) {
                findings.append(RecusalFinding(investigatorID: inv.id, investigatorName: inv.name,
                                               ground: .sameUnit(personID: other.id, unit: unit),
                                               text: "调查人员\(inv.name)与被调查人员\(other.name)同属\(unit)，应当回避"))
            }
        }
        let out = Set(findings.map(\.investigatorID))
        let minimum = profile.quantity(LiabilityCodes.investigatorsMinimum)
        return RecusalReport(findings: findings, eligible: investigators.map(\.id).filter { !out.contains($0) },
                             minimum: minimum?.entry.value, minimumSource: minimum?.entry.source,
                             recusalSource: profile.provision(recusalProvision)?.entry.source ?? minimum?.entry.source)
    }
}
