/// 行政处罚的种类 (行政处罚法 第九条), as a decision names them.
public enum PenaltyKind: String, Codable, CaseIterable, Sendable {
    case warning, criticism, fine, confiscation, lowerQualification = "lower_qualification", revokeLicence = "revoke_licence",
         restrictActivity = "restrict_activity", suspendBusiness = "suspend_business", closure, banFromPractice = "ban_from_practice"

    public var label: String {
        switch self {
        case .warning: "警告"
        case .criticism: "通报批评"
        case .fine: "罚款"
        case .confiscation: "没收违法所得、没收非法财物"
        case .lowerQualification: "降低资质等级"
        case .revokeLicence: "吊销许可证件"
        case .restrictActivity: "限制开展生产经营活动"
        case .suspendBusiness: "责令停产停业"
        case .closure: "责令关闭"
        case .banFromPractice: "限制从业"
        }
    }

    /// Kinds that always carry the hearing right (行政处罚法 第六十三条 (二)至(五)).
    public var alwaysGivesHearingRight: Bool {
        switch self {
        case .lowerQualification, .revokeLicence, .suspendBusiness, .closure, .banFromPractice, .restrictActivity: true
        default: false
        }
    }
}

/// 当事人类型: a natural person (身份证号) or an organisation (统一社会信用代码).
public enum PartyKind: String, Codable, CaseIterable, Sendable {
    case person, organization

    public var label: String { self == .person ? "自然人" : "法人或其他组织" }
}

/// The sanction of a penalty decision: its kinds and amounts in 元.
public struct PenaltySanction: Codable, Sendable, Hashable {
    public var kinds: [PenaltyKind]
    public var fineAmount: Int
    /// Value of what is confiscated (违法所得、非法财物).
    public var confiscationAmount: Int

    public init(kinds: [PenaltyKind], fineAmount: Int = 0, confiscationAmount: Int = 0) {
        self.kinds = kinds
        self.fineAmount = fineAmount
        self.confiscationAmount = confiscationAmount
    }

    public var text: String {
        kinds.map { kind in
            switch kind {
            case .fine: "罚款\(fineAmount)元"
            case .confiscation: "没收违法所得、非法财物（价值\(confiscationAmount)元）"
            default: kind.label
            }
        }.joined(separator: "，")
    }
}
