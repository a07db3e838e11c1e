import Testing
@testable import QuanzeCore

@Suite struct CaseStateMachineTests {
    typealias Machine = CaseStateMachine

    @Test func ordinaryPenaltyTakesOnlyTheStagesItNeeds() {
        let plain = Machine.path(of: .penaltyOrdinary, context: .init())
        #expect(plain == [.filed, .investigation, .review, .notice, .decision, .service, .execution, .closed])
        let full = Machine.path(of: .penaltyOrdinary, context: .init(hearingRequested: true, legalReviewRequired: true))
        #expect(full == [.filed, .investigation, .review, .notice, .hearing, .legalReview, .decision, .service, .execution, .closed])
        #expect(Machine.path(of: .licensing, context: .init(needsExecution: false)) == [.filed, .review, .notice, .decision, .service, .closed])
    }

    @Test func refusesAJumpAndNamesTheExpectedStage() {
        #expect(throws: CaseRuleViolation.self) { try Machine.check(from: .filed, to: .decision, procedure: .penaltyOrdinary, context: .init()) }
        do {
            try Machine.check(from: .filed, to: .decision, procedure: .penaltyOrdinary, context: .init())
            Issue.record("jump accepted")
        } catch {
            #expect(error.code == "STAGE_OUT_OF_ORDER")
            #expect(error.message.contains("调查取证"))
        }
    }

    @Test func aMajorDecisionCannotSkipLegalReview() throws {
        let ctx = CaseStateMachine.Context(legalReviewRequired: true)
        do {
            try Machine.check(from: .notice, to: .decision, procedure: .penaltyOrdinary, context: ctx)
            Issue.record("decision without review accepted")
        } catch {
            #expect(error.code == "LEGAL_REVIEW_REQUIRED")
            #expect(error.source?.article == "四(一)")
        }
        try Machine.check(from: .notice, to: .legalReview, procedure: .penaltyOrdinary, context: ctx)
        try Machine.check(from: .legalReview, to: .decision, procedure: .penaltyOrdinary, context: ctx)
    }

    @Test func noHearingUnlessRequested() {
        do {
            try Machine.check(from: .notice, to: .hearing, procedure: .penaltyOrdinary, context: .init())
            Issue.record("hearing accepted")
        } catch { #expect(error.code == "HEARING_NOT_REQUESTED") }
    }

    @Test func nothingAfterClosingAndNoStageForeignToTheProcedure() {
        do { try Machine.check(from: .closed, to: .execution, procedure: .inspection, context: .init()); Issue.record("accepted") }
        catch { #expect(error.code == "STAGE_NOT_IN_PROCEDURE") }
        do { try Machine.check(from: .closed, to: .closed, procedure: .inspection, context: .init()); Issue.record("accepted") }
        catch { #expect(error.code == "CASE_CLOSED") }
    }

    @Test func flowStepsAreRecognisedByName() {
        #expect(Machine.stage(ofFlowStep: "告知陈述申辩、听证") == .notice)
        #expect(Machine.stage(ofFlowStep: "法制审核") == .legalReview)
        #expect(Machine.stage(ofFlowStep: "作出处理决定") == .decision)
        #expect(Machine.stage(ofFlowStep: "执行与结案归档") == .execution)
        #expect(Machine.stage(ofFlowStep: "受理") == .filed)
        #expect(Machine.stage(ofFlowStep: "现场检查") == .investigation)
        #expect(Machine.stage(ofFlowStep: "处理（责令改正或移送立案）") == .decision)
    }
}
