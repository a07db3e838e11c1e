import Testing
@testable import QuanzeCore

/// 结案自动预审: each rule on a clean case and on the case that breaks it, with its source.
@Suite struct CasePrecheckTests {
    let checker = CasePrecheck(calendar: officialWorkCalendar)

    func cert(_ number: String = "JLCC001", from: String = "2024-01-01", to: String = "2028-12-31", inspected: Set<Int> = [2025, 2026],
              suspensions: [(from: LocalDate, to: LocalDate?)] = [], ended: String? = nil) -> CertificateHistory {
        CertificateHistory(number: number, issuedOn: calDay(from), validUntil: calDay(to), inspectedYears: inspected,
                           suspensions: suspensions, endedOn: ended.map(calDay))
    }

    func document(decided: String = "2026-03-01") -> DecisionDocument {
        DecisionDocument(parties: "长春某公司", factsAndEvidence: "事实", basis: "食品安全法 第一百二十二条", content: "罚款5000元",
                         performance: "十五日内缴纳", remedies: DecisionDocument.standardRemedies(reviewBody: "长春市人民政府", court: "法院"),
                         agencyName: "长春市市场监督管理局", decidedOn: calDay(decided))
    }

    /// A penalty case that passes every rule: two certified officers, every stage recorded, decided
    /// 2026-03-01 (Sunday), served 2026-03-05, limits met, fine inside its level.
    func clean() -> ClosedCaseSnapshot {
        let level = DiscretionLevel(circumstance: "一般", allowedKinds: [.fine], minAmount: 2_000, maxAmount: 20_000)
        return ClosedCaseSnapshot(
            procedure: .penaltyOrdinary, filedOn: calDay("2026-01-10"), closedOn: calDay("2026-03-20"),
            handlers: [.init(name: "吴执法", isAuxiliary: false, userKey: "u1", certificates: [cert()]),
                       .init(name: "王协办", isAuxiliary: false, userKey: "u2", certificates: [cert("JLCC002")])],
            decision: .init(decidedOn: calDay("2026-03-01"), document: document(), sanction: PenaltySanction(kinds: [.fine], fineAmount: 5_000),
                            level: level, approverKey: "u9"),
            limits: [.init(code: "penalty_decision", name: "作出行政处罚决定", due: calDay("2026-04-10"), metOn: calDay("2026-03-01"),
                           source: CaseSources.penaltyLaw("第六十条"))],
            recordedStages: [.filed, .investigation, .review, .notice, .decision, .service, .execution],
            servedOn: calDay("2026-03-05"))
    }

    @Test func everyRuleHasCodeNameAndSource() {
        #expect(Set(CaseCheckRule.all.map(\.code)).count == CaseCheckRule.all.count)
        #expect(CaseCheckRule.rule("LEGAL_REVIEW")?.source.seed == "001_0f2d1a5e9a94fac7.txt")
        #expect(CaseCheckRule.decisionElements.source.article == "第三十一条")
        #expect(CaseCheckRule.discretion.source.part == "篇十一")
    }

    @Test func aCleanCaseHasNoFindings() {
        #expect(checker.check(clean()) == [])
    }

    /// 行政处罚法 第四十二条: an auxiliary does not count; one qualified handler is a finding.
    @Test func twoOfficersAuxiliaryDoesNotCount() {
        var c = clean()
        c.handlers[1].isAuxiliary = true
        let f = checker.team(c)
        #expect(f.map(\.rule) == ["TWO_OFFICERS"])
        #expect(f[0].message.contains("辅助人员不计入"))
        #expect(f[0].source == CaseSources.penaltyLaw("第四十二条"))
    }

    /// A certificate expired before filing, one suspended on the day, one not inspected that year,
    /// one revoked before: each a finding; the handler then does not count either.
    @Test func certificateAtFilingDay() {
        var c = clean()
        c.handlers[0].certificates = [cert(to: "2025-12-31")]
        var f = checker.team(c)
        #expect(f.map(\.rule) == ["CERTIFICATES_VALID", "TWO_OFFICERS"])
        #expect(f[0].message.contains("已于 2025-12-31 到期"))
        c.handlers[0].certificates = [cert(suspensions: [(from: calDay("2026-01-05"), to: calDay("2026-01-20"))])]
        #expect(checker.team(c).first?.message.contains("暂扣") == true)
        c.handlers[0].certificates = [cert(suspensions: [(from: calDay("2025-12-01"), to: calDay("2026-01-09"))])]
        #expect(checker.team(c) == [])
        c.handlers[0].certificates = [cert(inspected: [2025])]
        #expect(checker.team(c).first?.message.contains("2026 年度年审") == true)
        c.handlers[0].certificates = [cert(ended: "2026-01-02")]
        #expect(checker.team(c).first?.message.contains("失效") == true)
        // A certificate issued in the filing year needs no 年审 that year.
        c.handlers[0].certificates = [cert(from: "2026-01-02", inspected: [])]
        #expect(checker.team(c) == [])
        c.handlers[0].certificates = []
        f = checker.team(c)
        #expect(f.first?.message.contains("未持有行政执法证件") == true)
    }

    /// 行政处罚法 第五十八条 / 吉政办发〔2016〕91号 四(一): 应审未审, or decided after a failed review.
    @Test func legalReviewRequired() {
        var c = clean()
        c.legalReviewRequired = true
        c.recordedStages.insert(.legalReview)
        #expect(checker.legalReview(c).map(\.message) == ["重大执法决定未经法制审核即于 2026-03-01 作出决定"])
        c.reviews = [.init(passed: false, on: calDay("2026-02-20"))]
        #expect(checker.legalReview(c).first?.message.contains("未通过") == true)
        c.reviews.append(.init(passed: true, on: calDay("2026-03-02")))   // after the decision: too late
        #expect(checker.legalReview(c).count == 1)
        c.reviews.append(.init(passed: true, on: calDay("2026-02-25")))
        #expect(checker.legalReview(c) == [])
        #expect(CaseCheckRule.legalReview.source.document == "吉政办发〔2016〕91号")
    }

