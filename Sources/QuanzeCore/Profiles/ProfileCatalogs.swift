import Foundation

/// The catalogs of a profile: sanctions on bodies and on officers, circumstances, fault situations.
/// Every list may be absent in the JSON (then empty: the parent's entries apply).
public struct ProfileCatalogs: Codable, Sendable, Hashable {
    /// Sanctions on a body (对行政执法部门的处理), lightest first.
    public var agencySanctions: [CatalogItem]
    /// Sanctions on officers (对行政执法人员的处理), lightest first.
    public var personSanctions: [CatalogItem]
    public var circumstances: Circumstances
    /// Situations that must be pursued (过错/追责情形).
    public var faultSituations: [FaultSituation]

    public init(agencySanctions: [CatalogItem] = [], personSanctions: [CatalogItem] = [],
                circumstances: Circumstances = Circumstances(), faultSituations: [FaultSituation] = []) {
        self.agencySanctions = agencySanctions
        self.personSanctions = personSanctions
        self.circumstances = circumstances
        self.faultSituations = faultSituations
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case agencySanctions, personSanctions, circumstances, faultSituations
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        agencySanctions = try c.decodeList([CatalogItem].self, forKey: .agencySanctions)
        personSanctions = try c.decodeList([CatalogItem].self, forKey: .personSanctions)
        circumstances = try c.decodeIfPresent(Circumstances.self, forKey: .circumstances) ?? Circumstances()
        faultSituations = try c.decodeList([FaultSituation].self, forKey: .faultSituations)
    }
}

/// Circumstances that change the measure of liability.
public struct Circumstances: Codable, Sendable, Hashable {
    /// 从重
    public var aggravating: [CatalogItem]
    /// 从轻
    public var lenient: [CatalogItem]
    /// 减轻
    public var mitigated: [CatalogItem]
    /// 免责 / 不予追究
    public var exempt: [CatalogItem]

    public init(aggravating: [CatalogItem] = [], lenient: [CatalogItem] = [],
                mitigated: [CatalogItem] = [], exempt: [CatalogItem] = []) {
        self.aggravating = aggravating
        self.lenient = lenient
        self.mitigated = mitigated
        self.exempt = exempt
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case aggravating, lenient, mitigated, exempt
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        aggravating = try c.decodeList([CatalogItem].self, forKey: .aggravating)
        lenient = try c.decodeList([CatalogItem].self, forKey: .lenient)
        mitigated = try c.decodeList([CatalogItem].self, forKey: .mitigated)
        exempt = try c.decodeList([CatalogItem].self, forKey: .exempt)
    }
}
