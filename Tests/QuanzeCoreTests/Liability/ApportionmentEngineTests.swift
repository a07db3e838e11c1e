import Foundation
import Testing
@testable import QuanzeCore

/// The record's roles → the profile's apportionment rules → one line per person, each citing its rule.
@Suite("责任划分 ApportionmentEngine")
struct ApportionmentEngineTests {
    typealias F = LiabilityFixtures

    /// The error a throwing call refused with, or nil when it did not refuse.
    static func refusal(_ body: () throws -> Void) -> LiabilityRefusal? {
        do { try body(); return nil } catch let e as LiabilityRefusal { return e } catch { return nil }
    }

    @Test("henan 第十二条: a sole handler bears it fully")
    func soleHandler() throws {
        let facts = LiabilityFacts(persons: [F.person("h", [.handler])])
        let p = ApportionmentEngine.propose(facts: facts, profile: F.henanProfile)
        let line = try #require(p.line(for: "h"))
        #expect(line.share == .full && line.party == .handler)
        #expect(line.rule?.code == "sole_handler" && line.source?.article == "第十二条")
        #expect(line.trigger == .soleHandler)
        #expect(p.triggers == [.soleHandler])
        #expect(!p.unregulated)
        #expect(p.descriptive.map(\.code) == ["stages"], "a rule without `when` is shown, not applied")
    }

    @Test("henan 第十五条: reviewer changed the handler's correct opinion — beats sole_handler for the handler")
    func reviewerChangedCorrectBeatsSoleHandler() throws {
        let facts = LiabilityFacts(persons: [F.person("h", [.handler]), F.person("r", [.reviewer])],
                                   established: [.reviewerChangedCorrect])
        let p = ApportionmentEngine.propose(facts: facts, profile: F.henanProfile)
        let reviewer = try #require(p.line(for: "r"))
        #expect(reviewer.share == .full && reviewer.rule?.code == "reviewer_changed")
        #expect(reviewer.source == F.henan("第十五条"))
        let handler = try #require(p.line(for: "h"))
        #expect(handler.share == .none && handler.rule == nil)
        #expect(handler.reason.contains("被更具体的规则 reviewer_changed 取代"))
        #expect(handler.reason.contains("第十二条"), "the displaced rule is cited with its source")
        #expect(p.displaced.map(\.rule.code) == ["sole_handler"])
        #expect(p.displaced.first?.by == ["reviewer_changed"])
    }

    @Test("henan 第十四条: 主办 primary, 协办 secondary")
    func leadAndAssistingHandlers() throws {
        let facts = LiabilityFacts(persons: [F.person("a", [.leadHandler]), F.person("b", [.assistingHandler])])
        #expect(facts.derivedTriggers().map(\.trigger) == [.multipleHandlers])
        let p = ApportionmentEngine.propose(facts: facts, profile: F.henanProfile)
        #expect(p.line(for: "a")?.share == .primary)
        #expect(p.line(for: "b")?.share == .secondary)
        #expect(p.line(for: "b")?.source?.article == "第十四条")
    }

    @Test("shandong 第九条: concealed facts (rank 1) beats the reviewers' missed error (rank 2)")
    func concealedBeatsMissedError() throws {
        let persons = [F.person("h", [.handler]), F.person("r", [.reviewer]), F.person("a", [.approver])]
        let missed = ApportionmentEngine.propose(facts: LiabilityFacts(persons: persons, established: [.reviewMissedError]),
                                                 profile: F.shandongProfile)
        #expect(["h", "r", "a"].map { missed.line(for: $0)?.share } == [.joint, .joint, .joint])
        #expect(missed.line(for: "r")?.source == F.shandong("第九条"))
        let both = ApportionmentEngine.propose(
            facts: LiabilityFacts(persons: persons, established: [.reviewMissedError, .handlerConcealedFacts]),
            profile: F.shandongProfile)
        #expect(both.line(for: "h")?.share == .full && both.line(for: "h")?.rule?.code == "concealed")
        #expect(both.line(for: "r")?.share == LiabilityShare.none)
        #expect(both.line(for: "a")?.share == LiabilityShare.none)
        #expect(Set(both.displaced.map(\.rule.code)) == ["missed", "sole"])
    }

