import Foundation
import Testing
@testable import QuanzeCore

@Suite("移送与决定公开 Transfer and decision publicity rules")
struct CaseTransferRulesTests {
    @Test func aTransferToAnotherBodyClosesTheCaseAsTransferred() throws {
        for stage in [CaseStage.filed, .investigation, .review, .notice, .hearing, .legalReview] {
            let end = try CaseStateMachine.closeByTransfer(from: stage, procedure: .penaltyOrdinary, receivedByTransfer: false)
            #expect(end.stage == .closed)
            #expect(end.reason == .transferred)
            #expect(end.reason.label == "已移送")
        }
    }

    @Test func aReceivedCaseCannotBePassedOnAgain() {
        do {
            _ = try CaseStateMachine.closeByTransfer(from: .investigation, procedure: .penaltyOrdinary, receivedByTransfer: true)
            Issue.record("second transfer accepted")
        } catch {
            #expect(error.code == "TRANSFER_NOT_ALLOWED_AGAIN")
            #expect(error.source?.part == "篇十二")
            #expect(error.source?.seed == "004_cacaddb37daf54c4.txt")
        }
        // The judicial organs may still receive a suspected crime from a received case.
        #expect(throws: Never.self) {
            try CaseTransferRules.check(kind: .judicial, stage: .investigation, receivedByTransfer: true, judicialPending: false)
        }
    }

    @Test func closedOrDecidedCasesAreNotTransferred() {
        #expect(throws: CaseRuleViolation("CASE_CLOSED", "案件已结案，不能移送")) {
            try CaseTransferRules.check(kind: .judicial, stage: .closed, receivedByTransfer: false, judicialPending: false)
        }
        do {
            try CaseTransferRules.check(kind: .agency, stage: .service, receivedByTransfer: false, judicialPending: false)
            Issue.record("decided case transferred")
        } catch { #expect(error.code == "CASE_ALREADY_DECIDED") }
        do {
            try CaseTransferRules.check(kind: .judicial, stage: .review, receivedByTransfer: false, judicialPending: true)
            Issue.record("second judicial transfer accepted")
        } catch { #expect(error.code == "ALREADY_TRANSFERRED_TO_JUDICIAL") }
    }

    @Test(.enabled(if: SeedQuoteTests.seedDirectory != nil)) func theCitedRulesAreInTheSeed() throws {
        let text = try String(contentsOf: SeedQuoteTests.seedDirectory!.appendingPathComponent("004_cacaddb37daf54c4.txt"), encoding: .utf8)
        #expect(SeedParts.text(of: "篇十二", in: text).contains("10.完善行政执法案件移送工作机制"))
        #expect(SeedParts.text(of: "篇十二", in: text).contains("接受机构不得拒绝或者再次移送"))
        #expect(SeedParts.text(of: "篇二", in: text).contains("第十七条"))
        #expect(SeedParts.text(of: "篇二", in: text).contains("涉嫌构成犯罪的,应当及时移送公安机关处理,不得以行政处罚代替刑事处罚"))
    }

    @Test func publicationPeriodByProcedure() throws {
        #expect(DecisionPublicityRules.ruleCode(for: .penaltyOrdinary) == "license_penalty_publication")
        #expect(DecisionPublicityRules.ruleCode(for: .licensing) == "license_penalty_publication")
        #expect(DecisionPublicityRules.ruleCode(for: .seizure) == "enforcement_decision_publication")
        #expect(!DecisionPublicityRules.publishedByDefault(.inspection))
        let national = try #require(try ProfileRegistry.bundled().effective(id: "national"))
        #expect(national.deadline("license_penalty_publication")?.entry.value == 7)
        #expect(national.deadline("enforcement_decision_publication")?.entry.value == 20)
        #expect(national.deadline("penalty_publication_withdrawal")?.entry.value == 3)
    }

    @Test func portalTextMasksPersonsIDNumbersAndPhones() {
        let text = "当事人张三丰（身份证号 22010119900307123X，电话 13804310000、0431-88886666），长春某食品有限公司（统一社会信用代码 91220101MA0Y3XKQ1X）罚款65000元，长市监决字〔2026〕12号"
        let masked = DecisionPublicityRules.mask(text, personNames: ["张三丰"])
        #expect(!masked.contains("张三丰"))
        #expect(masked.contains("张**"))
        #expect(!masked.contains("22010119900307123X"))
        #expect(masked.contains("220***********123X"))
        #expect(!masked.contains("13804310000"))
        #expect(masked.contains("138****0000"))
        #expect(!masked.contains("88886666"))
        #expect(masked.contains("91220101MA0Y3XKQ1X"))
        #expect(masked.contains("罚款65000元"))
        #expect(masked.contains("〔2026〕12号"))
    }
}
