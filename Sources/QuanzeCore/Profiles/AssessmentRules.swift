import Foundation

/// 评议考核: the scale, grades with their consequences, methods, external channels and content.
public struct AssessmentRules: Codable, Sendable, Hashable {
    public var scale: AssessmentScale?
    public var grades: [AssessmentGrade]
    /// 评议考核的方法 (组织考评、自我考评、互查互评, 案卷评查 …).
    public var methods: [AssessmentItem]
    /// 外部评议的方式 (座谈会、执法评议卡、公众意见箱 …).
    public var channels: [AssessmentItem]
    /// 评议考核的内容.
    public var content: [AssessmentItem]

    public init(scale: AssessmentScale? = nil, grades: [AssessmentGrade] = [], methods: [AssessmentItem] = [],
                channels: [AssessmentItem] = [], content: [AssessmentItem] = []) {
        self.scale = scale
        self.grades = grades
        self.methods = methods
        self.channels = channels
        self.content = content
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case scale, grades, methods, channels, content
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scale = try c.decodeIfPresent(AssessmentScale.self, forKey: .scale)
        grades = try c.decodeList([AssessmentGrade].self, forKey: .grades)
        methods = try c.decodeList([AssessmentItem].self, forKey: .methods)
        channels = try c.decodeList([AssessmentItem].self, forKey: .channels)
        content = try c.decodeList([AssessmentItem].self, forKey: .content)
    }
}

/// The score scale, e.g. 百分制 (100 points).
public struct AssessmentScale: ProfileEntry {
    /// The scale has no code in the JSON: there is one per profile.
    public var code: String { "scale" }
    public var name: String
    public var points: Int
    public var text: String?
    public var source: SourceRef
    public var quote: String?

    public init(name: String, points: Int, text: String? = nil, source: SourceRef, quote: String? = nil) {
        self.name = name
        self.points = points
        self.text = text
        self.source = source
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, points, text, source, quote
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        points = try c.decode(Int.self, forKey: .points)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        source = try c.decodeSourceOrPlaceholder(forKey: .source)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
    }

    public var positiveNumbers: [(field: String, value: Int)] { [(field: "points", value: points)] }
}

/// A method, an external channel or a content item of the assessment.
public struct AssessmentItem: ProfileEntry {
    public var code: String
    public var name: String
    public var text: String?
    /// Whom it assesses, where the text restricts it (e.g. 对行政执法人员的考核).
    public var target: TargetKind?
    public var source: SourceRef
    public var quote: String?

    public init(code: String, name: String, text: String? = nil, target: TargetKind? = nil,
                source: SourceRef, quote: String? = nil) {
        self.code = code
        self.name = name
        self.text = text
        self.target = target
        self.source = source
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, text, target, source, quote
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        target = try c.decodeIfPresent(TargetKind.self, forKey: .target)
        source = try c.decodeSourceOrPlaceholder(forKey: .source)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
    }
}
