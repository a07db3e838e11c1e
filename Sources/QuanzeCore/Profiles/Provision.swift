import Foundation

/// Any other rule of the text the platform shows or enforces that is not a number or a catalog
/// item: who pursues liability, hearing the person before a sanction, 法制审核 as a precondition …
public struct Provision: ProfileEntry {
    public var code: String
    public var name: String
    public var text: String
    public var source: SourceRef
    public var quote: String?

    public init(code: String, name: String, text: String, source: SourceRef, quote: String? = nil) {
        self.code = code
        self.name = name
        self.text = text
        self.source = source
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, text, source, quote
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        text = try c.decode(String.self, forKey: .text)
        source = try c.decodeSourceOrPlaceholder(forKey: .source)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
    }
}
