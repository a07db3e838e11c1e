/// 重大执法决定法制审核: when a decision needs a passed 法制审核 and who may review it.
/// 行政处罚法 第五十八条 lists four situations; the power item adds its own "major" criteria
/// (一表's 重大执法决定标准); a decision outside its discretion range also needs review (裁量基准).
public enum StatutoryMajorCriterion: String, Codable, CaseIterable, Sendable {
    case publicInterest = "public_interest", afterHearing = "after_hearing", complex, otherByLaw = "other_by_law"

    public var label: String {
        switch self {
        case .publicInterest: "涉及重大公共利益"
        case .afterHearing: "直接关系当事人或者第三人重大权益，经过听证程序"
        case .complex: "案件情况疑难复杂、涉及多个法律关系"
        case .otherByLaw: "法律、法规规定应当进行法制审核的其他情形"
        }
    }
}

public enum MajorDecisionRule {
    public static let source = CaseSources.penaltyLaw("第五十八条")

    /// The reasons this decision needs 法制审核; empty when none applies.
    public static func reasons(statutory: [StatutoryMajorCriterion], powerCriteria: [String],
                               hearingHeld: Bool, outsideDiscretion: Bool) -> [String] {
        var reasons = statutory.map { "\($0.label)（行政处罚法 第五十八条）" }
        if hearingHeld && !statutory.contains(.afterHearing) {
            reasons.append("\(StatutoryMajorCriterion.afterHearing.label)（行政处罚法 第五十八条）")
        }
        reasons += powerCriteria.map { "符合本事项重大执法决定标准：\($0)" }
        if outsideDiscretion { reasons.append("处罚超出裁量基准对应情节的幅度（须书面说明理由并经法制审核）") }
        return reasons
    }

    /// The reviewer must not be on the case, and a first-time reviewer needs the 法律职业资格.
    public static func checkReviewer(name: String, isOnCase: Bool, isFirstReview: Bool, legalProfessionQualified: Bool) throws(CaseRuleViolation) {
        if isOnCase {
            throw CaseRuleViolation("REVIEWER_ON_CASE", "\(name) 是本案承办人员，不得审核本案", source: source)
        }
        if isFirstReview && !legalProfessionQualified {
            throw CaseRuleViolation("REVIEWER_NOT_QUALIFIED", "\(name) 初次从事法制审核，应当取得法律职业资格", source: source)
        }
    }
}

/// 审批分离: the handlers, the reviewer and the approver of a decision are different people.
public enum SeparationOfDuties {
    /// `handlers` and the others are person keys (the same key for the same person, e.g. a user id).
    public static func check(handlers: Set<String>, reviewer: String?, approver: String) throws(CaseRuleViolation) {
        let source = CaseSources.seed004("第三十一条")
        if handlers.contains(approver) {
            throw CaseRuleViolation("HANDLER_CANNOT_APPROVE", "承办人不得批准本人承办案件的决定", source: source)
        }
        if let reviewer, reviewer == approver {
            throw CaseRuleViolation("REVIEWER_CANNOT_APPROVE", "法制审核人员不得同时批准同一决定", source: source)
        }
        if let reviewer, handlers.contains(reviewer) {
            throw CaseRuleViolation("REVIEWER_ON_CASE", "承办人不得审核本人承办的案件", source: MajorDecisionRule.source)
        }
    }
}
