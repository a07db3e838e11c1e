/// 岗位职责: what a 执法岗位 does in the handling of a case or a licence (分岗设权, `002_*`
/// 永政办〔2015〕98号 五(一)). Two posts of different 执法机构 that hold the same power and share a
/// duty are 平行 posts: their holding is a 交叉、重复 (`000_*` 国办发〔2005〕37号 二(二)).
public enum PostDuty: String, Codable, CaseIterable, Sendable, Comparable {
    case handle = "handle"            // 承办
    case review = "review"            // 审核
    case approve = "approve"          // 批准
    case legalReview = "legal_review" // 法制审核
    case inspect = "inspect"          // 检查
    case other = "other"              // 其他

    public var label: String {
        switch self {
        case .handle: "承办"
        case .review: "审核"
        case .approve: "批准"
        case .legalReview: "法制审核"
        case .inspect: "检查"
        case .other: "其他"
        }
    }

    public static func < (lhs: PostDuty, rhs: PostDuty) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
