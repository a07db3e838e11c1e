/// A refusal by a case rule: a stable machine code, the Chinese reason and the rule's source.
public struct CaseRuleViolation: Error, Hashable, Sendable, Codable {
    public var code: String
    public var message: String
    public var source: SourceRef?

    public init(_ code: String, _ message: String, source: SourceRef? = nil) {
        self.code = code
        self.message = message
        self.source = source
    }

    /// `reason（行政处罚法 第四十二条）`.
    public var text: String { source.map { "\(message)（\($0)）" } ?? message }
}

/// The statutes the case rules cite.
public enum CaseSources {
    public static func penaltyLaw(_ article: String) -> SourceRef { SourceRef(document: "行政处罚法", article: article) }
    public static func coercionLaw(_ article: String) -> SourceRef { SourceRef(document: "行政强制法", article: article) }
    public static func licensingLaw(_ article: String) -> SourceRef { SourceRef(document: "行政许可法", article: article) }
    /// 黑龙江省行政执法责任制规定(2020修订), seed 004 篇二.
    public static func seed004(_ article: String) -> SourceRef {
        SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇二", document: "黑龙江省行政执法责任制规定", article: article)
    }
    /// 吉政办发〔2016〕91号 (seed 001) 四(一): 重大执法决定法制审核, "应审未审或审核未通过的，不得作出执法决定".
    public static let majorDecisionReview = SourceRef(seed: "001_0f2d1a5e9a94fac7.txt", document: "吉政办发〔2016〕91号", article: "四(一)")
}
