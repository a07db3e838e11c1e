/// Where 双随机一公开 comes from, each with a verbatim quote from its seed (checked by
/// `InspectionRulesTests` against the seed text).
public enum InspectionRules {
    public struct Rule: Sendable, Hashable {
        public let name: String
        public let source: SourceRef
        public let quote: String
    }

    /// Inspections are done the 双随机一公开 way (`004_*` 篇二 黑龙江省行政执法责任制规定 第十五条).
    public static let doubleRandom = Rule(
        name: "全面推行“双随机一公开”检查方式",
        source: SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇二", document: "黑龙江省行政执法责任制规定", article: "第十五条"),
        quote: "行政执法单位应当全面推行“双随机一公开”检查方式")

    /// Not doing so is a fault to pursue (same document, 第三十七条(七)).
    public static let faultWithout = Rule(
        name: "行政执法检查未实行“双随机一公开”的，追究责任",
        source: SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇二", document: "黑龙江省行政执法责任制规定", article: "第三十七条(七)"),
        quote: "行政执法检查未实行“双随机一公开”的")

    /// Inspecting per the plan is not a fault (`004_*` 篇七 市场监督管理行政执法责任制规定 第十一条(六)).
    public static let planProtects = Rule(
        name: "按“双随机、一公开”检查计划履职的不构成执法过错",
        source: SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇七", document: "市场监督管理行政执法责任制规定", article: "第十一条(六)"),
        quote: "按照年度监督检查、“双随机、一公开”监管等检查计划已经认真履行监督检查职责")

    /// At least two officers (行政处罚法 第四十二条, statutes.md); not from a seed file.
    public static let twoOfficers = SourceRef(document: "行政处罚法", article: "第四十二条")

    public static let all: [Rule] = [doubleRandom, faultWithout, planProtects]
}
