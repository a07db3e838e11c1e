import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("结案自动预审 and 重大行政处罚备案审查")
struct CaseCheckTests {
    static let amr = DemoIDs.uuid("agency:amr")
    static func demoCase(_ i: Int) -> UUID { DemoIDs.uuid("case:amr:\(i)") }

    static func findings(_ caseID: UUID, _ app: Application) async throws -> [CaseCheckFinding] {
        try await CaseCheckFinding.query(on: app.db).filter(\.$caseID == caseID).all()
    }

    /// Files a major penalty (第五十八条: 案情复杂) and walks it through 法制审核 to a decision on 2026-11-20.
    static func decideMajorCase(_ app: Application) async throws -> UUID {
        let handler = try await app.token("officer.amr1")
        let filed = try await app.send(.POST, "/api/v1/cases", handler, CaseTests.filing(extra: #","majorCriteria":["complex"]"#))
        #expect(filed.status == .created, "\(filed.body.string)")
        let id = try CaseTests.id(filed)
        let path = "/api/v1/cases/\(id)"
        for stage in ["investigation", "review"] {
            #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"\#(stage)"}"#).status == .ok)
        }
        #expect(try await app.send(.POST, "\(path)/advance", handler,
                                   #"{"to":"notice","sanction":{"kinds":["fine"],"fineAmount":5000},"partyKind":"organization"}"#).status == .ok)
        #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"legal_review"}"#).status == .ok)
        #expect(try await app.send(.POST, "\(path)/legal-review", try await app.token("legal.amr"), #"{"passed":true,"opinion":"同意。"}"#).status == .ok)
        let decision = #"{"factsAndEvidence":"现场检查笔录证实当事人无证经营。","basis":"《中华人民共和国食品安全法》第一百二十二条","content":"罚款5000元","performance":"自收到本决定书之日起十五日内缴至指定银行","sanction":{"kinds":["fine"],"fineAmount":5000},"collectingBank":"中国工商银行长春分行"}"#
        let decided = try await app.send(.POST, "\(path)/decision", try await app.token("officer.amr2"), decision)
        #expect(decided.status == .ok, "\(decided.body.string)")
        return id
    }

    @Test("closing a case runs the pre-check in the same step; a clean case has only the 待核 of an unbenchmarked fine")
    func closingRunsThePrecheck() async throws {
        try await withTestApp { app, _ in
            let id = try await Self.decideMajorCase(app)
            let handler = try await app.token("officer.amr1")
            let path = "/api/v1/cases/\(id)"
            #expect(try await CaseCheckRun.find(id, on: app.db) == nil)
            #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"service"}"#).status == .ok)
            #expect(try await app.send(.POST, "\(path)/payments", handler,
                                       #"{"amount":"5000","paidOn":"2026-11-20","receiptNumber":"ICBC-CHK-1","channel":"bank"}"#).status == .created)
            for stage in ["execution", "closed"] {
                #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"\#(stage)"}"#).status == .ok)
            }
            let run = try #require(try await CaseCheckRun.find(id, on: app.db))
            #expect(run.errors == 0 && run.warnings == 1 && run.year == 2026)
            let found = try await Self.findings(id, app)
            #expect(found.map(\.ruleCode) == ["DISCRETION_RANGE"])
            #expect(found.first?.severity == .warning)
            #expect(found.first?.source.contains("通州区行政处罚自由裁量权监督规定 第四条(二)") == true)
            let api = try await app.send(.GET, "\(path)/checks", try await app.token("supervisor1"))
            #expect(api.status == .ok)
            #expect(try api.content.get([CaseCheckFindingDTO].self, at: "findings").map(\.rule) == ["DISCRETION_RANGE"])
        }
    }

    @Test("the demo's closed cases carry their findings: missing 法制审核, missing 告知 record, late 送达, a certificate without 年审")
    func demoFindings() async throws {
        try await withTestApp { app, _ in
            // Case 22: 案情复杂 (major), decided 2026-03-30 without 法制审核.
            let c22 = try await Self.findings(Self.demoCase(22), app)
            #expect(c22.map(\.ruleCode) == ["LEGAL_REVIEW"])
            #expect(c22.first?.message == "重大执法决定未经法制审核即于 2026-03-30 作出决定")
            #expect(c22.first?.source.contains("吉政办发〔2016〕91号 四(一)") == true)
            // Case 11, also major, was reviewed before its decision: no finding.
            #expect(try await Self.findings(Self.demoCase(11), app).isEmpty)
            // Case 3: no 告知 on record (吉政办发〔2016〕91号 四(一) 全过程记录).
            let c3 = try await Self.findings(Self.demoCase(3), app)
            #expect(c3.map(\.ruleCode) == ["RECORDED_STEPS"])
            #expect(c3.first?.message == "缺少以下环节的记录：告知（陈述申辩）")
            // Case 4: decided 2026-05-20 (Wed), 7 工作日 → 2026-05-29, served 2026-06-03 (行政处罚法 第六十一条).
            let c4 = try await Self.findings(Self.demoCase(4), app)
            #expect(c4.map(\.ruleCode) == ["SERVICE_TERM"])
            #expect(c4.first?.message == "决定书应于 2026-05-29 前送达（7个工作日），实际 2026-06-03 送达")
            #expect(c4.first?.source.contains("第六十一条") == true)
            // Case 8: the assisting officer's certificate missed the 2026 年审, so one qualified handler only.
            let c8 = try await Self.findings(Self.demoCase(8), app)
            #expect(Set(c8.map(\.ruleCode)) == ["CERTIFICATES_VALID", "TWO_OFFICERS"])
            #expect(c8.contains { $0.message.contains("未通过 2026 年度年审") })
            // Every closed case has been checked (a run row each).
            let closed = try await EnforcementCase.query(on: app.db).filter(\.$stage == .closed).count()
            #expect(try await CaseCheckRun.query(on: app.db).count() == closed)
        }
    }

    @Test("re-running replaces a case's findings idempotently: an expired certificate, a late limit")
    func rerunAfterChanges() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            // Officer 3 (the assisting handler of most demo cases) — certificate expired 2026-01-31.
            let cert = try #require(try await Certificate.find(DemoIDs.uuid("certificate:amr:3"), on: app.db))
            cert.validUntil = "2026-01-31"
            try await cert.save(on: app.db)
            // Case 2's 90 日 limit met 9 days late.
            let limit = try #require(try await CaseDeadline.query(on: app.db).filter(\.$enforcementCase.$id == Self.demoCase(2))
                .filter(\.$code == "penalty_decision").first())
            limit.due = "2026-08-31"
            limit.metOn = "2026-09-09"
            try await limit.save(on: app.db)
            let ran = try await app.send(.POST, "/api/v1/case-checks/run", legal, #"{"year":2026}"#)
            #expect(ran.status == .ok, "\(ran.body.string)")
            let first = try ran.content.decode(CaseCheckRunDTO.self)
            let c2 = try await Self.findings(Self.demoCase(2), app)
            #expect(Set(c2.map(\.ruleCode)) == ["CERTIFICATES_VALID", "TWO_OFFICERS", "DEADLINES_MET"])
            #expect(c2.contains { $0.message.contains("证件 JLCC-") && $0.message.contains("已于 2026-01-31 到期") })
            let late = try #require(c2.first { $0.ruleCode == "DEADLINES_MET" })
            #expect(late.message == "“作出行政处罚决定”应于 2026-08-31 前完成，实际 2026-09-09 完成，逾期9日")
            #expect(late.source.contains("行政处罚法 第六十条"))
            // Case 17 was filed 2026-01-10, while the certificate was still valid.
            #expect(try await Self.findings(Self.demoCase(17), app).isEmpty)
            // Again: the same findings, not twice.
            let total = try await CaseCheckFinding.query(on: app.db).count()
            let again = try await app.send(.POST, "/api/v1/case-checks/run", legal, #"{"year":2026}"#)
            #expect(try again.content.decode(CaseCheckRunDTO.self).findings == first.findings)
            #expect(try await CaseCheckFinding.query(on: app.db).count() == total)
            #expect(try await app.audits(.caseChecksRun).count == 2)
        }
    }

    @Test("statistics for the lead: closed, checked, with findings, per rule; the case ids with findings")
    func statistics() async throws {
        try await withTestApp { app, _ in
            let s = try await CaseCheckStatistics.summary(agencyID: Self.amr, year: 2026, on: app.db)
            let closed = try await EnforcementCase.query(on: app.db).filter(\.$agency.$id == Self.amr).filter(\.$stage == .closed).count()
            #expect(s.closedCases == closed && s.checkedCases == closed)
            #expect(s.rules.map(\.rule) == CaseCheckRule.all.map(\.code))
            #expect(s.rules.first { $0.rule == "LEGAL_REVIEW" }?.errors == 1)
            #expect(s.rules.first { $0.rule == "SERVICE_TERM" }?.errors == 1)
            #expect(s.rules.first { $0.rule == "LEGAL_REVIEW" }?.source.contains("吉政办发") == true)
            let withFindings = try await CaseCheckStatistics.caseIDsWithFindings(agencyID: Self.amr, year: 2026, on: app.db)
            #expect(withFindings.count == s.casesWithFindings)
            #expect(Set([3, 4, 8, 22].map(Self.demoCase)).isSubset(of: Set(withFindings)))
            #expect(!withFindings.contains(Self.demoCase(11)))
            let errors = try await CaseCheckStatistics.caseIDsWithFindings(agencyID: Self.amr, year: 2026, minimum: .error, on: app.db)
            #expect(errors.count == s.casesWithErrors)
            let all = try await CaseCheckStatistics.summary(agencyID: nil, year: 2026, on: app.db)
            #expect(all.closedCases >= s.closedCases)
            #expect(try await CaseCheckStatistics.summary(agencyID: Self.amr, year: 2025, on: app.db).closedCases == 0)
        }
    }

    @Test("scope: 监督员 and 评查员 their jurisdiction, 法制员 the own body; officers not at all")
    func scope() async throws {
        try await withTestApp { app, _ in
            let supervisor = try await app.send(.GET, "/api/v1/case-checks?year=2026&rule=LEGAL_REVIEW", try await app.token("supervisor1"))
            #expect(supervisor.status == .ok)
            let list = try supervisor.content.decode(CaseCheckListDTO.self)
            #expect(list.findings.map(\.caseId).contains(Self.demoCase(22)))
            #expect(list.findings.allSatisfy { $0.rule == "LEGAL_REVIEW" })
            let reviewer = try await app.send(.GET, "/api/v1/case-checks?year=2026&agencyId=\(Self.amr)", try await app.token("reviewer1"))
            #expect(try reviewer.content.decode(CaseCheckListDTO.self).total > 0)
            let eco = try await app.send(.GET, "/api/v1/case-checks?year=2026", try await app.token("legal.eco"))
            #expect(try eco.content.decode(CaseCheckListDTO.self).findings.allSatisfy { $0.agencyId == DemoIDs.uuid("agency:eco") })
            #expect(try await app.send(.GET, "/api/v1/case-checks?agencyId=\(Self.amr)", try await app.token("legal.eco")).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, "/api/v1/case-checks?agencyId=\(Self.amr)", try await app.token("supervisor.tz")).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, "/api/v1/case-checks", try await app.token("officer.amr1")).status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/case-checks?rule=NOPE", try await app.token("supervisor1")).errorCode == "VALIDATION_FAILED")
            #expect(try await app.send(.GET, "/api/v1/case-checks?year=", try await app.token("supervisor1")).errorCode == "VALIDATION_FAILED")
            #expect(try await app.send(.GET, "/api/v1/cases/\(Self.demoCase(22))/checks", try await app.token("officer.eco1")).errorCode == "OUT_OF_SCOPE")
            // The console list: counts per rule, links to the cases.
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/case-checks?year=2026&rule=LEGAL_REVIEW", headers: session.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("重大执法决定经法制审核通过"))
                #expect(res.body.string.contains(SiteURL.consoleCase(Self.demoCase(22))))
            }
            try await app.testing().test(.GET, SiteURL.consoleCase(Self.demoCase(22)), headers: session.headers) { res in
                #expect(res.body.string.contains("结案自动预审"))
                #expect(res.body.string.contains("重大执法决定未经法制审核即于 2026-03-30 作出决定"))
            }
        }
    }

