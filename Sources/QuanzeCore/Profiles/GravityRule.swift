import Foundation

/// One step of a profile's gravity mapping (情节与处理的对应), e.g. hangzhou 第四十条: 情节恶劣、
/// 后果严重 → 缴销执法证件、调离执法岗位. `level` orders the steps, 1 the lightest; the engine
/// proposes the step's sanctions for a finding of that gravity.
public struct GravityRule: ProfileEntry {
    public var code: String
    public var name: String
    public var text: String?
    public var level: Int
    /// Codes from `catalogs.personSanctions` / `agencySanctions`; the text allows them alone or combined.
    public var sanctions: [String]
    public var note: String?
    public var source: SourceRef
    public var quote: String?

    public init(code: String, name: String, text: String? = nil, level: Int, sanctions: [String],
                note: String? = nil, source: SourceRef, quote: String? = nil) {
        self.code = code
        self.name = name
        self.text = text
        self.level = level
        self.sanctions = sanctions
        self.note = note
        self.source = source
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, text, level, sanctions, note, source, quote
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        level = try c.decode(Int.self, forKey: .level)
        sanctions = try c.decodeList([String].self, forKey: .sanctions)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        source = try c.decodeSourceOrPlaceholder(forKey: .source)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
    }

    public var positiveNumbers: [(field: String, value: Int)] { [(field: "level", value: level)] }
    public var sanctionReferences: [String] { sanctions }
}
