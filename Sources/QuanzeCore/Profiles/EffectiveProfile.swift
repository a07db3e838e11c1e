import Foundation

/// An entry of an effective profile together with the profile it comes from, so a page can say
/// "继承自 national" or "本级（覆盖 national）".
public struct Inherited<Entry: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var entry: Entry
    /// Id of the profile that defines this entry.
    public var origin: String
    /// True when `origin` is an ancestor, not the profile itself.
    public var inherited: Bool
    /// Id of the nearest ancestor whose entry with the same code this one replaces, if any.
    public var overrides: String?

    public init(entry: Entry, origin: String, inherited: Bool, overrides: String? = nil) {
        self.entry = entry
        self.origin = origin
        self.inherited = inherited
        self.overrides = overrides
    }

    /// `继承自 national`, `本级（覆盖 national）` or `本级`.
    public var originLabel: String {
        if inherited { return "继承自 \(origin)" }
        if let overrides { return "本级（覆盖 \(overrides)）" }
        return "本级"
    }
}

/// A profile merged with its ancestors: what actually applies in the jurisdiction.
public struct EffectiveProfile: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var jurisdiction: String
    /// `[id, parent, …, national]`.
    public var lineage: [String]
    public var documents: [Inherited<ProfileDocument>]
    public var deadlines: [Inherited<DeadlineRule>]
    public var quantities: [Inherited<QuantityRule>]
    public var catalogs: EffectiveCatalogs
    public var apportionment: [Inherited<ApportionmentRule>]
    public var gravity: [Inherited<GravityRule>]
    public var assessment: EffectiveAssessment
    public var provisions: [Inherited<Provision>]

    public func deadline(_ code: String) -> Inherited<DeadlineRule>? {
        deadlines.first { $0.entry.code == code }
    }

    public func quantity(_ code: String) -> Inherited<QuantityRule>? {
        quantities.first { $0.entry.code == code }
    }

    public func provision(_ code: String) -> Inherited<Provision>? {
        provisions.first { $0.entry.code == code }
    }

    /// A sanction on a body or an officer by code.
    public func sanction(_ code: String) -> Inherited<CatalogItem>? {
        (catalogs.agencySanctions + catalogs.personSanctions).first { $0.entry.code == code }
    }

    /// The document a source cites, searched from the profile up to national.
    public func document(citedAs name: String) -> ProfileDocument? {
        documents.first { $0.entry.isCited(as: name) }?.entry
    }
}

public struct EffectiveCatalogs: Codable, Sendable, Hashable {
    public var agencySanctions: [Inherited<CatalogItem>]
    public var personSanctions: [Inherited<CatalogItem>]
    public var circumstances: EffectiveCircumstances
    public var faultSituations: [Inherited<FaultSituation>]
}

public struct EffectiveCircumstances: Codable, Sendable, Hashable {
    public var aggravating: [Inherited<CatalogItem>]
    public var lenient: [Inherited<CatalogItem>]
    public var mitigated: [Inherited<CatalogItem>]
    public var exempt: [Inherited<CatalogItem>]
}

public struct EffectiveAssessment: Codable, Sendable, Hashable {
    public var scale: Inherited<AssessmentScale>?
    public var grades: [Inherited<AssessmentGrade>]
    public var methods: [Inherited<AssessmentItem>]
    public var channels: [Inherited<AssessmentItem>]
    public var content: [Inherited<AssessmentItem>]
}
