import Testing
@testable import QuanzeCore

/// shandong-wrongful-case: 山东省行政执法错案责任追究办法 (003_* 篇3), inheriting national.
/// Every case names the article it comes from.
@Suite("shandong-wrongful-case profile")
struct ShandongWrongfulCaseProfileTests {
    static let registry = Result { try ProfileRegistry.bundled() }

    func profile() throws -> EffectiveProfile {
        try #require(try Self.registry.get().effective(id: "shandong-wrongful-case"))
    }

    @Test func inheritsNationalAndValidates() throws {
        let shandong = try profile()
        #expect(shandong.lineage == ["shandong-wrongful-case", "national"])
        let own = try #require(try Self.registry.get().profile(id: "shandong-wrongful-case"))
        for (_, entry) in own.allEntries {
            #expect(entry.source.seed == "003_70cd4ff1a2ae84d9.txt" && entry.source.part == "篇3", "\(entry.code)")
            #expect(entry.quote != nil, "\(entry.code) has no quote")
        }
    }

    struct DeadlineCase: Sendable, CustomTestStringConvertible {
        let code: String
        let article: String
        let value: Int
        let extensionDays: Int?
        let bound: DeadlineBound
        let from: String
        let due: String
        var testDescription: String { "\(article) \(code)" }
    }

    /// Calendar days, start day not counted, a last day off work moves to the next working day.
    static let deadlines: [DeadlineCase] = [
        // 第十六条: report a 错案 for filing within 10 days of discovery.
        DeadlineCase(code: LiabilityCodes.intake, article: "第十六条", value: 10, extensionDays: nil, bound: .atMost,
                     from: "2026-03-02", due: "2026-03-12"),
        // 第十七条: 30 days from 立案; 2026-04-11 is a Saturday → Monday 04-13.
        DeadlineCase(code: LiabilityCodes.decision, article: "第十七条", value: 30, extensionDays: 20, bound: .atMost,
                     from: "2026-03-12", due: "2026-04-13"),
        // 第十九条: collective decision within 15 days after the conclusion.
        DeadlineCase(code: LiabilityCodes.collectiveDecision, article: "第十九条", value: 15, extensionDays: nil, bound: .atMost,
                     from: "2026-04-13", due: "2026-04-28"),
        // 第二十五条: appeal within 15 days of receipt; 2026-10-01 is 国庆节 → 10-08.
        DeadlineCase(code: LiabilityCodes.appealWindow, article: "第二十五条", value: 15, extensionDays: nil, bound: .fixed,
                     from: "2026-09-16", due: "2026-10-08"),
        // 第二十五条: the appeal is decided within 30 days.
        DeadlineCase(code: LiabilityCodes.appealDecision, article: "第二十五条", value: 30, extensionDays: nil, bound: .atMost,
                     from: "2026-06-01", due: "2026-07-01"),
    ]

    @Test(arguments: deadlines) func deadline(_ c: DeadlineCase) throws {
        let rule = try #require(try profile().deadline(c.code))
        #expect(!rule.inherited && rule.origin == "shandong-wrongful-case")
        #expect(rule.entry.value == c.value && rule.entry.unit == .calendarDays)
        #expect(rule.entry.extension?.value == c.extensionDays)
        #expect(rule.entry.bound == c.bound)
        #expect(rule.entry.source.article == c.article)
        let unit = try #require(rule.entry.unit.deadlineUnit)
        let result = try officialWorkCalendar.deadline(value: rule.entry.value, unit: unit, from: calDay(c.from))
        #expect(result.date == calDay(c.due))
    }

    /// 第十七条: the extension is capped at 20 days: 30 + 20 days from 2026-03-12 is 05-01, a 劳动节
    /// holiday until 05-05, so the outer limit is 2026-05-06.
    @Test func decisionExtensionCap() throws {
        let rule = try #require(try profile().deadline(LiabilityCodes.decision)).entry
        let ext = try #require(rule.extension)
        #expect(ext.unit == .calendarDays && ext.value == 20)
        #expect(ext.condition?.contains("负责人批准") == true)
        #expect(rule.display == "30日（可延长20日）")
        let outer = try officialWorkCalendar.deadline(value: rule.value + ext.value, unit: .calendarDays, from: calDay("2026-03-12"))
        #expect(outer.date == calDay("2026-05-06"))
    }

    struct ApportionmentCase: Sendable, CustomTestStringConvertible {
        let article: String
        let when: ApportionmentTrigger
        let liable: [LiableShare]
        var testDescription: String { "\(article) \(when.rawValue)" }
    }

    static let apportionment: [ApportionmentCase] = [
        ApportionmentCase(article: "第八条", when: .soleHandler, liable: [.init(party: .handler, share: .full)]),
        ApportionmentCase(article: "第八条", when: .multipleHandlers, liable: [.init(party: .leadHandler, share: .primary)]),
        ApportionmentCase(article: "第九条", when: .reviewMissedError,
                          liable: [.init(party: .handler, share: .joint), .init(party: .reviewer, share: .joint), .init(party: .approver, share: .joint)]),
        ApportionmentCase(article: "第九条", when: .handlerConcealedFacts, liable: [.init(party: .handler, share: .full)]),
        ApportionmentCase(article: "第九条", when: .reviewerChangedCorrect, liable: [.init(party: .reviewer, share: .full)]),
        ApportionmentCase(article: "第九条", when: .approverChangedCorrect, liable: [.init(party: .approver, share: .full)]),
        ApportionmentCase(article: "第十条", when: .collectiveDecision,
                          liable: [.init(party: .collectiveChair, share: .primary), .init(party: .collectiveSupporters, share: .proportionate)]),
        ApportionmentCase(article: "第十一条", when: .superiorUpheld,
                          liable: [.init(party: .directActor, share: .proportionate), .init(party: .reviewBody, share: .proportionate)]),
        ApportionmentCase(article: "第十一条", when: .reviewBodyChangedCorrect, liable: [.init(party: .reviewBody, share: .full)]),
        ApportionmentCase(article: "第二十六条", when: .delegated, liable: [.init(party: .delegate, share: .proportionate)]),
    ]

