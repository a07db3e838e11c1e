import Testing
@testable import QuanzeCore

/// hangzhou inherits national and sets the 执法依据 adjustment period (杭州市行政执法责任制规定 第八条, 004_* 篇六)
/// and the whole 责任追究 chapter (第三十三至五十一条) and the assessment content (第二十九、三十条).
@Suite("hangzhou profile")
struct HangzhouProfileTests {
    func hangzhou() throws -> EffectiveProfile {
        try #require(try ProfileRegistry.bundled().effective(id: "hangzhou"))
    }

    @Test func adjustmentPeriodIsThirtyWorkingDays() throws {
        let hangzhou = try hangzhou()
        #expect(hangzhou.lineage == ["hangzhou", "national"])
        let rule = try #require(hangzhou.deadline("power_list_adjustment"))
        #expect(rule.origin == "hangzhou" && !rule.inherited)
        #expect(rule.entry.value == 30 && rule.entry.unit == .workingDays)
        #expect(rule.entry.source.article == "第八条")
        #expect(rule.entry.source.seed == "004_cacaddb37daf54c4.txt" && rule.entry.source.part == "篇六")
        #expect(hangzhou.deadline("penalty_decision")?.inherited == true)
    }

    struct DeadlineCase: Sendable, CustomTestStringConvertible {
        let article: String
        let code: String
        let start: String
        let due: String
        /// Due day when the full extension is granted; nil when the rule has none.
        let extended: String?
        var testDescription: String { "\(article) \(code) from \(start)" }
    }

    /// Counted on the official calendar: 2026 国庆 10-01…10-07 off (with 中秋 on 09-25…27 per the
    /// calendar data) and Saturday 10-10 worked; the start day is not counted.
    static let deadlines: [DeadlineCase] = [
        // 第四十六条: 7 工作日 to decide whether there is a factual basis and file it.
        DeadlineCase(article: "第四十六条", code: LiabilityCodes.intake, start: "2026-09-24", due: "2026-10-12", extended: nil),
        DeadlineCase(article: "第四十六条", code: LiabilityCodes.intake, start: "2026-04-03", due: "2026-04-15", extended: nil),
        // 第四十八条: 30 工作日 from 立案, extendable by 15 工作日 with approval.
        DeadlineCase(article: "第四十八条", code: LiabilityCodes.decision, start: "2026-09-25", due: "2026-11-12", extended: "2026-12-03"),
        // 第四十九条: filed with 法制、监察 within 15 工作日 of the decision.
        DeadlineCase(article: "第四十九条", code: LiabilityCodes.filing, start: "2026-09-28", due: "2026-10-23", extended: nil),
    ]

    @Test(arguments: deadlines)
    func liabilityDeadlinesOnTheCalendar(_ c: DeadlineCase) throws {
        let rule = try #require(try hangzhou().deadline(c.code))
        #expect(rule.origin == "hangzhou")
        #expect(rule.entry.source.article == c.article)
        #expect(rule.entry.unit == .workingDays)
        let unit = try #require(rule.entry.unit.deadlineUnit)
        let start = calDay(c.start)
        #expect(try officialWorkCalendar.deadline(value: rule.entry.value, unit: unit, from: start).date == calDay(c.due))
        if let extended = c.extended {
            let ext = try #require(rule.entry.extension)
            #expect(ext.unit == .workingDays && ext.value == 15)
            #expect(try officialWorkCalendar.deadline(value: rule.entry.value + ext.value, unit: unit, from: start).date == calDay(extended))
        } else {
            #expect(rule.entry.extension == nil)
        }
    }

