import Testing
@testable import QuanzeCore

/// henan: 河南省行政执法过错责任追究办法 (河南省人民政府令第187号, 004_* 篇十), inheriting national.
/// Each table row names the article it comes from.
@Suite("henan profile")
struct HenanProfileTests {
    static let registry = Result { try ProfileRegistry.bundled() }
    func henan() throws -> EffectiveProfile { try #require(try Self.registry.get().effective(id: "henan")) }

    @Test func inheritsNationalAndCitesTheSeed() throws {
        let henan = try henan()
        #expect(henan.lineage == ["henan", "national"])
        let doc = try #require(henan.document(citedAs: "河南省人民政府令第187号"))
        #expect(doc.seeds == [SeedLocation(file: "004_cacaddb37daf54c4.txt", part: "篇十")])
        #expect(henan.deadline("penalty_decision")?.inherited == true)
        #expect(henan.provision(LiabilityCodes.hearingBeforeSanction)?.origin == "national")
    }

    /// (code, value, extension, article, start date, due date on the official calendar)
    static let deadlines: [(String, Int, Int?, String, String, String)] = [
        (LiabilityCodes.intake, 15, nil, "第二十一条", "2026-03-02", "2026-03-17"),
        (LiabilityCodes.decision, 30, 20, "第二十三条", "2026-03-02", "2026-04-01"),
        (LiabilityCodes.appealWindow, 10, nil, "第二十五条", "2026-06-01", "2026-06-11"),
        (LiabilityCodes.appealDecision, 20, 10, "第二十五条", "2026-06-01", "2026-06-22"),
    ]

    @Test(arguments: deadlines)
    func deadline(code: String, value: Int, ext: Int?, article: String, start: String, due: String) throws {
        let rule = try #require(try henan().deadline(code), "missing \(code)")
        #expect(rule.origin == "henan" && !rule.inherited)
        #expect(rule.entry.value == value && rule.entry.unit == .calendarDays)
        #expect(rule.entry.extension?.value == ext)
        #expect(rule.entry.source.article == article && rule.entry.source.part == "篇十")
        let calendar = try WorkCalendar.official()
        let result = try calendar.deadline(value: value, unit: .calendarDays, from: try #require(LocalDate(iso: start)))
        #expect(result.date.iso == due)
    }

    @Test func appealWindowIsThePartysFixedPeriod() throws {
        #expect(try henan().deadline(LiabilityCodes.appealWindow)?.entry.bound == .fixed)
    }

    @Test func atLeastTwoInvestigators() throws {
        let q = try #require(try henan().quantity(LiabilityCodes.investigatorsMinimum))
        #expect(q.entry.value == 2 && q.entry.bound == .atLeast && q.entry.source.article == "第二十二条")
    }

    /// 第九条 (bodies) and 第十条 (officers), in the order of the text, with their effects.
    @Test func sanctionCatalogs() throws {
        let henan = try henan()
        let own = { (items: [Inherited<CatalogItem>]) in items.filter { $0.origin == "henan" }.map(\.entry) }
        let agency = own(henan.catalogs.agencySanctions)
        #expect(agency.map(\.name) == ["责令改正或者限期整改", "通报批评", "约谈行政执法机关负责人", "取消当年评比先进的资格"])
        #expect(agency.allSatisfy { $0.source.article == "第九条" })
        #expect(henan.sanction("agency_head_interview")?.entry.effect == .agencyHeadInterview)
        #expect(henan.sanction("rectify_within_deadline")?.entry.effect == .agencyRectification)
        let person = own(henan.catalogs.personSanctions)
        #expect(person.count == 6 && person.allSatisfy { $0.source.article == "第十条" })
        #expect(henan.sanction("revoke_enforcement_qualification")?.entry.effect == .revokeQualification)
        #expect(henan.sanction("revoke_enforcement_qualification")?.entry.name == "取消行政执法资格，吊销《河南省行政执法证》")
        #expect(henan.sanction("transfer_off_post")?.entry.effect == .transferOffPost)
        #expect(henan.sanction("off_duty_training")?.entry.effect == .offDutyTraining)
        #expect(henan.sanction("person_revoke_merit_eligibility")?.entry.effect == .noMeritThisYear)
        #expect(henan.sanction("criticism_education")?.overrides == "national")
    }

    @Test func eightFaultsAndTheExemptions() throws {
        let henan = try henan()
        let faults = henan.catalogs.faultSituations.filter { $0.origin == "henan" }
        #expect(faults.count == 8 && faults.allSatisfy { $0.entry.source.article == "第八条" })
        let exempt = henan.catalogs.circumstances.exempt.map(\.entry)
        #expect(exempt.map(\.source.article) == ["第四条", "第十九条", "第十九条", "第十九条", "第十九条", "第二十条"])
        #expect(exempt.filter { $0.detect == .selfCorrected }.map(\.code) == ["minor_and_promptly_corrected", "approved_pilot_corrected"])
    }

    /// (trigger, article, [(party, share)])
    static let apportionment: [(ApportionmentTrigger, String, [LiableShare])] = [
        (.agencyAlone, "第十一条", [LiableShare(party: .agency, share: .full)]),
        (.severalAgencies, "第十一条", [LiableShare(party: .agency, share: .proportionate)]),
        (.delegated, "第十一条", [LiableShare(party: .delegatingAgency, share: .full)]),
        (.soleHandler, "第十二条", [LiableShare(party: .handler, share: .full)]),
        (.reviewMissedError, "第十四条至第十六条", [LiableShare(party: .handler, share: .proportionate),
                                                 LiableShare(party: .reviewer, share: .proportionate),
                                                 LiableShare(party: .approver, share: .proportionate)]),
        (.actedWithoutReview, "第十四条", [LiableShare(party: .handler, share: .full)]),
        (.handlerConcealedFacts, "第十四条", [LiableShare(party: .handler, share: .full)]),
        (.handlerChangedApproved, "第十四条", [LiableShare(party: .handler, share: .full)]),
        (.multipleHandlers, "第十四条", [LiableShare(party: .leadHandler, share: .primary),
                                       LiableShare(party: .assistingHandler, share: .secondary)]),
        (.reviewerChangedCorrect, "第十五条", [LiableShare(party: .reviewer, share: .full)]),
        (.reviewerActedAlone, "第十五条", [LiableShare(party: .reviewer, share: .full)]),
        (.approverChangedCorrect, "第十六条", [LiableShare(party: .approver, share: .full)]),
        (.approverActedAlone, "第十六条", [LiableShare(party: .approver, share: .full)]),
        (.collectiveDecision, "第十七条", [LiableShare(party: .collectiveSupporters, share: .proportionate),
                                         LiableShare(party: .collectiveDissenters, share: .none)]),
        (.nonfeasance, "第十八条", [LiableShare(party: .directActor, share: .proportionate),
                                  LiableShare(party: .deputyHead, share: .proportionate),
                                  LiableShare(party: .agencyHead, share: .proportionate)]),
    ]

    @Test(arguments: apportionment)
    func apportionmentRule(trigger: ApportionmentTrigger, article: String, liable: [LiableShare]) throws {
        let rules = try henan().apportionment.map(\.entry).filter { $0.when == trigger }
        #expect(rules.count == 1, "one rule for \(trigger)")
        #expect(rules.first?.source.article == article)
        #expect(rules.first?.liable == liable)
    }

    @Test func procedureProvisions() throws {
        let henan = try henan()
        for (code, article) in [(LiabilityCodes.noHeavierAfterDefence, "第二十四条"), (LiabilityCodes.appealBody, "第二十五条"),
                                (LiabilityCodes.pursuerLiable, "第二十六条"), ("liability_recusal", "第二十二条"),
                                ("liability_outcomes", "第二十三条")] {
            let p = try #require(henan.provision(code), "missing \(code)")
            #expect(p.entry.source.article == article && p.origin == "henan")
        }
        #expect(henan.provision(LiabilityCodes.appealBody)?.entry.text.contains("上一级机关") == true)
        let outcomes = try #require(henan.provision("liability_outcomes")).entry.text
        #expect(outcomes.contains("予以追究") && outcomes.contains("不予追究") && outcomes.contains("予以移送"))
        #expect(henan.provision("pursuing_authority")?.overrides == "national")
        #expect(henan.provision(LiabilityCodes.appealDoesNotSuspend) == nil)
    }
}
