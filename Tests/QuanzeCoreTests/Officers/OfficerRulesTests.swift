import Testing
@testable import QuanzeCore

@Suite("执法资格与证件规则 Officer qualification and certificate rules")
struct OfficerRulesTests {
    let tongzhou = OfficerRules(profile: try! ProfileRegistry.bundled().effective(id: "beijing-tongzhou"))

    func facts(_ employment: EmploymentType = .established, held: Bool = false, total: Int = 60,
               thisYear: Int = 72, exam: Bool = true, status: OfficerStatus = .serving) -> QualificationFacts {
        QualificationFacts(employment: employment, status: status, hasHeldCertificate: held,
                           totalTrainingHours: total, trainingHoursThisYear: thisYear, examPassedThisYear: exam)
    }

    @Test func tongzhouSetsTheNumbersWithSources() throws {
        #expect(tongzhou.newStaffTrainingHours?.value == 60)
        #expect(tongzhou.yearlyTrainingHours?.value == 72)
        #expect(tongzhou.suspensionsForRevocation?.value == 3)
        #expect(tongzhou.suspensionDecision?.display == "2个月")
        #expect(tongzhou.newStaffTrainingHours?.source.article == "第八条")
        #expect(tongzhou.suspensionDecision?.source.article == "第十八条")
    }

    @Test func newStaffNeedSixtyHoursInTongzhou() {
        #expect(Qualification.evaluate(facts(total: 60), rules: tongzhou).qualified)
        let short = Qualification.evaluate(facts(total: 59), rules: tongzhou)
        #expect(!short.qualified)
        #expect(short.unmet.first?.contains("不足60学时") == true)
    }

    @Test func servingStaffNeedSeventyTwoHoursThisYear() {
        #expect(Qualification.evaluate(facts(held: true, total: 10, thisYear: 72), rules: tongzhou).qualified)
        #expect(!Qualification.evaluate(facts(held: true, total: 500, thisYear: 71), rules: tongzhou).qualified)
    }

    @Test func auxiliaryAndContractedStaffNeverQualify() {
        #expect(Qualification.evaluate(facts(.auxiliary), rules: tongzhou).unmet.contains { $0.contains("辅助人员") })
        #expect(!Qualification.evaluate(facts(.contracted), rules: tongzhou).qualified)
        #expect(!Qualification.evaluate(facts(.auxiliary), rules: OfficerRules()).qualified)
    }

    @Test func theYearsExamIsRequiredEverywhere() {
        #expect(!Qualification.evaluate(facts(exam: false), rules: OfficerRules()).qualified)
        #expect(Qualification.evaluate(facts(total: 0), rules: OfficerRules()).qualified, "no training minimum when the profile sets none")
        #expect(!Qualification.evaluate(facts(status: .retired), rules: OfficerRules()).qualified)
    }

    @Test func lifecycleAllowsOnlyLawfulMoves() throws {
        #expect(try CertificateLifecycle.next(from: .valid, on: .suspend) == .suspended)
        #expect(try CertificateLifecycle.next(from: .suspended, on: .restore) == .valid)
        #expect(try CertificateLifecycle.next(from: .suspended, on: .revoke) == .revoked)
        #expect(try CertificateLifecycle.next(from: .valid, on: .cancel) == .cancelled)
        #expect(throws: CertificateRefusal.self) { try CertificateLifecycle.next(from: .valid, on: .restore) }
        #expect(throws: CertificateRefusal.self) { try CertificateLifecycle.next(from: .revoked, on: .suspend) }
        #expect(throws: CertificateRefusal.self) { try CertificateLifecycle.next(from: .cancelled, on: .inspect) }
        #expect(throws: CertificateRefusal.self) { try CertificateLifecycle.next(from: .suspended, on: .inspect) }
    }

    @Test func suspensionMustBeDecidedWithinTwoMonths() throws {
        let on = try #require(LocalDate(iso: "2026-08-31"))
        let due = try #require(SuspensionCheck.decisionDue(suspendedOn: on, rule: tongzhou.suspensionDecision))
        #expect(due.iso == "2026-10-31")
        #expect(!SuspensionCheck.isOverdue(due: due, today: try #require(LocalDate(iso: "2026-10-31"))))
        #expect(SuspensionCheck.isOverdue(due: due, today: try #require(LocalDate(iso: "2026-11-01"))))
        #expect(SuspensionCheck.decisionDue(suspendedOn: on, rule: nil) == nil)
    }

    @Test func theThirdSuspensionProposesRevocation() {
        #expect(!SuspensionCheck.proposesRevocation(suspensionCount: 2, rule: tongzhou.suspensionsForRevocation))
        #expect(SuspensionCheck.proposesRevocation(suspensionCount: 3, rule: tongzhou.suspensionsForRevocation))
        #expect(!SuspensionCheck.proposesRevocation(suspensionCount: 9, rule: nil))
    }

    @Test func inspectionNeedsTheExamAndNoUnprocessedFault() {
        #expect(AnnualInspection.refusal(examPassedThisYear: true, unprocessedFaults: 0, status: .valid, alreadyInspected: false, year: 2026) == nil)
        #expect(AnnualInspection.refusal(examPassedThisYear: false, unprocessedFaults: 0, status: .valid, alreadyInspected: false, year: 2026)?.code == "INSPECTION_NOT_PASSED")
        let fault = AnnualInspection.refusal(examPassedThisYear: true, unprocessedFaults: 1, status: .valid, alreadyInspected: false, year: 2026)
        #expect(fault?.message.contains("过错记录未经处理") == true)
        #expect(AnnualInspection.refusal(examPassedThisYear: true, unprocessedFaults: 0, status: .suspended, alreadyInspected: false, year: 2026)?.code == "CERTIFICATE_NOT_VALID")
        #expect(AnnualInspection.refusal(examPassedThisYear: true, unprocessedFaults: 0, status: .valid, alreadyInspected: true, year: 2026)?.code == "ALREADY_INSPECTED")
    }

    @Test func publicStatusTellsAMissingInspection() throws {
        let today = try #require(LocalDate(iso: "2026-11-20"))
        let issued = try #require(LocalDate(iso: "2024-03-01"))
        let until = try #require(LocalDate(iso: "2029-02-28"))
        #expect(PublicCertificateStatus.of(status: .valid, validUntil: until, issuedOn: issued, lastInspectionYear: 2026, today: today) == .valid)
        #expect(PublicCertificateStatus.of(status: .valid, validUntil: until, issuedOn: issued, lastInspectionYear: 2025, today: today) == .notInspected)
        #expect(PublicCertificateStatus.of(status: .valid, validUntil: try #require(LocalDate(iso: "2026-11-19")), issuedOn: issued, lastInspectionYear: 2026, today: today) == .expired)
        #expect(PublicCertificateStatus.of(status: .suspended, validUntil: until, issuedOn: issued, lastInspectionYear: 2026, today: today) == .suspended)
    }
}
