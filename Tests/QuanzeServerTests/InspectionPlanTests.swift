import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("双随机一公开: plans, pool, 回避, eligible inspectors, reproducible draw, publication, results")
struct InspectionPlanTests {
    static let power = DemoIDs.uuid("power:amr:XZJC-001")
    static let draftPlan = DemoIDs.uuid("inspection-plan:amr:3")
    static let completedPlan = DemoIDs.uuid("inspection-plan:amr:1")
    static let codes = (40..<46).map(DemoInspections.code)

    static func newPlan(_ app: Application, _ token: String, objectCount: Int = 2, perObject: Int = 2, objects: Int = 4) async throws -> UUID {
        let res = try await app.send(.POST, "/api/v1/inspection-plans", token,
                                     #"{"name":"测试抽查","powerItemId":"\#(power)","year":2026,"period":"第四季度","objectCount":\#(objectCount),"inspectorsPerObject":\#(perObject)}"#)
        #expect(res.status == .created, "\(res.body.string)")
        let id = try res.content.get(UUID.self, at: "id")
        let rows = codes.prefix(objects).enumerated().map { "\($0.element),测试企业\($0.offset),长春市南关区测试路 \($0.offset) 号" }
        let csv = "统一社会信用代码,名称,地址\n" + rows.joined(separator: "\n")
        let body = String(decoding: try JSONEncoder().encode(["csv": csv]), as: UTF8.self)
        let imported = try await app.send(.POST, "/api/v1/inspection-plans/\(id)/objects/import", token, body)
        #expect(imported.status == .created, "\(imported.body.string)")
        return id
    }

    static func anonymous(_ app: Application, _ path: String) async throws -> TestingHTTPResponse {
        var out: TestingHTTPResponse?
        try await app.testing().test(.GET, path) { out = $0 }
        return try #require(out)
    }

    static func objectID(_ app: Application, plan: UUID, code: String) async throws -> UUID {
        try #require(try await InspectionObject.query(on: app.db).filter(\.$plan.$id == plan).filter(\.$code == code).first()?.id)
    }

    @Test("full flow: create, pool by form and CSV, 回避, draw once, publish, public JSON re-runs to the same result, results complete the plan")
    func fullFlow() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            let id = try await Self.newPlan(app, legal)
            let single = try await app.send(.POST, "/api/v1/inspection-plans/\(id)/objects", legal,
                                            #"{"code":" \#(Self.codes[5].lowercased()) ","name":"单独录入企业","address":"朝阳区"}"#)
            #expect(single.status == .created)
            #expect(try single.content.get([InspectionObjectDTO].self, at: "objects").map(\.code).contains(Self.codes[5]))
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/objects", legal, #"{"code":"\#(Self.codes[5])","name":"重复"}"#).errorCode == "OBJECT_EXISTS")
            let badCode = try await app.send(.POST, "/api/v1/inspection-plans/\(id)/objects", legal, #"{"code":"91220102MA1000000X","name":"错码"}"#)
            #expect(badCode.status == .unprocessableEntity)
            let badCSV = try await app.send(.POST, "/api/v1/inspection-plans/\(id)/objects/import", legal, #"{"csv":"统一社会信用代码,名称\n123,甲\n\#(Self.codes[4]),\n"}"#)
            #expect(badCSV.errorCode == "CSV_INVALID")
            #expect(try badCSV.content.get([CSVRowProblem].self, at: "error", "details", "rows").map(\.row) == [2, 3])
            #expect(try await InspectionObject.query(on: app.db).filter(\.$plan.$id == id).count() == 5)
            // 回避 before the draw.
            let object0 = try await Self.objectID(app, plan: id, code: Self.codes[0])
            let officer2 = DemoIDs.uuid("officer:amr:2")
            let conflict = try await app.send(.POST, "/api/v1/inspection-plans/\(id)/conflicts", legal,
                                              #"{"officerId":"\#(officer2)","objectId":"\#(object0)","reason":"配偶在该企业任职"}"#)
            #expect(conflict.status == .created)
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/conflicts", legal,
                                       #"{"officerId":"\#(officer2)","objectId":"\#(object0)","reason":"再次"}"#).errorCode == "CONFLICT_EXISTS")
            // Results and publication need a draw first.
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/publish", legal).errorCode == "PLAN_NOT_DRAWN")
            let drawn = try await app.send(.POST, "/api/v1/inspection-plans/\(id)/draw", legal)
            #expect(drawn.status == .ok, "\(drawn.body.string)")
            let plan = try drawn.content.decode(InspectionPlanDTO.self)
            #expect(plan.status == "drawn")
            let seed = try #require(plan.seed)
            #expect(DrawStream.seedBytes(hex: seed) != nil && seed == seed.lowercased())
            #expect(plan.poolDigest == RandomDraw.poolDigest(plan.objects.map(\.code)))
            #expect(plan.assignments.count == 2 && plan.assignments.allSatisfy { $0.inspectors.count == 2 })
            #expect(!plan.assignments.contains { $0.objectCode == Self.codes[0] && $0.inspectors.contains { $0.officerId == officer2 } })
            // Drawn once; the pool and the conflicts are frozen.
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/draw", legal).errorCode == "PLAN_ALREADY_DRAWN")
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/objects", legal, #"{"code":"\#(Self.codes[4])","name":"晚到"}"#).errorCode == "PLAN_ALREADY_DRAWN")
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/conflicts", legal,
                                       #"{"officerId":"\#(DemoIDs.uuid("officer:amr:3"))","objectId":"\#(object0)","reason":"晚到"}"#).errorCode == "PLAN_ALREADY_DRAWN")
            let drawnObject = plan.assignments[0].objectId!
            let early = #"{"objectId":"\#(drawnObject)","kind":"no_problem","summary":"未发现问题","inspectedOn":"2026-11-20"}"#
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/results", legal, early).errorCode == "PLAN_NOT_PUBLISHED")
            // Not public before publication.
            #expect(try await Self.anonymous(app, "/api/v1/public/inspection-plans/\(id)").status == .notFound)
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/publish", legal).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/publish", legal).errorCode == "PLAN_ALREADY_PUBLISHED")
            // Anyone re-runs the draw from the public JSON with the Core algorithm alone.
            let json = try await Self.anonymous(app, "/api/v1/public/inspection-plans/\(id)")
            #expect(json.status == .ok)
            let input = try DrawCommand.input(from: Data(json.body.readableBytesView))
            #expect(input.seed == seed && input.conflicts.count == 1)
            let rerun = try RandomDraw.run(input)
            #expect(rerun == plan.assignments.map { DrawAssignment(order: $0.order, object: $0.objectCode, inspectors: $0.inspectors.map(\.certificateNumber)) })
            #expect(!json.body.string.contains("officerId") && !json.body.string.contains("配偶"))
            let redraw = try await Self.anonymous(app, "/api/v1/public/inspection-plans/\(id)/redraw")
            #expect(try redraw.content.get(Bool.self, at: "matches") == true)
            // Results: only drawn objects, one each; the last one completes the plan.
            let undrawn = try #require(plan.objects.first { o in !plan.assignments.contains { $0.objectCode == o.code } }?.id)
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/results", legal,
                                       #"{"objectId":"\#(undrawn)","kind":"no_problem","summary":"x","inspectedOn":"2026-11-20"}"#).status == .unprocessableEntity)
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/results", legal,
                                       #"{"objectId":"\#(drawnObject)","kind":"fine","summary":"x","inspectedOn":"2026-11-21"}"#).status == .unprocessableEntity)
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/results", legal, early).status == .created)
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(id)/results", legal, early).errorCode == "RESULT_EXISTS")
            let last = try await app.send(.POST, "/api/v1/inspection-plans/\(id)/results", legal,
                                          #"{"objectId":"\#(plan.assignments[1].objectId!)","kind":"rectification","summary":"责令整改","inspectedOn":"2026-11-20"}"#)
            #expect(try last.content.get(String.self, at: "status") == "completed")
            let results = try last.content.get([InspectionResultDTO].self, at: "results")
            #expect(results.count == 2)
            // Each result is a 行政检查 case: the object as party, the drawn inspectors as team, past 实施检查.
            for (r, assignment) in zip(results, plan.assignments) {
                let caseID = try #require(r.caseId.flatMap(UUID.init(uuidString:)))
                let c = try #require(try await EnforcementCase.find(caseID, on: app.db))
                #expect(c.procedure == .inspection && c.source == .inspection && c.stage == .investigation && c.filedOn == "2026-11-20")
                #expect(c.$powerItem.id == plan.powerItemId && c.number.contains("立字〔2026〕"))
                let party = try #require(try await CaseParty.query(on: app.db).filter(\.$enforcementCase.$id == caseID).first())
                #expect(party.identifier == assignment.objectCode && party.kind == .organization)
                let team = Set(try await CaseOfficer.query(on: app.db).filter(\.$enforcementCase.$id == caseID).all().map { $0.$officer.id })
                #expect(team == Set(assignment.inspectors.compactMap(\.officerId)))
                let events = try await CaseEvent.query(on: app.db).filter(\.$enforcementCase.$id == caseID).all()
                #expect(events.map(\.kind).sorted() == ["filed", "stage"])
                #expect(try await RecordEntry.query(on: app.db).filter(\.$stream == CaseJournal.stream(caseID)).count() == 2)
            }
            for action in [AuditAction.inspectionPlanCreate, .inspectionObjectAdd, .inspectionConflictDeclare, .inspectionDraw, .inspectionPublish, .inspectionResultRecord] {
                #expect(try await app.audits(action).isEmpty == false, "no audit \(action)")
            }
            // The portal shows it and re-runs it.
            try await app.testing().test(.GET, SiteURL.publicInspectionRedraw(id)) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("验证一致") && res.body.string.contains(seed))
            }
            try await app.testing().test(.GET, SiteURL.publicInspections) { res in #expect(res.body.string.contains("测试抽查")) }
        }
    }

    @Test("only serving, certified officers on a post holding the power are drawn: not 辅助人员, 暂扣, 未年审, expired, or on another post")
    func eligibility() async throws {
        try await withTestApp { app, clock in
            // amr:10 leaves the 双随机检查岗 for another post; amr:11's certificate expired yesterday.
            let moved = try #require(try await PostAssignment.find(DemoIDs.uuid("assignment:amr:random:10"), on: app.db))
            moved.endDate = "2026-11-01"
            try await moved.save(on: app.db)
            try await PostAssignment(postID: DemoIDs.uuid("post:amr:case"), officerID: DemoIDs.uuid("officer:amr:10"), startDate: "2026-11-02").create(on: app.db)
            let cert = try #require(try await Certificate.find(DemoIDs.uuid("certificate:amr:11"), on: app.db))
            cert.validUntil = "2026-11-19"
            try await cert.save(on: app.db)
            let legal = try await app.token("legal.amr")
            let id = try await Self.newPlan(app, legal)
            let drawn = try await app.send(.POST, "/api/v1/inspection-plans/\(id)/draw", legal)
            let inspectors = Set(try drawn.content.get([InspectorDTO].self, at: "inspectors").compactMap(\.officerId))
            let expected = Set([0, 1, 2, 3, 4, 5, 6].map { DemoIDs.uuid("officer:amr:\($0)") })
            #expect(inspectors == expected)
            let candidates = try await InspectionEligibility.candidates(agencyID: DemoIDs.uuid("agency:amr"), powerItemID: Self.power,
                                                                         on: LocalDate(instant: clock.now()), db: app.db)
            let refusals = Dictionary(uniqueKeysWithValues: candidates.map { ($0.officerID, $0.refusal ?? "") })
            #expect(refusals[DemoIDs.uuid("officer:amr:9")]?.contains("辅助人员") == true)
            #expect(refusals[DemoIDs.uuid("officer:amr:14")]?.contains("暂扣") == true)
            #expect(refusals[DemoIDs.uuid("officer:amr:12")]?.contains("年审") == true)
            #expect(refusals[DemoIDs.uuid("officer:amr:11")]?.contains("到期") == true)
            #expect(refusals[DemoIDs.uuid("officer:amr:10")] == nil)
        }
    }

    @Test("回避 decides the draw when it leaves exactly enough inspectors, and refuses it (storing nothing) when it leaves too few")
    func recusal() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            let id = try await Self.newPlan(app, legal, objectCount: 2, objects: 2)
            let object0 = try await Self.objectID(app, plan: id, code: Self.codes[0])
            // Nine officers may be drawn (0–6, 10, 11); seven are recused from the first object.
            for i in [0, 1, 2, 3, 4, 5, 6] {
                let r = try await app.send(.POST, "/api/v1/inspection-plans/\(id)/conflicts", legal,
                                           #"{"officerId":"\#(DemoIDs.uuid("officer:amr:\(i)"))","objectId":"\#(object0)","reason":"利害关系"}"#)
                #expect(r.status == .created)
            }
            let drawn = try await app.send(.POST, "/api/v1/inspection-plans/\(id)/draw", legal)
            let plan = try drawn.content.decode(InspectionPlanDTO.self)
            let first = try #require(plan.assignments.first { $0.objectCode == Self.codes[0] })
            #expect(Set(first.inspectors.compactMap(\.officerId)) == Set([10, 11].map { DemoIDs.uuid("officer:amr:\($0)") }))
            // One more recusal on a fresh plan: too few left, refused for every seed, nothing stored.
            let other = try await Self.newPlan(app, legal, objectCount: 1, objects: 2)
            let o = try await Self.objectID(app, plan: other, code: Self.codes[1])
            for i in [0, 1, 2, 3, 4, 5, 6, 10] {
                _ = try await app.send(.POST, "/api/v1/inspection-plans/\(other)/conflicts", legal,
                                       #"{"officerId":"\#(DemoIDs.uuid("officer:amr:\(i)"))","objectId":"\#(o)","reason":"利害关系"}"#)
            }
            let refused = try await app.send(.POST, "/api/v1/inspection-plans/\(other)/draw", legal)
            #expect(refused.errorCode == "NOT_ENOUGH_INSPECTORS")
            #expect(try await InspectionPlan.find(other, on: app.db)?.status == .draft)
            #expect(try await InspectionAssignment.query(on: app.db).filter(\.$plan.$id == other).count() == 0)
            #expect(try await app.audits(.inspectionDraw).first?.outcome == AuditOutcome.failure.rawValue)
            let small = try await Self.newPlan(app, legal, objectCount: 3, objects: 2)
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(small)/draw", legal).errorCode == "POOL_TOO_SMALL")
        }
    }

    @Test("plans execute the body's own published 行政检查 power with at least two officers; scope by body and jurisdiction")
    func validationAndScope() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            func create(_ power: UUID, perObject: Int = 2, token: String) async throws -> TestingHTTPResponse {
                try await app.send(.POST, "/api/v1/inspection-plans", token,
                                   #"{"name":"计划","powerItemId":"\#(power)","year":2026,"period":"全年","objectCount":2,"inspectorsPerObject":\#(perObject)}"#)
            }
            let penalty = try await create(DemoIDs.uuid("power:amr:XZCF-001"), token: legal)
            #expect((try? penalty.content.get(String.self, at: "error", "details", "problems", 0, "code")) == "not_inspection")
            let one = try await create(Self.power, perObject: 1, token: legal)
            #expect((try? one.content.get(String.self, at: "error", "details", "problems", 0, "field")) == "inspectorsPerObject")
            let eco = try await app.token("legal.eco")
            #expect(try await create(Self.power, token: eco).status == .unprocessableEntity)
            #expect(try await app.send(.POST, "/api/v1/inspection-plans", legal, #"{"name":"x","powerItemId":"\#(Self.power)","year":2026,"period":"全年","objectCount":1,"extra":1}"#).errorCode == "UNKNOWN_FIELD")
            // Reading and handling another body's plan.
            #expect(try await app.send(.GET, "/api/v1/inspection-plans/\(Self.draftPlan)", eco).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(Self.draftPlan)/draw", eco).errorCode == "OUT_OF_SCOPE")
            let sup = try await app.token("supervisor1")
            #expect(try await app.send(.GET, "/api/v1/inspection-plans/\(Self.draftPlan)", sup).status == .ok)
            #expect(try await app.send(.GET, "/api/v1/inspection-plans", sup).content.decode([InspectionPlanDTO].self).count == 3)
            #expect(try await app.send(.GET, "/api/v1/inspection-plans", eco).content.decode([InspectionPlanDTO].self).isEmpty)
            #expect(try await app.send(.POST, "/api/v1/inspection-plans/\(Self.draftPlan)/draw", sup).errorCode == "FORBIDDEN")
            let (_, far) = try await ScopeTests.addOtherCity(app)
            #expect(try await app.send(.GET, "/api/v1/inspection-plans/\(Self.draftPlan)", try await app.token(far)).errorCode == "OUT_OF_SCOPE")
            // A draft is not public.
            #expect(try await Self.anonymous(app, "/api/v1/public/inspection-plans/\(Self.draftPlan)/redraw").status == .notFound)
        }
    }

