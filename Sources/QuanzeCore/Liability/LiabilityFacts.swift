import Foundation

/// A person's (or body's) role in the matter under pursuit, as the case's own record shows it.
/// One person may hold several roles (e.g. the approver who also chaired the collective decision).
public enum CaseRole: String, Codable, Sendable, Hashable, CaseIterable {
    /// 承办人 where only one officer handled the matter, or where the record does not say 主办/协办.
    case handler = "承办人"
    /// 主办人 (lead handler).
    case leadHandler = "主办人"
    /// 协办人 (assisting handler).
    case assistingHandler = "协办人"
    /// 审核人.
    case reviewer = "审核人"
    /// 法制审核人 (legal review of a major decision).
    case legalReviewer = "法制审核人"
    /// 批准人 (the head who made the decision).
    case approver = "批准人"
    /// Member of a collective decision (集体讨论决定); `PersonConcerned.view` records the view held.
    case collectiveMember = "集体决策成员"
    /// Chair of the collective decision (主持人); usually also a member with a view.
    case collectiveChair = "主持人"
    /// A superior body or leader; `PersonConcerned.superiorAction` says what it did.
    case superior = "上级"
    /// 复议机关 (the administrative-review body).
    case reviewBody = "复议机关"
    /// 委托机关 (the delegating body).
    case delegatingAgency = "委托机关"
    /// 受委托组织 (the delegate that acted).
    case delegate = "受委托组织"
    /// The enforcement body itself (机关).
    case agency = "机关"
    /// 机关负责人 (head / 主要负责人).
    case agencyHead = "机关负责人"
    /// 分管负责人 (deputy head in charge).
    case deputyHead = "分管负责人"
    /// 直接责任人员 (where the record names one outside the handling chain, e.g. in 不作为).
    case directActor = "直接责任人员"

    /// Roles of the handling chain (承办、审核、批准): those a case-chain rule speaks of.
    public var isHandler: Bool { [.handler, .leadHandler, .assistingHandler].contains(self) }
    public var isSigner: Bool { [.reviewer, .legalReviewer, .approver].contains(self) }
}

/// The view a member held in a collective decision, as the minutes record it.
public enum CollectiveView: String, Codable, Sendable, Hashable, CaseIterable {
    /// 坚持或者支持错误意见.
    case supportedWrong = "支持错误意见"
    /// 持正确意见（未被采纳）.
    case heldCorrect = "持正确意见"
    /// 未明确表示意见（弃权）.
    case abstained = "未表态"
}

/// What a superior did to the act.
public enum SuperiorAction: String, Codable, Sendable, Hashable, CaseIterable {
    /// 指令、干预 (hangzhou 第三十八条).
    case ordered = "指令干预"
    /// 改变为错误决定 (hangzhou 第三十八条, guizhou 第十一条).
    case changed = "改变"
    /// 维持错误决定 (shandong 第十一条, guizhou 第十一条).
    case upheld = "维持"
}

/// One person or body concerned, with their roles taken from the case record.
public struct PersonConcerned: Codable, Sendable, Hashable, Identifiable {
    /// The server's id (officer / user / agency id as a string); matched against investigators.
    public var id: String
    public var name: String
    /// Unit (机关 / 机构) the person belongs to; used by `RecusalCheck` (same unit).
    public var unit: String?
    public var roles: [CaseRole]
    /// For `collectiveMember` / `collectiveChair`: the view recorded in the minutes.
    public var view: CollectiveView?
    /// For `superior`: what it did.
    public var superiorAction: SuperiorAction?
    /// For reviewers / approvers in a chain: the order of signing (1 = first). The highest step is the
    /// final reviewer or approver (最终审核人或者批准人, beijing-tongzhou 细则 第十一条).
    public var step: Int?

    public init(id: String, name: String, unit: String? = nil, roles: [CaseRole], view: CollectiveView? = nil,
                superiorAction: SuperiorAction? = nil, step: Int? = nil) {
        self.id = id
        self.name = name
        self.unit = unit
        self.roles = roles
        self.view = view
        self.superiorAction = superiorAction
        self.step = step
    }

    public func has(_ role: CaseRole) -> Bool { roles.contains(role) }
}

/// A situation the record shows by itself, with the reason in Chinese.
public struct DerivedTrigger: Codable, Sendable, Hashable {
    public var trigger: ApportionmentTrigger
    public var reason: String

    public init(_ trigger: ApportionmentTrigger, _ reason: String) {
        self.trigger = trigger
        self.reason = reason
    }
}

/// The facts of a liability matter: the persons concerned with their roles, and the situations
/// (`ApportionmentTrigger`) established by the investigation. The server builds it from the case
/// record (`CaseOfficer`, `LegalReview`, `CaseDecision`, collective-decision minutes …) plus the
/// investigators' findings.
public struct LiabilityFacts: Codable, Sendable, Hashable {
    public var persons: [PersonConcerned]
    /// Situations a human established (e.g. `reviewer_changed_correct`, `handler_concealed_facts`).
    public var established: Set<ApportionmentTrigger>
    /// Whether the act needed review or approval by law or the body's rules (应当经过审核); with no
    /// reviewer or approver on record this derives `acted_without_review`.
    public var reviewDue: Bool

