import Foundation

/// A refusal by a liability rule (责任追究): a stable UPPER_SNAKE machine code, the Chinese reason
/// and, where a profile rule is the reason, its source. The server maps it onto `AppError`.
public struct LiabilityRefusal: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var source: SourceRef?

    public init(_ code: String, _ message: String, source: SourceRef? = nil) {
        self.code = code
        self.message = message
        self.source = source
    }

    /// `reason（河南省行政执法过错责任追究办法 第二十四条（…））`.
    public var text: String { source.map { "\(message)（\($0)）" } ?? message }
    public var description: String { "\(code): \(text)" }

    // MARK: stable codes

    /// 陈述申辩后的处理意见重于申辩前 (henan 第二十四条).
    public static let heavierAfterDefence = "HEAVIER_AFTER_DEFENCE"
    /// A sanction code the profile's catalogs do not have.
    public static let sanctionNotInProfile = "SANCTION_NOT_IN_PROFILE"
    /// An extension beyond the rule's `extension.value`.
    public static let extensionExceedsCap = "EXTENSION_EXCEEDS_CAP"
    /// An extension of a period the rule gives no extension for.
    public static let extensionNotAllowed = "EXTENSION_NOT_ALLOWED"
    /// A negative or otherwise malformed number.
    public static let validationFailed = "VALIDATION_FAILED"
    /// An investigator who must recuse (declared or detected).
    public static let investigatorMustRecuse = "INVESTIGATOR_MUST_RECUSE"
    /// Fewer eligible investigators than the profile's minimum.
    public static let tooFewInvestigators = "TOO_FEW_INVESTIGATORS"
    /// A circumstance code the profile's catalogs do not have.
    public static let circumstanceNotInProfile = "CIRCUMSTANCE_NOT_IN_PROFILE"
    /// The profile has a gravity mapping but no level was chosen, or the level is not one of its levels.
    public static let gravityLevelRequired = "GRAVITY_LEVEL_REQUIRED"
    public static let gravityLevelUnknown = "GRAVITY_LEVEL_UNKNOWN"
    /// A fault situation code the profile's catalog does not have.
    public static let faultSituationUnknown = "FAULT_SITUATION_UNKNOWN"
}

/// A rule of the profile as an output line cites it: code, name, source and where it comes from.
public struct RuleCitation: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    /// The rule's own words: an apportionment rule's `situation`, a catalog item's `text` …
    public var text: String?
    public var source: SourceRef
    /// Id of the profile that defines the entry (`Inherited.origin`).
    public var origin: String

    public init(code: String, name: String, text: String? = nil, source: SourceRef, origin: String) {
        self.code = code
        self.name = name
        self.text = text
        self.source = source
        self.origin = origin
    }

    init(_ rule: Inherited<ApportionmentRule>) {
        self.init(code: rule.entry.code, name: rule.entry.name, text: rule.entry.situation,
                  source: rule.entry.source, origin: rule.origin)
    }

    init(_ item: Inherited<CatalogItem>) {
        self.init(code: item.entry.code, name: item.entry.name, text: item.entry.text, source: item.entry.source,
                  origin: item.origin)
    }

    init(_ provision: Inherited<Provision>) {
        self.init(code: provision.entry.code, name: provision.entry.name, text: provision.entry.text,
                  source: provision.entry.source, origin: provision.origin)
    }

    init(_ rule: Inherited<GravityRule>) {
        self.init(code: rule.entry.code, name: rule.entry.name, text: rule.entry.text, source: rule.entry.source,
                  origin: rule.origin)
    }

    init(_ situation: Inherited<FaultSituation>) {
        self.init(code: situation.entry.code, name: situation.entry.name, text: situation.entry.text,
                  source: situation.entry.source, origin: situation.origin)
    }
}
