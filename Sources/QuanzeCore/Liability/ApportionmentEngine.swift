import Foundation

/// Which apportionment rules govern when several apply (docs/liability.md "Precedence").
///
/// Every trigger belongs to a scope. Inside a scope only the rules of the most specific rank
/// present govern; the others are displaced (and listed, with the rule that displaced them).
/// Scopes are independent: a delegation rule does not displace the handling chain's rule.
/// - `chain` (who in 承办 → 审核 → 批准 / 集体决定 / 上级指令 answers):
///   rank 1 — a person's own conduct or an outside act that replaced the chain's decision:
///   handler_concealed_facts, handler_changed_approved, reviewer_changed_correct,
///   approver_changed_correct, reviewer_acted_alone, approver_acted_alone, acted_without_review,
///   caused_by_review, superior_order, superior_changed, review_body_changed_correct;
///   rank 2 — review_missed_error; rank 3 — how the decision was taken: collective_decision,
///   approval_chain, reviewed_and_wrong; rank 4 — sole_handler, multiple_handlers.
/// - `approval`: leader_approved (guizhou 第十一条(三) 批准人的领导责任: adds to the chain's answer).
/// - `upheld`: superior_upheld (adds the upholding body's people; displaces nothing).
/// - `agency`: rank 1 delegated, joint_enforcement, several_agencies; rank 2 agency_alone.
/// - `other`: nonfeasance, stage_responsibility, complaint_dropped, state_compensation (each adds).
public enum ApportionmentPrecedence {
    public enum Scope: String, Codable, Sendable, Hashable, CaseIterable {
        case chain, approval, upheld, agency, other
    }

    public static func scope(of trigger: ApportionmentTrigger) -> Scope {
        switch trigger {
        case .soleHandler, .multipleHandlers, .reviewMissedError, .handlerConcealedFacts, .actedWithoutReview,
             .handlerChangedApproved, .reviewerChangedCorrect, .reviewerActedAlone, .approverChangedCorrect,
             .approverActedAlone, .reviewedAndWrong, .causedByReview, .approvalChain,
             .collectiveDecision, .superiorOrder, .superiorChanged, .reviewBodyChangedCorrect:
            return .chain
        case .leaderApproved:
            return .approval
        case .superiorUpheld:
            return .upheld
        case .delegated, .jointEnforcement, .agencyAlone, .severalAgencies:
            return .agency
        case .nonfeasance, .stageResponsibility, .complaintDropped, .stateCompensation:
            return .other
        }
    }

    /// 1 = most specific.
    public static func rank(of trigger: ApportionmentTrigger) -> Int {
        switch trigger {
        case .handlerConcealedFacts, .handlerChangedApproved, .reviewerChangedCorrect, .approverChangedCorrect,
             .reviewerActedAlone, .approverActedAlone, .actedWithoutReview, .causedByReview, .superiorOrder,
             .superiorChanged, .reviewBodyChangedCorrect:
            return 1
        case .reviewMissedError: return 2
        case .collectiveDecision, .approvalChain, .reviewedAndWrong: return 3
        case .soleHandler, .multipleHandlers: return 4
        case .agencyAlone: return 2
        case .leaderApproved, .superiorUpheld, .delegated, .jointEnforcement, .severalAgencies, .nonfeasance, .stageResponsibility,
             .complaintDropped, .stateCompensation:
            return 1
        }
    }

    /// Order of shares when one person is named by several governing rules: the heaviest gives the line.
    public static func weight(_ share: LiabilityShare) -> Int {
        switch share {
        case .full: 6
        case .primary: 5
        case .joint: 4
        case .proportionate: 3
        case .secondary: 2
        case .none: 1
        }
    }
}

/// One person's proposed share, with the rule it comes from.
public struct ApportionmentLine: Codable, Sendable, Hashable {
    public var personID: String
    public var personName: String
    public var roles: [CaseRole]
    public var share: LiabilityShare
    /// The party of the rule the person was matched to (nil when no governing rule names them).
    public var party: LiableParty?
    /// The governing rule that gives the share (nil when none names the person).
    public var rule: RuleCitation?
    public var trigger: ApportionmentTrigger?
    /// Chinese reason: the rule's situation, or why the person bears none.
    public var reason: String
    /// Other governing rules that also name the person (with a lighter or equal share).
    public var alsoCited: [RuleCitation]

    /// The source to show next to the line.
    public var source: SourceRef? { rule?.source }
}

/// A rule that applied but was displaced by a more specific one in its scope.
public struct DisplacedRule: Codable, Sendable, Hashable {
    public var rule: RuleCitation
    public var trigger: ApportionmentTrigger
    /// Codes of the governing rules that displaced it.
    public var by: [String]
}

