import Testing
@testable import QuanzeCore

/// beijing-tongzhou (通政发〔2008〕8号, 004_* 篇十一): the 责任追究实施细则 (第四至十五条) and the 执法协调 periods
/// (协调规定 第九、十二条), besides the officer-management rules tested with the officers.
@Suite("beijing-tongzhou profile")
struct BeijingTongzhouProfileTests {
    static let rules = "通州区行政执法责任追究实施细则"
    static let coordination = "通州区关于行政执法协调工作的若干规定"

    func tongzhou() throws -> EffectiveProfile {
        try #require(try ProfileRegistry.bundled().effective(id: "beijing-tongzhou"))
    }

    struct DeadlineCase: Sendable, CustomTestStringConvertible {
        let document: String
        let article: String
        let code: String
        let value: Int
        let start: String
        let due: String
        var testDescription: String { "\(article) \(code) from \(start)" }
    }

    /// All in 工作日 on the official calendar: 2026 国庆 10-01…10-07 off, Saturday 10-10 worked.
    static let deadlines: [DeadlineCase] = [
        // 协调规定 第九条: the agreed 协调意见 filed with 区政府法制办 within 3 工作日 after the coordination ends.
        DeadlineCase(document: coordination, article: "第九条", code: "coordination_opinion_filing", value: 3, start: "2026-09-30", due: "2026-10-10"),
        DeadlineCase(document: coordination, article: "第九条", code: "coordination_opinion_filing", value: 3, start: "2026-06-30", due: "2026-07-03"),
        // 协调规定 第十二条: a request outside the coordinator's competence forwarded within 3 工作日.
        DeadlineCase(document: coordination, article: "第十二条", code: "coordination_forwarding", value: 3, start: "2026-09-30", due: "2026-10-10"),
        // 细则 第十三条(一): 20 工作日 after learning of the 复议 decision or judgment …
        DeadlineCase(document: rules, article: "第十三条(一)", code: LiabilityCodes.proposalAfterJudgment, value: 20, start: "2026-09-30", due: "2026-11-03"),
        DeadlineCase(document: rules, article: "第十三条(一)", code: LiabilityCodes.proposalAfterJudgment, value: 20, start: "2026-04-30", due: "2026-06-01"),
        // … or 30 工作日 after receiving the written 认定意见.
        DeadlineCase(document: rules, article: "第十三条(一)", code: LiabilityCodes.proposalAfterOpinion, value: 30, start: "2026-09-30", due: "2026-11-17"),
    ]

    @Test(arguments: deadlines)
    func deadlinesOnTheCalendar(_ c: DeadlineCase) throws {
        let rule = try #require(try tongzhou().deadline(c.code))
        #expect(rule.origin == "beijing-tongzhou")
        #expect(rule.entry.source.document == c.document && rule.entry.source.article == c.article)
        #expect(rule.entry.value == c.value && rule.entry.unit == .workingDays && rule.entry.bound == .atMost)
        #expect(try officialWorkCalendar.deadline(value: rule.entry.value, unit: .workingDays, from: calDay(c.start)).date == calDay(c.due))
    }

    @Test("the rules set no intake, decision or appeal period: those stay 未规定")
    func unsetLiabilityPeriods() throws {
        let tongzhou = try tongzhou()
        for code in [LiabilityCodes.intake, LiabilityCodes.decision, LiabilityCodes.appealWindow, LiabilityCodes.filing] {
            #expect(tongzhou.deadline(code) == nil, "\(code)")
        }
    }

    @Test("the earlier officer-management entries are kept")
    func existingEntriesKept() throws {
        let tongzhou = try tongzhou()
        for code in ["certificate_suspension_decision", "complaint_officer_reply", "file_review_sheet", "file_review_objection"] {
            #expect(tongzhou.deadline(code)?.origin == "beijing-tongzhou", "\(code)")
        }
        #expect(tongzhou.quantity("certificate_suspensions_for_revocation")?.entry.value == 3)
        #expect(tongzhou.provision("certificate_annual_inspection") != nil)
    }

    @Test("第四条 14 failures to act, 第五条 13 unlawful or improper acts")
    func faultSituations() throws {
        let own = try tongzhou().catalogs.faultSituations.filter { $0.origin == "beijing-tongzhou" }.map(\.entry)
        #expect(own.filter { $0.source.article.hasPrefix("第四条(") }.count == 14)
        #expect(own.filter { $0.source.article.hasPrefix("第五条(") }.count == 13)
        #expect(own.first { $0.code == "coordination_not_executed" }?.source.article == "第四条(九)")
        #expect(own.first { $0.code == "discretion_abused" }?.source.article == "第五条(八)")
        #expect(own.allSatisfy { $0.source.document == Self.rules })
    }

    @Test("第六条 body and 第七条 officer sanctions, with effects, in the text's order")
    func sanctions() throws {
        let tongzhou = try tongzhou()
        let agency = tongzhou.catalogs.agencySanctions.map(\.entry)
        #expect(agency.map(\.code) == ["rectify_within_deadline", "circulate_criticism", "revoke_merit_eligibility", "agency_assessment_failed"])
        #expect(agency.map(\.effect) == [.agencyRectification, .agencyCirculation, .noMeritThisYear, .assessmentFailed])
        #expect(agency.allSatisfy { $0.source.article == "第六条" })
        // the three national body sanctions are restated by 第六条 and replaced in place
        #expect(tongzhou.sanction("circulate_criticism")?.overrides == "national")
        let officers = tongzhou.catalogs.personSanctions.filter { $0.origin == "beijing-tongzhou" }.map(\.entry)
        #expect(officers.map(\.name) == ["批评教育", "通报批评", "离岗培训", "取消行政执法方面年度评比先进的资格", "行政执法年度评议考核不合格", "取消行政执法资格"])
        #expect(officers.map(\.effect) == [nil, nil, .offDutyTraining, .noMeritThisYear, .assessmentFailed, .revokeQualification])
        #expect(officers.allSatisfy { $0.source.article == "第七条" })
        #expect(tongzhou.provision("sanctions_combinable") != nil)
    }