    @Test("第四十七条: at least two investigators, recusal, the person heard; 第四十八、五十一条 provisions")
    func procedureProvisions() throws {
        let hangzhou = try hangzhou()
        let investigators = try #require(hangzhou.quantity(LiabilityCodes.investigatorsMinimum))
        #expect(investigators.entry.value == 2 && investigators.entry.bound == .atLeast)
        #expect(investigators.entry.source.article == "第四十七条")
        let expected: [(code: String, article: String)] = [
            ("liability_recusal", "第四十七条"),
            (LiabilityCodes.hearingBeforeSanction, "第四十七条"),
            (LiabilityCodes.complainantInformed, "第四十八条"),
            ("liability_decision_contents", "第四十八条"),
            (LiabilityCodes.refusalEscalates, "第五十一条"),
            ("liability_procedure_steps", "第四十五条"),
            ("pursuing_authority", "第三十六条"),
        ]
        for (code, article) in expected {
            let p = try #require(hangzhou.provision(code), "\(code)")
            #expect(p.origin == "hangzhou" && p.entry.source.article == article, "\(code)")
        }
        // hangzhou's 第四十七条 replaces the national hearing rule in place.
        #expect(hangzhou.provision(LiabilityCodes.hearingBeforeSanction)?.overrides == "national")
        // 第五十条 names no appeal body, so the standard code is not set.
        #expect(hangzhou.provision(LiabilityCodes.appealBody) == nil)
        #expect(hangzhou.deadline(LiabilityCodes.appealWindow) == nil)
    }

    struct ApportionmentCase: Sendable, CustomTestStringConvertible {
        let clause: String
        let when: ApportionmentTrigger
        let liable: [LiableShare]
        var testDescription: String { "第三十八条\(clause) \(when.rawValue)" }
    }

    static let apportionment: [ApportionmentCase] = [
        ApportionmentCase(clause: "(一)", when: .soleHandler, liable: [.init(party: .handler, share: .full)]),
        ApportionmentCase(clause: "(三)", when: .collectiveDecision, liable: [.init(party: .collective, share: .full)]),
        ApportionmentCase(clause: "(四)", when: .superiorChanged, liable: [.init(party: .superior, share: .full)]),
        ApportionmentCase(clause: "(五)", when: .superiorOrder, liable: [.init(party: .superior, share: .full)]),
        ApportionmentCase(clause: "(六)", when: .delegated, liable: [.init(party: .delegatingAgencyHead, share: .proportionate)]),
        ApportionmentCase(clause: "(七)", when: .jointEnforcement,
                          liable: [.init(party: .agency, share: .proportionate), .init(party: .agencyHead, share: .proportionate)]),
    ]

    @Test(arguments: apportionment)
    func apportionmentRules(_ c: ApportionmentCase) throws {
        let rules = try hangzhou().apportionment.filter { $0.entry.when == c.when }
        #expect(rules.count == 1)
        let rule = try #require(rules.first)
        #expect(rule.origin == "hangzhou" && rule.entry.source.article == "第三十八条")
        #expect(rule.entry.liable == c.liable)
        #expect(rule.entry.quote?.hasPrefix(c.clause) == true)
    }

    @Test("第三十八条(二): the seed omits the reviewed-act rules; kept as a provision, not as an engine rule")
    func reviewedActsNotEncoded() throws {
        let hangzhou = try hangzhou()
        #expect(hangzhou.provision("apportionment_reviewed_acts")?.entry.source.article == "第三十八条(二)")
        #expect(!hangzhou.apportionment.contains { $0.entry.when == .approvalChain || $0.entry.when == .reviewMissedError })
    }

