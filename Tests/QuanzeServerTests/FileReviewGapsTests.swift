import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 案卷评查 gaps of issue 5: the pre-check strata, reviewers assigned per file, the 日常抽查 sheet
/// deadline, the notice ↔ sheet links. Today is 2026-11-20.
@Suite("案卷评查: strata, assigned reviewers, sheet deadline")
struct FileReviewGapsTests {
    static let amr = DemoIDs.uuid("agency:amr")

    /// A 日常抽查 of 市场监管 (reviewers 1–3), catalog reported as the system holds it, drawn.
    static func draw(_ app: Application, sampleSize: Int, stratify: Bool?) async throws -> (plan: UUID, dto: ReviewPlanDTO) {
        let sup = try await app.token("supervisor1"), legal = try await app.token("legal.amr")
        let r1 = try await app.userID("reviewer1"), r2 = try await app.userID("reviewer2"), r3 = try await app.userID("reviewer3")
        let flag = stratify.map { ",\"stratifyByFindings\":\($0)" } ?? ""
        let body = """
        {"name":"分层抽查","kind":"spot","year":2026,"periodFrom":"2026-01-01","periodTo":"2026-11-20","sampleSize":\(sampleSize),
         "agencyIds":["\(amr)"],"reviewerIds":["\(r1)","\(r2)","\(r3)"]\(flag)}
        """
        let created = try await app.send(.POST, "/api/v1/review-plans", sup, body)
        #expect(created.status == .created, "\(created.body.string.prefix(300))")
        let plan = try created.content.decode(ReviewPlanDTO.self).id
        let numbers = try await FileReviewTests.systemNumbers(app, plan: plan)
        let json = String(data: try JSONEncoder().encode(["caseNumbers": numbers]), encoding: .utf8)!
        #expect(try await app.send(.PUT, "/api/v1/review-plans/\(plan)/catalog", legal, json).status == .ok)
        let drawn = try await app.send(.POST, "/api/v1/review-plans/\(plan)/draw", sup)
        #expect(drawn.status == .ok, "\(drawn.body.string.prefix(300))")
        return (plan, try drawn.content.decode(ReviewPlanDTO.self))
    }

    /// Exactly one of the body's catalog cases has a pre-check finding.
    static func flagOne(_ app: Application) async throws -> String { try await flagOneCounting(app).number }

    /// Same, with the size of the body's catalog.
    static func flagOneCounting(_ app: Application) async throws -> (number: String, catalog: Int) {
        try await CaseCheckRun.query(on: app.db).filter(\.$agencyID == amr).delete()
        let probe = ReviewPlan()
        probe.periodFrom = "2026-01-01"; probe.periodTo = "2026-11-20"
        let catalog = try await FileReviewPlanService.systemCatalog(agencyID: amr, plan: probe, on: app.db).sorted { $0.number < $1.number }
        #expect(catalog.count >= 2, "the demo needs at least two closed 市场监管 penalties in 2026")
        let c = try #require(catalog.last)
        let run = CaseCheckRun()
        run.id = c.id; run.agencyID = amr; run.year = 2026; run.errors = 1; run.warnings = 0; run.checkedAt = Date()
        try await run.create(on: app.db)
        return (c.number, catalog.count)
    }

