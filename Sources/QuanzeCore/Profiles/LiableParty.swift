import Foundation

/// The parties an apportionment rule can name. A closed set: the liability engine maps a case's
/// people (handler, reviewer, approver …) onto these.
public enum LiableParty: String, Sendable, Hashable, StrictStringEnum {
    /// 承办人 (the officer who handled the matter)
    case handler = "承办人"
    /// 主办人 (lead handler where two or more handled it)
    case leadHandler = "主办人"
    /// 协办人 (assisting handler)
    case assistingHandler = "协办人"
    /// 审核人 (internal reviewer)
    case reviewer = "审核人"
    /// 法制审核人 (legal reviewer of a major decision)
    case legalReviewer = "法制审核人"
    /// 批准人 (approver)
    case approver = "批准人"
    /// 集体决策 (those who took a collective decision)
    case collective = "集体决策"
    /// 集体决策主持人 (who chaired a collective decision)
    case collectiveChair = "主持人"
    /// 上级 (a superior body or leader who ordered, changed or upheld the act)
    case superior = "上级"
    /// 复议机关 (the administrative-review body)
    case reviewBody = "复议机关"
    /// 委托机关 (the delegating body)
    case delegatingAgency = "委托机关"
    /// 受委托组织 (the delegate)
    case delegate = "受委托组织"
    /// 机关 (the enforcement body itself)
    case agency = "机关"
    /// 机关负责人 (head of the body)
    case agencyHead = "机关负责人"
    /// 委托机关负责人: the head of the delegating body, liable besides the delegate's people
    /// (杭州市行政执法责任制规定 第三十八条(六), 004_* 篇六: 委托行政执法部门的行政首长也应当承担一定的责任).
    case delegatingAgencyHead = "委托机关负责人"
    /// 分管负责人 (the deputy head in charge)
    case deputyHead = "分管负责人"
    /// 集体决策中坚持、支持错误意见者 (members who insisted on or supported the wrong view)
    case collectiveSupporters = "支持错误意见者"
    /// 集体决策中意见被否决的持正确意见者 (members whose correct view was overruled)
    case collectiveDissenters = "持正确意见者"
    /// 监督机关 (a body with a duty to accept, supervise or pursue)
    case supervisingBody = "监督机关"
    /// 直接责任人员 (the staff directly responsible)
    case directActor = "直接责任人员"

    public init(from decoder: any Decoder) throws { self = try Self.strictDecode(from: decoder) }
}

/// A party's share of the liability in one situation.
public enum LiabilityShare: String, Sendable, Hashable, StrictStringEnum {
    /// 全部 (the party alone bears it)
    case full = "全部"
    /// 主要 (primary)
    case primary = "主要"
    /// 次要 (secondary)
    case secondary = "次要"
    /// 共同 (joint)
    case joint = "共同"
    /// 相应 (according to the party's own duty or part)
    case proportionate = "相应"
    /// 不承担 (the party bears none, e.g. henan 第十六条: the member whose correct view was overruled)
    case none = "不承担"

    public init(from decoder: any Decoder) throws { self = try Self.strictDecode(from: decoder) }
}