    @Test("第四十条: four gravity levels map to 第三十九条 sanctions, lightest first")
    func gravityMapping() throws {
        let hangzhou = try hangzhou()
        let gravity = hangzhou.gravity.map(\.entry)
        #expect(gravity.map(\.level) == [1, 2, 3, 4])
        #expect(gravity.allSatisfy { $0.source.article == "第四十条" })
        #expect(gravity.map(\.sanctions) == [
            ["admonition_education", "written_warning", "written_self_examination"],
            ["officer_circulate_criticism"],
            ["suspend_certificate", "stop_enforcement"],
            ["revoke_certificate", "officer_transfer_off_post"],
        ])
        let effects = gravity.map { level in level.sanctions.compactMap { hangzhou.sanction($0)?.entry.effect } }
        #expect(effects == [[], [], [.suspendCertificate, .stopEnforcement], [.revokeCertificate, .transferOffPost]])
        // The catalog order is the severity order: every sanction of a heavier level comes later.
        let order = hangzhou.catalogs.personSanctions.map(\.entry.code)
        let ranks = gravity.map { level in level.sanctions.compactMap { order.firstIndex(of: $0) } }
        #expect(ranks.map(\.count) == gravity.map(\.sanctions.count))
        for (lighter, heavier) in zip(ranks, ranks.dropFirst()) {
            #expect((lighter.max() ?? -1) < (heavier.min() ?? .max))
        }
    }

    @Test("第三十九条: six ways (the seventh: 其他), with their effects")
    func sanctionCatalog() throws {
        let hangzhou = try hangzhou()
        let own = hangzhou.catalogs.personSanctions.filter { $0.origin == "hangzhou" }.map(\.entry)
        #expect(own.map(\.code) == ["admonition_education", "written_warning", "written_self_examination", "officer_circulate_criticism",
                                    "officer_no_annual_merit", "suspend_certificate", "stop_enforcement", "revoke_certificate",
                                    "officer_transfer_off_post", "officer_revoke_qualification"])
        #expect(own.allSatisfy { $0.source.article == "第三十九条" })
        #expect(own.map(\.effect) == [nil, nil, nil, nil, .noMeritThisYear, .suspendCertificate, .stopEnforcement,
                                      .revokeCertificate, .transferOffPost, .revokeQualification])
        // national's catalog still applies (行政处分, 移送司法机关 …)
        #expect(hangzhou.sanction("administrative_sanction")?.origin == "national")
        #expect(hangzhou.sanction("order_correction")?.entry.effect == .agencyRectification)
        #expect(hangzhou.provision("sanctions_combinable")?.entry.source.article == "第三十九条")
    }

    @Test("第四十一至四十三条: 从重 with three in a year detected, self-correction detected, exemptions")
    func circumstances() throws {
        let c = try hangzhou().catalogs.circumstances
        #expect(c.aggravating.filter { $0.origin == "hangzhou" }.count == 5)
        let repeatInYear = try #require(c.aggravating.first { $0.entry.detect == .repeatInYear })
        #expect(repeatInYear.entry.count == 3 && repeatInYear.entry.source.article == "第四十二条")
        for list in [c.lenient, c.mitigated, c.exempt] {
            let selfCorrected = try #require(list.first { $0.entry.code == "self_corrected" })
            #expect(selfCorrected.entry.detect == .selfCorrected && selfCorrected.entry.source.article == "第四十一条")
        }
        #expect(c.exempt.map(\.entry.code) == ["self_corrected", "party_fraud", "no_or_unclear_rule", "force_majeure", "other_exempt"])
        #expect(c.exempt.dropFirst().allSatisfy { $0.entry.source.article == "第四十三条" })
    }

    @Test("第三十七条 scope and 第三十三条 body situations; 第二十九条 9 and 第三十条 7 assessment items")
    func situationsAndAssessment() throws {
        let hangzhou = try hangzhou()
        let own = hangzhou.catalogs.faultSituations.filter { $0.origin == "hangzhou" }.map(\.entry)
        #expect(own.filter { $0.source.article == "第三十七条" }.count == 5)
        let bodies = own.filter { $0.source.article == "第三十三条" }
        #expect(bodies.count == 4 && bodies.allSatisfy { $0.target == .agency && $0.sanctions == ["circulate_criticism", "order_correction"] })
        let content = hangzhou.assessment.content.filter { $0.origin == "hangzhou" }.map(\.entry)
        #expect(content.filter { $0.source.article.hasPrefix("第二十九条") && $0.target == .agency }.count == 9)
        #expect(content.filter { $0.source.article.hasPrefix("第三十条") && $0.target == .person }.count == 7)
        // national's seven content items are still there.
        #expect(hangzhou.assessment.content.filter { $0.origin == "national" }.count == 7)
    }

    @Test("第二十三条 filing upward (5 items), 第二十四条 reports, 第十条 pledges, 第十二条 年审注册")
    func filingAndReports() throws {
        let hangzhou = try hangzhou()
        let filing = hangzhou.provisions.filter { $0.entry.code.hasPrefix("filing_") }
        #expect(filing.map(\.entry.source.article) == ["第二十三条(一)", "第二十三条(二)", "第二十三条(三)", "第二十三条(四)", "第二十三条(五)"])
        #expect(hangzhou.provision("statistics_annual_report")?.entry.source.article == "第二十四条(一)")
        #expect(hangzhou.provision("statistics_case_reports")?.entry.source.article == "第二十四条(二)")
        #expect(hangzhou.provision("responsibility_pledge")?.entry.source.article == "第十条")
        #expect(hangzhou.provision("certificate_annual_review")?.entry.source.article == "第十二条")
        // 第二十三条(三) sets no period for filing major decisions.
        #expect(hangzhou.deadline("major_decision_filing") == nil)
    }
}
