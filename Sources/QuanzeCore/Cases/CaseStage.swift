/// 环节: a stage of a case. The order and which stages a procedure uses are in `CaseStateMachine`.
public enum CaseStage: String, Codable, CaseIterable, Sendable {
    case filed, investigation, review, notice, hearing, legalReview = "legal_review", decision, service, execution, closed

    /// The stage's name in a procedure (行政许可 calls 立案 受理, 行政检查 calls 调查取证 检查).
    public func label(in procedure: CaseProcedure) -> String {
        switch (self, procedure) {
        case (.filed, .licensing): "受理"
        case (.filed, .penaltySimple): "当场立案"
        case (.investigation, .inspection): "实施检查"
        case (.investigation, .seizure): "实施查封、扣押"
        case (.decision, .inspection): "检查结论"
        case (.decision, .seizure): "处理决定"
        default: label
        }
    }

    public var label: String {
        switch self {
        case .filed: "立案"
        case .investigation: "调查取证"
        case .review: "审查"
        case .notice: "告知（陈述申辩）"
        case .hearing: "听证"
        case .legalReview: "法制审核"
        case .decision: "决定"
        case .service: "送达"
        case .execution: "执行"
        case .closed: "结案归档"
        }
    }

    /// Words by which a step of a power's flow (一图) is recognised as this stage.
    var flowKeywords: [String] {
        switch self {
        case .filed: ["立案", "受理"]
        case .investigation: ["调查", "取证", "检查", "实施查封"]
        case .review: ["审查", "报告负责人"]
        case .notice: ["告知"]
        case .hearing: ["听证"]
        case .legalReview: ["法制审核"]
        case .decision: ["决定", "处理"]
        case .service: ["送达"]
        case .execution: ["执行"]
        case .closed: ["结案", "归档"]
        }
    }
}