    @Test(arguments: apportionment) func apportionmentRule(_ c: ApportionmentCase) throws {
        let rules = try profile().apportionment.map(\.entry).filter { $0.when == c.when }
        #expect(rules.count == 1, "one rule per trigger")
        let rule = try #require(rules.first)
        #expect(rule.liable == c.liable)
        #expect(rule.source.article == c.article)
    }

    /// 第八条: "不能区分主次的,共同承担责任" is shown but not applied by the engine (no trigger).
    @Test func undividedHandlersAreDescriptive() throws {
        let rule = try #require(try profile().apportionment.first { $0.entry.code == "multiple_handlers_undivided" }).entry
        #expect(rule.when == nil)
        #expect(rule.liable == [.init(party: .handler, share: .joint)])
    }

    /// 第十二条: 较轻 → 批评教育; 较重 → 警告、通报批评、暂扣或者吊销证件; 恶劣/严重 → 记过以上处分并吊销证件、调离; 犯罪 → 移交.
    @Test func gravityMapping() throws {
        let shandong = try profile()
        let gravity = shandong.gravity.map(\.entry)
        #expect(gravity.map(\.level) == [1, 2, 3, 4])
        #expect(gravity.map(\.name) == ["情节较轻、危害不大", "情节较重、影响较大", "情节恶劣、危害后果严重或者造成重大社会影响", "构成犯罪"])
        #expect(gravity[0].sanctions == ["criticism_education"])
        #expect(gravity[1].sanctions == ["warning", "person_circulated_criticism", "suspend_certificate", "revoke_certificate"])
        #expect(gravity[2].sanctions == ["administrative_sanction", "revoke_certificate", "transfer_off_post"])
        #expect(gravity[3].sanctions == ["judicial_referral"])
        for rule in gravity {
            #expect(rule.source.article == "第十二条")
            for code in rule.sanctions { #expect(shandong.sanction(code) != nil, "\(code)") }
        }
        #expect(shandong.sanction("suspend_certificate")?.entry.effect == .suspendCertificate)
        #expect(shandong.sanction("revoke_certificate")?.entry.effect == .revokeCertificate)
        #expect(shandong.sanction("transfer_off_post")?.entry.effect == .transferOffPost)
        #expect(shandong.sanction("criticism_education")?.origin == "shandong-wrongful-case")
    }

    @Test func circumstances() throws {
        let c = try profile().catalogs.circumstances
        #expect(c.aggravating.count == 5 && c.aggravating.allSatisfy { $0.entry.source.article == "第十三条" })
        #expect(c.lenient.count == 4 && c.mitigated.count == 4)
        #expect(c.lenient.map(\.entry.code) == c.mitigated.map(\.entry.code))
        #expect(c.exempt.count == 5 && c.exempt.allSatisfy { $0.entry.source.article == "第十五条" })
        let selfCorrected = try #require(c.exempt.first { $0.entry.detect == .selfCorrected })
        #expect(selfCorrected.entry.code == "self_corrected")
        #expect(c.exempt.filter { $0.entry.detect != nil }.count == 1)
    }

    /// 第三条: six ways a case is found to be a 错案.
    @Test func wrongfulCaseSources() throws {
        let sources = try profile().catalogs.faultSituations.filter { $0.origin == "shandong-wrongful-case" }
        #expect(sources.count == 6)
        #expect(sources.allSatisfy { $0.entry.source.article == "第三条" && $0.entry.code.hasPrefix("wrongful_case_") })
    }

    @Test func provisions() throws {
        let shandong = try profile()
        #expect(shandong.provision(LiabilityCodes.appealDoesNotSuspend)?.entry.source.article == "第二十五条")
        #expect(shandong.provision(LiabilityCodes.appealBody)?.entry.text.hasPrefix("本级人民政府或者上一级行政机关") == true)
        let pursuer = try #require(shandong.provision(LiabilityCodes.pursuerLiable)).entry
        #expect(pursuer.source.article == "第二十四条" && pursuer.text.contains("应当移交司法机关追究刑事责任而不移交"))
        let contents = try #require(shandong.provision("liability_confirmation_contents")).entry
        #expect(contents.source.article == "第十八条")
        for item in ["错案来源", "理由", "原因及其危害后果", "追究有关人员责任的建议", "纠正错案以及消除危害后果的建议"] {
            #expect(contents.text.contains(item), "\(item)")
        }
        #expect(shandong.provision("liability_confirmation_signatures")?.entry.text.contains("复核人员签字") == true)
        #expect(shandong.provision("pursuing_authority")?.overrides == "national")
        #expect(shandong.provision(LiabilityCodes.hearingBeforeSanction)?.inherited == true)
    }
}
