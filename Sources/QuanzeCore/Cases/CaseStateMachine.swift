/// The procedure as a state machine: the ordered stages of each procedure (立案 → 调查取证 → 审查 →
/// 告知 → 听证 → 法制审核 → 决定 → 送达 → 执行 → 结案归档) and which optional ones a case takes.
/// A case moves only to the next stage; anything else is refused with the expected stage named.
public enum CaseStateMachine {
    /// What decides the optional stages.
    public struct Context: Sendable, Hashable {
        /// The party asked for a hearing within its window (行政处罚法 第六十四条, 行政许可法 第四十七条).
        public var hearingRequested: Bool
        /// 法制审核 is required (or the body chose to have one).
        public var legalReviewRequired: Bool
        /// The decision imposes something to carry out (a fine, a confiscation …); otherwise 执行 is skipped.
        public var needsExecution: Bool

        public init(hearingRequested: Bool = false, legalReviewRequired: Bool = false, needsExecution: Bool = true) {
            self.hearingRequested = hearingRequested
            self.legalReviewRequired = legalReviewRequired
            self.needsExecution = needsExecution
        }
    }

    /// Every stage a procedure may use, in order.
    public static func stages(of procedure: CaseProcedure) -> [CaseStage] {
        switch procedure {
        case .penaltySimple: [.filed, .notice, .decision, .service, .execution, .closed]
        case .penaltyOrdinary: [.filed, .investigation, .review, .notice, .hearing, .legalReview, .decision, .service, .execution, .closed]
        case .seizure: [.filed, .investigation, .review, .legalReview, .decision, .service, .execution, .closed]
        case .licensing: [.filed, .review, .notice, .hearing, .legalReview, .decision, .service, .closed]
        case .inspection: [.filed, .investigation, .decision, .service, .closed]
        }
    }

    /// The stages this case takes, given its context.
    public static func path(of procedure: CaseProcedure, context: Context) -> [CaseStage] {
        stages(of: procedure).filter { stage in
            switch stage {
            case .hearing: context.hearingRequested
            case .legalReview: context.legalReviewRequired
            case .execution: context.needsExecution
            default: true
            }
        }
    }

    /// The stage after `stage`, or nil at the end.
    public static func next(after stage: CaseStage, procedure: CaseProcedure, context: Context) -> CaseStage? {
        let path = path(of: procedure, context: context)
        guard let i = path.firstIndex(of: stage), i + 1 < path.count else { return nil }
        return path[i + 1]
    }

    /// Refuses any move other than to the next stage of the case's path.
    public static func check(from: CaseStage, to: CaseStage, procedure: CaseProcedure, context: Context) throws(CaseRuleViolation) {
        guard stages(of: procedure).contains(to) else {
            throw CaseRuleViolation("STAGE_NOT_IN_PROCEDURE", "\(procedure.label)没有“\(to.label(in: procedure))”环节")
        }
        guard let expected = next(after: from, procedure: procedure, context: context) else {
            throw CaseRuleViolation("CASE_CLOSED", "案件已\(from.label(in: procedure))，不能再变更环节")
        }
        guard to == expected else {
            if to == .hearing {
                throw CaseRuleViolation("HEARING_NOT_REQUESTED", "当事人未在期限内申请听证，不进入听证环节", source: CaseSources.penaltyLaw("第六十四条"))
            }
            if to == .decision && expected == .legalReview {
                throw CaseRuleViolation("LEGAL_REVIEW_REQUIRED", "本案属于重大执法决定，应审未审或审核未通过的，不得作出执法决定",
                                        source: CaseSources.majorDecisionReview)
            }
            throw CaseRuleViolation("STAGE_OUT_OF_ORDER",
                                    "当前环节为“\(from.label(in: procedure))”，下一环节应为“\(expected.label(in: procedure))”，不能直接进入“\(to.label(in: procedure))”")
        }
    }

    /// The step of a power's flow (一图) that belongs to a stage, recognised by its name.
    public static func stage(ofFlowStep name: String) -> CaseStage? {
        let priority: [CaseStage] = [.legalReview, .notice, .hearing, .service, .decision, .execution, .closed, .review, .investigation, .filed]
        return priority.first { stage in stage.flowKeywords.contains { name.contains($0) } }
    }
}