    @Test("a major decision opens its filing; no seed sets a filing period (长春 实施意见 篇十二 neither), so it has no due day and says why")
    func filingOpenedByTheDecision() async throws {
        try await withTestApp { app, _ in
            let id = try await Self.decideMajorCase(app)
            let f = try #require(try await MajorFilingQueries.ofCase(id, on: app.db))
            #expect(f.status == .pending)
            #expect(f.decidedOn == "2026-11-20")
            #expect(f.due == nil)
            #expect(f.dueSource == MajorFilingService.noPeriod)
            #expect(f.majorReasons.contains { $0.contains("疑难复杂") })
            let shown = try await app.send(.GET, "/api/v1/major-filings/\(try f.requireID())", try await app.token("legal.amr"))
            #expect(try shown.content.get(String.self, at: "warning") == "none")
            // A decision that is not major opens none (demo case 24 is closed without one).
            #expect(try await MajorFilingQueries.ofCase(Self.demoCase(24), on: app.db) == nil)
        }
    }

    @Test("filing and review: overdue unfiled, review before filing, filing twice, another body or jurisdiction, empty reasons, 不通过 → intake")
    func filingAndReview() async throws {
        try await withTestApp { app, _ in
            let filingID = DemoIDs.uuid("major-filing:amr:22")
            let path = "/api/v1/major-filings/\(filingID)"
            let supervisor = try await app.token("supervisor1")
            let legal = try await app.token("legal.amr")
            // Decided 2026-03-30, not filed; the profile sets no filing period, so no due day and no warning.
            let before = try await app.send(.GET, path, legal)
            #expect((try? before.content.get(String.self, at: "due")) == nil)
            #expect(try before.content.get(String.self, at: "dueSource") == MajorFilingService.noPeriod)
            #expect(try before.content.get(String.self, at: "warning") == "none")
            let pending = try await app.send(.GET, "/api/v1/major-filings?status=pending", supervisor)
            #expect(try pending.content.decode([MajorFilingDTO].self).first?.id == filingID)
            #expect(try await app.send(.POST, "\(path)/review", supervisor, #"{"conclusion":"passed"}"#).errorCode == "FILING_NOT_FILED")
            let body = #"{"report":"重大行政处罚决定报送备案。","documents":["行政处罚决定书","法制审核意见书"]}"#
            #expect(try await app.send(.POST, "\(path)/file", try await app.token("officer.eco1"), body).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.POST, "\(path)/file", legal, #"{"report":"报送","documents":[]}"#).errorCode == "VALIDATION_FAILED")
            let filed = try await app.send(.POST, "\(path)/file", legal, body)
            #expect(filed.status == .ok, "\(filed.body.string)")
            #expect(try filed.content.get(String.self, at: "status") == "filed")
            #expect(try filed.content.get(Bool.self, at: "filedLate") == false)
            #expect(try await app.send(.POST, "\(path)/file", try await app.token("officer.amr1"), body).errorCode == "FILING_ALREADY_FILED")
            #expect(try await app.send(.POST, "\(path)/review", try await app.token("supervisor.tz"), #"{"conclusion":"passed"}"#).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.POST, "\(path)/review", legal, #"{"conclusion":"passed"}"#).status == .forbidden)
            #expect(try await app.send(.POST, "\(path)/review", supervisor, #"{"conclusion":"failed"}"#).errorCode == "VALIDATION_FAILED")
            #expect(try await app.send(.POST, "\(path)/review", supervisor, #"{"conclusion":"failed","reasons":"  "}"#).errorCode == "VALIDATION_FAILED")
            let intakeBefore = try await LiabilityIntake.query(on: app.db).filter(\.$sourceKind == "filing_review").count()
            let reviewed = try await app.send(.POST, "\(path)/review", supervisor, #"{"conclusion":"failed","reasons":"应审未审，程序违法。"}"#)
            #expect(reviewed.status == .ok, "\(reviewed.body.string)")
            #expect(try reviewed.content.get(String.self, at: "status") == "failed")
            let item = try #require(try await LiabilityIntake.query(on: app.db).filter(\.$sourceKind == "filing_review").filter(\.$sourceID == filingID).first())
            #expect(item.caseID == Self.demoCase(22))
            #expect(try await LiabilityIntake.query(on: app.db).filter(\.$sourceKind == "filing_review").count() == intakeBefore + 1)
            #expect(try reviewed.content.get(UUID.self, at: "intakeId") == item.id)
            #expect(try await app.send(.POST, "\(path)/review", supervisor, #"{"conclusion":"passed"}"#).errorCode == "FILING_ALREADY_REVIEWED")
            // Both steps are in the case's stream, and audited.
            let kinds = try await RecordLog.entries(stream: CaseJournal.stream(Self.demoCase(22)), on: app.db).map(\.kind)
            #expect(kinds.suffix(2) == ["case.major_filing", "case.major_filing_review"])
            #expect(try await app.audits(.majorFilingFile).count == 1)
            #expect(try await app.audits(.majorFilingReview).count == 1)
            // The intake list names the source.
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, SiteURL.consoleLiabilityIntake, headers: session.headers) { res in
                #expect(res.body.string.contains("重大执法决定备案审查不通过"))
            }
        }
    }