    @Test("henan 第十七条: collective decision — supporters answer, the overruled correct view bears none")
    func collectiveWithDissentersHenan() throws {
        let facts = LiabilityFacts(persons: [
            F.person("h", [.handler]),
            F.person("chair", [.collectiveChair, .agencyHead], view: .heldCorrect),
            F.person("w", [.collectiveMember], view: .supportedWrong),
            F.person("c", [.collectiveMember], view: .heldCorrect),
            F.person("x", [.collectiveMember], view: .abstained),
        ])
        let p = ApportionmentEngine.propose(facts: facts, profile: F.henanProfile)
        #expect(p.line(for: "w")?.share == .proportionate && p.line(for: "w")?.party == .collectiveSupporters)
        let dissenter = try #require(p.line(for: "c"))
        #expect(dissenter.share == .none && dissenter.party == .collectiveDissenters)
        #expect(dissenter.rule?.code == "collective" && dissenter.source?.article == "第十七条",
                "the dissenter's 不承担 cites the rule")
        #expect(dissenter.reason.contains("坚持正确意见而未被采纳的负责人不承担责任"))
        #expect(p.line(for: "chair")?.party == .collectiveDissenters, "henan names no chair: the chair's own view counts")
        let abstainer = try #require(p.line(for: "x"))
        #expect(abstainer.share == .none && abstainer.rule == nil)
        #expect(abstainer.reason.contains("未列明其角色"))
        #expect(p.line(for: "h")?.share == LiabilityShare.none, "collective_decision (rank 3) displaces sole_handler (rank 4)")
    }

    @Test("shandong 第十条: the chair primary whatever their view; supporters 相应; a dissenter is not named")
    func collectiveShandong() throws {
        let facts = LiabilityFacts(persons: [
            F.person("chair", [.collectiveChair], view: .heldCorrect),
            F.person("w", [.collectiveMember], view: .supportedWrong),
            F.person("c", [.collectiveMember], view: .heldCorrect),
        ])
        let p = ApportionmentEngine.propose(facts: facts, profile: F.shandongProfile)
        #expect(p.line(for: "chair")?.share == .primary && p.line(for: "chair")?.party == .collectiveChair)
        #expect(p.line(for: "w")?.share == .proportionate)
        #expect(p.line(for: "c")?.share == LiabilityShare.none && p.line(for: "c")?.rule == nil)
    }

    @Test("beijing-tongzhou 细则 第十一条(三): members who did not clearly object (abstained) answer 相应")
    func collectiveTongzhouAbstainers() throws {
        let facts = LiabilityFacts(persons: [
            F.person("head", [.collectiveChair, .agencyHead], view: .supportedWrong),
            F.person("x", [.collectiveMember], view: .abstained),
            F.person("c", [.collectiveMember], view: .heldCorrect),
        ])
        let p = ApportionmentEngine.propose(facts: facts, profile: F.tongzhouProfile)
        #expect(p.line(for: "head")?.share == .primary && p.line(for: "head")?.party == .agencyHead)
        #expect(p.line(for: "x")?.share == .proportionate && p.line(for: "x")?.party == .collective)
        #expect(p.line(for: "c")?.share == LiabilityShare.none)
    }

    @Test("beijing-tongzhou 细则 第十一条(二): in a chain the final signer is primary, the others 相应")
    func approvalChain() throws {
        let facts = LiabilityFacts(persons: [
            F.person("h", [.handler]),
            F.person("r2", [.reviewer], step: 2),
            F.person("r1", [.reviewer], step: 1),
            F.person("a", [.approver], step: 3),
        ])
        #expect(facts.chain().map(\.id) == ["r1", "r2", "a"])
        let p = ApportionmentEngine.propose(facts: facts, profile: F.tongzhouProfile)
        #expect(p.line(for: "a")?.share == .primary && p.line(for: "a")?.party == .approver)
        #expect(p.line(for: "r1")?.share == .proportionate && p.line(for: "r2")?.share == .proportionate)
        #expect(p.line(for: "h")?.share == .proportionate && p.line(for: "h")?.rule?.code == "chain")
        #expect(p.displaced.map(\.rule.code) == ["unreviewed"])

        // Without an approver, the last reviewer is the final signer.
        let reviewersOnly = LiabilityFacts(persons: [F.person("h", [.handler]), F.person("r1", [.reviewer], step: 1),
                                                     F.person("r2", [.reviewer], step: 2)])
        let q = ApportionmentEngine.propose(facts: reviewersOnly, profile: F.tongzhouProfile)
        #expect(q.line(for: "r2")?.share == .primary)
        #expect(q.line(for: "r1")?.share == .proportionate)

        // Without steps: reviewers sign before approvers, in record order.
        let unnumbered = LiabilityFacts(persons: [F.person("a", [.approver]), F.person("r", [.reviewer])])
        #expect(unnumbered.chain().map(\.id) == ["r", "a"])
    }

    @Test("guizhou-education 第十一条(一)(三): the approver's 领导责任 adds to the handler's, it does not displace it")
    func leaderApprovedAdds() throws {
        let guizhou = F.profile(id: "guizhou", apportionment: [
            F.rule("handler", .soleHandler, [(.handler, .full)], F.guizhou("第十一条")),
            F.rule("leader", .leaderApproved, [(.approver, .proportionate)], F.guizhou("第十一条")),
        ])
        let facts = LiabilityFacts(persons: [F.person("h", [.handler]), F.person("a", [.approver])])
        let p = ApportionmentEngine.propose(facts: facts, profile: guizhou)
        #expect(p.line(for: "h")?.share == .full && p.line(for: "h")?.rule?.code == "handler")
        #expect(p.line(for: "a")?.share == .proportionate && p.line(for: "a")?.rule?.code == "leader")
        #expect(p.displaced.isEmpty)
    }

    @Test("no applicable rule: everyone bears none, 未规定, a human apportions")
    func noApplicableRule() throws {
        let facts = LiabilityFacts(persons: [F.person("h", [.handler]), F.person("r", [.reviewer])])
        let p = ApportionmentEngine.propose(facts: facts, profile: F.silentProfile)
        #expect(p.unregulated)
        #expect(p.lines.allSatisfy { $0.share == .none && $0.rule == nil && $0.reason.contains("未规定") })
    }

    @Test("hangzhou 第三十八条: an established superior order with no superior on record is reported as unmatched")
    func superiorOrderUnmatched() throws {
        let facts = LiabilityFacts(persons: [F.person("h", [.handler])], established: [.superiorOrder])
        let p = ApportionmentEngine.propose(facts: facts, profile: F.hangzhouProfile)
        #expect(p.line(for: "h")?.share == LiabilityShare.none)
        #expect(p.unmatched.map(\.party) == [.superior])
        #expect(p.unmatched.first?.rule.source == F.hangzhou("第三十八条"))

        let recorded = LiabilityFacts(persons: [F.person("h", [.handler]), F.person("s", [.superior], action: .ordered)])
        let q = ApportionmentEngine.propose(facts: recorded, profile: F.hangzhouProfile)
        #expect(q.line(for: "s")?.share == .full)
        #expect(q.unmatched.isEmpty)
    }

    @Test("scopes are independent: henan 第十一条 delegation and 第十八条 不作为 add to the chain's rule")
    func independentScopes() throws {
        let facts = LiabilityFacts(persons: [
            F.person("h", [.handler, .directActor]), F.person("body", [.delegatingAgency]),
            F.person("dep", [.deputyHead]), F.person("head", [.agencyHead]),
        ], established: [.nonfeasance])
        let p = ApportionmentEngine.propose(facts: facts, profile: F.henanProfile)
        #expect(p.line(for: "body")?.share == .full && p.line(for: "body")?.rule?.code == "delegated")
        let handler = try #require(p.line(for: "h"))
        #expect(handler.share == .full && handler.rule?.code == "sole_handler", "the heaviest governing share gives the line")
        #expect(handler.alsoCited.map(\.code) == ["nonfeasance"])
        #expect(p.line(for: "dep")?.share == .proportionate && p.line(for: "head")?.share == .proportionate)
    }

    @Test("the record derives its own situations")
    func derivedTriggers() {
        let unreviewed = LiabilityFacts(persons: [F.person("h", [.handler])], reviewDue: true)
        #expect(unreviewed.triggers == [.soleHandler, .actedWithoutReview])
        let reviewed = LiabilityFacts(persons: [F.person("h", [.handler]), F.person("r", [.legalReviewer]),
                                                F.person("a", [.approver])], reviewDue: true)
        #expect(reviewed.triggers == [.soleHandler, .reviewedAndWrong, .leaderApproved, .approvalChain])
        let bodies = LiabilityFacts(persons: [F.person("a1", [.agency]), F.person("a2", [.agency]),
                                              F.person("s", [.superior], action: .upheld)])
        #expect(bodies.triggers == [.severalAgencies, .superiorUpheld])
        #expect(LiabilityFacts(persons: [F.person("a1", [.agency]), F.person("d", [.delegate])]).triggers == [.delegated, .agencyAlone])
        let reasons = unreviewed.derivedTriggers().map(\.reason)
        #expect(reasons.contains("应当经过审核、批准，案卷无审核人、批准人记录"))
    }

    @Test("a profile decoded from JSON: `when` drives the engine")
    func decodedProfile() throws {
        let src = #"{"seed": "009_test.txt", "part": "篇1", "document": "某政发〔2020〕1号", "article": "第十二条"}"#
        let child = ProfileFixtures.child(extra: """
        "apportionment": [{"code": "sole", "name": "独立作出", "situation": "行政执法人员独立作出", "when": "sole_handler",
                           "liable": [{"party": "承办人", "share": "全部"}], "source": \(src)}]
        """)
        let registry = try ProfileFixtures.registry([("national.json", ProfileFixtures.national), ("child.json", child)])
        let profile = try #require(registry.effective(id: "child"))
        let p = ApportionmentEngine.propose(facts: LiabilityFacts(persons: [F.person("h", [.handler])]), profile: profile)
        #expect(p.line(for: "h")?.share == .full)
        #expect(p.line(for: "h")?.source?.article == "第十二条")
        #expect(p.line(for: "h")?.rule?.origin == "child")
    }
}
