import Testing
@testable import QuanzeCore

/// heilongjiang: 黑龙江省行政执法责任制规定 (2020修订, 004_* 篇二), inheriting national.
@Suite("heilongjiang profile")
struct HeilongjiangProfileTests {
    static let registry = Result { try ProfileRegistry.bundled() }

    func profile() throws -> EffectiveProfile {
        try #require(try Self.registry.get().effective(id: "heilongjiang"))
    }

    @Test func inheritsNationalAndValidates() throws {
        let hlj = try profile()
        #expect(hlj.lineage == ["heilongjiang", "national"])
        let own = try #require(try Self.registry.get().profile(id: "heilongjiang"))
        for (_, entry) in own.allEntries {
            #expect(entry.source.seed == "004_cacaddb37daf54c4.txt" && entry.source.part == "篇二", "\(entry.code)")
            #expect(entry.quote != nil, "\(entry.code) has no quote")
        }
    }

    struct DeadlineCase: Sendable, CustomTestStringConvertible {
        let code: String
        let bound: DeadlineBound
        let from: String
        let due: String
        var testDescription: String { "第三十九条 \(code)" }
    }

    static let deadlines: [DeadlineCase] = [
        // 第三十九条: appeal within 30 days of receipt; 2026-12-20 is a Sunday → Monday 12-21.
        DeadlineCase(code: LiabilityCodes.appealWindow, bound: .fixed, from: "2026-11-20", due: "2026-12-21"),
        // 第三十九条: decided within 30 days.
        DeadlineCase(code: LiabilityCodes.appealDecision, bound: .atMost, from: "2026-01-05", due: "2026-02-04"),
    ]

    @Test(arguments: deadlines) func appealDeadline(_ c: DeadlineCase) throws {
        let rule = try #require(try profile().deadline(c.code)).entry
        #expect(rule.value == 30 && rule.unit == .calendarDays && rule.extension == nil && rule.bound == c.bound)
        #expect(rule.source.article == "第三十九条")
        let due = try officialWorkCalendar.deadline(value: rule.value, unit: .calendarDays, from: calDay(c.from))
        #expect(due.date == calDay(c.due))
    }

    /// 第三十七条: fourteen body situations; 第三十八条: six officer situations, each with the article's sanctions.
    @Test func faultSituations() throws {
        let hlj = try profile()
        let own = hlj.catalogs.faultSituations.filter { $0.origin == "heilongjiang" }.map(\.entry)
        let bodies = own.filter { $0.target == .agency }
        let officers = own.filter { $0.target == .person }
        #expect(bodies.count == 14 && bodies.allSatisfy { $0.source.article == "第三十七条" })
        #expect(officers.count == 6 && officers.allSatisfy { $0.source.article == "第三十八条" })
        #expect(bodies.allSatisfy { $0.sanctions == ["rectify_within_deadline", "circulate_criticism", "revoke_merit_eligibility", "head_interview", "head_circulated_criticism"] })
        #expect(officers.allSatisfy { $0.sanctions == ["person_circulated_criticism", "person_no_merit_this_year", "suspend_certificate",
                                                       "off_duty_training", "transfer_off_post", "revoke_enforcement_qualification"] })
        #expect(bodies.contains { $0.name == "行政执法检查未实行“双随机一公开”" })
        #expect(officers.contains { $0.name == "隐瞒伪造证据" })
    }

    @Test func sanctionEffects() throws {
        let hlj = try profile()
        let agency = hlj.catalogs.agencySanctions.map(\.entry)
        #expect(agency.map(\.code) == ["rectify_within_deadline", "circulate_criticism", "revoke_merit_eligibility", "head_interview", "head_circulated_criticism"])
        #expect(agency.map(\.effect) == [.agencyRectification, .agencyCirculation, .noMeritThisYear, .agencyHeadInterview, nil])
        let expected: [String: SanctionEffect?] = [
            "person_circulated_criticism": nil, "person_no_merit_this_year": .noMeritThisYear,
            "suspend_certificate": .suspendCertificate, "off_duty_training": .offDutyTraining,
            "transfer_off_post": .transferOffPost, "revoke_enforcement_qualification": .revokeQualification,
        ]
        for (code, effect) in expected {
            let sanction = try #require(hlj.sanction(code), "\(code)")
            #expect(sanction.entry.effect == effect, "\(code)")
            #expect(sanction.origin == "heilongjiang")
        }
        #expect(hlj.sanction("judicial_referral")?.entry.source.article == "第四十条")
    }

    /// 第三十三条: eight content items; 第三十四条 methods.
    @Test func assessment() throws {
        let hlj = try profile()
        let content = hlj.assessment.content.filter { $0.origin == "heilongjiang" }.map(\.entry)
        #expect(content.count == 8 && content.allSatisfy { $0.source.article == "第三十三条" })
        #expect(content.contains { $0.code == "reversed_in_review_or_litigation" && $0.name.contains("被认定违法和变更、撤销") })
        #expect(hlj.assessment.methods.first { $0.entry.code == "organizational_assessment" }?.overrides == "national")
    }

    @Test func provisions() throws {
        let hlj = try profile()
        #expect(hlj.provision(LiabilityCodes.appealBody)?.entry.text == "责任追究机关的本级人民政府或者上一级主管机关。")
        #expect(hlj.provision("liability_appeal_copy_to_original")?.entry.source.article == "第三十九条")
        #expect(hlj.provision(LiabilityCodes.appealDoesNotSuspend) == nil, "the regulation does not say an appeal leaves execution running")
        let decision = try #require(hlj.provision("decision_contents")).entry
        for item in ["当事人基本情况", "事实和证据", "适用依据", "决定内容", "履行方式和期限", "途径和期限", "行政机关名称和决定日期", "印章"] {
            #expect(decision.text.contains(item), "\(item)")
        }
        #expect(hlj.provision("legal_review_before_decision")?.entry.text.contains("未经法制审核或者审核未通过的，不得作出决定") == true)
        #expect(hlj.provision("auxiliary_staff")?.entry.source.article == "第十九条")
    }
}
