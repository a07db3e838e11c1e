import Fluent
import Foundation
import QuanzeCore
import Vapor

/// What a liability decision asks of the rest of the platform (issue 6 item 6): the decision's current
/// sanctions and status for one target (an officer, or a body), as `ConsequencesPlan` computes them.
/// The decision service calls `LiabilityConsequences.sync` every time a decision's status or sanctions
/// change (decided, served, appeal lodged, appeal decided 维持/变更/撤销, final); `sync` brings the
/// applied consequences to what the plan allows now — applying what became applicable, undoing what a
/// 变更/撤销 removed — idempotently.
struct LiabilityConsequenceRequest: Sendable {
    /// The decision row the consequences hang on (one per target of a matter).
    var decisionID: UUID
    var matterID: UUID
    /// The officer a person-decision concerns (nil for a body, or a person without an officer record).
    var officerID: UUID?
    /// The body an agency-decision concerns (nil for a person).
    var agencyID: UUID?
    /// 处理决定书 number and date, cited on certificate events and in assessment.
    var documentNumber: String
    var decidedOn: LocalDate
    /// The plan for the decision's current sanctions and status (empty sanctions after 撤销).
    var plan: ConsequencesPlan
}

/// One consequence as applied (or waiting), for the decision page.
struct LiabilityConsequenceState: Content, Sendable, Equatable {
    var sanction: String
    var effect: String?
    /// `applied`, `waiting` (not yet applicable: reason says why), `recorded` (no effect), `undone`.
    var state: String
    var reason: String
}

/// Applies the plan's effects (暂扣/吊销 certificate, 停止执法, 调离岗位, 取消执法资格 on officers;
/// 限期整改/通报批评/取消评先/约谈 on bodies, shown in their assessment). Implemented by feat/consequences.
enum LiabilityConsequences {
    static func sync(_ request: LiabilityConsequenceRequest, req: Request, on db: any Database) async throws -> [LiabilityConsequenceState] {
        // Contract placeholder on main until feat/consequences lands: reports the plan without acting.
        request.plan.items.map { item in
            LiabilityConsequenceState(sanction: item.sanction.code, effect: item.effect?.rawValue,
                                      state: item.effect == nil ? "recorded" : "waiting", reason: item.reason)
        }
    }
}
