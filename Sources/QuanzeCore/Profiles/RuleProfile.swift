import Foundation

/// A jurisdiction's rules as data (规则配置), read from `Resources/profiles/<id>.json`.
/// Where a profile is silent, its parent applies; every chain ends at `national`.
public struct RuleProfile: Codable, Sendable, Hashable, Identifiable {
    public static let nationalID = "national"

    /// Equals the file name without `.json`, e.g. `national`, `jilin`, `henan-yongcheng`.
    public var id: String
    public var name: String
    public var jurisdiction: String
    /// Parent profile id; required for every profile except `national`.
    public var inherits: String?
    public var documents: [ProfileDocument]
    public var deadlines: [DeadlineRule]
    /// Numbers that are not periods (学时, 次).
    public var quantities: [QuantityRule]
    public var catalogs: ProfileCatalogs
    public var apportionment: [ApportionmentRule]
    /// Gravity → sanctions (情节与处理的对应), lightest first.
    public var gravity: [GravityRule]
    public var assessment: AssessmentRules
    public var provisions: [Provision]

    public init(id: String, name: String, jurisdiction: String, inherits: String? = nil,
                documents: [ProfileDocument] = [], deadlines: [DeadlineRule] = [], quantities: [QuantityRule] = [],
                catalogs: ProfileCatalogs = ProfileCatalogs(), apportionment: [ApportionmentRule] = [],
                gravity: [GravityRule] = [], assessment: AssessmentRules = AssessmentRules(), provisions: [Provision] = []) {
        self.id = id
        self.name = name
        self.jurisdiction = jurisdiction
        self.inherits = inherits
        self.documents = documents
        self.deadlines = deadlines
        self.quantities = quantities
        self.catalogs = catalogs
        self.apportionment = apportionment
        self.gravity = gravity
        self.assessment = assessment
        self.provisions = provisions
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, jurisdiction, inherits, documents, deadlines, quantities, catalogs, apportionment, gravity, assessment, provisions
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        jurisdiction = try c.decode(String.self, forKey: .jurisdiction)
        inherits = try c.decodeIfPresent(String.self, forKey: .inherits)
        documents = try c.decodeList([ProfileDocument].self, forKey: .documents)
        deadlines = try c.decodeList([DeadlineRule].self, forKey: .deadlines)
        quantities = try c.decodeList([QuantityRule].self, forKey: .quantities)
        catalogs = try c.decodeIfPresent(ProfileCatalogs.self, forKey: .catalogs) ?? ProfileCatalogs()
        apportionment = try c.decodeList([ApportionmentRule].self, forKey: .apportionment)
        gravity = try c.decodeList([GravityRule].self, forKey: .gravity)
        assessment = try c.decodeIfPresent(AssessmentRules.self, forKey: .assessment) ?? AssessmentRules()
        provisions = try c.decodeList([Provision].self, forKey: .provisions)
    }

    public var isNational: Bool { id == Self.nationalID }
}
