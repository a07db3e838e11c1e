import Foundation

/// A time limit (期限) with its source, e.g. 行政处罚法 第六十条: decide within 90 日 of 立案.
public struct DeadlineRule: ProfileEntry {
    /// Stable snake_case key, e.g. `penalty_decision`. A child profile overrides an inherited
    /// deadline by using the same code.
    public var code: String
    public var name: String
    public var text: String?
    public var value: Int
    public var unit: PeriodUnit
    /// Which way the period binds; `上限` when the JSON omits it.
    public var bound: DeadlineBound
    /// What starts the period (起算), e.g. `立案之日`.
    public var start: String?
    public var `extension`: DeadlineExtension?
    public var note: String?
    public var source: SourceRef
    /// Optional verbatim excerpt from the seed text, checked by the tests against the seed.
    public var quote: String?

    public init(code: String, name: String, text: String? = nil, value: Int, unit: PeriodUnit,
                bound: DeadlineBound = .atMost, start: String? = nil, extension: DeadlineExtension? = nil,
                note: String? = nil, source: SourceRef, quote: String? = nil) {
        self.code = code
        self.name = name
        self.text = text
        self.value = value
        self.unit = unit
        self.bound = bound
        self.start = start
        self.extension = `extension`
        self.note = note
        self.source = source
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, text, value, unit, bound, start, `extension`, note, source, quote
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        value = try c.decode(Int.self, forKey: .value)
        unit = try c.decode(PeriodUnit.self, forKey: .unit)
        bound = try c.decodeIfPresent(DeadlineBound.self, forKey: .bound) ?? .atMost
        start = try c.decodeIfPresent(String.self, forKey: .start)
        `extension` = try c.decodeIfPresent(DeadlineExtension.self, forKey: .extension)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        source = try c.decodeSourceOrPlaceholder(forKey: .source)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
    }

    /// The period as it reads in Chinese, e.g. `20个工作日（可延长10个工作日）`.
    public var display: String {
        var s = unit.format(value)
        if let ext = `extension` { s += "（可延长\(ext.unit.format(ext.value))）" }
        return s
    }
}

/// How far a deadline may be extended (延长), e.g. 行政许可法 第四十二条: 10 工作日 with the head's approval.
public struct DeadlineExtension: Codable, Sendable, Hashable {
    public var value: Int
    public var unit: PeriodUnit
    /// Condition of the extension, e.g. `经本行政机关负责人批准`.
    public var condition: String?

    public init(value: Int, unit: PeriodUnit, condition: String? = nil) {
        self.value = value
        self.unit = unit
        self.condition = condition
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case value, unit, condition
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decode(Int.self, forKey: .value)
        unit = try c.decode(PeriodUnit.self, forKey: .unit)
        condition = try c.decodeIfPresent(String.self, forKey: .condition)
    }
}
