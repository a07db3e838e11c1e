import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 案卷评查 (通州区行政处罚案卷评查工作规范, `004_*` 篇十一) and 监督文书. Today is 2026-11-20.
@Suite("案卷评查 and 监督文书")
struct FileReviewTests {
    static let amr = DemoIDs.uuid("agency:amr")

    /// A 日常抽查 of 市场监管 with the three demo reviewers; returns the plan id.
    static func createSpotPlan(_ app: Application, _ sup: String, sampleSize: Int = 2) async throws -> UUID {
        let r1 = try await app.userID("reviewer1"), r2 = try await app.userID("reviewer2"), r3 = try await app.userID("reviewer3")
        let body = """
        {"name":"市场监管日常抽查","kind":"spot","year":2026,"periodFrom":"2026-01-01","periodTo":"2026-11-20","sampleSize":\(sampleSize),
         "agencyIds":["\(amr)"],"reviewerIds":["\(r1)","\(r2)","\(r3)"]}
        """
        let res = try await app.send(.POST, "/api/v1/review-plans", sup, body)
        #expect(res.status == .created, "\(res.body.string.prefix(300))")
        return try res.content.decode(ReviewPlanDTO.self).id
    }

    static func systemNumbers(_ app: Application, plan: UUID) async throws -> [String] {
        let p = try #require(try await ReviewPlan.find(plan, on: app.db))
        return try await FileReviewPlanService.systemCatalog(agencyID: amr, plan: p, on: app.db).map(\.number)
    }

    /// Reports the exact catalog and draws; returns the drawn sheets.
    static func drawnPlan(_ app: Application, sampleSize: Int = 2) async throws -> (plan: UUID, sheets: [ReviewSheetDTO], sup: String) {
        let sup = try await app.token("supervisor1"), legal = try await app.token("legal.amr")
        let plan = try await createSpotPlan(app, sup, sampleSize: sampleSize)
        let numbers = try await systemNumbers(app, plan: plan)
        let json = String(data: try JSONEncoder().encode(["caseNumbers": numbers]), encoding: .utf8)!
        let rep = try await app.send(.PUT, "/api/v1/review-plans/\(plan)/catalog", legal, json)
        #expect(rep.status == .ok, "\(rep.body.string.prefix(300))")
        let drawn = try await app.send(.POST, "/api/v1/review-plans/\(plan)/draw", sup)
        #expect(drawn.status == .ok, "\(drawn.body.string.prefix(300))")
        return (plan, try drawn.content.decode(ReviewPlanDTO.self).sheets, sup)
    }

    static let failingScore = """
    {"deductions":[{"code":"A2","points":18,"problem":"主要证据不足","grounds":"行政处罚法 第四十条","advice":"补强证据"},
                   {"code":"A4","points":15,"problem":"未告知听证权利","grounds":"行政处罚法 第六十三条","advice":"履行告知程序"},
                   {"code":"B3","points":10,"problem":"送达回证缺失","grounds":"第十九条","advice":"规范归档"}]}
    """

