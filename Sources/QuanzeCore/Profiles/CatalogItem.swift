import Foundation

/// A named item of a catalog: a sanction (处理/处分), or a circumstance (从重、从轻、减轻、免责).
public struct CatalogItem: ProfileEntry {
    public var code: String
    public var name: String
    public var text: String?
    /// Who imposes it, where the text says so, e.g. `任免机关、监察机关`.
    public var authority: String?
    /// For a sanction: what it does to certificates, posts or assessment once final.
    public var effect: SanctionEffect?
    /// For a circumstance: how the platform detects it itself, if it can.
    public var detect: CircumstanceDetector?
    /// The threshold of `detect` where it counts (e.g. 3 for `repeat_in_year` in hangzhou).
    public var count: Int?
    public var note: String?
    public var source: SourceRef
    public var quote: String?

    public init(code: String, name: String, text: String? = nil, authority: String? = nil,
                effect: SanctionEffect? = nil, detect: CircumstanceDetector? = nil, count: Int? = nil,
                note: String? = nil, source: SourceRef, quote: String? = nil) {
        self.code = code
        self.name = name
        self.text = text
        self.authority = authority
        self.effect = effect
        self.detect = detect
        self.count = count
        self.note = note
        self.source = source
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, text, authority, effect, detect, count, note, source, quote
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        authority = try c.decodeIfPresent(String.self, forKey: .authority)
        effect = try c.decodeIfPresent(SanctionEffect.self, forKey: .effect)
        detect = try c.decodeIfPresent(CircumstanceDetector.self, forKey: .detect)
        count = try c.decodeIfPresent(Int.self, forKey: .count)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        source = try c.decodeSourceOrPlaceholder(forKey: .source)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
    }

    public var positiveNumbers: [(field: String, value: Int)] {
        count.map { [(field: "count", value: $0)] } ?? []
    }
}

/// A situation in which liability is pursued (过错/追责情形), with the sanctions the text
/// attaches to it, if any (codes from the sanction catalogs).
public struct FaultSituation: ProfileEntry {
    public var code: String
    public var name: String
    public var text: String?
    public var target: TargetKind?
    public var sanctions: [String]
    public var source: SourceRef
    public var quote: String?

    public init(code: String, name: String, text: String? = nil, target: TargetKind? = nil,
                sanctions: [String] = [], source: SourceRef, quote: String? = nil) {
        self.code = code
        self.name = name
        self.text = text
        self.target = target
        self.sanctions = sanctions
        self.source = source
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, text, target, sanctions, source, quote
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        target = try c.decodeIfPresent(TargetKind.self, forKey: .target)
        sanctions = try c.decodeList([String].self, forKey: .sanctions)
        source = try c.decodeSourceOrPlaceholder(forKey: .source)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
    }

    public var sanctionReferences: [String] { sanctions }
}
