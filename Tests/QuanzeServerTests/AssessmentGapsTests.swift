import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 评议考核 gaps: evaluation codes from the console, the strict indicator tree; 案卷评查 results on the portal.
@Suite("评议码 in the console, strict indicator tree, 案卷评查 results on the portal")
struct AssessmentGapsTests {
    static let caseID = DemoIDs.uuid("case:amr:1")

    @Test("the body's staff issue a one-time code on the case page: shown once, listed without the code, spendable on the portal")
    func consoleCodes() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("legal.amr")
            try await app.testing().test(.GET, "/console/cases/\(Self.caseID)", headers: s.headers) { res in
                #expect(res.body.string.contains("发放一次性评议码"))
                #expect(res.body.string.contains("尚未发放评议码") || res.body.string.contains("已发放的评议码"))
            }
            let before = try await EvaluationCode.query(on: app.db).filter(\.$caseID == Self.caseID).count()
            var code = ""
            try await app.testing().test(.POST, "/console/cases/\(Self.caseID)/evaluation-codes", beforeRequest: { req in
                req.headers = s.headers
                try req.content.encode(["_csrf": s.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .created, "\(res.body.string.prefix(300))")
                let html = res.body.string
                if let r = html.range(of: #"id="issued-evaluation-code">([A-Z0-9-]+)<"#, options: .regularExpression) {
                    code = String(html[r]).replacingOccurrences(of: #"id="issued-evaluation-code">"#, with: "").replacingOccurrences(of: "<", with: "")
                }
            })
            #expect(code.count == 14, "code shown once: \(code)")
            let rows = try await EvaluationCode.query(on: app.db).filter(\.$caseID == Self.caseID).all()
            #expect(rows.count == before + 1)
            #expect(rows.allSatisfy { $0.codeHash != code && $0.codeHash.count == 64 })
            #expect(try await app.audits(.evaluationCodeIssue).count >= 1)
            // the list shows it as unused, never the code itself
            try await app.testing().test(.GET, "/console/cases/\(Self.caseID)", headers: s.headers) { res in
                #expect(res.body.string.contains("未使用"))
                #expect(!res.body.string.contains(code))
            }
            // the party spends it on the portal
            let card = #"{"code":"\#(code)","rating":4}"#
            #expect(try await ComplaintTests.post(app, "/api/v1/public/evaluations", card).status == .created)
            try await app.testing().test(.GET, "/console/cases/\(Self.caseID)", headers: s.headers) { res in
                #expect(res.body.string.contains("已于 2026-11-20 使用"))
            }
            // another body's staff cannot issue for this case
            let other = try await app.signIn("legal.eco")
            try await app.testing().test(.POST, "/console/cases/\(Self.caseID)/evaluation-codes", beforeRequest: { req in
                req.headers = other.headers
                try req.content.encode(["_csrf": other.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .forbidden)
            })
        }
    }

    @Test("the indicator tree refuses unknown keys at every level with UNKNOWN_FIELD and the node's path")
    func strictTree() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let nested = AssessmentTests.agencyTree.replacingOccurrences(of: #""weight":15,"automatic":"remedy_reversals""#,
                                                                          with: #""weight":15,"automatic":"remedy_reversals","note":"x""#)
            let res = try await app.send(.POST, "/api/v1/assessment-plans", sup, nested)
            #expect(res.status == .badRequest)
            #expect(res.errorCode == "UNKNOWN_FIELD")
            #expect(res.body.string.contains("indicators[0].children[1].note"))
            let top = AssessmentTests.agencyTree.replacingOccurrences(of: #"{"code":"B","name":"职权行使""#, with: #"{"code":"B","extra":1,"name":"职权行使""#)
            let r2 = try await app.send(.POST, "/api/v1/assessment-plans", sup, top)
            #expect(r2.errorCode == "UNKNOWN_FIELD" && r2.body.string.contains("indicators[1].extra"))
            let null = AssessmentTests.agencyTree.replacingOccurrences(of: #""kind":"entered""#, with: #""kind":null"#)
            let r3 = try await app.send(.POST, "/api/v1/assessment-plans", sup, null)
            #expect(r3.status == .unprocessableEntity && r3.body.string.contains("indicators[2].kind"))
            #expect(try await AssessmentPlan.query(on: app.db).filter(\.$name == "测试考核").count() == 0)
            #expect(try await app.send(.POST, "/api/v1/assessment-plans", sup, AssessmentTests.agencyTree).status == .created)
        }
    }

    @Test("the portal lists the completed 案卷评查 with each body's mean score and no names")
    func portalFileReviews() async throws {
        try await withTestApp { app, _ in
            var html = ""
            try await app.testing().test(.GET, "/file-reviews") { res in
                #expect(res.status == .ok)
                html = res.body.string
            }
            let res = try await app.testing().sendRequest(.GET, "/api/v1/public/file-reviews")
            #expect(res.status == .ok)
            let plans = try res.content.decode([PublicFileReviewPlanDTO].self)
            let demo = try #require(plans.first { $0.id == DemoIDs.uuid(DemoFileReview.planKey) })
            let amr = try #require(demo.bodies.first { $0.agencyId == DemoIDs.uuid("agency:amr") })
            let sheets = try await ReviewSheet.query(on: app.db).filter(\.$planID == demo.id).filter(\.$agencyID == amr.agencyId).all()
            #expect(amr.files == sheets.count)
            #expect(amr.meanScore == ReviewScore.mean(sheets.compactMap(\.finalScore)))
            #expect(amr.failing >= 1)
            #expect(html.contains(demo.name) && html.contains(ReviewScore.format(amr.meanScore ?? 0)))
            // no reviewer, officer or case identifiers
            for s in sheets { #expect(!html.contains(s.caseNumber)) }
            for name in ["孙卷宗", "钱评析", "陈法明"] { #expect(!html.contains(name) && !res.body.string.contains(name)) }
            // a plan still being reviewed is not listed
            let (plan, _) = try await FileReviewGapsTests.draw(app, sampleSize: 2, stratify: false)
            let after = try await app.testing().sendRequest(.GET, "/api/v1/public/file-reviews")
            #expect(try after.content.decode([PublicFileReviewPlanDTO].self).allSatisfy { $0.id != plan })
        }
    }
}
