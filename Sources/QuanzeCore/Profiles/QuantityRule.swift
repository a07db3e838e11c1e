import Foundation

/// A number a rule sets that is not a period: training hours (学时), a count of suspensions (次) …
/// e.g. 通州 管理办法 第八条: new staff at least 60 学时 of training.
public struct QuantityRule: ProfileEntry {
    public var code: String
    public var name: String
    public var text: String?
    public var value: Int
    /// The unit as it reads, e.g. `学时`, `次`.
    public var unit: String
    /// Which way the number binds: at least (下限) or the count that triggers (上限 reached).
    public var bound: DeadlineBound
    public var note: String?
    public var source: SourceRef
    public var quote: String?

    public init(code: String, name: String, text: String? = nil, value: Int, unit: String,
                bound: DeadlineBound = .atLeast, note: String? = nil, source: SourceRef, quote: String? = nil) {
        self.code = code
        self.name = name
        self.text = text
        self.value = value
        self.unit = unit
        self.bound = bound
        self.note = note
        self.source = source
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, text, value, unit, bound, note, source, quote
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        value = try c.decode(Int.self, forKey: .value)
        unit = try c.decode(String.self, forKey: .unit)
        bound = try c.decodeIfPresent(DeadlineBound.self, forKey: .bound) ?? .atLeast
        note = try c.decodeIfPresent(String.self, forKey: .note)
        source = try c.decodeSourceOrPlaceholder(forKey: .source)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
    }

    public var positiveNumbers: [(field: String, value: Int)] { [(field: "value", value: value)] }

    /// `60学时`.
    public var display: String { "\(value)\(unit)" }
}