    @Test("by default a plan draws half its quota from the cases with pre-check findings; the re-draw reproduces it")
    func stratifiedDraw() async throws {
        try await withTestApp { app, _ in
            let flagged = try await Self.flagOne(app)
            let (plan, dto) = try await Self.draw(app, sampleSize: 2, stratify: nil)
            #expect(dto.stratified)
            #expect(dto.sheets.count == 2)
            let fromFindings = dto.sheets.filter { $0.stratum == FileReviewDraw.flaggedLabel }
            #expect(fromFindings.map(\.caseNumber) == [flagged])
            #expect(dto.sheets.filter { $0.stratum == FileReviewDraw.otherLabel }.count == 1)
            let strata = try #require(dto.drawInput?.bodies.first?.strata)
            #expect(strata.map(\.count) == [1, 1])
            let sup = try await app.token("supervisor1")
            let v = try await app.send(.GET, "/api/v1/review-plans/\(plan)/redraw", sup)
            #expect(try v.content.get(Bool.self, at: "matches") == true)
            // the draw page shows each file's stratum and the platform rule
            let s = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/file-review/\(plan)", headers: s.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("抽取层"))
                #expect(res.body.string.contains(FileReviewDraw.flaggedLabel))
                #expect(res.body.string.contains("不是评查规范的规定"))
            }
        }
    }

    @Test("with few findings the others fill the quota")
    func fewFindings() async throws {
        try await withTestApp { app, _ in
            let (flagged, size) = try await Self.flagOneCounting(app)
            let n = min(4, size)
            let (_, dto) = try await Self.draw(app, sampleSize: 4, stratify: true)
            // half of 4 would be 2 from the flagged cases, but there is one: the others fill the quota
            #expect(dto.sheets.count == n)
            #expect(dto.sheets.filter { $0.stratum == FileReviewDraw.flaggedLabel }.map(\.caseNumber) == [flagged])
            #expect(dto.sheets.filter { $0.stratum == FileReviewDraw.otherLabel }.count == n - 1)
        }
    }

    @Test("a plan may switch the strata off: one stratum 全部")
    func switchedOff() async throws {
        try await withTestApp { app, _ in
            _ = try await Self.flagOne(app)
            let (plan, dto) = try await Self.draw(app, sampleSize: 2, stratify: false)
            #expect(!dto.stratified)
            #expect(dto.sheets.count == 2 && dto.sheets.allSatisfy { $0.stratum == "全部" })
            #expect(try await ReviewPlan.find(plan, on: app.db)?.stratified == false)
        }
    }

    @Test("each file gets two assigned reviewers from outside the body; only they score and sign it")
    func assignedReviewers() async throws {
        try await withTestApp { app, _ in
            let (_, dto) = try await Self.draw(app, sampleSize: 2, stratify: false)
            // 市场监管 files: the outside reviewers are 孙卷宗 (司法局) and 钱评析 (生态环境局)
            #expect(dto.sheets.allSatisfy { Set($0.assignedReviewers) == ["孙卷宗", "钱评析"] })
            let sheet = try #require(dto.sheets.first)
            // re-assign the file to 孙卷宗 and another account: 钱评析 is then refused
            let row = try #require(try await ReviewSheet.find(sheet.id, on: app.db))
            row.reviewerBID = UUID(); row.reviewerBName = "另一名评查员"
            try await row.save(on: app.db)
            let r1 = try await app.token("reviewer1"), r2 = try await app.token("reviewer2")
            let refused = try await app.send(.PUT, "/api/v1/review-sheets/\(sheet.id)/score", r2, FileReviewTests.failingScore)
            #expect(refused.status == .forbidden)
            #expect(refused.errorCode == "NOT_ASSIGNED_REVIEWER")
            #expect(try await app.send(.PUT, "/api/v1/review-sheets/\(sheet.id)/score", r1, FileReviewTests.failingScore).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/review-sheets/\(sheet.id)/sign", r2).errorCode == "NOT_ASSIGNED_REVIEWER")
            #expect(try await app.send(.POST, "/api/v1/review-sheets/\(sheet.id)/sign", r1).status == .ok)
        }
    }

    @Test("rotation: with three outside reviewers file i gets reviewers i and i+1")
    func rotation() {
        let names = ["甲", "乙", "丙"]
        let rs = names.map { n -> ReviewPlanReviewer in
            let r = ReviewPlanReviewer(); r.userID = UUID(); r.name = n; r.agencyID = nil; return r
        }
        let body = UUID()
        #expect(FileReviewPlanService.assignReviewers(rs, agencyID: body, fileIndex: 0).map(\.name) == ["甲", "乙"])
        #expect(FileReviewPlanService.assignReviewers(rs, agencyID: body, fileIndex: 2).map(\.name) == ["丙", "甲"])
        rs[0].agencyID = body
        #expect(FileReviewPlanService.assignReviewers(rs, agencyID: body, fileIndex: 1).map(\.name) == ["丙", "乙"])
        rs[1].agencyID = body
        #expect(FileReviewPlanService.assignReviewers(rs, agencyID: body, fileIndex: 0).isEmpty)
    }

    @Test("日常抽查: the sheet is due 3 日 after the review, shown with its source; late sheets are flagged")
    func sheetDeadline() async throws {
        try await withTestApp { app, clock in
            let (plan, dto) = try await Self.draw(app, sampleSize: 2, stratify: false)
            #expect(dto.sheetDue == "2026-11-23")
            let sheet = try #require(dto.sheets.first)
            var s = try await app.signIn("reviewer1")
            try await app.testing().test(.GET, "/console/review-sheets/\(sheet.id)", headers: s.headers) { res in
                #expect(res.body.string.contains("评查单制作期限"))
                #expect(res.body.string.contains("2026-11-23"))
                #expect(res.body.string.contains("第十一条(四)"))
                #expect(!res.body.string.contains("已逾期，尚未完成初评签字"))
            }
            clock.set(testNow.addingTimeInterval(4 * 86_400))   // 2026-11-24
            s = try await app.signIn("reviewer1")   // the session of four days ago has expired
            try await app.testing().test(.GET, "/console/review-sheets/\(sheet.id)", headers: s.headers) { res in
                #expect(res.body.string.contains("已逾期，尚未完成初评签字"))
            }
            // made late: both signatures on 11-24
            let r1 = try await app.token("reviewer1"), r2 = try await app.token("reviewer2")
            _ = try await app.send(.PUT, "/api/v1/review-sheets/\(sheet.id)/score", r1, FileReviewTests.failingScore)
            _ = try await app.send(.POST, "/api/v1/review-sheets/\(sheet.id)/sign", r1)
            let signed = try await app.send(.POST, "/api/v1/review-sheets/\(sheet.id)/sign", r2)
            #expect(try signed.content.decode(ReviewSheetDTO.self).firstSignedOn == "2026-11-24")
            try await app.testing().test(.GET, "/console/review-sheets/\(sheet.id)", headers: s.headers) { res in
                #expect(res.body.string.contains("逾期制作"))
            }
            _ = plan
        }
    }

    @Test("a 监督文书 issued from a sheet links to it, and the sheet lists it")
    func noticeSheetLinks() async throws {
        try await withTestApp { app, _ in
            let sheetID = DemoFileReview.sheetID(1)
            let sheet = try #require(try await ReviewSheet.find(sheetID, on: app.db))
            let s = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/notices?plan=\(sheet.planID)&sheet=\(sheetID)", headers: s.headers) { res in
                #expect(res.body.string.contains("name=\"reviewSheetId\""))
            }
            var location = ""
            try await app.testing().test(.POST, "/console/notices", beforeRequest: { req in
                req.headers = s.headers
                try req.content.encode(["kind": "review_sheet", "agencyId": sheet.agencyID.uuidString, "reviewPlanId": sheet.planID.uuidString,
                                        "reviewSheetId": sheetID.uuidString, "title": "整改", "content": "补强证据", "replyDue": "2026-12-10",
                                        "_csrf": s.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .seeOther, "\(res.body.string.prefix(300))")
                location = res.headers.first(name: .location) ?? ""
            })
            let notice = try #require(try await SupervisionNotice.query(on: app.db).filter(\.$reviewSheetID == sheetID).filter(\.$title == "整改").first())
            #expect(location.contains(notice.id!.uuidString))
            try await app.testing().test(.GET, "/console/notices/\(notice.id!)", headers: s.headers) { res in
                #expect(res.body.string.contains("/console/review-sheets/\(sheetID)"))
            }
            try await app.testing().test(.GET, "/console/review-sheets/\(sheetID)", headers: s.headers) { res in
                #expect(res.body.string.contains("/console/notices/\(notice.id!)"))
            }
        }
    }
}
