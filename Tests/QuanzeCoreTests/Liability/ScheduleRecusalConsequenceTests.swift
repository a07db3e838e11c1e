import Foundation
import Testing
@testable import QuanzeCore

@Suite("期限、回避、处理后果 LiabilitySchedule, RecusalCheck, ConsequencesPlan")
struct ScheduleRecusalConsequenceTests {
    typealias F = LiabilityFixtures

    static func refusal(_ body: () throws -> Void) -> LiabilityRefusal? {
        ApportionmentEngineTests.refusal(body)
    }

    func schedule(_ profile: EffectiveProfile) -> LiabilitySchedule {
        LiabilitySchedule(profile: profile, calendar: officialWorkCalendar)
    }

    // MARK: schedule

    @Test("henan 第二十一条: 立案 within 15 日 — the last day 2025-10-05 falls in 国庆 and moves to 2025-10-09")
    func henanIntake() throws {
        let due = try #require(try schedule(F.henanProfile).intakeDue(discoveredOn: calDay("2025-09-20")))
        #expect(due.date == calDay("2025-10-09"))
        #expect(due.source == F.henan("第二十一条") && due.code == LiabilityCodes.intake)
        #expect(due.countingRule == SourceRef(document: "民事诉讼法", article: "第八十五条"))
        #expect(due.explanation.contains("顺延"))
        #expect(due.origin == "henan" && !due.provisional)
    }

    @Test("henan 第二十三条: 30 日 from 立案, extension at most 20 日")
    func henanDecisionExtensionCap() throws {
        let s = schedule(F.henanProfile)
        #expect(try s.decisionDue(filedOn: calDay("2026-03-02"))?.date == calDay("2026-04-01"))
        let extended = try #require(try s.decisionDue(filedOn: calDay("2026-03-02"), extension: 20))
        #expect(extended.date == calDay("2026-04-21") && extended.extended == 20)
        #expect(extended.period == "30日（可延长20日）")
        let over = try #require(Self.refusal { _ = try s.decisionDue(filedOn: calDay("2026-03-02"), extension: 21) })
        #expect(over.code == "EXTENSION_EXCEEDS_CAP" && over.source == F.henan("第二十三条"))
        #expect(over.message.contains("不得超过20日"))
        #expect(Self.refusal { _ = try s.decisionDue(filedOn: calDay("2026-03-02"), extension: -1) }?.code == "VALIDATION_FAILED")
    }

