import Foundation

/// The profile codes the liability procedure (责任追究) reads. Every profile that sets one of these
/// numbers uses exactly this code, so the engine finds the jurisdiction's value by inheritance;
/// where a profile and its ancestors are silent, the page says 未规定 and no deadline runs.
public enum LiabilityCodes {
    // MARK: deadlines (`deadlines[].code`)

    /// From discovery of a possible fault to 立案 / the decision whether there is a factual basis
    /// (henan 第二十一条 15 日; hangzhou 第四十六条 7 工作日; shandong 第十六条 10 日 report for filing).
    public static let intake = "liability_intake"
    /// From learning of the 复议 decision or judgment to the investigation and proposal
    /// (beijing-tongzhou 细则 第十三条 20 工作日).
    public static let proposalAfterJudgment = "liability_proposal_after_judgment"
    /// From receiving a supervision or complaint written opinion to the proposal
    /// (beijing-tongzhou 细则 第十三条 30 工作日).
    public static let proposalAfterOpinion = "liability_proposal_after_opinion"
    /// From 立案 to the conclusion / decision, with its `extension` cap
    /// (henan 第二十三条 30 日 + 20; hangzhou 30 工作日 + 15; shandong 第十七条 30 日 + 20;
    /// guizhou-education 第十五条 60 日).
    public static let decision = "liability_decision"
    /// From the conclusion to the collective decision (shandong 第十九条 15 日).
    public static let collectiveDecision = "liability_collective_decision"
    /// From the decision to its filing (备案) with the supervising offices (hangzhou 15 工作日).
    public static let filing = "liability_filing"
    /// Appeal (复核 / 申诉) window from receipt of the decision
    /// (henan 第二十五条 10 日; shandong 第二十五条 15 日; heilongjiang 第三十九条 30 日).
    public static let appealWindow = "liability_appeal_window"
    /// From the appeal to its decision, with its `extension` cap
    /// (henan 20 日 + 10; shandong 30 日; heilongjiang 30 日).
    public static let appealDecision = "liability_appeal_decision"
    /// Reply to a 纠正过错通知书 (guizhou-education 第十四条), where the text sets a number.
    public static let correctionReply = "liability_correction_reply"

    // MARK: quantities (`quantities[].code`)

    /// Minimum number of investigators (henan 第二十二条, hangzhou 第四十七条: 2).
    public static let investigatorsMinimum = "liability_investigators_minimum"

    // MARK: provisions (`provisions[].code`): present means the rule applies

    /// The body that decides an appeal, named in the provision's text.
    public static let appealBody = "liability_appeal_body"
    /// An appeal does not suspend execution of the sanction (shandong 第二十五条).
    public static let appealDoesNotSuspend = "liability_appeal_does_not_suspend"
    /// The defence (陈述申辩) may not make the sanction heavier (henan 第二十四条).
    public static let noHeavierAfterDefence = "liability_no_heavier_after_defence"
    /// Hear the person before any sanction (national; every profile inherits it).
    public static let hearingBeforeSanction = "hearing_before_sanction"
    /// Refusal to execute escalates (hangzhou 第五十一条).
    public static let refusalEscalates = "liability_refusal_escalates"
    /// The pursuing body is itself liable for not pursuing, late or wrong pursuit, or not
    /// transferring (henan 第二十六条, shandong 第二十四条).
    public static let pursuerLiable = "liability_pursuer_liable"
    /// No second 处分 for an act already given 政务处分 by 监察机关 (samr 第十六条).
    public static let noSecondSanction = "liability_no_second_sanction"
    /// A named complainant is told the outcome (hangzhou 第四十八条).
    public static let complainantInformed = "liability_complainant_informed"
    /// Investigators linked to the matter recuse (henan 第二十二条 第二款, hangzhou 第四十七条).
    public static let recusal = "liability_recusal"
}
