/// 承办人员: who handles a case. At least two officers with enforcement qualification, each
/// authorised for the power and on a post that holds it; 辅助人员 assist but never count.
/// 行政处罚法 第四十二条; 黑龙江省行政执法责任制规定 第十九条 (seed 004 篇二).
public struct TeamMember: Sendable, Hashable {
    public var name: String
    public var isAuxiliary: Bool
    /// The refusal of `OfficerAuthority.mayAct`, nil when the officer may act.
    public var refusal: CaseRuleViolation?
    /// The officer holds a post to which this power is assigned (分解职权).
    public var onPost: Bool

    public init(name: String, isAuxiliary: Bool, refusal: CaseRuleViolation?, onPost: Bool) {
        self.name = name
        self.isAuxiliary = isAuxiliary
        self.refusal = refusal
        self.onPost = onPost
    }
}

public enum HandlingTeam {
    public static let minimum = 2

    /// Every problem with the team; empty when it may handle the case.
    public static func problems(_ team: [TeamMember]) -> [CaseRuleViolation] {
        var problems: [CaseRuleViolation] = []
        for member in team where !member.isAuxiliary {
            if let refusal = member.refusal {
                problems.append(refusal)
            } else if !member.onPost {
                problems.append(CaseRuleViolation("OFFICER_NOT_ON_POST", "\(member.name) 不在承担本职权的执法岗位上",
                                                  source: SourceRef(seed: "000_e748949df243188f.txt", document: "国办发〔2005〕37号", article: "二(二)")))
            }
        }
        let qualified = team.filter { !$0.isAuxiliary && $0.refusal == nil && $0.onPost }.count
        if qualified < minimum {
            let auxiliary = team.filter(\.isAuxiliary).count
            let note = auxiliary > 0 ? "（辅助人员只能协助，不计入）" : ""
            problems.append(CaseRuleViolation("TOO_FEW_OFFICERS", "执法人员不得少于两人，本案具备执法资格的承办人员只有\(qualified)人\(note)",
                                              source: CaseSources.penaltyLaw("第四十二条")))
        }
        return problems
    }
}