    @Test("henan 第二十五条: 申诉 within 10 日 of receipt; decided in 20 日 + at most 10")
    func henanAppeal() throws {
        let s = schedule(F.henanProfile)
        let window = try #require(try s.appealWindowEnd(receivedOn: calDay("2026-03-02")))
        #expect(window.date == calDay("2026-03-12") && window.source == F.henan("第二十五条"))
        #expect(try s.appealInTime(receivedOn: calDay("2026-03-02"), lodgedOn: calDay("2026-03-12")) == true)
        #expect(try s.appealInTime(receivedOn: calDay("2026-03-02"), lodgedOn: calDay("2026-03-13")) == false)
        #expect(try s.appealDecisionDue(appealedOn: calDay("2026-03-02"))?.date == calDay("2026-03-23"))  // 03-22 is a Sunday
        #expect(try s.appealDecisionDue(appealedOn: calDay("2026-03-02"), extension: 10)?.date == calDay("2026-04-01"))
        #expect(Self.refusal { _ = try s.appealDecisionDue(appealedOn: calDay("2026-03-02"), extension: 11) }?.code
                == "EXTENSION_EXCEEDS_CAP")
    }

    @Test("hangzhou 第四十六、四十八、四十九条: 工作日 across 国庆 2025 (10-01…10-08 off, Saturday 10-11 worked)")
    func hangzhouWorkingDays() throws {
        let s = schedule(F.hangzhouProfile)
        let intake = try #require(try s.intakeDue(discoveredOn: calDay("2025-09-30")))
        // 10-09, 10-10, 10-11 (调休), 10-13, 10-14, 10-15, 10-16.
        #expect(intake.date == calDay("2025-10-16"))
        #expect(intake.countingRule == SourceRef(document: "行政处罚法", article: "第八十五条"))
        #expect(intake.source == F.hangzhou("第四十六条"))
        let decision = try #require(try s.decisionDue(filedOn: calDay("2025-09-30"), extension: 15))
        #expect(decision.date == (try officialWorkCalendar.addWorkingDays(45, to: calDay("2025-09-30"))).date)
        #expect(Self.refusal { _ = try s.decisionDue(filedOn: calDay("2025-09-30"), extension: 16) }?.code == "EXTENSION_EXCEEDS_CAP")
        let filing = try #require(try s.filingDue(decidedOn: calDay("2025-09-30")))
        #expect(filing.date == (try officialWorkCalendar.addWorkingDays(15, to: calDay("2025-09-30"))).date)
    }

    @Test("shandong 第十九条: collective decision within 15 日; 第二十五条 appeal decision has no extension")
    func shandong() throws {
        let s = schedule(F.shandongProfile)
        #expect(try s.collectiveDecisionDue(concludedOn: calDay("2026-03-02"))?.date == calDay("2026-03-17"))
        let refused = try #require(Self.refusal { _ = try s.appealDecisionDue(appealedOn: calDay("2026-03-02"), extension: 5) })
        #expect(refused.code == "EXTENSION_NOT_ALLOWED" && refused.source == F.shandong("第二十五条"))
    }

    @Test("a rule the profile does not have → nil (未规定), never a default")
    func missingRules() throws {
        let s = schedule(F.silentProfile)
        #expect(try s.intakeDue(discoveredOn: calDay("2026-03-02")) == nil)
        #expect(try s.decisionDue(filedOn: calDay("2026-03-02"), extension: 5) == nil)
        #expect(try s.appealInTime(receivedOn: calDay("2026-03-02"), lodgedOn: calDay("2027-03-02")) == nil)
        #expect(try schedule(F.henanProfile).filingDue(decidedOn: calDay("2026-03-02")) == nil)
    }

    @Test("a period in months counts by day number")
    func months() throws {
        let p = F.profile(id: "m", deadlines: [F.deadline(LiabilityCodes.decision, 2, .months, F.guizhou("第十五条"))])
        let due = try #require(try schedule(p).decisionDue(filedOn: calDay("2026-01-31")))
        #expect(due.date == calDay("2026-03-31") && due.countingRule == nil)
    }

    // MARK: recusal

    let facts = LiabilityFacts(persons: [
        F.person("h", [.handler], unit: "执法一队"), F.person("r", [.reviewer], unit: "法制科"),
    ])

    @Test("henan 第二十二条: two investigators from other units pass")
    func recusalPasses() throws {
        let report = RecusalCheck.check(investigators: [Investigator(id: "i1", name: "甲", unit: "监督科"),
                                                        Investigator(id: "i2", name: "乙", unit: "纪检组")],
                                        facts: facts, profile: F.henanProfile)
        #expect(report.passes && report.minimum == 2 && report.minimumSource == F.henan("第二十二条"))
        try report.enforce()
    }

    @Test("recusal: declared, same unit as a person concerned, or a reviewer of the case itself")
    func recusalDetected() throws {
        let report = RecusalCheck.check(investigators: [
            Investigator(id: "i1", name: "甲", unit: "监督科", declaredConflict: "与承办人系近亲属"),
            Investigator(id: "i2", name: "乙", unit: "执法一队"),
            Investigator(id: "r", name: "丙", unit: nil),
            Investigator(id: "i4", name: "丁", unit: "纪检组"),
        ], facts: facts, profile: F.henanProfile)
        #expect(report.mustRecuse == ["i1", "i2", "r"])
        #expect(report.eligible == ["i4"])
        #expect(report.findings.map(\.ground) == [.declared("与承办人系近亲属"), .sameUnit(personID: "h", unit: "执法一队"),
                                                  .roleInCase([.reviewer])])
        let refused = try #require(Self.refusal { try report.enforce() })
        #expect(refused.code == "INVESTIGATOR_MUST_RECUSE" && refused.source == F.henan("第二十二条"))
        #expect(!report.enoughInvestigators)
    }

    @Test("too few investigators → TOO_FEW_INVESTIGATORS; a silent profile enforces no minimum")
    func investigatorsMinimum() throws {
        let one = [Investigator(id: "i1", name: "甲", unit: "监督科")]
        let report = RecusalCheck.check(investigators: one, facts: facts, profile: F.henanProfile)
        let refused = try #require(Self.refusal { try report.enforce() })
        #expect(refused.code == "TOO_FEW_INVESTIGATORS" && refused.message.contains("不得少于2人"))
        let silent = RecusalCheck.check(investigators: one, facts: facts, profile: F.silentProfile)
        #expect(silent.minimum == nil && silent.passes)
        try silent.enforce()
    }

    // MARK: consequences

    @Test("effects apply only when final; hangzhou has no 'appeal does not suspend'")
    func consequencesWaitForFinal() throws {
        let pending = try ConsequencesPlan.plan(sanctions: ["circulate", "suspend_certificate"], status: .underAppeal,
                                                profile: F.hangzhouProfile)
        #expect(pending.items.map(\.applicableNow) == [false, false])
        #expect(pending.effectsNow.isEmpty)
        let final = try ConsequencesPlan.plan(sanctions: ["suspend_certificate", "circulate"], status: .final, profile: F.hangzhouProfile)
        #expect(final.items.map(\.sanction.code) == ["circulate", "suspend_certificate"], "catalog order, lightest first")
        #expect(final.items.map(\.effect) == [nil, .suspendCertificate])
        #expect(final.effectsNow == [.suspendCertificate])
        #expect(final.items[0].reason.contains("仅作记录"))
        let decided = try ConsequencesPlan.plan(sanctions: ["transfer"], status: .decided, profile: F.hangzhouProfile)
        #expect(decided.effectsNow.isEmpty)
    }

    @Test("shandong 第二十五条: the appeal does not suspend execution — effects apply under appeal")
    func consequencesUnderAppealShandong() throws {
        let plan = try ConsequencesPlan.plan(sanctions: ["revoke_certificate", "transfer"], status: .underAppeal,
                                             profile: F.shandongProfile)
        #expect(plan.effectsNow == [.revokeCertificate, .transferOffPost])
        #expect(plan.items.allSatisfy { $0.provision?.source == F.shandong("第二十五条") })
        #expect(Self.refusal { _ = try ConsequencesPlan.plan(sanctions: ["nope"], status: .final, profile: F.shandongProfile) }?.code
                == "SANCTION_NOT_IN_PROFILE")
    }
}
