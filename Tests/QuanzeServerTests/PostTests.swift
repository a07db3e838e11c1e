import Fluent
import Foundation
@testable import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("分解职权: units, posts, powers held, overlaps, assignments, coverage and rotation")
struct PostTests {
    static let amr = DemoIDs.uuid("agency:amr")
    static let eco = DemoIDs.uuid("agency:eco")
    static let food = DemoIDs.uuid("unit:amr:food")
    static let inspect = DemoIDs.uuid("unit:amr:inspect")
    static let penalty = DemoIDs.uuid("power:amr:XZCF-001")
    static let licensing = DemoIDs.uuid("power:amr:XZXK-001")
    static let coercion = DemoIDs.uuid("power:amr:XZQZ-001")

    /// A serving officer of `agency` with a valid GB 11643 number built from `serial` (3 digits).
    @discardableResult
    static func officer(_ app: Application, agency: UUID = amr, name: String, serial: Int, hiredOn: String = "2010-01-01") async throws -> UUID {
        let first17 = "11010519800101" + String(format: "%03d", serial)
        let id = first17 + String(try #require(ResidentIDNumber.checkCharacter(for: first17)))
        let o = Officer(agencyID: agency, name: name, idNumber: id, phone: nil, employment: .established, hiredOn: hiredOn)
        try await o.create(on: app.db)
        return try o.requireID()
    }

    /// A published power item of another body (长春市生态环境局).
    static func ecoItem(_ app: Application) async throws -> UUID {
        let item = PowerItem(agencyID: eco, code: "HJCF-001")
        try await item.create(on: app.db)
        let v = PowerItemVersion()
        v.$item.id = try item.requireID()
        v.version = 1
        v.name = "对超标排放污染物的处罚"
        v.category = .penalty
        v.responsibilities = []
        v.majorCriteria = []
        v.flow = []
        v.status = .published
        v.needsAdjustment = false
        try await v.create(on: app.db)
        return try item.requireID()
    }

    static func createPost(_ app: Application, _ token: String, unit: UUID = food, name: String, duties: [String],
                           powers: String = "") async throws -> TestingHTTPResponse {
        let list = duties.map { "\"\($0)\"" }.joined(separator: ",")
        let extra = powers.isEmpty ? "" : #","powers":[\#(powers)]"#
        return try await app.send(.POST, "/api/v1/agencies/\(amr)/posts", token, #"{"unitId":"\#(unit)","name":"\#(name)","duties":[\#(list)]\#(extra)}"#)
    }

    @Test("another body's power is refused with POWER_NOT_HELD naming the item and its body; nothing partial is saved")
    func anotherBodysPower() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let foreign = try await Self.ecoItem(app)
            let holdingsBefore = try await PostPower.query(on: app.db).count()
            // A new post with one own power and one of another body: refused as a whole.
            let res = try await Self.createPost(app, token, name: "综合检查岗", duties: ["inspect"],
                                                powers: #"{"itemId":"\#(Self.coercion)"},{"itemId":"\#(foreign)"}"#)
            #expect(res.status == .unprocessableEntity)
            #expect(res.errorCode == "POWER_NOT_HELD")
            let message = (try? res.content.get(String.self, at: "error", "message")) ?? ""
            #expect(message.contains("HJCF-001") && message.contains("长春市生态环境局") && message.contains("不得擅自增加或者扩大"))
            #expect(try await EnforcementPost.query(on: app.db).filter(\.$name == "综合检查岗").count() == 0)
            #expect(try await PostPower.query(on: app.db).count() == holdingsBefore)
            #expect(try await app.audits(.postCreate).isEmpty)
            // On an existing post, too.
            let post = DemoIDs.uuid("post:amr:patrol")
            let single = try await app.send(.POST, "/api/v1/posts/\(post)/powers", token, #"{"itemId":"\#(foreign)"}"#)
            #expect(single.errorCode == "POWER_NOT_HELD")
            #expect(try await PostPower.query(on: app.db).filter(\.$item.$id == foreign).count() == 0)
            // A draft that is not yet in the list is refused as well.
            let draft = PowerItem(agencyID: Self.amr, code: "XZJC-900")
            try await draft.create(on: app.db)
            let v = PowerItemVersion()
            v.$item.id = try draft.requireID(); v.version = 1; v.name = "草拟检查事项"; v.category = .inspection
            v.responsibilities = []; v.majorCriteria = []; v.flow = []; v.status = .draft; v.needsAdjustment = false
            try await v.create(on: app.db)
            let unlisted = try await app.send(.POST, "/api/v1/posts/\(post)/powers", token, #"{"itemId":"\#(try draft.requireID())"}"#)
            #expect(unlisted.errorCode == "POWER_NOT_LISTED")
        }
    }

    @Test("the same power on a parallel post of another unit needs a written reason; with one it is kept and reported")
    func overlap() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            // 执法稽查科 案件承办岗 (承办、检查) holds XZCF-001; a 检查 post of another unit is parallel.
            let created = try await Self.createPost(app, token, name: "专项检查岗", duties: ["inspect"])
            #expect(created.status == .created)
            let postID = try #require(try? created.content.get(UUID.self, at: "id"))
            let refused = try await app.send(.POST, "/api/v1/posts/\(postID)/powers", token, #"{"itemId":"\#(Self.penalty)"}"#)
            #expect(refused.status == .conflict)
            #expect(refused.errorCode == "OVERLAP_REASON_REQUIRED")
            let message = (try? refused.content.get(String.self, at: "error", "message")) ?? ""
            #expect(message.contains("执法稽查科") && message.contains("案件承办岗"))
            #expect(try await PostPower.query(on: app.db).filter(\.$post.$id == postID).count() == 0)

            let reason = "专项整治期间由本科室统一查处"
            let ok = try await app.send(.POST, "/api/v1/posts/\(postID)/powers", token, #"{"itemId":"\#(Self.penalty)","overlapReason":"\#(reason)"}"#)
            #expect(ok.status == .created)
            #expect((try? ok.content.get(String.self, at: "powers", 0, "overlapReason")) == reason)
            #expect(try await app.audits(.postPowerAdd).first?.detail?.contains(reason) == true)

            // Same power, same unit, other duties: not parallel, no reason needed.
            let review = try await Self.createPost(app, token, unit: Self.inspect, name: "案件审核岗", duties: ["review"],
                                                   powers: #"{"itemId":"\#(Self.penalty)"}"#)
            #expect(review.status == .created)

            let coverage = try await app.send(.GET, "/api/v1/agencies/\(Self.amr)/coverage", try await app.token("supervisor1"))
            let overlaps = try coverage.content.get([CoverageDTO.Overlap].self, at: "overlaps")
            let xzcf = try #require(overlaps.first { $0.code == "XZCF-001" })
            #expect(xzcf.holders.contains { $0.postName == "专项检查岗" && $0.overlapReason == reason })
            #expect(xzcf.holders.contains { $0.postName == "案件承办岗" })
            #expect(!xzcf.holders.contains { $0.postName == "案件审核岗" })
            #expect(xzcf.sharedDuties == ["inspect"])
        }
    }

    @Test("coverage lists the power held by no post and the post with no officer")
    func coverage() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            var res = try await app.send(.GET, "/api/v1/agencies/\(Self.amr)/coverage", token)
            #expect(res.status == .ok)
            #expect(try res.content.get([CoverageDTO.Item].self, at: "uncovered").map(\.code) == ["XZQZ-001"])
            #expect(try res.content.get([CoverageDTO.EmptyPost].self, at: "postsWithoutOfficer").map(\.postName).contains("法制审核岗"))
            #expect(try res.content.get(Int.self, at: "publishedPowers") == 4)   // with 双随机 XZJC-001 (DemoInspections)
            // Giving the power to a post covers it; an officer on 法制审核岗 fills it.
            let review = DemoIDs.uuid("post:amr:review")
            let given = try await app.send(.POST, "/api/v1/posts/\(review)/powers", token, #"{"itemId":"\#(Self.coercion)"}"#)
            #expect(given.status == .created)
            let officer = try await Self.officer(app, name: "钱法审", serial: 101)
            let assigned = try await app.send(.POST, "/api/v1/posts/\(review)/assignments", token,
                                              #"{"officerId":"\#(officer)","startDate":"2025-01-02"}"#)
            #expect(assigned.status == .created)
            res = try await app.send(.GET, "/api/v1/agencies/\(Self.amr)/coverage", token)
            #expect(try res.content.get([CoverageDTO.Item].self, at: "uncovered").isEmpty)
            #expect(try !res.content.get([CoverageDTO.EmptyPost].self, at: "postsWithoutOfficer").map(\.postName).contains("法制审核岗"))
            // Removing it uncovers it again.
            let removed = try await app.send(.DELETE, "/api/v1/posts/\(review)/powers/\(Self.coercion)", token)
            #expect(removed.status == .ok)
            res = try await app.send(.GET, "/api/v1/agencies/\(Self.amr)/coverage", token)
            #expect(try res.content.get([CoverageDTO.Item].self, at: "uncovered").map(\.code) == ["XZQZ-001"])
        }
    }

    @Test("an assignment keeps its start date; own body only, serving, not twice at once; ending keeps both dates")
    func assignments() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let post = DemoIDs.uuid("post:amr:review")
            let officer = try await Self.officer(app, name: "钱法审", serial: 102, hiredOn: "2015-07-01")
            let path = "/api/v1/posts/\(post)/assignments"
            #expect(try await app.send(.POST, path, token, #"{"officerId":"\#(officer)","startDate":"2015-06-30"}"#).status == .unprocessableEntity)
            #expect(try await app.send(.POST, path, token, #"{"officerId":"\#(officer)","startDate":"2026-11-21"}"#).status == .unprocessableEntity)
            let res = try await app.send(.POST, path, token, #"{"officerId":"\#(officer)","startDate":"2020-05-06"}"#)
            #expect(res.status == .created)
            let id = try res.content.get(UUID.self, at: "id")
            #expect(try await PostAssignment.find(id, on: app.db)?.startDate == "2020-05-06")
            #expect(try await app.send(.POST, path, token, #"{"officerId":"\#(officer)","startDate":"2021-01-01"}"#).errorCode == "ALREADY_ASSIGNED")
            let shown = try await app.send(.GET, "/api/v1/posts/\(post)", token)
            #expect(try shown.content.get(String.self, at: "assignments", 0, "startDate") == "2020-05-06")

            let foreign = try await Self.officer(app, agency: Self.eco, name: "褚外单位", serial: 103)
            let other = try await app.send(.POST, path, token, #"{"officerId":"\#(foreign)","startDate":"2021-01-01"}"#)
            #expect(other.errorCode == "OFFICER_OTHER_BODY")
            #expect(try await PostAssignment.query(on: app.db).filter(\.$officer.$id == foreign).count() == 0)

            let ended = try await app.send(.POST, "/api/v1/assignments/\(id)/end", token, #"{"endDate":"2026-10-31"}"#)
            #expect(ended.status == .ok)
            let stored = try #require(try await PostAssignment.find(id, on: app.db))
            #expect(stored.startDate == "2020-05-06" && stored.endDate == "2026-10-31")
            #expect(try await app.send(.POST, "/api/v1/assignments/\(id)/end", token, "{}").errorCode == "ASSIGNMENT_ENDED")
            // After the end, the officer may be assigned again.
            #expect(try await app.send(.POST, path, token, #"{"officerId":"\#(officer)","startDate":"2026-11-01"}"#).status == .created)
            #expect(try await app.audits(.postAssign).count == 2)
            #expect(try await app.audits(.postAssignmentEnd).count == 1)
        }
    }

    @Test("without post_rotation in the profile nothing is listed; with it, officers on a post for the whole period are")
    func rotation() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let long = try await Self.officer(app, name: "孙五年", serial: 104)
            let short = try await Self.officer(app, name: "李四年", serial: 105)
            let review = DemoIDs.uuid("post:amr:review")
            #expect(try await app.send(.POST, "/api/v1/posts/\(review)/assignments", token,
                                       #"{"officerId":"\#(long)","startDate":"2021-11-20"}"#).status == .created)
            #expect(try await app.send(.POST, "/api/v1/posts/\(review)/assignments", token,
                                       #"{"officerId":"\#(short)","startDate":"2021-11-21"}"#).status == .created)

            // jilin sets no rotation period: nothing is listed.
            let j = try #require(try await Jurisdiction.find(DemoIDs.uuid(DemoData.jurisdictionKey), on: app.db))
            j.profileID = "jilin"
            try await j.save(on: app.db)
            var res = try await app.send(.GET, "/api/v1/agencies/\(Self.amr)/coverage", token)
            #expect(try res.content.get(String.self, at: "rotation", "note") == "本辖区规则配置未规定轮岗期限")
            #expect(try res.content.get([CoverageDTO.Overdue].self, at: "rotation", "overdue").isEmpty)

            // changchun (the demo city's profile) sets 5 年.
            j.profileID = "changchun"
            try await j.save(on: app.db)
            res = try await app.send(.GET, "/api/v1/agencies/\(Self.amr)/coverage", token)
            #expect(try res.content.get(String.self, at: "rotation", "period") == "5年")
            let overdue = try res.content.get([CoverageDTO.Overdue].self, at: "rotation", "overdue").filter { ["孙五年", "李四年"].contains($0.officerName) }
            #expect(overdue.map(\.officerName) == ["孙五年"])
            #expect(overdue.first?.since == "2021-11-20" && overdue.first?.due == "2026-11-20" && overdue.first?.years == 5)

            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/agencies/\(Self.amr)/coverage", headers: session.headers) { page in
                #expect(page.status == .ok)
                #expect(page.body.string.contains("孙五年"))
                #expect(!page.body.string.contains("李四年"))
                #expect(page.body.string.contains("永政办〔2015〕98号 五(一)"))
            }
        }
    }

    @Test("demo posts assign the body's serving officers when there are any, and leave 法制审核岗 empty")
    func demoWithOfficers() async throws {
        try await withTestApp { app, _ in
            // The demo loads officers before posts, so the posts are staffed from them.
            // (the 双随机检查岗 of `DemoInspections` is staffed by name; see InspectionPlanTests)
            let assignments = try await PostAssignment.query(on: app.db).with(\.$post).with(\.$officer).all().filter { $0.post.name != "双随机检查岗" }
            // One officer on each of the four staffed posts, plus the handlers the demo cases need
            // (`DemoCases.assignHandlers`: officers 0…3 on 案件承办岗, 4 and 5 on 许可受理审查岗, less any already there).
            #expect(assignments.filter { $0.id.map { id in !(DemoCases.handlerAssignmentIDs.contains(id)) } ?? true }.count == 4)
            #expect(assignments.count == 4 + DemoCases.handlerAssignmentIDs.filter { id in assignments.contains { $0.id == id } }.count)
            #expect(!assignments.contains { $0.post.name == "法制审核岗" })
            // Never before the officer joined the body.
            #expect(assignments.allSatisfy { $0.startDate >= $0.officer.hiredOn })
            let token = try await app.token("legal.amr")
            let res = try await app.send(.GET, "/api/v1/agencies/\(Self.amr)/coverage", token)
            #expect(try res.content.get([CoverageDTO.EmptyPost].self, at: "postsWithoutOfficer").map(\.postName) == ["法制审核岗"])
            #expect(try res.content.get([CoverageDTO.Item].self, at: "uncovered").map(\.code) == ["XZQZ-001"])
        }
    }

    @Test("scope: another body's 法制员 and another city's 监督员 are refused; the city's 监督员 reads but does not manage")
    func scope() async throws {
        try await withTestApp { app, _ in
            let (_, otherSupervisor) = try await ScopeTests.addOtherCity(app)
            let eco = try await app.token("legal.eco")
            let sup = try await app.token("supervisor1")
            let far = try await app.token(otherSupervisor)
            let officer = try await app.token("officer.amr1")
            let posts = "/api/v1/agencies/\(Self.amr)/posts"
            #expect(try await app.send(.GET, posts, eco).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.POST, "/api/v1/agencies/\(Self.amr)/units", eco, #"{"name":"越权科"}"#).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.POST, "/api/v1/posts/\(DemoIDs.uuid("post:amr:review"))/powers", eco,
                                       #"{"itemId":"\#(Self.coercion)"}"#).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, "/api/v1/agencies/\(Self.amr)/coverage", far).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, posts, far).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, posts, officer).errorCode == "FORBIDDEN")
            let read = try await app.send(.GET, posts, sup)
            #expect(read.status == .ok)
            #expect(try read.content.get([PostDTO].self).count == 6)   // 5 + 双随机检查岗 (DemoInspections)
            #expect(try await app.send(.POST, "/api/v1/agencies/\(Self.amr)/units", sup, #"{"name":"监督科"}"#).errorCode == "FORBIDDEN")
            #expect(try await EnforcementUnit.query(on: app.db).filter(\.$name ~~ ["越权科", "监督科"]).count() == 0)
        }
    }

    @Test("console forms post with CSRF, re-render with the refusal, and the body page links the pages")
    func console() async throws {
        try await withTestApp { app, _ in
            let session = try await app.signIn("legal.amr")
            let base = "/console/agencies/\(Self.amr)"
            try await app.testing().test(.POST, base + "/units", headers: session.headers, beforeRequest: { req in
                try req.content.encode(["name": "无令牌科"], as: .urlEncodedForm)
            }, afterResponse: { res in #expect(res.status == .forbidden) })
            #expect(try await EnforcementUnit.query(on: app.db).filter(\.$name == "无令牌科").count() == 0)

            try await app.testing().test(.POST, base + "/units", headers: session.headers, beforeRequest: { req in
                try req.content.encode(["name": "消费者权益保护科", "_csrf": session.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已设立执法机构“消费者权益保护科”"))
            })
            let unit = try #require(try await EnforcementUnit.query(on: app.db).filter(\.$name == "消费者权益保护科").first()?.id)
            try await app.testing().test(.POST, base + "/posts", headers: session.headers, beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: "unitId=\(unit)&name=%E6%8A%95%E8%AF%89%E6%A3%80%E6%9F%A5%E5%B2%97&duties%5B%5D=inspect&duties%5B%5D=handle&_csrf=\(session.csrf)")
            }, afterResponse: { res in
                #expect(res.status == .ok, "\(res.body.string.prefix(300))")
                #expect(res.body.string.contains("投诉检查岗"))
            })
            let post = try #require(try await EnforcementPost.query(on: app.db).filter(\.$name == "投诉检查岗").first())
            #expect(post.duties == [.inspect, .handle])
            // Overlap without a reason: the page comes back with the refusal, nothing saved.
            try await app.testing().test(.POST, "/console/posts/\(post.id!)/powers", headers: session.headers, beforeRequest: { req in
                try req.content.encode(["itemId": Self.penalty.uuidString, "overlapReason": "", "_csrf": session.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("书面理由"))
            })
            #expect(try await PostPower.query(on: app.db).filter(\.$post.$id == post.id!).count() == 0)
            // An officer assigned through the form.
            let officer = try await Self.officer(app, name: "周到岗", serial: 106)
            try await app.testing().test(.POST, "/console/posts/\(post.id!)/assignments", headers: session.headers, beforeRequest: { req in
                try req.content.encode(["officerId": officer.uuidString, "startDate": "2023-04-01", "_csrf": session.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("周到岗"))
            })
            let a = try #require(try await PostAssignment.query(on: app.db).filter(\.$officer.$id == officer).first())
            #expect(a.startDate == "2023-04-01")
            try await app.testing().test(.POST, "/console/assignments/\(a.id!)/end", headers: session.headers, beforeRequest: { req in
                try req.content.encode(["endDate": "", "_csrf": session.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in #expect(res.status == .ok) })
            #expect(try await PostAssignment.find(a.id, on: app.db)?.endDate == "2026-11-20")

            try await app.testing().test(.GET, base, headers: session.headers) { res in
                #expect(res.body.string.contains(base + "/posts") && res.body.string.contains(base + "/coverage"))
            }
            try await app.testing().test(.GET, base + "/coverage", headers: session.headers) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("XZQZ-001") && html.contains("一条不漏") && html.contains("004_cacaddb37daf54c4.txt"))
                #expect(html.contains("不得擅自增加或者扩大") && html.contains("永政办〔2015〕98号"))
                #expect(html.contains("法制审核岗"))
            }
        }
    }
}