    @Test("the demo's filings: passed, unfiled without a due day, failed with its intake item")
    func demoFilings() async throws {
        try await withTestApp { app, _ in
            let list = try await app.send(.GET, "/api/v1/major-filings", try await app.token("reviewer1"))
            let rows = try list.content.decode([MajorFilingDTO].self)
            #expect(rows.contains { $0.status == .passed })
            #expect(rows.contains { $0.status == .pending && $0.due == nil && $0.warning == WarningLevel.none })
            #expect(rows.allSatisfy { $0.due == nil && !$0.filedLate })
            let failed = try #require(rows.first { $0.status == .failed })
            #expect(failed.intakeId != nil)
            #expect(try await app.send(.GET, "/api/v1/major-filings", try await app.token("legal.eco")).content.decode([MajorFilingDTO].self).isEmpty)
        }
    }

    @Test("console: the body files and the legal office reviews with the forms")
    func consoleForms() async throws {
        try await withTestApp { app, _ in
            let filingID = DemoIDs.uuid("major-filing:amr:22")
            let legal = try await app.signIn("legal.amr")
            try await app.testing().test(.POST, SiteURL.consoleMajorFilingAction(filingID, "file"), headers: legal.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": legal.csrf, "report": "", "documents": "行政处罚决定书"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("不能为空"))
            }
            try await app.testing().test(.POST, SiteURL.consoleMajorFilingAction(filingID, "file"), headers: legal.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": legal.csrf, "report": "报送备案。", "documents": "行政处罚决定书\n法制审核意见书"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已报送备案"))
                #expect(!res.body.string.contains("逾期备案"))
                #expect(res.body.string.contains("未规定"))
            }
            let supervisor = try await app.signIn("supervisor1")
            try await app.testing().test(.POST, SiteURL.consoleMajorFilingAction(filingID, "review"), headers: supervisor.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": supervisor.csrf, "conclusion": "passed", "reasons": ""], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已记录审查结论：通过"))
            }
            try await app.testing().test(.GET, SiteURL.consoleMajorFilings, headers: supervisor.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("重大行政处罚备案审查"))
            }
        }
    }
}
