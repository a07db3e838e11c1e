import Foundation
import Testing
@testable import QuanzeCore

@Suite("情节与处理 CircumstanceAssessment, SanctionProposer, DefenceGuard")
struct CircumstanceAndSanctionTests {
    typealias F = LiabilityFixtures
    let today = calDay("2026-11-20")

    static func refusal(_ body: () throws -> Void) -> LiabilityRefusal? {
        ApportionmentEngineTests.refusal(body)
    }

    // MARK: circumstances

    @Test("hangzhou 第四十二条: repeat_in_year counts the earlier findings in the 365 days before and this one — threshold 3 exactly hit")
    func repeatInYearExactlyHit() throws {
        // 2025-11-20 is exactly 365 days before 2026-11-20: inside the window. Two earlier + this one = 3.
        let history = CircumstanceHistory(priorFindings: [calDay("2025-11-20"), calDay("2026-11-19")])
        let a = try CircumstanceAssessment.assess(profile: F.hangzhouProfile, chosen: [], history: history, on: today)
        let f = try #require(a.of(.aggravating).first)
        #expect(f.item.code == "repeat" && !f.chosen)
        #expect(f.detected?.contains("共3次") == true && f.detected?.contains("达到3次") == true)
        #expect(f.source == F.hangzhou("第四十二条"))
        #expect(a.outcome == .pursue)
    }

    @Test("repeat_in_year missed: one finding 366 days before, and one on the day itself, do not count")
    func repeatInYearMissed() throws {
        let history = CircumstanceHistory(priorFindings: [calDay("2025-11-19"), calDay("2026-03-01"), calDay("2026-11-20")])
        #expect(history.findings(inYearBefore: today).count == 1)
        let a = try CircumstanceAssessment.assess(profile: F.hangzhouProfile, chosen: [], history: history, on: today)
        #expect(a.findings.isEmpty)
    }

    @Test("beijing-tongzhou 细则 第八条: the same detector with its own count 2")
    func repeatInYearTongzhou() throws {
        let history = CircumstanceHistory(priorFindings: [calDay("2026-06-30")])
        let a = try CircumstanceAssessment.assess(profile: F.tongzhouProfile, chosen: [], history: history, on: today)
        #expect(a.of(.aggravating).map(\.item.code) == ["twice"])
        let first = try CircumstanceAssessment.assess(profile: F.tongzhouProfile, chosen: [],
                                                      history: CircumstanceHistory(priorFindings: [calDay("2025-06-30")]), on: today)
        #expect(first.findings.isEmpty)
    }

