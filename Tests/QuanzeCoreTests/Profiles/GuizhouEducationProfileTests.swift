import Testing
@testable import QuanzeCore

/// guizhou-education: 贵州省教育厅行政执法过错责任追究制度（试行） (004_* 篇三), inheriting national.
@Suite("guizhou-education profile")
struct GuizhouEducationProfileTests {
    static let registry = Result { try ProfileRegistry.bundled() }
    func guizhou() throws -> EffectiveProfile { try #require(try Self.registry.get().effective(id: "guizhou-education")) }

    /// 第十五条: 60 日 from the day the case is raised; no extension in the text.
    @Test func decisionWithinSixtyDays() throws {
        let g = try guizhou()
        #expect(g.lineage == ["guizhou-education", "national"])
        let rule = try #require(g.deadline(LiabilityCodes.decision)).entry
        #expect(rule.value == 60 && rule.unit == .calendarDays && rule.extension == nil)
        #expect(rule.source.article == "第十五条" && rule.source.part == "篇三")
        let due = try WorkCalendar.official().deadline(value: 60, unit: .calendarDays, from: try #require(LocalDate(iso: "2026-06-01")))
        #expect(due.date.iso == "2026-07-31")
        // 第十四条 sets no number for the reply to a 纠正过错通知书, 第十六条 none for the appeal.
        #expect(g.deadline(LiabilityCodes.correctionReply) == nil)
        #expect(g.deadline(LiabilityCodes.appealWindow) == nil)
        #expect(g.provision("liability_correction_notice")?.entry.text.contains("纠正过错通知书") == true)
        #expect(g.provision(LiabilityCodes.appealBody)?.entry.text.contains("原处理机关") == true)
    }

    /// 第七条 ten, 第八条 six, 第九条 four, 第十条 six.
    @Test func catalogsCountAsTheText() throws {
        let c = try guizhou().catalogs
        #expect(c.faultSituations.filter { $0.origin == "guizhou-education" }.count == 10)
        #expect(c.circumstances.aggravating.count == 6 && c.circumstances.aggravating.allSatisfy { $0.entry.source.article == "第八条" })
        #expect(c.circumstances.lenient.count == 4 && c.circumstances.lenient.allSatisfy { $0.entry.source.article == "第九条" })
        #expect(c.circumstances.lenient.filter { $0.entry.detect == .selfCorrected }.map(\.entry.code) == ["self_corrected"])
        #expect(c.circumstances.exempt.count == 6 && c.circumstances.exempt.allSatisfy { $0.entry.source.article == "第十条" })
    }

    /// 第十三条, with what each does once final.
    @Test func sanctions() throws {
        let g = try guizhou()
        let own = g.catalogs.personSanctions.filter { $0.origin == "guizhou-education" }.map(\.entry)
        #expect(own.count == 7 && own.allSatisfy { $0.source.article == "第十三条" })
        #expect(g.sanction("suspend_enforcement")?.entry.effect == .stopEnforcement)
        #expect(g.sanction("transfer_off_post")?.entry.effect == .transferOffPost)
        #expect(g.sanction("bear_compensation_costs")?.entry.effect == nil)
    }

    static let apportionment: [(ApportionmentTrigger, String, [LiableShare])] = [
        (.soleHandler, "第十一条(一)", [LiableShare(party: .handler, share: .full)]),
        (.multipleHandlers, "第十一条(二)", [LiableShare(party: .leadHandler, share: .primary), LiableShare(party: .assistingHandler, share: .secondary)]),
        (.leaderApproved, "第十一条(三)", [LiableShare(party: .approver, share: .proportionate)]),
        (.collectiveDecision, "第十一条(三)", [LiableShare(party: .agencyHead, share: .proportionate), LiableShare(party: .collectiveSupporters, share: .proportionate)]),
        (.actedWithoutReview, "第十一条(四)", [LiableShare(party: .directActor, share: .full)]),
        (.reviewedAndWrong, "第十一条(四)", [LiableShare(party: .reviewer, share: .joint), LiableShare(party: .handler, share: .joint)]),
        (.causedByReview, "第十一条(四)", [LiableShare(party: .reviewer, share: .full)]),
        (.superiorUpheld, "第十一条(六)", [LiableShare(party: .superior, share: .proportionate), LiableShare(party: .directActor, share: .proportionate)]),
        (.superiorChanged, "第十一条(六)", [LiableShare(party: .superior, share: .full)]),
    ]

    @Test(arguments: apportionment)
    func apportionmentRule(trigger: ApportionmentTrigger, article: String, liable: [LiableShare]) throws {
        let rules = try guizhou().apportionment.map(\.entry).filter { $0.when == trigger }
        #expect(rules.count == 1, "one rule for \(trigger)")
        #expect(rules.first?.source.article == article)
        #expect(rules.first?.liable == liable)
    }

    /// 第十二条: the head answers; no trigger, so the engine leaves it to the pursuing body.
    @Test func headLiability() throws {
        let rule = try #require(try guizhou().apportionment.first { $0.entry.code == "head_liability" }).entry
        #expect(rule.when == nil && rule.liable == [LiableShare(party: .agencyHead, share: .full)] && rule.source.article == "第十二条")
    }
}
