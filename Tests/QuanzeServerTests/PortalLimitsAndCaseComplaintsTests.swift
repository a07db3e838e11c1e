import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 投诉举报 on the case page, and the per-address limit on anonymous portal submissions.
@Suite("投诉举报 on the case page; portal submission rate limit")
struct PortalLimitsAndCaseComplaintsTests {
    static let amr = DemoIDs.uuid("agency:amr")
    static let caseID = DemoIDs.uuid("case:amr:1")

    @Test("the case page lists the complaints about the case; the complainant is masked except to the handler, the text only for complaint staff")
    func caseComplaints() async throws {
        try await withTestApp { app, _ in
            let r = try await ComplaintTests.submit(app, ComplaintTests.submission(content: "本案罚款明显过重。", name: "钱多多", phone: "13912345678"))
            let c = try #require(try await Complaint.find(r.id, on: app.db))
            c.caseID = Self.caseID
            try await c.save(on: app.db)
            let legal = try await app.token("legal.amr"), officer = try await app.token("officer.amr1")
            let path = "/api/v1/cases/\(Self.caseID)/complaints"
            let before = try await app.send(.GET, path, legal)
            #expect(before.status == .ok, "\(before.body.string.prefix(300))")
            let list = try before.content.decode([CaseComplaintDTO].self)
            let item = try #require(list.first { $0.id == r.id })
            #expect(item.complainant == "钱**")
            #expect(item.content == "本案罚款明显过重。" && item.mayOpen)
            #expect(!before.body.string.contains("钱多多") && !before.body.string.contains("13912345678"))
            // the officer who may read the case sees that it exists, masked, without its text
            let seen = try await app.send(.GET, path, officer)
            #expect(seen.status == .ok, "\(seen.body.string.prefix(300))")
            let o = try #require(try seen.content.decode([CaseComplaintDTO].self).first { $0.id == r.id })
            #expect(o.complainant == "钱**" && o.content == nil && !o.mayOpen)
            // the handler sees the name
            #expect(try await app.send(.POST, "/api/v1/complaints/\(r.id)/accept", legal).status == .ok)
            let after = try await app.send(.GET, path, legal)
            #expect(try after.content.decode([CaseComplaintDTO].self).first { $0.id == r.id }?.complainant == "钱多多")
            // the console case page has the section
            let s = try await app.signIn("officer.amr1")
            try await app.testing().test(.GET, "/console/cases/\(Self.caseID)", headers: s.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("关于本案的投诉举报"))
                #expect(res.body.string.contains(r.number))
                #expect(res.body.string.contains("钱**") && !res.body.string.contains("钱多多"))
            }
            // another body's legal officer cannot read the case
            #expect(try await app.send(.GET, path, try await app.token("legal.eco")).status == .forbidden)
        }
    }

    @Test("anonymous submissions are limited per address: the one over the limit gets 429 RATE_LIMITED, on the API and the portal page; the window frees it")
    func rateLimit() async throws {
        try await withTestApp { app, clock in
            let limit = app.services.options.portalRateLimit
            #expect(limit == 20)
            let bad = ComplaintTests.submission(content: "   ")
            for _ in 0..<limit {
                #expect(try await ComplaintTests.post(app, "/api/v1/public/complaints", bad).status == .unprocessableEntity)
            }
            let over = try await ComplaintTests.post(app, "/api/v1/public/complaints", ComplaintTests.submission())
            #expect(over.status == .tooManyRequests)
            #expect(over.errorCode == "RATE_LIMITED")
            #expect(over.headers.first(name: .retryAfter) != nil)
            // the portal page shares the complaint count and says so in Chinese
            try await app.testing().test(.POST, "/complaints", beforeRequest: { req in
                try req.content.encode(["agencyId": Self.amr.uuidString, "subjectKind": "agency", "content": "测试", "anonymous": "1"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .tooManyRequests)
                #expect(res.body.string.contains("提交过于频繁"))
            })
            // evaluation cards are counted separately
            let card = #"{"agencyId":"\#(Self.amr)","rating":5}"#
            #expect(try await ComplaintTests.post(app, "/api/v1/public/evaluations", card).status == .created)
            // ten minutes later the window has passed
            clock.set(testNow.addingTimeInterval(10 * 60 + 1))
            #expect(try await ComplaintTests.post(app, "/api/v1/public/complaints", ComplaintTests.submission()).status == .created)
        }
    }

    @Test("the evaluation card is limited too")
    func evaluationLimit() async throws {
        try await withTestApp { app, _ in
            let card = #"{"agencyId":"\#(Self.amr)","rating":9}"#
            for _ in 0..<app.services.options.portalRateLimit {
                #expect(try await ComplaintTests.post(app, "/api/v1/public/evaluations", card).status != .tooManyRequests)
            }
            let over = try await ComplaintTests.post(app, "/api/v1/public/evaluations", card)
            #expect(over.status == .tooManyRequests && over.errorCode == "RATE_LIMITED")
            try await app.testing().test(.POST, "/evaluate", beforeRequest: { req in
                try req.content.encode(["agencyId": Self.amr.uuidString, "rating": "5"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .tooManyRequests)
                #expect(res.body.string.contains("提交过于频繁"))
            })
        }
    }

    @Test("the sliding window counts only submissions inside it")
    func window() {
        var w = SubmissionRateLimit()
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        let a = w.admit(at: t0, limit: 2, window: 600)
        let b = w.admit(at: t0.addingTimeInterval(100), limit: 2, window: 600)
        let c = w.admit(at: t0.addingTimeInterval(200), limit: 2, window: 600)
        #expect(a && b && !c)
        #expect(w.retryAfter(at: t0.addingTimeInterval(200), window: 600) == 400)
        let d = w.admit(at: t0.addingTimeInterval(601), limit: 2, window: 600)
        #expect(d)
        let off = w.admit(at: t0, limit: 0, window: 600)
        #expect(off)
    }
}