/// A party a governing rule names that no person on record matches (e.g. 上级 with no superior
/// recorded): someone who should answer may be missing from the facts.
public struct UnmatchedParty: Codable, Sendable, Hashable {
    public var rule: RuleCitation
    public var party: LiableParty
    public var share: LiabilityShare
}

/// The engine's proposal. Humans decide; the server keeps the proposal and the decision.
public struct ApportionmentProposal: Codable, Sendable, Hashable {
    public var lines: [ApportionmentLine]
    /// Every situation applied (established ∪ derived), sorted by raw value.
    public var triggers: [ApportionmentTrigger]
    /// The situations the record showed by itself.
    public var derived: [DerivedTrigger]
    public var governing: [RuleCitation]
    public var displaced: [DisplacedRule]
    public var unmatched: [UnmatchedParty]
    /// Rules of the profile without `when` (descriptive only; shown, not applied).
    public var descriptive: [RuleCitation]

    /// True when no rule of the profile governs the established situations: 未规定, a human apportions.
    public var unregulated: Bool { governing.isEmpty }

    public func line(for personID: String) -> ApportionmentLine? { lines.first { $0.personID == personID } }
}

/// Turns the facts into a proposal with the profile's `apportionment` rules (责任划分).
public enum ApportionmentEngine {
    public static func propose(facts: LiabilityFacts, profile: EffectiveProfile) -> ApportionmentProposal {
        let triggers = facts.triggers
        let applicable = profile.apportionment.filter { $0.entry.when.map(triggers.contains) ?? false }
        var bestRank: [ApportionmentPrecedence.Scope: Int] = [:]
        for rule in applicable {
            let t = rule.entry.when!
            let scope = ApportionmentPrecedence.scope(of: t)
            bestRank[scope] = min(bestRank[scope] ?? Int.max, ApportionmentPrecedence.rank(of: t))
        }
        let governing = applicable.filter {
            let t = $0.entry.when!
            return ApportionmentPrecedence.rank(of: t) == bestRank[ApportionmentPrecedence.scope(of: t)]
        }
        let displaced: [DisplacedRule] = applicable.compactMap { rule in
            let t = rule.entry.when!
            let scope = ApportionmentPrecedence.scope(of: t)
            guard ApportionmentPrecedence.rank(of: t) != bestRank[scope] else { return nil }
            let by = governing.filter { ApportionmentPrecedence.scope(of: $0.entry.when!) == scope }.map(\.entry.code)
            return DisplacedRule(rule: RuleCitation(rule), trigger: t, by: by)
        }
        let finalSigner = facts.chain().last?.id

        var lines: [ApportionmentLine] = []
        var matchedParties: Set<String> = []   // "ruleCode|party"
        for person in facts.persons {
            var matches: [(rule: Inherited<ApportionmentRule>, liable: LiableShare, order: Int)] = []
            for (order, rule) in governing.enumerated() {
                if let liable = match(person, rule: rule.entry, finalSigner: finalSigner) {
                    matches.append((rule, liable, order))
                    matchedParties.insert("\(rule.entry.code)|\(liable.party.rawValue)")
                }
            }
            if let best = matches.min(by: { a, b in
                let wa = ApportionmentPrecedence.weight(a.liable.share), wb = ApportionmentPrecedence.weight(b.liable.share)
                if wa != wb { return wa > wb }
                let ra = ApportionmentPrecedence.rank(of: a.rule.entry.when!), rb = ApportionmentPrecedence.rank(of: b.rule.entry.when!)
                if ra != rb { return ra < rb }
                return a.order < b.order
            }) {
                let r = best.rule.entry
                let bears = best.liable.share == .none ? "不承担责任" : "承担\(best.liable.share.rawValue)责任"
                var reason = "\(r.name)：\(r.situation)——\(best.liable.party.rawValue)\(bears)"
                if let note = r.note { reason += "（\(note)）" }
                lines.append(ApportionmentLine(
                    personID: person.id, personName: person.name, roles: person.roles, share: best.liable.share,
                    party: best.liable.party, rule: RuleCitation(best.rule), trigger: r.when, reason: reason,
                    alsoCited: matches.filter { $0.rule.entry.code != r.code }.map { RuleCitation($0.rule) }))
            } else {
                lines.append(ApportionmentLine(
                    personID: person.id, personName: person.name, roles: person.roles, share: .none, party: nil,
                    rule: nil, trigger: nil,
                    reason: noneReason(person: person, governing: governing, displaced: displaced,
                                       profileDisplaced: applicable, finalSigner: finalSigner),
                    alsoCited: []))
            }
        }
        var unmatched: [UnmatchedParty] = []
        for rule in governing {
            for liable in rule.entry.liable where liable.share != .none
                && !matchedParties.contains("\(rule.entry.code)|\(liable.party.rawValue)") {
                unmatched.append(UnmatchedParty(rule: RuleCitation(rule), party: liable.party, share: liable.share))
            }
        }
        return ApportionmentProposal(
            lines: lines, triggers: triggers.sorted { $0.rawValue < $1.rawValue }, derived: facts.derivedTriggers(),
            governing: governing.map(RuleCitation.init), displaced: displaced, unmatched: unmatched,
            descriptive: profile.apportionment.filter { $0.entry.when == nil }.map(RuleCitation.init))
    }