    @Test("demo plans: the completed one re-runs to its stored result, on the server and from its public JSON")
    func demoPlans() async throws {
        try await withTestApp { app, _ in
            let plan = try #require(try await InspectionPlan.find(Self.completedPlan, on: app.db))
            #expect(plan.status == .completed)
            let v = try #require(try await InspectionQueries.verify(plan, on: app.db))
            #expect(v.matches && v.stored.count == 3)
            let published = try await Self.anonymous(app, "/api/v1/public/inspection-plans").content.decode([PublicInspectionPlanSummaryDTO].self)
            #expect(published.count == 2)
            try await app.testing().test(.GET, SiteURL.publicInspection(Self.completedPlan)) { res in
                #expect(res.status == .ok && res.body.string.contains(plan.seed ?? "?") && res.body.string.contains("未发现问题"))
            }
        }
    }

    @Test("console: the 法制员 creates a plan and fills the pool by form; the page lists candidates")
    func consolePages() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("legal.amr")
            var location = ""
            try await app.testing().test(.POST, SiteURL.consoleInspectionPlans, headers: s.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": s.csrf, "name": "页面计划", "powerItemId": Self.power.uuidString, "year": "2026", "period": "全年",
                                        "objectCount": "1", "inspectorsPerObject": "2"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            })
            try await app.testing().test(.POST, "\(location)/objects", headers: s.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": s.csrf, "code": Self.codes[0], "name": "页面企业"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("页面企业") && res.body.string.contains("辅助人员"))
            })
            try await app.testing().test(.GET, SiteURL.consoleInspectionPlan(Self.completedPlan), headers: s.headers) { res in
                #expect(res.status == .ok && res.body.string.contains("抽取结果"))
            }
        }
    }

    @Test("`quanze draw verify` and `quanze draw run` re-run a draw and fail when the stored or published result was altered")
    func commands() async throws {
        try await withTestApp { app, _ in
            try await Self.runDraw(app, ["verify", "--plan", Self.completedPlan.uuidString])
            // The public JSON, downloaded and re-run offline.
            let json = try await Self.anonymous(app, "/api/v1/public/inspection-plans/\(Self.completedPlan)")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID()).json")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(json.body.readableBytesView).write(to: file)
            try await Self.runDraw(app, ["run", "--input", file.path])
            // A published file whose result was edited no longer matches its own seed.
            let edited = json.body.string.replacingOccurrences(of: "\"order\":1", with: "\"order\":9")
            try Data(edited.utf8).write(to: file)
            await #expect(throws: (any Error).self) { try await Self.runDraw(app, ["run", "--input", file.path]) }
            // A stored seat swapped to another inspector is caught by verify and by the public re-run.
            let seat = try #require(try await InspectionAssignment.query(on: app.db).filter(\.$plan.$id == Self.completedPlan).first())
            seat.certificateNumber = "JLCC-99999"
            try await seat.save(on: app.db)
            await #expect(throws: (any Error).self) { try await Self.runDraw(app, ["verify", "--plan", Self.completedPlan.uuidString]) }
            let redraw = try await Self.anonymous(app, "/api/v1/public/inspection-plans/\(Self.completedPlan)/redraw")
            #expect(try redraw.content.get(Bool.self, at: "matches") == false)
        }
    }

    static func runDraw(_ app: Application, _ arguments: [String]) async throws {
        var input = CommandInput(arguments: ["quanze"] + arguments)
        var context = CommandContext(console: Terminal(), input: input)
        context.application = app
        let signature = try DrawCommand.Signature(from: &input)
        try await DrawCommand().run(using: context, signature: signature)
    }
}