    public init(persons: [PersonConcerned], established: Set<ApportionmentTrigger> = [], reviewDue: Bool = false) {
        self.persons = persons
        self.established = established
        self.reviewDue = reviewDue
    }

    /// The situations the record shows by itself:
    /// - `sole_handler` (exactly one handler) / `multiple_handlers` (two or more);
    /// - `collective_decision` (a member or chair on record);
    /// - `delegated` (a delegating body or delegate on record);
    /// - `acted_without_review` (review due, no reviewer / legal reviewer / approver on record);
    /// - `reviewed_and_wrong` (a reviewer on record), `leader_approved` (an approver on record),
    ///   `approval_chain` (a reviewer, legal reviewer or approver on record: 经审核或者批准);
    /// - `superior_order` / `superior_changed` / `superior_upheld` (a superior with that action);
    /// - `agency_alone` (one body on record) / `several_agencies` (two or more).
    /// Everything else (concealed facts, changed a correct opinion, missed an error, 不作为 …) is a
    /// finding a human establishes.
    public func derivedTriggers() -> [DerivedTrigger] {
        var out: [DerivedTrigger] = []
        let handlers = persons.filter { $0.roles.contains(where: \.isHandler) }
        let signers = persons.filter { $0.roles.contains(where: \.isSigner) }
        let names = { (list: [PersonConcerned]) in list.map(\.name).joined(separator: "、") }
        if handlers.count == 1 {
            out.append(DerivedTrigger(.soleHandler, "案卷记载承办人仅一人（\(names(handlers))）"))
        } else if handlers.count > 1 {
            out.append(DerivedTrigger(.multipleHandlers, "案卷记载承办人\(handlers.count)人（\(names(handlers))）"))
        }
        let members = persons.filter { $0.has(.collectiveMember) || $0.has(.collectiveChair) }
        if !members.isEmpty {
            out.append(DerivedTrigger(.collectiveDecision, "案卷记载经集体讨论决定（\(names(members))）"))
        }
        let delegation = persons.filter { $0.has(.delegatingAgency) || $0.has(.delegate) }
        if !delegation.isEmpty {
            out.append(DerivedTrigger(.delegated, "案卷记载为委托执法（\(names(delegation))）"))
        }
        if reviewDue && signers.isEmpty {
            out.append(DerivedTrigger(.actedWithoutReview, "应当经过审核、批准，案卷无审核人、批准人记录"))
        }
        let reviewers = persons.filter { $0.has(.reviewer) || $0.has(.legalReviewer) }
        if !reviewers.isEmpty {
            out.append(DerivedTrigger(.reviewedAndWrong, "案卷记载经审核（\(names(reviewers))）"))
        }
        let approvers = persons.filter { $0.has(.approver) }
        if !approvers.isEmpty {
            out.append(DerivedTrigger(.leaderApproved, "案卷记载经负责人批准（\(names(approvers))）"))
        }
        if !signers.isEmpty {
            out.append(DerivedTrigger(.approvalChain, "案卷记载经审核或者批准（\(names(chain()))）"))
        }
        for (action, trigger) in [(SuperiorAction.ordered, ApportionmentTrigger.superiorOrder),
                                  (.changed, .superiorChanged), (.upheld, .superiorUpheld)] {
            let who = persons.filter { $0.has(.superior) && $0.superiorAction == action }
            if !who.isEmpty { out.append(DerivedTrigger(trigger, "案卷记载上级\(action.rawValue)（\(names(who))）")) }
        }
        let agencies = persons.filter { $0.has(.agency) }
        if agencies.count == 1 {
            out.append(DerivedTrigger(.agencyAlone, "案卷记载由一个机关作出（\(names(agencies))）"))
        } else if agencies.count > 1 {
            out.append(DerivedTrigger(.severalAgencies, "案卷记载由\(agencies.count)个机关共同作出（\(names(agencies))）"))
        }
        return out
    }

    /// Established ∪ derived: every situation the engine applies rules for.
    public var triggers: Set<ApportionmentTrigger> {
        established.union(derivedTriggers().map(\.trigger))
    }

    /// Reviewers, legal reviewers and approvers in signing order: by `step`; without steps,
    /// reviewers before legal reviewers before approvers, in record order. The last is the final signer.
    public func chain() -> [PersonConcerned] {
        let signers = persons.enumerated().filter { $0.element.roles.contains(where: \.isSigner) }
        func tier(_ p: PersonConcerned) -> Int {
            p.has(.approver) ? 2 : p.has(.legalReviewer) ? 1 : 0
        }
        return signers.sorted { a, b in
            (a.element.step ?? Int.max, tier(a.element), a.offset) < (b.element.step ?? Int.max, tier(b.element), b.offset)
        }.map(\.element)
    }
}