    @Test("a standard whose points do not sum to 100 is refused with POINTS_NOT_100; a valid one becomes the next version")
    func standardWeights() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let bad = """
            {"name":"评查标准","passMark":60,"criteria":[{"code":"A","group":"合法性","title":"事实证据","points":60},{"code":"B","group":"程序","title":"程序","points":30}]}
            """
            let res = try await app.send(.POST, "/api/v1/review-standards", sup, bad)
            #expect(res.status == .unprocessableEntity)
            #expect(res.errorCode == "POINTS_NOT_100")
            let good = bad.replacingOccurrences(of: "\"points\":30", with: "\"points\":40")
            let ok = try await app.send(.POST, "/api/v1/review-standards", sup, good)
            #expect(ok.status == .created)
            #expect(try ok.content.decode(ReviewStandardDTO.self).version == 2)
            #expect(try await app.audits(.reviewStandardCreate).count == 1)
            // the demo sheets keep version 1
            let sheet = try #require(try await ReviewSheet.find(DemoFileReview.sheetID(1), on: app.db))
            #expect(try await ReviewStandard.find(sheet.standardID, on: app.db)?.version == 1)
        }
    }

    @Test("a mismatching catalog blocks the draw until the legal office accepts the written explanation")
    func catalogMismatch() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1"), legal = try await app.token("legal.amr")
            let plan = try await Self.createSpotPlan(app, sup)
            let system = try await Self.systemNumbers(app, plan: plan)
            let rep = try await app.send(.PUT, "/api/v1/review-plans/\(plan)/catalog", legal, #"{"count":\#(system.count + 1)}"#)
            let body = try #require(try rep.content.decode(ReviewPlanDTO.self).bodies.first)
            #expect(body.matches == false && body.systemCount == system.count && body.reportedCount == system.count + 1)
            #expect(try await app.send(.POST, "/api/v1/review-plans/\(plan)/draw", sup).errorCode == "CATALOG_MISMATCH")
            #expect(try await app.send(.POST, "/api/v1/review-plans/\(plan)/bodies/\(Self.amr)/resolve", sup, #"{"resolution":"同意"}"#).errorCode
                    == "EXPLANATION_REQUIRED")
            _ = try await app.send(.PUT, "/api/v1/review-plans/\(plan)/catalog", legal,
                                   #"{"count":\#(system.count + 1),"explanation":"一件案件在系统外办理，已补录"}"#)
            let resolved = try await app.send(.POST, "/api/v1/review-plans/\(plan)/bodies/\(Self.amr)/resolve", sup, #"{"resolution":"说明属实，同意抽取"}"#)
            #expect(resolved.status == .ok)
            #expect(try await app.send(.POST, "/api/v1/review-plans/\(plan)/draw", sup).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/review-plans/\(plan)/draw", sup).errorCode == "PLAN_ALREADY_DRAWN")
            // every step is in the plan's record stream
            let kinds = try await RecordEntry.query(on: app.db).filter(\.$stream == "review:\(plan.uuidString.lowercased())").all().map(\.kind)
            #expect(kinds.contains("review.catalog_report") && kinds.contains("review.catalog_resolve") && kinds.contains("review.draw"))
        }
    }

    @Test("the draw is reproducible from the published seed, and the same input always gives the same files")
    func drawReproducible() async throws {
        try await withTestApp { app, _ in
            let (plan, sheets, sup) = try await Self.drawnPlan(app)
            #expect(sheets.count == 2)
            let v = try await app.send(.GET, "/api/v1/review-plans/\(plan)/redraw", sup)
            #expect(try v.content.get(Bool.self, at: "matches") == true)
            let stored = try #require(try await ReviewPlan.find(plan, on: app.db)?.drawInputText?.value)
            let a = try FileReviewDraw.run(stored), b = try FileReviewDraw.run(stored)
            #expect(a == b)
            #expect(Set(a.map(\.caseNumber)) == Set(sheets.map(\.caseNumber)))
            // a different seed draws from the same catalog (the seed, not the caller, decides)
            var other = stored
            other.seed = String(repeating: "ab", count: 32)
            #expect(try FileReviewDraw.run(other).count == 2)
            // the demo plan verifies too
            let demo = try #require(try await ReviewPlan.find(DemoIDs.uuid(DemoFileReview.planKey), on: app.db))
            #expect(try await FileReviewPlanService.verify(demo, on: app.db).matches)
        }
    }

    @Test("a reviewer may not review his own body's files; the same reviewer cannot sign twice; re-scoring clears signatures")
    func reviewersAndSignatures() async throws {
        try await withTestApp { app, _ in
            let (_, sheets, _) = try await Self.drawnPlan(app)
            let sheet = try #require(sheets.first).id
            let r1 = try await app.token("reviewer1"), r2 = try await app.token("reviewer2"), r3 = try await app.token("reviewer3")
            let own = try await app.send(.PUT, "/api/v1/review-sheets/\(sheet)/score", r3, Self.failingScore)
            #expect(own.status == .forbidden)
            #expect(own.errorCode == "REVIEWER_OWN_BODY")
            #expect(try await app.send(.POST, "/api/v1/review-sheets/\(sheet)/sign", r3).errorCode == "REVIEWER_OWN_BODY")
            #expect(try await app.send(.POST, "/api/v1/review-sheets/\(sheet)/sign", r1).errorCode == "SHEET_NOT_SCORED")
            let scored = try await app.send(.PUT, "/api/v1/review-sheets/\(sheet)/score", r1, Self.failingScore)
            #expect(try scored.content.decode(ReviewSheetDTO.self).score == 57)
            #expect(try await app.send(.POST, "/api/v1/review-sheets/\(sheet)/sign", r1).status == .ok)
            let twice = try await app.send(.POST, "/api/v1/review-sheets/\(sheet)/sign", r1)
            #expect(twice.status == .conflict)
            #expect(twice.errorCode == "ALREADY_SIGNED")
            #expect(try await app.send(.POST, "/api/v1/review-sheets/\(sheet)/advance", r1).errorCode == "SIGNATURES_REQUIRED")
            let both = try await app.send(.POST, "/api/v1/review-sheets/\(sheet)/sign", r2)
            #expect(try both.content.decode(ReviewSheetDTO.self).signers == ["孙卷宗", "钱评析"])
            // a change after signing invalidates the signatures
            let rescored = try await app.send(.PUT, "/api/v1/review-sheets/\(sheet)/score", r2, Self.failingScore)
            #expect(try rescored.content.decode(ReviewSheetDTO.self).signers.isEmpty)
            #expect(try await app.audits(.reviewSheetSign).count == 2)
            // a deduction above the criterion's points is refused
            let over = try await app.send(.PUT, "/api/v1/review-sheets/\(sheet)/score", r1,
                                          #"{"deductions":[{"code":"B1","points":11,"problem":"x","grounds":"y","advice":"z"}]}"#)
            #expect(over.errorCode == "DEDUCTION_OUT_OF_RANGE")
        }
    }

    @Test("first and second review, deliberation, confirmation, a contest after its window refused, within it decided; body score is the mean")
    func stagesContestAndScore() async throws {
        try await withTestApp { app, clock in
            let (plan, sheets, sup) = try await Self.drawnPlan(app)
            let r1 = try await app.token("reviewer1"), r2 = try await app.token("reviewer2"), legal = try await app.token("legal.amr")
            let failing = sheets[0].id, passing = sheets[1].id
            let passScore = #"{"deductions":[{"code":"B2","points":3,"problem":"文书不规范","grounds":"第三条","advice":"规范文书"}]}"#
            for (id, body) in [(failing, Self.failingScore), (passing, passScore)] {
                _ = try await app.send(.PUT, "/api/v1/review-sheets/\(id)/score", r1, body)
                _ = try await app.send(.POST, "/api/v1/review-sheets/\(id)/sign", r1)
                _ = try await app.send(.POST, "/api/v1/review-sheets/\(id)/sign", r2)
                #expect(try await app.send(.POST, "/api/v1/review-sheets/\(id)/advance", r2).status == .ok)   // → 复评
                let rc = try await app.send(.POST, "/api/v1/review-sheets/\(id)/advance", r1)                   // → 法制办抽核
                #expect(try rc.content.decode(ReviewSheetDTO.self).stage == .recheck)
            }
            #expect(try await app.send(.POST, "/api/v1/review-sheets/\(failing)/confirm", sup, "{}").errorCode == "DELIBERATION_REQUIRED")
            let d = try await app.send(.POST, "/api/v1/review-sheets/\(failing)/deliberations", sup,
                                       #"{"participants":["孙卷宗","钱评析","陈法明"],"conclusion":"证据不足，认定不合格"}"#)
            #expect(d.status == .created)
            let confirmed = try await app.send(.POST, "/api/v1/review-sheets/\(failing)/confirm", sup, "{}")
            let c = try confirmed.content.decode(ReviewSheetDTO.self)
            // 日常抽查: 3 日 from 2026-11-20 (Friday) is Monday 2026-11-23 (第十一条(四))
            #expect(c.sentOn == "2026-11-20" && c.contestDue == "2026-11-23" && c.finalScore == 57)
            _ = try await app.send(.POST, "/api/v1/review-sheets/\(passing)/confirm", sup, "{}")
            #expect(try await app.send(.POST, "/api/v1/review-sheets/\(passing)/contest", legal, #"{"grounds":"有依据"}"#).errorCode
                    == "SHEET_NOT_FAILING")
            clock.set(testNow.addingTimeInterval(4 * 86_400))   // 2026-11-24
            let late = try await app.send(.POST, "/api/v1/review-sheets/\(failing)/contest", legal, #"{"grounds":"询问笔录经当事人签字确认"}"#)
            #expect(late.status == .conflict)
            #expect(late.errorCode == "CONTEST_WINDOW_CLOSED")
            #expect(try await app.audits(.reviewContest).contains { $0.outcome == "failure" })
            clock.set(testNow.addingTimeInterval(3 * 86_400))   // 2026-11-23, the last day
            let ok = try await app.send(.POST, "/api/v1/review-sheets/\(failing)/contest", legal, #"{"grounds":"询问笔录经当事人签字确认"}"#)
            #expect(ok.status == .ok)
            let out = try await app.send(.POST, "/api/v1/review-sheets/\(failing)/contest-outcome", sup,
                                         #"{"outcome":"rescored","score":65,"reason":"申辩有合理依据，修正证据问题扣分"}"#)
            #expect(try out.content.decode(ReviewSheetDTO.self).finalScore == 65)
            // the body's score is the mean of its files' final scores: (65 + 97) / 2
            let dto = try await app.send(.GET, "/api/v1/review-plans/\(plan)", sup).content.decode(ReviewPlanDTO.self)
            #expect(dto.bodies.first?.meanScore == 81)
            let year = try await FileReviewStatistics.meanScore(agencyID: Self.amr, year: 2026, on: app.db)
            let all = try await ReviewSheet.query(on: app.db).filter(\.$agencyID == Self.amr).filter(\.$stage == .confirmed).all().compactMap(\.finalScore)
            #expect(year.files == all.count && all.count >= 3)
            #expect(year.mean == ReviewScore.mean(all))
            #expect(year.sheetIDs.contains(failing) && year.sheetIDs.contains(passing))
            let kinds = try await RecordEntry.query(on: app.db).filter(\.$stream == "review:\(plan.uuidString.lowercased())").all().map(\.kind)
            for k in ["review.sheet_score", "review.sheet_sign", "review.sheet_advance", "review.deliberation", "review.sheet_confirm",
                      "review.contest", "review.contest_outcome"] {
                #expect(kinds.contains(k), "missing \(k)")
            }
        }
    }

    @Test("another jurisdiction's supervisor, another body's legal officer and another jurisdiction's bodies are out of scope")
    func scope() async throws {
        try await withTestApp { app, _ in
            let planID = DemoIDs.uuid(DemoFileReview.planKey), sheet = DemoFileReview.sheetID(1)
            let tz = try await app.token("supervisor.tz")
            #expect(try await app.send(.GET, "/api/v1/review-plans/\(planID)", tz).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, "/api/v1/review-sheets/\(sheet)", tz).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, "/api/v1/review-plans", tz).content.decode([ReviewPlanDTO].self).isEmpty)
            #expect(try await app.send(.POST, "/api/v1/review-sheets/\(sheet)/confirm", tz, "{}").errorCode == "OUT_OF_SCOPE")
            let eco = try await app.token("legal.eco")
            #expect(try await app.send(.GET, "/api/v1/review-sheets/\(sheet)", eco).errorCode == "OUT_OF_SCOPE")
            let ecoPlan = try await app.send(.GET, "/api/v1/review-plans/\(planID)", eco).content.decode(ReviewPlanDTO.self)
            #expect(ecoPlan.sheets.isEmpty && ecoPlan.bodies.map(\.agencyName) == ["长春市生态环境局"])
            // a plan over another jurisdiction's body
            let sup = try await app.token("supervisor1")
            let tzAgency = try #require(try await Agency.query(on: app.db).filter(\.$regionCode == "110112").first()?.id)
            let r1 = try await app.userID("reviewer1"), r2 = try await app.userID("reviewer2")
            let res = try await app.send(.POST, "/api/v1/review-plans", sup, """
            {"name":"越权","kind":"spot","year":2026,"periodFrom":"2026-01-01","periodTo":"2026-11-20","sampleSize":1,
             "agencyIds":["\(tzAgency)"],"reviewerIds":["\(r1)","\(r2)"]}
            """)
            #expect(res.errorCode == "OUT_OF_SCOPE")
            let notice = DemoIDs.uuid(DemoFileReview.overdueNoticeKey)
            #expect(try await app.send(.GET, "/api/v1/notices/\(notice)", tz).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.POST, "/api/v1/notices/\(notice)/reply", eco, #"{"reply":"已整改"}"#).errorCode == "OUT_OF_SCOPE")
        }
    }

    @Test("the demo review: signed sheets, one failing file deliberated and contested, notices replied and overdue")
    func demo() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let plan = try await app.send(.GET, "/api/v1/review-plans/\(DemoIDs.uuid(DemoFileReview.planKey))", sup).content.decode(ReviewPlanDTO.self)
            #expect(plan.kind == .annual && plan.year == 2026 && !plan.sheets.isEmpty)
            #expect(plan.sheets.allSatisfy { $0.signers.count == 2 && $0.stage == .confirmed })
            let failing = plan.sheets.filter { ($0.finalScore ?? 100) < $0.passMark }
            #expect(failing.count >= 1)
            #expect(failing.allSatisfy { $0.contestOutcome == .maintained && !$0.deliberations.isEmpty })
            let mean = try #require(plan.bodies.first { $0.agencyId == Self.amr }?.meanScore)
            #expect(mean == ReviewScore.mean(plan.sheets.compactMap(\.finalScore)))
            let notices = try await app.send(.GET, "/api/v1/notices", sup).content.decode([NoticeDTO].self)
            #expect(notices.contains { $0.warning == .red && $0.kind == .legalAdvice && $0.status == .issued })
            #expect(notices.contains { $0.status == .accepted && $0.kind == .reviewSheet })
        }
    }

    @Test("notices: issue, reply, return with a reason, reply again, accept; overdue is red on the board")
    func notices() async throws {
        try await withTestApp { app, clock in
            let sup = try await app.token("supervisor1"), legal = try await app.token("legal.amr")
            let issued = try await app.send(.POST, "/api/v1/notices", sup, """
            {"kind":"correction","agencyId":"\(Self.amr)","title":"纠正过错通知书","content":"请纠正某案的程序问题","replyDue":"2026-11-30",
             "caseId":"\(DemoIDs.uuid("case:amr:1"))"}
            """)
            #expect(issued.status == .created, "\(issued.body.string.prefix(300))")
            let n = try issued.content.decode(NoticeDTO.self)
            #expect(n.warning == WarningLevel.none && n.status == .issued)
            #expect(try await app.send(.POST, "/api/v1/notices/\(n.id)/accept", sup, "{}").errorCode == "NOTICE_NOT_REPLIED")
            clock.set(testNow.addingTimeInterval(8 * 86_400))   // 2026-11-28: within 3 days
            #expect(try await app.send(.GET, "/api/v1/notices/\(n.id)", sup).content.decode(NoticeDTO.self).warning == .yellow)
            clock.set(testNow.addingTimeInterval(11 * 86_400))  // 2026-12-01: overdue
            #expect(try await app.send(.GET, "/api/v1/notices/\(n.id)", sup).content.decode(NoticeDTO.self).warning == .red)
            #expect(try await app.send(.POST, "/api/v1/notices/\(n.id)/reply", legal, #"{"reply":"已纠正"}"#).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/notices/\(n.id)/return", sup, "{}").status == .unprocessableEntity)
            let ret = try await app.send(.POST, "/api/v1/notices/\(n.id)/return", sup, #"{"note":"未附整改材料"}"#)
            #expect(try ret.content.decode(NoticeDTO.self).status == .returned)
            _ = try await app.send(.POST, "/api/v1/notices/\(n.id)/reply", legal, #"{"reply":"已纠正，附材料"}"#)
            let acc = try await app.send(.POST, "/api/v1/notices/\(n.id)/accept", sup, "{}")
            #expect(try acc.content.decode(NoticeDTO.self).status == .accepted)
            #expect(try await app.audits(.noticeReply).count == 2)
            let kinds = try await RecordEntry.query(on: app.db).filter(\.$stream == "notice:\(n.id.uuidString.lowercased())").all().map(\.kind)
            #expect(kinds == ["notice.issue", "notice.reply", "notice.return", "notice.reply", "notice.accept"])
        }
    }

    @Test("console pages render for the supervisor, a reviewer and the body's legal officer")
    func pages() async throws {
        try await withTestApp { app, _ in
            for user in ["supervisor1", "reviewer1", "legal.amr"] {
                let s = try await app.signIn(user)
                for path in ["/console/file-review", "/console/file-review/\(DemoIDs.uuid(DemoFileReview.planKey))",
                             "/console/review-sheets/\(DemoFileReview.sheetID(1))", "/console/notices",
                             "/console/notices/\(DemoIDs.uuid(DemoFileReview.overdueNoticeKey))",
                             "/console/file-review/\(DemoIDs.uuid(DemoFileReview.planKey))/redraw"] {
                    try await app.testing().test(.GET, path, headers: s.headers) { res in
                        #expect(res.status == .ok, "\(user) \(path): \(res.status)")
                    }
                }
            }
        }
    }
}