    @Test("chosen and detected combine; a chosen code outside the catalogs is refused")
    func chosenAndDetected() throws {
        let history = CircumstanceHistory(selfCorrected: true)
        let a = try CircumstanceAssessment.assess(profile: F.hangzhouProfile, chosen: ["obstruction", "self_found"],
                                                  history: history, on: today)
        #expect(a.of(.aggravating).map(\.item.code) == ["obstruction"])
        let lenient = try #require(a.of(.lenient).first)
        #expect(lenient.chosen && lenient.detected != nil, "chosen and detected: one finding, both marks")
        #expect(Self.refusal { _ = try CircumstanceAssessment.assess(profile: F.hangzhouProfile, chosen: ["nope"],
                                                                      history: history, on: today) }?.code
                == "CIRCUMSTANCE_NOT_IN_PROFILE")
    }

    @Test("henan 第十九条: an exempt circumstance (detected or chosen) → 不予追究 with its source")
    func exempt() throws {
        let detected = try CircumstanceAssessment.assess(profile: F.henanProfile, chosen: [],
                                                         history: CircumstanceHistory(selfCorrected: true), on: today)
        guard case .notPursued(let why) = detected.outcome else { Issue.record("pursued"); return }
        #expect(why.code == "minor_corrected" && why.source == F.henan("第十九条"))
        let chosen = try CircumstanceAssessment.assess(profile: F.henanProfile, chosen: ["force_majeure"],
                                                       history: CircumstanceHistory(), on: today)
        #expect(chosen.isExempt)
        let none = try CircumstanceAssessment.assess(profile: F.henanProfile, chosen: [], history: CircumstanceHistory(), on: today)
        #expect(!none.isExempt && none.findings.isEmpty)
    }

    @Test("samr 第十六条: a prior 政务处分 with the provision liability_no_second_sanction → 不予追究")
    func noSecondSanction() throws {
        let samr = F.profile(id: "samr", provisions: [F.provision(LiabilityCodes.noSecondSanction,
            SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇七", document: "市场监督管理行政执法责任制规定", article: "第十六条"))])
        let a = try CircumstanceAssessment.assess(profile: samr, chosen: [],
                                                  history: CircumstanceHistory(priorGovernmentSanction: true), on: today)
        guard case .notPursued(let why) = a.outcome else { Issue.record("pursued"); return }
        #expect(why.source.article == "第十六条")
        let without = try CircumstanceAssessment.assess(profile: F.henanProfile, chosen: [],
                                                        history: CircumstanceHistory(priorGovernmentSanction: true), on: today)
        #expect(!without.isExempt, "a profile without the provision or a detector does not exempt")
    }

    // MARK: sanction proposal

    @Test("hangzhou 第四十条: gravity level 3 → 暂扣证件、停止执法; 从重 shown beside it")
    func gravityProposal() throws {
        let history = CircumstanceHistory(priorFindings: [calDay("2026-01-01"), calDay("2026-02-01"), calDay("2026-03-01")])
        let c = try CircumstanceAssessment.assess(profile: F.hangzhouProfile, chosen: [], history: history, on: today)
        let p = try SanctionProposer.propose(profile: F.hangzhouProfile, target: .person, gravityLevel: 3, circumstances: c)
        #expect(p.allowed.map(\.item.code) == ["suspend_certificate", "stop_enforcement"])
        #expect(p.allowed.map(\.rank) == [5, 6])
        guard case .gravity(let rule, let level) = p.basis else { Issue.record("basis \(p.basis)"); return }
        #expect(level == 3 && rule.source == F.hangzhou("第四十条"))
        #expect(p.directions.map(\.way) == [.heavier])
        #expect(p.directions.first?.circumstance.source == F.hangzhou("第四十二条"))
        #expect(p.summary.contains("从重") && p.summary.contains("第四十条"))
        #expect(p.permits(["suspend_certificate"]) && !p.permits(["transfer"]))
    }

    @Test("gravity mapping: a level is required and must be one of the profile's")
    func gravityLevelRequired() {
        #expect(Self.refusal { _ = try SanctionProposer.propose(profile: F.hangzhouProfile, target: .person, gravityLevel: nil) }?.code
                == "GRAVITY_LEVEL_REQUIRED")
        #expect(Self.refusal { _ = try SanctionProposer.propose(profile: F.hangzhouProfile, target: .person, gravityLevel: 9) }?.code
                == "GRAVITY_LEVEL_UNKNOWN")
    }

    @Test("guizhou-education 第七、十三条: no gravity mapping — the fault situation's own sanctions, else 未规定")
    func faultSituationProposal() throws {
        let p = try SanctionProposer.propose(profile: F.guizhouProfile, target: .person, gravityLevel: nil, faultSituation: "no_basis")
        #expect(p.allowed.map(\.item.code) == ["circulate", "suspend_enforcement"])
        guard case .faultSituation(let s) = p.basis else { Issue.record("basis"); return }
        #expect(s.source == F.guizhou("第七条"))
        let other = try SanctionProposer.propose(profile: F.guizhouProfile, target: .person, gravityLevel: nil, faultSituation: "other")
        #expect(other.basis == .unregulated && other.allowed.isEmpty && other.summary.contains("未规定"))
        #expect(other.catalog.map(\.item.code) == ["self_check", "circulate", "suspend_enforcement", "transfer"])
        #expect(other.permits(["transfer"]) && !other.permits(["nope"]))
        #expect(Self.refusal { _ = try SanctionProposer.propose(profile: F.guizhouProfile, target: .person, gravityLevel: nil,
                                                               faultSituation: "nope") }?.code == "FAULT_SITUATION_UNKNOWN")
    }

    @Test("an exempt circumstance makes the proposal 不予追究")
    func exemptProposal() throws {
        let c = try CircumstanceAssessment.assess(profile: F.hangzhouProfile, chosen: ["party_fraud"], history: CircumstanceHistory(), on: today)
        let p = try SanctionProposer.propose(profile: F.hangzhouProfile, target: .person, gravityLevel: 4, circumstances: c)
        guard case .notPursued(let why) = p.basis else { Issue.record("basis"); return }
        #expect(why.source == F.hangzhou("第四十三条"))
        #expect(p.allowed.isEmpty && p.summary.hasPrefix("不予追究"))
        #expect(p.permits([]) && !p.permits(["admonish"]))
    }

    // MARK: defence guard

    @Test("henan 第二十四条: not heavier after the defence — same or lighter passes")
    func defenceAllowsSameOrLighter() throws {
        try DefenceGuard.check(before: ["circulate"], after: ["circulate"], profile: F.henanProfile)
        try DefenceGuard.check(before: ["circulate"], after: ["criticism"], profile: F.henanProfile)
        try DefenceGuard.check(before: ["off_duty_training", "circulate"], after: ["circulate"], profile: F.henanProfile)
        try DefenceGuard.check(before: ["circulate"], after: [], profile: F.henanProfile)
        // Replaced by two lighter ones: the heaviest is lighter, so not heavier.
        try DefenceGuard.check(before: ["off_duty_training"], after: ["criticism", "circulate"], profile: F.henanProfile)
    }

    @Test("henan 第二十四条: heavier after the defence is refused — a heavier sanction or an added one")
    func defenceRefusesHeavier() throws {
        let heavier = try #require(Self.refusal { try DefenceGuard.check(before: ["circulate"], after: ["off_duty_training"], profile: F.henanProfile) })
        #expect(heavier.code == "HEAVIER_AFTER_DEFENCE")
        #expect(heavier.source == F.henan("第二十四条"))
        #expect(heavier.message.contains("不得因申辩而加重") && heavier.message.contains("离岗培训"))
        // Adds a lighter sanction to the same one: still heavier.
        #expect(Self.refusal { try DefenceGuard.check(before: ["circulate"], after: ["criticism", "circulate"], profile: F.henanProfile) }?.code
                == "HEAVIER_AFTER_DEFENCE")
        #expect(Self.refusal { try DefenceGuard.check(before: [], after: ["criticism"], profile: F.henanProfile) }?.code
                == "HEAVIER_AFTER_DEFENCE")
        #expect(try DefenceGuard.isHeavier(["transfer"], than: ["revoke_qualification"], profile: F.henanProfile))
        #expect(DefenceGuard.severity(of: "criticism", profile: F.henanProfile) == 1)
    }

    @Test("without the provision the guard allows a heavier proposal; unknown codes are refused")
    func defenceWithoutProvision() throws {
        try DefenceGuard.check(before: ["admonish"], after: ["transfer"], profile: F.hangzhouProfile)
        #expect(Self.refusal { try DefenceGuard.check(before: ["nope"], after: [], profile: F.henanProfile) }?.code
                == "SANCTION_NOT_IN_PROFILE")
    }
}
