import Testing
@testable import QuanzeCore

@Suite struct CaseGuardTests {
    let rules = PenaltyProcedureRules(hearingAmountPerson: 10_000, hearingAmountOrganization: 100_000,
                                      hearingAmountSource: SourceRef(document: "市场监督管理行政处罚听证办法", article: "第五条"))

    private func code(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let error as CaseRuleViolation { return error.code } catch { return "\(error)" }
    }

    @Test func simpleProcedureLimitsOfArticle51() {
        #expect(code { try rules.checkSimpleProcedure(.init(kinds: [.fine], fineAmount: 200), party: .person) } == nil)
        #expect(code { try rules.checkSimpleProcedure(.init(kinds: [.fine], fineAmount: 201), party: .person) } == "SIMPLE_PROCEDURE_NOT_ALLOWED")
        #expect(code { try rules.checkSimpleProcedure(.init(kinds: [.fine], fineAmount: 3000), party: .organization) } == nil)
        #expect(code { try rules.checkSimpleProcedure(.init(kinds: [.fine], fineAmount: 3001), party: .organization) } == "SIMPLE_PROCEDURE_NOT_ALLOWED")
        #expect(code { try rules.checkSimpleProcedure(.init(kinds: [.warning]), party: .organization) } == nil)
        #expect(code { try rules.checkSimpleProcedure(.init(kinds: [.confiscation], confiscationAmount: 10), party: .person) } == "SIMPLE_PROCEDURE_NOT_ALLOWED")
    }

    @Test func hearingRightOfArticle63() {
        #expect(rules.hearingRight(for: .init(kinds: [.fine], fineAmount: 9_999), party: .person) == nil)
        #expect(rules.hearingRight(for: .init(kinds: [.fine], fineAmount: 10_000), party: .person) != nil)
        #expect(rules.hearingRight(for: .init(kinds: [.fine], fineAmount: 10_000), party: .organization) == nil)
        #expect(rules.hearingRight(for: .init(kinds: [.confiscation], confiscationAmount: 100_000), party: .organization) != nil)
        #expect(rules.hearingRight(for: .init(kinds: [.revokeLicence]), party: .person)?.source.article == "第六十三条")
        #expect(rules.hearingRight(for: .init(kinds: [.warning]), party: .person) == nil)
    }

    @Test func threeDifferentPeople() {
        #expect(code { try SeparationOfDuties.check(handlers: ["a", "b"], reviewer: "c", approver: "d") } == nil)
        #expect(code { try SeparationOfDuties.check(handlers: ["a", "b"], reviewer: "c", approver: "a") } == "HANDLER_CANNOT_APPROVE")
        #expect(code { try SeparationOfDuties.check(handlers: ["a", "b"], reviewer: "c", approver: "c") } == "REVIEWER_CANNOT_APPROVE")
        #expect(code { try SeparationOfDuties.check(handlers: ["a", "b"], reviewer: "b", approver: "d") } == "REVIEWER_ON_CASE")
        #expect(code { try SeparationOfDuties.check(handlers: ["a", "b"], reviewer: nil, approver: "d") } == nil)
    }

    @Test func reviewerRules() {
        #expect(code { try MajorDecisionRule.checkReviewer(name: "甲", isOnCase: false, isFirstReview: true, legalProfessionQualified: true) } == nil)
        #expect(code { try MajorDecisionRule.checkReviewer(name: "甲", isOnCase: false, isFirstReview: false, legalProfessionQualified: false) } == nil)
        #expect(code { try MajorDecisionRule.checkReviewer(name: "甲", isOnCase: false, isFirstReview: true, legalProfessionQualified: false) } == "REVIEWER_NOT_QUALIFIED")
        #expect(code { try MajorDecisionRule.checkReviewer(name: "甲", isOnCase: true, isFirstReview: false, legalProfessionQualified: true) } == "REVIEWER_ON_CASE")
        let reasons = MajorDecisionRule.reasons(statutory: [.complex], powerCriteria: ["罚款10万元以上"], hearingHeld: true, outsideDiscretion: true)
        #expect(reasons.count == 4)
        #expect(MajorDecisionRule.reasons(statutory: [], powerCriteria: [], hearingHeld: false, outsideDiscretion: false).isEmpty)
    }

    @Test func teamNeedsTwoQualifiedOfficers() {
        let ok = TeamMember(name: "甲", isAuxiliary: false, refusal: nil, onPost: true)
        let ok2 = TeamMember(name: "乙", isAuxiliary: false, refusal: nil, onPost: true)
        let aux = TeamMember(name: "丙", isAuxiliary: true, refusal: nil, onPost: true)
        let offPost = TeamMember(name: "丁", isAuxiliary: false, refusal: nil, onPost: false)
        let expired = TeamMember(name: "戊", isAuxiliary: false, refusal: CaseRuleViolation("CERTIFICATE_EXPIRED", "到期"), onPost: true)
        #expect(HandlingTeam.problems([ok, ok2]).isEmpty)
        #expect(HandlingTeam.problems([ok, ok2, aux]).isEmpty)
        #expect(HandlingTeam.problems([ok, aux]).map(\.code) == ["TOO_FEW_OFFICERS"])
        #expect(HandlingTeam.problems([ok]).map(\.code) == ["TOO_FEW_OFFICERS"])
        #expect(HandlingTeam.problems([ok, offPost]).map(\.code) == ["OFFICER_NOT_ON_POST", "TOO_FEW_OFFICERS"])
        #expect(HandlingTeam.problems([ok, ok2, expired]).map(\.code) == ["CERTIFICATE_EXPIRED"])
    }

    @Test func decisionDocumentNamesEveryMissingElement() {
        var doc = DecisionDocument(parties: "某公司", factsAndEvidence: "事实", basis: "依据", content: "罚款", performance: "十五日内缴纳",
                                   remedies: "复议诉讼", agencyName: "长春市市场监督管理局", decidedOn: LocalDate(year: 2026, month: 11, day: 20))
        #expect(doc.missingElements.isEmpty)
        doc.basis = "  "
        doc.decidedOn = nil
        #expect(doc.missingElements == ["（三）适用依据", "（七）行政机关名称和决定日期"])
        do { try doc.checkComplete(); Issue.record("incomplete accepted") } catch {
            #expect(error.code == "DECISION_INCOMPLETE")
            #expect(error.source?.article == "第三十一条")
        }
        #expect(DocumentNumber.format(prefix: "长市监罚", year: 2026, sequence: 12) == "长市监罚〔2026〕12号")
    }

    @Test func discretionRange() {
        let tier = DiscretionRange(circumstance: "一般", minAmount: 5_000, maxAmount: 20_000)
        #expect(tier.contains(5_000) && tier.contains(20_000) && !tier.contains(4_999) && !tier.contains(20_001))
        #expect(code { try tier.check(amount: 30_000, reason: nil) } == "DISCRETION_REASON_REQUIRED")
        #expect(code { try tier.check(amount: 30_000, reason: " ") } == "DISCRETION_REASON_REQUIRED")
        #expect(code { try tier.check(amount: 30_000, reason: "涉案金额巨大") } == nil)
        #expect(code { try tier.check(amount: 10_000, reason: nil) } == nil)
    }
}
