import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 责任追究 decisions acting on the rest of the platform (issue 6 item 6): `LiabilityConsequences.sync` is
/// called directly with a plan from `ConsequencesPlan`, as the decision service will, and the effects are
/// checked through the existing APIs (case filing, 年审, assessment).
@Suite("责任追究 consequences: certificates, posts, 停止执法, 年审, assessment")
struct LiabilityConsequenceTests {
    static let matter = DemoIDs.uuid(DemoLiability.matterKey)
    static func officer(_ i: Int) -> UUID { DemoIDs.uuid("officer:amr:\(i)") }
    static let number = "长法追决字〔2026〕7号"

    @discardableResult
    static func sync(_ app: Application, decision: UUID, officer: UUID? = nil, agency: UUID? = nil, profile: String,
                     sanctions: [String], status: LiabilityDecisionStatus, number: String = number) async throws -> [LiabilityConsequenceState] {
        let p = try #require(app.services.profiles.effective(id: profile))
        let plan = try ConsequencesPlan.plan(sanctions: sanctions, status: status, profile: p)
        let req = Request(application: app, on: app.eventLoopGroup.next())
        let r = LiabilityConsequenceRequest(decisionID: decision, matterID: matter, officerID: officer, agencyID: agency,
                                            documentNumber: number, decidedOn: try #require(LocalDate(iso: "2026-11-18")), plan: plan)
        return try await app.db.transaction { tx in try await LiabilityConsequences.sync(r, req: req, on: tx) }
    }

    static func certificate(_ app: Application, _ officer: UUID) async throws -> Certificate {
        try #require(try await OfficerQueries.currentCertificate(of: officer, on: app.db))
    }

    /// officer.amr1 files a penalty case with officer:amr:0 leading and `assist` assisting.
    static func file(_ app: Application, assist: UUID) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/cases", try await app.token("officer.amr1"),
                           CaseTests.filing(officers: [(CaseTests.officer(0), "lead"), (assist, "assist")]))
    }

    @Test("暂扣 at final: the certificate is suspended with an archive entry citing the decision, the officer is refused on a new case; sync twice changes nothing; 撤销 restores and the officer may act again")
    func suspendAtFinalThenRevoke() async throws {
        try await withTestApp { app, _ in
            let target = Self.officer(2)
            let decision = UUID()
            #expect(try await Self.certificate(app, target).status == .valid)
            let states = try await Self.sync(app, decision: decision, officer: target, profile: "hangzhou", sanctions: ["suspend_certificate"], status: .final)
            #expect(states.map(\.state) == ["applied"])
            #expect(states.first?.effect == "suspend_certificate")
            let cert = try await Self.certificate(app, target)
            #expect(cert.status == .suspended)
            #expect(cert.decisionDue == nil)
            let events = try await CertificateEvent.query(on: app.db).filter(\.$certificate.$id == cert.requireID()).sort(\.$sequence).all()
            #expect(events.last?.kind == .suspend && events.last?.documentRef == Self.number && events.last?.detail.contains(Self.number) == true)
            let refused = try await Self.file(app, assist: target)
            #expect(refused.errorCode == "CERTIFICATE_SUSPENDED", "\(refused.body.string.prefix(300))")
            #expect(refused.body.string.contains(Self.number))
            // A manual 恢复 is refused while the decision holds the certificate.
            let restore = try await app.send(.POST, "/api/v1/certificates/\(cert.requireID())/restore", try await app.token("legal.amr"), #"{"reason":"经核查，予以恢复"}"#)
            #expect(restore.errorCode == "CERTIFICATE_HELD_BY_LIABILITY")

            // Idempotent: a second call with the same plan changes nothing.
            let eventCount = events.count
            let audits = try await AuditEntry.query(on: app.db).count()
            let records = try await RecordEntry.query(on: app.db).count()
            let again = try await Self.sync(app, decision: decision, officer: target, profile: "hangzhou", sanctions: ["suspend_certificate"], status: .final)
            #expect(again == states)
            #expect(try await CertificateEvent.query(on: app.db).filter(\.$certificate.$id == cert.requireID()).count() == eventCount)
            #expect(try await AuditEntry.query(on: app.db).count() == audits)
            #expect(try await RecordEntry.query(on: app.db).count() == records)
            #expect(try await LiabilityConsequence.query(on: app.db).filter(\.$decisionID == decision).count() == 1)

            // 撤销 on appeal: the plan has no sanctions; the suspension is undone and recorded.
            let revoked = try await Self.sync(app, decision: decision, officer: target, profile: "hangzhou", sanctions: [], status: .final)
            #expect(revoked.map(\.state) == ["undone"])
            #expect(revoked.first?.note?.contains("恢复") == true)
            #expect(try await Self.certificate(app, target).status == .valid)
            let last = try await CertificateEvent.query(on: app.db).filter(\.$certificate.$id == cert.requireID()).sort(\.$sequence, .descending).first()
            #expect(last?.kind == .restore && last?.detail.contains(Self.number) == true)
            #expect(try await app.audits(.liabilityConsequenceUndo).count == 1)
            let filed = try await Self.file(app, assist: target)
            #expect(filed.status == .created, "\(filed.body.string.prefix(300))")
            // Undoing again changes nothing.
            let audited = try await AuditEntry.query(on: app.db).count()
            #expect(try await Self.sync(app, decision: decision, officer: target, profile: "hangzhou", sanctions: [], status: .final) == revoked)
            #expect(try await AuditEntry.query(on: app.db).count() == audited)
        }
    }

    @Test("served: waiting where an appeal suspends execution (hangzhou); applied at service under shandong-wrongful-case 第二十五条")
    func servedWaitsUnlessTheProfileSaysOtherwise() async throws {
        try await withTestApp { app, _ in
            let waiting = try await Self.sync(app, decision: UUID(), officer: Self.officer(2), profile: "hangzhou", sanctions: ["suspend_certificate"], status: .served)
            #expect(waiting.map(\.state) == ["waiting"])
            #expect(try await Self.certificate(app, Self.officer(2)).status == .valid)
            #expect(try await Self.file(app, assist: Self.officer(2)).status == .created)

            let decision = UUID()
            let applied = try await Self.sync(app, decision: decision, officer: Self.officer(3), profile: "shandong-wrongful-case", sanctions: ["suspend_certificate"], status: .served)
            #expect(applied.map(\.state) == ["applied"])
            #expect(applied.first?.reason.contains("第二十五条") == true)
            #expect(try await Self.certificate(app, Self.officer(3)).status == .suspended)
            // Under appeal it stays applied; 维持 (final) changes nothing.
            let events = try await CertificateEvent.query(on: app.db).count()
            #expect(try await Self.sync(app, decision: decision, officer: Self.officer(3), profile: "shandong-wrongful-case", sanctions: ["suspend_certificate"], status: .underAppeal).map(\.state) == ["applied"])
            #expect(try await Self.sync(app, decision: decision, officer: Self.officer(3), profile: "shandong-wrongful-case", sanctions: ["suspend_certificate"], status: .final).map(\.state) == ["applied"])
            #expect(try await CertificateEvent.query(on: app.db).count() == events)
        }
    }

    @Test("停止执法 refuses the officer with OFFICER_SUSPENDED_BY_LIABILITY; 变更 to a lighter sanction lifts it")
    func stopEnforcement() async throws {
        try await withTestApp { app, _ in
            let decision = UUID()
            try await Self.sync(app, decision: decision, officer: Self.officer(2), profile: "hangzhou", sanctions: ["stop_enforcement"], status: .final)
            let refused = try await Self.file(app, assist: Self.officer(2))
            #expect(refused.errorCode == "OFFICER_SUSPENDED_BY_LIABILITY", "\(refused.body.string.prefix(300))")
            #expect(refused.body.string.contains(Self.number))
            let states = try await Self.sync(app, decision: decision, officer: Self.officer(2), profile: "hangzhou", sanctions: ["officer_no_annual_merit"], status: .final)
            #expect(Set(states.map(\.state)) == ["undone", "applied"])
            #expect(try await Self.file(app, assist: Self.officer(2)).status == .created)
        }
    }

    @Test("调离岗位 ends the officer's current post assignments the day before it applies (then OFFICER_NOT_ON_POST); 撤销 re-opens exactly those")
    func transferOffPost() async throws {
        try await withTestApp { app, _ in
            let target = Self.officer(2)
            let before = try await PostAssignment.query(on: app.db).filter(\.$officer.$id == target).filter(\.$endDate == nil).all()
            #expect(!before.isEmpty)
            let decision = UUID()
            let states = try await Self.sync(app, decision: decision, officer: target, profile: "hangzhou", sanctions: ["officer_transfer_off_post"], status: .final)
            #expect(states.map(\.state) == ["applied"])
            #expect(try await PostAssignment.query(on: app.db).filter(\.$officer.$id == target).filter(\.$endDate == nil).count() == 0)
            for a in try await PostAssignment.query(on: app.db).filter(\.$id ~~ before.compactMap(\.id)).all() { #expect(a.endDate == "2026-11-19") }
            let row = try #require(try await LiabilityConsequence.query(on: app.db).filter(\.$decisionID == decision).first())
            #expect(Set(row.endedAssignments?.value ?? []) == Set(before.compactMap(\.id)))
            #expect(try await Self.file(app, assist: target).errorCode == "OFFICER_NOT_ON_POST")
            try await Self.sync(app, decision: decision, officer: target, profile: "hangzhou", sanctions: [], status: .final)
            #expect(try await PostAssignment.query(on: app.db).filter(\.$officer.$id == target).filter(\.$endDate == nil).count() == before.count)
        }
    }

    @Test("an officer concerned in an open liability matter cannot pass 年审 (FAULT_UNPROCESSED naming the matter) until it is closed; the officer page shows it")
    func annualInspectionBlockedWhileTheMatterIsOpen() async throws {
        try await withTestApp { app, _ in
            let person = try #require(try await LiabilityPerson.query(on: app.db).filter(\.$matterID == Self.matter).filter(\.$role == "handler_lead").first())
            let officerID = try #require(person.officerID)
            let cert = try await Self.certificate(app, officerID)
            cert.lastInspectionYear = 2025
            try await cert.save(on: app.db)
            let office = try await app.token("supervisor1")
            let refused = try await app.send(.POST, "/api/v1/certificates/\(cert.requireID())/inspect", office)
            #expect(refused.errorCode == "FAULT_UNPROCESSED", "\(refused.body.string.prefix(300))")
            let matter = try #require(try await LiabilityMatter.find(Self.matter, on: app.db))
            #expect(refused.body.string.contains(matter.filedOn))
            let legal = try await app.signIn("legal.amr")
            try await app.testing().test(.GET, "/console/officers/\(officerID)", headers: legal.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("尚未办结"))
            }
            try await app.testing().test(.GET, "/console/certificates/warnings", headers: try await app.signIn("supervisor1").headers) { res in
                #expect(res.body.string.contains("尚未办结，不予年审"))
            }
            matter.status = "closed"
            try await matter.save(on: app.db)
            let passed = try await app.send(.POST, "/api/v1/certificates/\(cert.requireID())/inspect", office)
            #expect(passed.status == .ok, "\(passed.body.string.prefix(300))")
        }
    }

    @Test("the officer page and certificate archive show the consequences in force with the decision number")
    func officerPage() async throws {
        try await withTestApp { app, _ in
            try await Self.sync(app, decision: UUID(), officer: Self.officer(2), profile: "hangzhou", sanctions: ["suspend_certificate"], status: .final)
            let legal = try await app.signIn("legal.amr")
            try await app.testing().test(.GET, "/console/officers/\(Self.officer(2))", headers: legal.headers) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("责任追究处理"))
                #expect(html.contains("暂扣行政执法证件"))
                #expect(html.contains(Self.number))
            }
        }
    }

    @Test("sanctions on bodies appear in the year's assessment with the decision cited; assessment_failed makes the grade 不合格")
    func agencySanctionsInAssessment() async throws {
        try await withTestApp { app, _ in
            let amr = DemoIDs.uuid("agency:amr"), eco = DemoIDs.uuid("agency:eco")
            try await Self.sync(app, decision: UUID(), agency: amr, profile: "national", sanctions: ["circulate_criticism"], status: .final)
            try await Self.sync(app, decision: UUID(), agency: eco, profile: "beijing-tongzhou", sanctions: ["agency_assessment_failed"], status: .final,
                                number: "长法追决字〔2026〕8号")
            // Waiting (not final) sanctions do not count.
            try await Self.sync(app, decision: UUID(), agency: amr, profile: "national", sanctions: ["rectify_within_deadline"], status: .served,
                                number: "长法追决字〔2026〕9号")
            let sup = try await app.token("supervisor1")
            let id = try await AssessmentTests.create(app, sup)
            let computed = try await app.send(.POST, "/api/v1/assessment-plans/\(id)/compute", sup)
            #expect(computed.status == .ok, "\(computed.body.string.prefix(300))")
            let plan = try computed.content.decode(AssessmentPlanDTO.self)
            let amrResult = try #require(plan.results.first { $0.targetId == amr })
            #expect(amrResult.liability.map(\.documentNumber) == [Self.number])
            #expect(amrResult.liability.first?.sanctionName == "通报批评")
            let ecoResult = try #require(plan.results.first { $0.targetId == eco })
            #expect(ecoResult.grade == "unqualified")
            #expect(ecoResult.liability.first?.effect == "assessment_failed")
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/assessments/\(id)", headers: session.headers) { res in
                #expect(res.body.string.contains(Self.number))
            }
        }
    }
}
