/// 程序: the procedure a case follows. Each belongs to one 职权类别 (the `PowerCategory` raw value
/// of the server) and fixes the ordered stages of `CaseStateMachine`.
public enum CaseProcedure: String, Codable, CaseIterable, Sendable {
    /// 行政处罚 简易程序 (当场处罚, 行政处罚法 第五十一条).
    case penaltySimple = "penalty_simple"
    /// 行政处罚 普通程序 (行政处罚法 第五章第三节).
    case penaltyOrdinary = "penalty_ordinary"
    /// 行政强制措施 查封、扣押 (行政强制法 第三章).
    case seizure
    /// 行政许可 (行政许可法 第四章).
    case licensing
    /// 行政检查.
    case inspection

    public var label: String {
        switch self {
        case .penaltySimple: "行政处罚（简易程序）"
        case .penaltyOrdinary: "行政处罚（普通程序）"
        case .seizure: "行政强制（查封、扣押）"
        case .licensing: "行政许可"
        case .inspection: "行政检查"
        }
    }

    /// The power category (server `PowerCategory` raw value) whose items use this procedure.
    public var category: String {
        switch self {
        case .penaltySimple, .penaltyOrdinary: "penalty"
        case .seizure: "coercion"
        case .licensing: "licensing"
        case .inspection: "inspection"
        }
    }

    public var isPenalty: Bool { self == .penaltySimple || self == .penaltyOrdinary }

    /// The branch name a power's flow uses for steps of this procedure only (一图的分支).
    public var flowBranch: String? {
        switch self {
        case .penaltySimple: "简易程序"
        case .penaltyOrdinary: "普通程序"
        default: nil
        }
    }

    public static func procedures(forCategory category: String) -> [CaseProcedure] {
        allCases.filter { $0.category == category }
    }
}

/// 案件来源.
public enum CaseSource: String, Codable, CaseIterable, Sendable {
    case inspection, complaint, referral, assigned, other

    public var label: String {
        switch self {
        case .inspection: "检查发现"
        case .complaint: "投诉举报"
        case .referral: "移送"
        case .assigned: "上级交办"
        case .other: "其他"
        }
    }
}
