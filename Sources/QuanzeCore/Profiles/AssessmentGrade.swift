import Foundation

/// A grade (档次) such as 优秀 / 合格 / 不合格, with what follows from it.
public struct AssessmentGrade: ProfileEntry {
    public var code: String
    public var name: String
    public var text: String?
    public var consequences: [GradeConsequence]
    public var source: SourceRef
    public var quote: String?

    public init(code: String, name: String, text: String? = nil, consequences: [GradeConsequence] = [],
                source: SourceRef, quote: String? = nil) {
        self.code = code
        self.name = name
        self.text = text
        self.consequences = consequences
        self.source = source
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, text, consequences, source, quote
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        consequences = try c.decodeList([GradeConsequence].self, forKey: .consequences)
        source = try c.decodeSourceOrPlaceholder(forKey: .source)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
    }
}

/// What a grade entails for a body or an officer, e.g. 不合格 two years running → 调离执法岗位 or
/// 取消执法资格 (`sanctions` holds codes from the sanction catalogs).
public struct GradeConsequence: ProfileEntry {
    public var code: String
    public var name: String
    public var target: TargetKind
    public var text: String?
    public var sanctions: [String]
    /// Applies when the grade was given this many years running (e.g. 2 for 连续两年).
    public var consecutiveYears: Int?
    public var source: SourceRef
    public var quote: String?

    public init(code: String, name: String, target: TargetKind, text: String? = nil, sanctions: [String] = [],
                consecutiveYears: Int? = nil, source: SourceRef, quote: String? = nil) {
        self.code = code
        self.name = name
        self.target = target
        self.text = text
        self.sanctions = sanctions
        self.consecutiveYears = consecutiveYears
        self.source = source
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, target, text, sanctions, consecutiveYears, source, quote
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        target = try c.decode(TargetKind.self, forKey: .target)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        sanctions = try c.decodeList([String].self, forKey: .sanctions)
        consecutiveYears = try c.decodeIfPresent(Int.self, forKey: .consecutiveYears)
        source = try c.decodeSourceOrPlaceholder(forKey: .source)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
    }

    public var positiveNumbers: [(field: String, value: Int)] {
        consecutiveYears.map { [(field: "consecutiveYears", value: $0)] } ?? []
    }

    public var sanctionReferences: [String] { sanctions }
}