    /// A limit met after its due day carries the limit's own source; the party's windows are not the body's.
    @Test func deadlinesMetWithTheirSource() {
        var c = clean()
        c.limits = [.init(code: "penalty_decision", name: "作出行政处罚决定", due: calDay("2026-02-20"), metOn: calDay("2026-03-01"),
                          source: CaseSources.penaltyLaw("第六十条")),
                    .init(code: "fine_payment", name: "缴纳罚款", due: calDay("2026-03-10"), metOn: calDay("2026-03-15"),
                          source: CaseSources.penaltyLaw("第六十七条")),
                    .init(code: "step:review", name: "审查时限", due: calDay("2026-03-10"), metOn: nil,
                          source: SourceRef(document: "权责清单", article: "审查"))]
        let f = checker.deadlines(c)
        #expect(f.count == 2)
        #expect(f[0].message.contains("逾期9日"))
        #expect(f[0].source.article == "第六十条")
        #expect(f[1].message.contains("结案时仍未完成"))
    }

    /// 行政处罚法 第六十一条: 7 工作日 from the decision on the official calendar — decided 2026-09-29,
    /// the term counts 09-30, skips 国庆 (10-01…07), counts 10-08, 10-09, the make-up Saturday 10-10,
    /// 10-12, 10-13 and ends 2026-10-14; served 10-14 is in time, 10-15 late.
    @Test func serviceTermOnTheOfficialCalendar() throws {
        var c = clean()
        c.decision?.decidedOn = calDay("2026-09-29")
        c.servedOn = calDay("2026-10-14")
        c.closedOn = calDay("2026-11-01")
        c.limits = []
        #expect(checker.service(c) == [])
        c.servedOn = calDay("2026-10-15")
        let f = checker.service(c)
        try #require(f.map(\.rule) == ["SERVICE_TERM"])
        #expect(f[0].message == "决定书应于 2026-10-14 前送达（7个工作日），实际 2026-10-15 送达")
        #expect(f[0].source == CaseSources.penaltyLaw("第六十一条"))
        c.servedOn = nil
        #expect(checker.service(c).first?.message == "没有送达决定书的记录")
        // The case's own penalty_service limit decides when there is one.
        c.servedOn = calDay("2026-10-20")
        c.limits = [.init(code: "penalty_service", name: "送达", due: calDay("2026-10-21"), metOn: calDay("2026-10-20"), source: CaseSources.penaltyLaw("第六十一条"))]
        #expect(checker.service(c) == [])
    }

    /// 黑龙江 规定 第三十一条: every element of the decision.
    @Test func decisionElements() {
        var c = clean()
        c.decision?.document.remedies = " "
        c.decision?.document.basis = ""
        let f = checker.decisionElements(c)
        #expect(f.count == 1)
        #expect(f[0].message.contains("（三）适用依据"))
        #expect(f[0].message.contains("（六）"))
        #expect(f[0].source.seed == "004_cacaddb37daf54c4.txt")
    }

    /// 通州区行政处罚自由裁量权监督规定 第四条(二): outside the level needs a reason and a passed review;
    /// no benchmark is a warning (cannot be measured).
    @Test func discretionRange() {
        var c = clean()
        c.decision?.sanction = PenaltySanction(kinds: [.fine], fineAmount: 50_000)
        #expect(checker.discretion(c).count == 2)
        c.decision?.outsideReason = "规模大"
        #expect(checker.discretion(c).map(\.message) == ["罚款50000元超出“一般”情节的幅度（2000元至20000元），未经法制审核"])
        c.reviews = [.init(passed: true, on: calDay("2026-02-28"))]
        #expect(checker.discretion(c) == [])
        c.decision?.level = nil
        let f = checker.discretion(c)
        #expect(f.map(\.severity) == [.warning])
    }

    /// 吉政办发〔2016〕91号 四(一) 全过程记录: every stage of the path on record; a transferred case only its filing.
    @Test func recordedSteps() {
        var c = clean()
        c.recordedStages.remove(.notice)
        c.recordedStages.remove(.service)
        let f = checker.recordedSteps(c)
        #expect(f.first?.message == "缺少以下环节的记录：告知（陈述申辩）、送达")
        c.hearingRequested = true
        #expect(checker.recordedSteps(c).first?.message.contains("听证") == true)
        c.closingReason = .transferred
        #expect(checker.recordedSteps(c) == [])
        // A warning-only decision skips 执行.
        var w = clean()
        w.decision?.sanction = PenaltySanction(kinds: [.warning])
        w.recordedStages.remove(.execution)
        #expect(checker.recordedSteps(w) == [])
    }

    /// 黑龙江 规定 第三十一条: handler, reviewer and approver three people.
    @Test func separationOfDuties() {
        var c = clean()
        c.decision?.approverKey = "u1"
        #expect(checker.separation(c).map(\.message) == ["决定由本案承办人批准"])
        c.decision?.approverKey = "u9"
        c.reviews = [.init(passed: true, on: calDay("2026-02-01"), reviewerKey: "u9")]
        #expect(checker.separation(c).map(\.message) == ["法制审核人员同时批准了决定"])
    }
}