    @Test("第八条 从重 (two pursuits in a year detected), 第九条 从轻 five (self-correction detected), 第十条 免责")
    func circumstances() throws {
        let c = try tongzhou().catalogs.circumstances
        #expect(c.aggravating.count == 7 && c.aggravating.allSatisfy { $0.entry.source.article == "第八条" })
        let repeatInYear = try #require(c.aggravating.first { $0.entry.detect == .repeatInYear })
        #expect(repeatInYear.entry.count == 2)
        #expect(c.lenient.count == 5 && c.lenient.allSatisfy { $0.entry.source.article == "第九条" })
        #expect(c.lenient.first?.entry.detect == .selfCorrected)
        #expect(c.mitigated.isEmpty)
        #expect(c.exempt.map(\.entry.source.article) == ["第十条"])
    }

    struct ApportionmentCase: Sendable, CustomTestStringConvertible {
        let clause: String
        let code: String
        let when: ApportionmentTrigger?
        let liable: [LiableShare]
        var testDescription: String { "第十一条\(clause) \(code)" }
    }

    static let apportionment: [ApportionmentCase] = [
        ApportionmentCase(clause: "(一)", code: "no_review_required", when: .soleHandler, liable: [.init(party: .handler, share: .full)]),
        ApportionmentCase(clause: "(一)", code: "acted_without_review", when: .actedWithoutReview, liable: [.init(party: .handler, share: .full)]),
        // (二) the last reviewer or approver of the chain is primary; the intermediate ones and the handler by their part
        ApportionmentCase(clause: "(二)", code: "approval_chain", when: .approvalChain,
                          liable: [.init(party: .approver, share: .primary), .init(party: .reviewer, share: .proportionate),
                                   .init(party: .handler, share: .proportionate)]),
        ApportionmentCase(clause: "(二)", code: "handler_concealed_facts", when: .handlerConcealedFacts, liable: [.init(party: .handler, share: .primary)]),
        ApportionmentCase(clause: "(二)", code: "handler_disobeyed_review", when: .handlerChangedApproved, liable: [.init(party: .handler, share: .primary)]),
        ApportionmentCase(clause: "(三)", code: "collective_decision", when: .collectiveDecision,
                          liable: [.init(party: .agencyHead, share: .primary), .init(party: .collectiveSupporters, share: .proportionate)]),
        ApportionmentCase(clause: "(四)", code: "superior_order", when: .superiorOrder, liable: [.init(party: .superior, share: .full)]),
        ApportionmentCase(clause: "(四)", code: "superior_order_plainly_unlawful", when: nil,
                          liable: [.init(party: .agency, share: .proportionate), .init(party: .directActor, share: .proportionate)]),
        ApportionmentCase(clause: "(五)", code: "multiple_handlers", when: .multipleHandlers,
                          liable: [.init(party: .leadHandler, share: .primary), .init(party: .assistingHandler, share: .proportionate)]),
        ApportionmentCase(clause: "(五)", code: "handlers_indistinguishable", when: nil,
                          liable: [.init(party: .leadHandler, share: .joint), .init(party: .assistingHandler, share: .joint)]),
        ApportionmentCase(clause: "(五)", code: "joint_enforcement", when: .jointEnforcement, liable: [.init(party: .agency, share: .proportionate)]),
    ]

    @Test(arguments: apportionment)
    func apportionmentRules(_ c: ApportionmentCase) throws {
        let rule = try #require(try tongzhou().apportionment.first { $0.entry.code == c.code })
        #expect(rule.origin == "beijing-tongzhou" && rule.entry.source.article == "第十一条")
        #expect(rule.entry.when == c.when)
        #expect(rule.entry.liable == c.liable)
    }

    @Test("第十二条: three ways unlawfulness is established; 第十五条 hearing; 第十三、十四条 who pursues")
    func provisions() throws {
        let tongzhou = try tongzhou()
        #expect(tongzhou.provision("unlawfulness_by_remedy")?.entry.source.article == "第十二条(一)")
        #expect(tongzhou.provision("unlawfulness_by_supervision")?.entry.source.article == "第十二条(二)")
        #expect(tongzhou.provision("unlawfulness_by_self_check")?.entry.source.article == "第十二条(三)")
        let hearing = try #require(tongzhou.provision(LiabilityCodes.hearingBeforeSanction))
        #expect(hearing.origin == "beijing-tongzhou" && hearing.overrides == "national" && hearing.entry.source.article == "第十五条")
        #expect(tongzhou.provision("pursuing_authority")?.origin == "beijing-tongzhou")
        for code in ["coordination_self_first", "coordination_escalation", "coordination_government_decision", "coordination_execution"] {
            #expect(tongzhou.provision(code)?.entry.source.document == Self.coordination, "\(code)")
        }
    }
}
