/// The rules of 分解职权 and where they come from, each with a verbatim quote from its seed
/// (checked by `PostRulesTests` against the seed text).
public enum PostRules {
    public struct Rule: Sendable, Hashable {
        public let name: String
        public let source: SourceRef
        public let quote: String
    }

    /// A body distributes only the powers it holds by law: 不得擅自增加或者扩大
    /// (`000_*` 国办发〔2005〕37号 二(二) 分解执法职权; likewise `002_*` 永政办〔2015〕98号 三(一)).
    public static let noExpansion = Rule(
        name: "不得擅自增加或者扩大执法权限",
        source: SourceRef(seed: "000_e748949df243188f.txt", document: "国办发〔2005〕37号", article: "二(二)"),
        quote: "有关部门不得擅自增加或者扩大本部门的行政执法权限")

    /// Every power of the body reaches a unit and a post: 一条不漏
    /// (`004_*` 篇一 富阳港航管理处行政执法责任制实施方案 (一)3 依法确定执法职权).
    public static let complete = Rule(
        name: "职权一条不漏地落实到机构、岗位",
        source: SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇一", document: "富阳港航管理处行政执法责任制实施方案",
                          article: "(一)3"),
        quote: "把法律规定的执法任务一条不漏地落实到具体的执法机构、执法岗位")

    /// Parallel units and posts should not hold the same power (交叉、重复); where they must, a
    /// written reason is kept (`000_*` 国办发〔2005〕37号 二(二)).
    public static let noOverlap = Rule(
        name: "避免平行机构、岗位职权交叉重复",
        source: SourceRef(seed: "000_e748949df243188f.txt", document: "国办发〔2005〕37号", article: "二(二)"),
        quote: "既要避免平行执法机构和执法岗位的职权交叉、重复")

    /// 分岗设权、分级授权、定期轮岗 (`002_*` 永政办〔2015〕98号 五(一)); the period itself is a profile setting.
    public static let rotation = Rule(
        name: "定期轮岗",
        source: SourceRef(seed: "002_e33f53bb2a1e2b48.txt", document: "永政办〔2015〕98号", article: "五(一)"),
        quote: "实行分岗设权、分级授权、定期轮岗")

    public static let all: [Rule] = [noExpansion, complete, noOverlap, rotation]
}
