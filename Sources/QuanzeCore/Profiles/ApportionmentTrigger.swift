import Foundation

/// The situation that makes an apportionment rule apply, as the liability engine recognises it
/// from a matter's facts (who handled, reviewed, approved; whether a collective decision was taken
/// and who held which view; whether a superior ordered, changed or upheld the act …).
/// A rule without `when` is descriptive only: the page shows it, the engine does not apply it.
public enum ApportionmentTrigger: String, Sendable, Hashable, StrictStringEnum {
    /// 一名承办人单独作出 (shandong 第八条, henan 第十二条, hangzhou 第三十八条, guizhou 第十一条).
    case soleHandler = "sole_handler"
    /// 二人以上承办：主办、协办 (shandong 第八条, guizhou 第十一条).
    case multipleHandlers = "multiple_handlers"
    /// 审核人、批准人未发现或未纠正承办人的错误意见 (shandong 第九条, henan 第十五条).
    case reviewMissedError = "review_missed_error"
    /// 承办人隐瞒事实、提供虚假情况致审核、批准错误 (shandong 第九条, henan 第十四条).
    case handlerConcealedFacts = "handler_concealed_facts"
    /// 承办人未经审核、批准擅自作出 (henan 第十四条; guizhou 应审核未审核).
    case actedWithoutReview = "acted_without_review"
    /// 承办人擅自改变审核、批准的决定 (henan 第十四条).
    case handlerChangedApproved = "handler_changed_approved"
    /// 审核人改变承办人正确意见 (shandong 第十条, henan 第十五条).
    case reviewerChangedCorrect = "reviewer_changed_correct"
    /// 审核人不经承办、批准擅自作出 (henan 第十五条).
    case reviewerActedAlone = "reviewer_acted_alone"
    /// 批准人改变承办人、审核人正确意见 (shandong 第十条, henan 第十六条).
    case approverChangedCorrect = "approver_changed_correct"
    /// 批准人不经承办、审核擅自作出 (henan 第十六条).
    case approverActedAlone = "approver_acted_alone"
    /// 经审核后错误 (guizhou 第十一条: 审核人与承办人).
    case reviewedAndWrong = "reviewed_and_wrong"
    /// 因审核造成 (guizhou 第十一条: 审核人全部).
    case causedByReview = "caused_by_review"
    /// 经领导批准 (guizhou 第十一条: 批准人领导责任).
    case leaderApproved = "leader_approved"
    /// 层级审批链中最后审核、批准者为主 (beijing-tongzhou 细则 第十一条).
    case approvalChain = "approval_chain"
    /// 集体决定 (shandong 第十一条, henan 第十七条, hangzhou 第三十八条, guizhou 第十一条).
    case collectiveDecision = "collective_decision"
    /// 上级指令、干预 (hangzhou 第三十八条).
    case superiorOrder = "superior_order"
    /// 上级改变为错误决定 (hangzhou 第三十八条, guizhou 第十一条).
    case superiorChanged = "superior_changed"
    /// 上级或复议机关维持错误决定 (shandong 第十一条, guizhou 第十一条).
    case superiorUpheld = "superior_upheld"
    /// 复议机关改变正确决定 (shandong 第十一条).
    case reviewBodyChangedCorrect = "review_body_changed_correct"
    /// 受委托组织作出 (shandong 第二十六条, henan 第十一条, hangzhou 第三十八条).
    case delegated = "delegated"
    /// 联合执法 (hangzhou 第三十八条).
    case jointEnforcement = "joint_enforcement"
    /// 机关单独作出 (henan 第十一条).
    case agencyAlone = "agency_alone"
    /// 两个以上机关共同作出 (henan 第十一条).
    case severalAgencies = "several_agencies"
    /// 不作为 (henan 第十八条: 直接责任人员、分管负责人、主要负责人按岗位职责).
    case nonfeasance = "nonfeasance"
    /// 按执法环节 (jilin 七(一)).
    case stageResponsibility = "stage_responsibility"
    /// 应受理、查处而未受理、查处 (jilin 七(二)).
    case complaintDropped = "complaint_dropped"
    /// 国家赔偿后追偿 (national).
    case stateCompensation = "state_compensation"

    public init(from decoder: any Decoder) throws { self = try Self.strictDecode(from: decoder) }
}