    /// How `rule` names `person`: for each of the person's roles the most specific party the rule
    /// lists (`candidateGroups`); across roles the heaviest share (e.g. a chair who is also the head,
    /// beijing-tongzhou 第十一条(三): 主要负责人 主要 beats 支持错误意见者 相应). nil: not named.
    public static func match(_ person: PersonConcerned, rule: ApportionmentRule, finalSigner: String?) -> LiableShare? {
        var found: [LiableShare] = []
        for group in candidateGroups(for: person, trigger: rule.when, finalSigner: finalSigner) {
            for party in group {
                if let liable = rule.liable.first(where: { $0.party == party }) {
                    found.append(liable)
                    break
                }
            }
        }
        return found.max { ApportionmentPrecedence.weight($0.share) < ApportionmentPrecedence.weight($1.share) }
    }

    /// All parties a person can be named as under a rule for `trigger` (the groups flattened).
    public static func candidates(for person: PersonConcerned, trigger: ApportionmentTrigger?,
                                  finalSigner: String?) -> [LiableParty] {
        var out: [LiableParty] = []
        for p in candidateGroups(for: person, trigger: trigger, finalSigner: finalSigner).joined() where !out.contains(p) {
            out.append(p)
        }
        return out
    }

    /// Per role of the person, the parties that role can be named as, most specific first.
    /// In an `approval_chain` rule 批准人 names the final signer and 审核人 the intermediate ones
    /// (beijing-tongzhou 细则 第十一条 (二): 最终审核人或者批准人 / 中间环节审核人).
    /// 集体决策 names every member who did not hold the correct view (supporters and those who
    /// abstained); 持正确意见者 names those whose correct view was overruled.
    public static func candidateGroups(for person: PersonConcerned, trigger: ApportionmentTrigger?,
                                       finalSigner: String?) -> [[LiableParty]] {
        var out: [[LiableParty]] = []
        func add(_ parties: [LiableParty]) { out.append(parties) }
        func viewParties() -> [LiableParty] {
            switch person.view {
            case .supportedWrong: [.collectiveSupporters, .collective]
            case .heldCorrect: [.collectiveDissenters]
            case .abstained, nil: [.collective]
            }
        }
        for role in person.roles {
            switch role {
            case .handler: add([.handler, .directActor])
            case .leadHandler: add([.leadHandler, .handler, .directActor])
            case .assistingHandler: add([.assistingHandler, .handler, .directActor])
            case .reviewer, .legalReviewer, .approver:
                if trigger == .approvalChain {
                    add(person.id == finalSigner ? [.approver] : [.reviewer])
                } else {
                    switch role {
                    case .reviewer: add([.reviewer])
                    case .legalReviewer: add([.legalReviewer, .reviewer])
                    default: add([.approver])
                    }
                }
            case .collectiveChair: add([.collectiveChair] + viewParties())
            case .collectiveMember: add(viewParties())
            case .superior: add([.superior])
            case .reviewBody: add([.reviewBody])
            case .delegatingAgency: add([.delegatingAgency])
            case .delegate: add([.delegate])
            case .agency: add([.agency])
            case .agencyHead: add([.agencyHead])
            case .deputyHead: add([.deputyHead])
            case .directActor: add([.directActor])
            }
        }
        return out
    }

    private static func noneReason(person: PersonConcerned, governing: [Inherited<ApportionmentRule>],
                                   displaced: [DisplacedRule], profileDisplaced applicable: [Inherited<ApportionmentRule>],
                                   finalSigner: String?) -> String {
        let roles = person.roles.map(\.rawValue).joined(separator: "、")
        guard !governing.isEmpty else {
            return "本配置对已查明的情形没有可适用的责任划分规则（未规定），不作建议，由人工认定"
        }
        let cited = governing.map { "\($0.entry.name)（\($0.entry.source)）" }.joined(separator: "；")
        var reason = "适用的责任划分规则未列明其角色（\(roles)），不承担责任：\(cited)"
        let wouldName = displaced.filter { d in
            guard let rule = applicable.first(where: { $0.entry.code == d.rule.code }) else { return false }
            guard let share = match(person, rule: rule.entry, finalSigner: finalSigner)?.share else { return false }
            return share != LiabilityShare.none
        }
        if !wouldName.isEmpty {
            let list = wouldName.map { "\($0.rule.name)（\($0.rule.source)）被更具体的规则 \($0.by.joined(separator: "、")) 取代" }
            reason += "；" + list.joined(separator: "；")
        }
        return reason
    }
}
