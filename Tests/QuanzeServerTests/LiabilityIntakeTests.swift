import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 责任追究 intake → 立案, investigation and oversight of the pursuer (issue 6 items 2, 3, 8).
@Suite("责任追究: intake, 立案 / 不予立案, investigation, recusal, statements, oversight of the pursuer")
struct LiabilityIntakeTests {
    static let amr = DemoIDs.uuid("agency:amr")
    static let moj = DemoIDs.uuid("agency:moj")
    static let pending = DemoIDs.uuid(DemoLiability.pendingKey)
    static let declined = DemoIDs.uuid(DemoLiability.declinedKey)
    static let matter = DemoIDs.uuid(DemoLiability.matterKey)

    static func json(_ o: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: o), as: UTF8.self)
    }

    /// A profile with the liability codes, as henan 河南省行政执法过错责任追究办法 sets them (第二十一、二十二、
    /// 二十三、二十六条), inheriting changchun; the demo city is switched to it.
    static let testProfile = """
    {
      "id": "liability-test",
      "name": "测试：河南省行政执法过错责任追究办法的追究程序",
      "jurisdiction": "测试",
      "inherits": "changchun",
      "documents": [{ "code": "henan_187", "title": "河南省行政执法过错责任追究办法", "number": "河南省人民政府令第187号",
                      "seeds": [{ "file": "004_cacaddb37daf54c4.txt", "part": "篇十" }] }],
      "deadlines": [
        { "code": "liability_intake", "name": "立案", "text": "发现可能存在行政执法过错的，应当在15日内立案。", "value": 15, "unit": "日", "bound": "上限",
          "start": "发现之日", "source": { "seed": "004_cacaddb37daf54c4.txt", "part": "篇十", "document": "河南省行政执法过错责任追究办法", "article": "第二十一条" } },
        { "code": "liability_decision", "name": "调查终结", "text": "自立案之日起30日内调查终结；可以延长，延长期限不超过20日。", "value": 30, "unit": "日", "bound": "上限",
          "start": "立案之日", "extension": { "value": 20, "unit": "日", "condition": "情况复杂" },
          "source": { "seed": "004_cacaddb37daf54c4.txt", "part": "篇十", "document": "河南省行政执法过错责任追究办法", "article": "第二十三条" } }
      ],
      "quantities": [
        { "code": "liability_investigators_minimum", "name": "调查人员", "text": "调查人员不得少于2人。", "value": 2, "unit": "人", "bound": "下限",
          "source": { "seed": "004_cacaddb37daf54c4.txt", "part": "篇十", "document": "河南省行政执法过错责任追究办法", "article": "第二十二条" } }
      ],
      "provisions": [
        { "code": "liability_pursuer_liable", "name": "追究机关的责任", "text": "追究机关不履行追究职责的，依法追究其责任。",
          "source": { "seed": "004_cacaddb37daf54c4.txt", "part": "篇十", "document": "河南省行政执法过错责任追究办法", "article": "第二十六条" } }
      ]
    }
    """

    static func useTestProfile(_ app: Application) async throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/QuanzeCore/Resources/profiles")
        var files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { (name: $0, data: try Data(contentsOf: dir.appendingPathComponent($0))) }
        files.append((name: "liability-test.json", data: Data(testProfile.utf8)))
        let s: AppServices = app.services
        let replaced: AppServices = AppServices(options: s.options, clock: s.clock, profiles: try ProfileRegistry(files: files), calendar: s.calendar,
                                   audit: s.audit, policy: s.policy, records: s.records)
        app.services = replaced
        let j = try #require(try await Jurisdiction.find(DemoIDs.uuid(DemoData.jurisdictionKey), on: app.db))
        j.profileID = "liability-test"
        try await j.save(on: app.db)
    }

    static func enter(_ app: Application, _ token: String, kind: String = "media", summary: String = "媒体报道：执法人员违规收费",
                      extra: [String: Any] = [:]) async throws -> TestingHTTPResponse {
        var o: [String: Any] = ["sourceKind": kind, "agencyId": amr.uuidString, "summary": summary]
        for (k, v) in extra { o[k] = v }
        return try await app.send(.POST, "/api/v1/liability-intake", token, json(o))
    }

    @Test("the demo: a pending media item, a self-check declined with its reason, a matter with the case's people; silent profile → 未规定")
    func demo() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let item = try await app.send(.GET, "/api/v1/liability-intake/\(Self.pending)", sup)
            #expect(item.status == .ok, "\(item.body.string)")
            let dto = try item.content.decode(LiabilityIntakeDTO.self)
            #expect(dto.sourceKind == "media" && dto.status == "pending" && dto.pursuingBody == "长春市司法局" && dto.profileId == "changchun")
            #expect(dto.dueOn == nil && dto.dueRule == nil)   // changchun (and jilin, national) set no intake period
            let no = try await app.send(.GET, "/api/v1/liability-intake/\(Self.declined)", sup).content.decode(LiabilityIntakeDTO.self)
            #expect(no.status == "declined" && no.outcomeReason?.contains("不属于执法过错") == true)
            let m = try await app.send(.GET, "/api/v1/liability-matters/\(Self.matter)", sup)
            #expect(m.status == .ok, "\(m.body.string)")
            let md = try m.content.decode(LiabilityMatterDTO.self)
            #expect(md.decisionDeadline.period == "未规定" && md.decisionDeadline.due == nil && md.investigatorsMinimum == nil)
            #expect(md.persons.contains { $0.role == "handler_lead" && $0.origin == "case_record" })
            #expect(md.persons.contains { $0.role == "approver" })   // the demo case had no legal review
            #expect(md.persons.allSatisfy { $0.idNumberMasked.map { $0.contains("*") } ?? true })
            #expect(md.investigators.count == 2 && md.log.contains { $0.kind == "liability.interview" })
            // The demo's items without a case stay the two complaint items.
            #expect(try await LiabilityIntake.query(on: app.db).filter(\.$caseID == nil).count() == 2)
        }
    }

    @Test("hand entry: the jurisdiction's supervisor enters; others refused; kinds and fields checked; audited and recorded")
    func entry() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let res = try await Self.enter(app, sup, kind: "enforcement_inspection",
                                           extra: ["sourceDetail": "市政府 2026 年执法检查", "discoveredOn": "2026-11-18"])
            #expect(res.status == .created, "\(res.body.string)")
            let dto = try res.content.decode(LiabilityIntakeDTO.self)
            #expect(dto.sourceKindLabel == "执法检查" && dto.openedOn == "2026-11-18" && dto.sourceDetail == "市政府 2026 年执法检查")
            #expect(dto.pursuingBody == "长春市司法局" && dto.enteredBy != nil && dto.status == "pending")
            #expect(try await app.audits(.liabilityIntakeEnter).count == 1)
            #expect(try await RecordLog.entries(stream: LiabilityJournal.intakeStream(dto.id), on: app.db).map(\.kind) == ["liability.intake_enter"])
            // The body's own 法制员 is not the pursuer; an officer has no role here; another city's supervisor is out of scope.
            #expect(try await Self.enter(app, try await app.token("legal.amr")).errorCode == "NOT_PURSUING_BODY")
            #expect(try await Self.enter(app, try await app.token("officer.amr1")).status == .forbidden)
            #expect(try await Self.enter(app, try await app.token("supervisor.tz")).errorCode == "NOT_PURSUING_BODY")
            // Automatic kinds cannot be entered by hand; unknown fields, empty summaries and future dates are refused.
            #expect(try await Self.enter(app, sup, kind: "remedy_result").status == .unprocessableEntity)
            #expect(try await Self.enter(app, sup, extra: ["bogus": 1]).status.code / 100 == 4)
            #expect(try await Self.enter(app, sup, summary: "   ").status == .unprocessableEntity)
            #expect(try await Self.enter(app, sup, extra: ["discoveredOn": "2026-12-01"]).status == .unprocessableEntity)
            #expect(try await Self.enter(app, sup, extra: ["caseId": UUID().uuidString]).status == .unprocessableEntity)
            // The list filters by source and status.
            let list = try await app.send(.GET, "/api/v1/liability-intake?source=enforcement_inspection&status=pending", sup)
            let rows = try list.content.decode([LiabilityIntakeDTO].self)
            #expect(rows.contains { $0.id == dto.id } && rows.allSatisfy { $0.sourceKind == "enforcement_inspection" && $0.status == "pending" })
            #expect(try await app.send(.GET, "/api/v1/liability-intake?source=nope", sup).status == .unprocessableEntity)
        }
    }

    @Test("不予立案 needs a reason, is recorded and final; 立案 takes the case's people and starts the decision deadline")
    func outcomes() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let base = "/api/v1/liability-intake/\(Self.pending)"
            #expect(try await app.send(.POST, "\(base)/decline", try await app.token("legal.amr"), #"{"reason":"无"}"#).errorCode == "NOT_PURSUING_BODY")
            #expect(try await app.send(.POST, "\(base)/decline", sup, #"{"reason":"  "}"#).status == .unprocessableEntity)
            #expect(try await app.send(.POST, "\(base)/decline", sup, "{}").status.code / 100 == 4)
            let filed = try await app.send(.POST, "\(base)/file", sup, #"{"summary":"媒体反映态度粗暴，立案调查"}"#)
            #expect(filed.status == .created, "\(filed.body.string)")
            let m = try filed.content.decode(LiabilityMatterDTO.self)
            #expect(m.summary == "媒体反映态度粗暴，立案调查" && m.filedOn == "2026-11-20" && m.pursuingBody == "长春市司法局")
            #expect(m.persons.contains { $0.role == "handler_lead" } && m.persons.contains { $0.role == "approver" })
            #expect(try await app.send(.POST, "\(base)/file", sup, "{}").errorCode == "INTAKE_ALREADY_DECIDED")
            #expect(try await app.send(.POST, "\(base)/decline", sup, #"{"reason":"重复"}"#).errorCode == "INTAKE_ALREADY_DECIDED")
            let item = try await app.send(.GET, base, sup).content.decode(LiabilityIntakeDTO.self)
            #expect(item.status == "filed" && item.matterId == m.id)
            #expect(try await RecordLog.entries(stream: LiabilityJournal.matterStream(m.id), on: app.db).first?.kind == "liability.filed")
            // A hand-entered item declined with its reason.
            let entered = try await Self.enter(app, sup).content.decode(LiabilityIntakeDTO.self)
            let no = try await app.send(.POST, "/api/v1/liability-intake/\(entered.id)/decline", sup, #"{"reason":"经核实报道失实"}"#)
            #expect(no.status == .ok, "\(no.body.string)")
            #expect(try no.content.decode(LiabilityIntakeDTO.self).outcomeReason == "经核实报道失实")
            #expect(try await app.audits(.liabilityIntakeDecline).count == 1)
            #expect(try await app.audits(.liabilityIntakeFile).count == 1)
            #expect(try await RecordLog.entries(stream: LiabilityJournal.intakeStream(entered.id), on: app.db).map(\.kind)
                    == ["liability.intake_enter", "liability.intake_decline"])
        }
    }

    @Test("a profile with the codes (henan 第二十一、二十二、二十三条): intake 15 日, decision 30 日 from 立案, at least 2 investigators")
    func profileRules() async throws {
        try await withTestApp { app, _ in
            try await Self.useTestProfile(app)
            let sup = try await app.token("supervisor1")
            let dto = try await Self.enter(app, sup, extra: ["discoveredOn": "2026-11-10"]).content.decode(LiabilityIntakeDTO.self)
            #expect(dto.profileId == "liability-test" && dto.dueOn == "2026-11-25" && dto.dueSource?.contains("第二十一条") == true)
            let filed = try await app.send(.POST, "/api/v1/liability-intake/\(dto.id)/file", sup, "{}")
            #expect(filed.status == .created, "\(filed.body.string)")
            let m = try filed.content.decode(LiabilityMatterDTO.self)
            let calendar = try await app.services.calendar.calendar(on: app.db, now: app.services.clock.now())
            let expected = try calendar.deadline(value: 30, unit: .calendarDays, from: LocalDate(iso: "2026-11-20")!).date.iso
            #expect(m.decisionDeadline.due == expected && m.decisionDeadline.source?.contains("第二十三条") == true)
            #expect(m.investigatorsMinimum == 2)
            let evidence = #"{"kind":"interview","title":"询问当事人","content":"当事人陈述了收费经过。"}"#
            let base = "/api/v1/liability-matters/\(m.id)"
            #expect(try await app.send(.POST, "\(base)/evidence", sup, evidence).errorCode == "INVESTIGATORS_BELOW_MINIMUM")
            for u in ["supervisor2", "reviewer1"] {
                let r = try await app.send(.POST, "\(base)/investigators", sup, Self.json(["userId": try await app.userID(u).uuidString]))
                #expect(r.status == .created, "\(r.body.string)")
            }
            let ok = try await app.send(.POST, "\(base)/evidence", sup, evidence)
            #expect(ok.status == .created, "\(ok.body.string)")
            #expect(try ok.content.decode(LiabilityMatterDTO.self).log.contains { $0.kind == "liability.interview" && $0.payload["title"] == "询问当事人" })
            // A declared recusal takes one below the minimum again.
            let rec = try await app.send(.POST, "\(base)/recusals", sup, Self.json(["userId": try await app.userID("reviewer1").uuidString, "reason": "与当事人系亲属"]))
            #expect(rec.status == .created, "\(rec.body.string)")
            #expect(try await app.send(.POST, "\(base)/evidence", sup, evidence).errorCode == "INVESTIGATORS_BELOW_MINIMUM")
            #expect(try await app.send(.POST, "\(base)/investigators", sup, Self.json(["userId": try await app.userID("reviewer1").uuidString])).errorCode
                    == "INVESTIGATOR_ALREADY_APPOINTED")
        }
    }

    @Test("recusal detected: the case's reviewer, its approver and anyone of the persons' body are refused, and the detection is recorded")
    func conflicts() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let base = "/api/v1/liability-matters/\(Self.matter)"
            for u in ["legal.amr", "officer.amr2", "officer.amr1"] {
                let r = try await app.send(.POST, "\(base)/investigators", sup, Self.json(["userId": try await app.userID(u).uuidString]))
                #expect(r.errorCode == "INVESTIGATOR_CONFLICT", "\(u): \(r.body.string)")
            }
            let detected = try await LiabilityRecusal.query(on: app.db).filter(\.$matterID == Self.matter).filter(\.$kind == "detected").all()
            #expect(detected.count == 3)
            #expect(detected.contains { $0.reason.contains("批准") })
            #expect(try await app.audits(.liabilityInvestigatorAppoint).contains { $0.outcome == AuditOutcome.failure.rawValue })
            // Once recorded, a recused person cannot be appointed.
            #expect(try await app.send(.POST, "\(base)/investigators", sup, Self.json(["userId": try await app.userID("legal.amr").uuidString])).errorCode
                    == "INVESTIGATOR_RECUSED")
            // Another city's account is out of scope; an officer may not appoint.
            #expect(try await app.send(.POST, "\(base)/investigators", sup, Self.json(["userId": try await app.userID("supervisor.tz").uuidString])).status
                    == .unprocessableEntity)
            #expect(try await app.send(.POST, "\(base)/investigators", try await app.token("officer.amr1"), "{}").status == .forbidden)
            #expect(try await app.send(.POST, "\(base)/investigators", try await app.token("supervisor.tz"), "{}").errorCode == "OUT_OF_SCOPE")
        }
    }

    @Test("persons concerned read their own matter (no investigation log) and state and defend; others refused")
    func statements() async throws {
        try await withTestApp { app, _ in
            let base = "/api/v1/liability-matters/\(Self.matter)"
            let handler = try await app.token("officer.amr1")
            let view = try await app.send(.GET, base, handler)
            #expect(view.status == .ok, "\(view.body.string)")
            let v = try view.content.decode(LiabilityMatterDTO.self)
            #expect(!v.canAct && v.log.isEmpty)
            let mine = try await app.send(.POST, "\(base)/statements", handler, #"{"text":"现场检查时当事人拒绝签字，已在笔录中注明。"}"#)
            #expect(mine.status == .created, "\(mine.body.string)")
            #expect(try mine.content.decode(LiabilityMatterDTO.self).statements.count == 1)
            let other = try #require(v.persons.first { $0.role == "approver" })
            #expect(try await app.send(.POST, "\(base)/statements", handler, Self.json(["personId": other.id.uuidString, "text": "代人申辩"])).errorCode
                    == "STATEMENT_NOT_OWN")
            #expect(try await app.send(.GET, base, try await app.token("officer.eco1")).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, base, try await app.token("reviewer1")).status == .forbidden)
            #expect(try await app.send(.POST, "\(base)/evidence", handler, "{}").status == .forbidden)
            // The pursuer records one on a person's behalf (personId required) and sees both.
            let sup = try await app.token("supervisor1")
            #expect(try await app.send(.POST, "\(base)/statements", sup, #"{"text":"口头申辩"}"#).status == .unprocessableEntity)
            let onBehalf = try await app.send(.POST, "\(base)/statements", sup, Self.json(["personId": other.id.uuidString, "text": "批准人口头申辩：已尽审查义务。"]))
            #expect(onBehalf.status == .created, "\(onBehalf.body.string)")
            #expect(try onBehalf.content.decode(LiabilityMatterDTO.self).statements.count == 2)
            #expect(try await app.send(.GET, base, handler).content.decode(LiabilityMatterDTO.self).statements.count == 1)
            #expect(try await RecordLog.entries(stream: LiabilityJournal.matterStream(Self.matter), on: app.db).filter { $0.kind == "liability.statement" }.count == 2)
            let list = try await app.send(.GET, "/api/v1/liability-matters", handler).content.decode([LiabilityMatterSummaryDTO].self)
            #expect(list.map(\.id) == [Self.matter])
            #expect(try await app.send(.GET, "/api/v1/liability-matters", try await app.token("officer.eco1")).content.decode([LiabilityMatterSummaryDTO].self).isEmpty)
        }
    }

    @Test("oversight (henan 第二十六条): a lapsed item or matter opens one item against the pursuing body, once; none where the profile is silent")
    func oversight() async throws {
        try await withTestApp { app, clock in
            // changchun has no `liability_pursuer_liable` (and no periods): nothing opens, however late.
            clock.advance(by: 90 * 86_400)
            #expect(try await PursuerOversight.sweep(services: app.services, on: app.db).opened == 0)
            clock.advance(by: -90 * 86_400)
            try await Self.useTestProfile(app)
            let sup = try await app.token("supervisor1")
            let item = try await Self.enter(app, sup, extra: ["discoveredOn": "2026-11-10"]).content.decode(LiabilityIntakeDTO.self)
            let other = try await Self.enter(app, sup, summary: "自查发现超期作出决定", extra: ["discoveredOn": "2026-11-20"]).content.decode(LiabilityIntakeDTO.self)
            let m = try await app.send(.POST, "/api/v1/liability-intake/\(other.id)/file", sup, "{}").content.decode(LiabilityMatterDTO.self)
            #expect(try await PursuerOversight.sweep(services: app.services, on: app.db).opened == 0)   // nothing due yet
            clock.advance(by: 6 * 86_400)   // 2026-11-26: the item's 15 日 ran out on 11-25
            #expect(try await PursuerOversight.sweep(services: app.services, on: app.db).opened == 1)
            #expect(try await PursuerOversight.sweep(services: app.services, on: app.db).opened == 0)   // never twice
            let against = try #require(try await LiabilityIntake.query(on: app.db).filter(\.$sourceKind == "pursuer_overdue").filter(\.$sourceID == item.id).first())
            #expect(against.agencyID == Self.moj && against.summary.contains("第二十六条"))
            let t = try #require(try await LiabilityIntakeTrack.query(on: app.db).filter(\.$intakeID == against.requireID()).first())
            #expect(t.pursuingAgencyID == nil && t.pursuingBody == "长春市人民政府")
            clock.advance(by: 30 * 86_400)   // past the matter's 30 日 (2026-12-20)
            #expect(try await PursuerOversight.sweep(services: app.services, on: app.db).opened == 1)
            #expect(try await LiabilityIntake.query(on: app.db).filter(\.$sourceKind == "pursuer_overdue").filter(\.$sourceID == m.id).count() == 1)
            #expect(try await PursuerOversight.sweep(services: app.services, on: app.db).opened == 0)
            #expect(try await app.audits(.liabilityPursuerOverdue).count == 2)
        }
    }

    @Test("oversight swept by several instances at once opens the item once (025's unique index)")
    func concurrentSweeps() async throws {
        try await withTestApp { app, clock in
            try await Self.useTestProfile(app)
            let sup = try await app.token("supervisor1")
            let item = try await Self.enter(app, sup, extra: ["discoveredOn": "2026-11-10"]).content.decode(LiabilityIntakeDTO.self)
            clock.advance(by: 6 * 86_400)
            let services: AppServices = app.services
            let opened = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await PursuerOversight.sweep(services: services, on: app.db).opened } }
                return try await group.reduce(0, +)
            }
            #expect(opened == 1)
            #expect(try await LiabilityIntake.query(on: app.db).filter(\.$sourceKind == "pursuer_overdue").filter(\.$sourceID == item.id).count() == 1)
            #expect(try await app.audits(.liabilityPursuerOverdue).count == 1)
        }
    }

    @Test("console: the list with filters and hand entry, an item with 不予立案, a matter with masked people and forms")
    func pages() async throws {
        try await withTestApp { app, _ in
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "\(SiteURL.consoleLiabilityIntake)?source=media", headers: session.headers) { res in
                #expect(res.status == .ok)
                let body = res.body.string
                #expect(body.contains("媒体报道") && body.contains("长春市司法局") && body.contains("未规定"))
            }
            try await app.testing().test(.POST, SiteURL.consoleLiabilityIntakeAction(Self.pending, "decline"), headers: session.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": session.csrf, "reason": ""], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .unprocessableEntity)
            })
            try await app.testing().test(.POST, SiteURL.consoleLiabilityIntakeAction(Self.pending, "decline"), headers: session.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": session.csrf, "reason": "报道所述情况经核实不属实"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("报道所述情况经核实不属实") && res.body.string.contains("不予立案"))
            })
            let officers = try await Officer.query(on: app.db).filter(\.$agency.$id == Self.amr).all()
            try await app.testing().test(.GET, SiteURL.consoleLiabilityMatter(Self.matter), headers: session.headers) { res in
                #expect(res.status == .ok)
                let body = res.body.string
                #expect(body.contains("承办人（主办）") && body.contains("指定调查人员") && body.contains("未规定（本辖区规则配置未规定调查人员人数）"))
                #expect(!officers.contains { body.contains($0.idNumber) })
            }
            let handler = try await app.signIn("officer.amr1")
            try await app.testing().test(.GET, SiteURL.consoleLiabilityMatter(Self.matter), headers: handler.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("提交陈述申辩") && !res.body.string.contains("指定调查人员"))
            }
            let eco = try await app.signIn("officer.eco1")
            try await app.testing().test(.GET, SiteURL.consoleLiabilityMatter(Self.matter), headers: eco.headers) { res in
                #expect(res.status == .forbidden)
            }
        }
    }

    @Test("案卷评查: a file confirmed as failing opens one file_review item with the pursuing body")
    func fileReview() async throws {
        try await withTestApp { app, _ in
            let sheet = try #require(try await ReviewSheet.query(on: app.db).filter(\.$agencyID == Self.amr).first())
            try await FileReviewSheetService.openLiabilityIntake(sheet, final: 55, passMark: 60, on: LocalDate(iso: "2026-11-20")!, db: app.db)
            try await FileReviewSheetService.openLiabilityIntake(sheet, final: 55, passMark: 60, on: LocalDate(iso: "2026-11-20")!, db: app.db)
            let items = try await LiabilityIntake.query(on: app.db).filter(\.$sourceKind == "file_review").filter(\.$sourceID == sheet.requireID()).all()
            #expect(items.count == 1)
            let item = try #require(items.first)
            #expect(item.caseID == sheet.caseID && item.summary.contains("55"))
            let t = try #require(try await LiabilityIntakeTrack.query(on: app.db).filter(\.$intakeID == item.requireID()).first())
            #expect(t.pursuingAgencyID == Self.moj)
            let list = try await app.send(.GET, "/api/v1/liability-intake?source=file_review", try await app.token("supervisor1"))
            #expect(try list.content.decode([LiabilityIntakeDTO].self).contains { $0.id == item.id && $0.sourceKindLabel == "案卷评查不合格" })
        }
    }
}
