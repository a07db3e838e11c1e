import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 执法协调 (通州区关于行政执法协调工作的若干规定, seed 004_cacaddb37daf54c4.txt 篇十一) end to end on the real
/// database and the official 2026 calendar (国办发明电〔2025〕7号: 中秋 9月25日—27日, 国庆 10月1日—7日, 10月10日 调休上班).
@Suite("执法协调: self-coordination, 备案, escalation, forwarding, 区政府 decision, execution")
struct CoordinationTests {
    static let tzamr = DemoIDs.uuid("agency:tzamr")
    static let tzurban = DemoIDs.uuid("agency:tzurban")
    static let amr = DemoIDs.uuid("agency:amr")
    static let eco = DemoIDs.uuid("agency:eco")

    static func json(_ o: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: o), as: UTF8.self)
    }

    static func at(_ iso: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: iso))
    }

    static func raise(_ app: Application, _ token: String, kind: String, parties: [UUID], subject: String = "校园周边无证摊贩的查处职责") async throws -> UUID {
        let res = try await app.send(.POST, "/api/v1/coordination", token, json([
            "kind": kind, "subject": subject, "description": "两部门对查处职责的理解不一致，需要协调。", "partyAgencyIds": parties.map(\.uuidString),
        ]))
        #expect(res.status == .created, "\(res.body.string.prefix(300))")
        return try res.content.get(UUID.self, at: "id")
    }

    static func detail(_ app: Application, _ token: String, _ id: UUID) async throws -> CoordinationDTO {
        let res = try await app.send(.GET, "/api/v1/coordination/\(id)", token)
        #expect(res.status == .ok)
        return try res.content.decode(CoordinationDTO.self)
    }

    @Test("第九条: 协调意见 filed on time (3 工作日 over a weekend) and the execution follow-up (第二十条) with every refusal")
    func selfCoordination() async throws {
        try await withTestApp { app, clock in
            let legal = try await app.token("legal.tzamr")
            let office = try await app.token("supervisor.tz")
            // Refusals at raising: only the bodies' 法制员 raise; another body must be named (第二条).
            #expect(try await app.send(.POST, "/api/v1/coordination", office, Self.json(["kind": "handoff", "subject": "x", "description": "y",
                                                                                          "partyAgencyIds": [Self.tzurban.uuidString]])).status == .forbidden)
            let none = try await app.send(.POST, "/api/v1/coordination", legal, Self.json(["kind": "handoff", "subject": "x", "description": "y",
                                                                                          "partyAgencyIds": [Self.tzamr.uuidString]]))
            #expect(none.status == .unprocessableEntity && none.errorCode == "VALIDATION_FAILED")
            let outside = try await app.send(.POST, "/api/v1/coordination", legal, Self.json(["kind": "handoff", "subject": "x", "description": "y",
                                                                                             "partyAgencyIds": [Self.amr.uuidString]]))
            #expect(outside.errorCode == "VALIDATION_FAILED")
            let badKind = try await app.send(.POST, "/api/v1/coordination", legal, Self.json(["kind": "budget", "subject": "x", "description": "y",
                                                                                             "partyAgencyIds": [Self.tzurban.uuidString]]))
            #expect(badKind.errorCode == "VALIDATION_FAILED")

            let id = try await Self.raise(app, legal, kind: "handoff", parties: [Self.tzurban])
            // The supervisor (法制办) of 通州 sees it; 长春's 法制员 and supervisor do not.
            let list = try await app.send(.GET, "/api/v1/coordination?status=self_coordination", office)
            #expect(try list.content.decode([CoordinationSummaryDTO].self).contains { $0.id == id })
            #expect(try await app.send(.GET, "/api/v1/coordination/\(id)", try await app.token("legal.amr")).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/coordination/\(id)", try await app.token("supervisor1")).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/coordination?status=self_coordination", try await app.token("supervisor1"))
                .content.decode([CoordinationSummaryDTO].self).allSatisfy { $0.id != id })

            // 第九条: coordination ended Friday 2026-11-20 → 3 工作日 = Monday 11-23, Tuesday 11-24, Wednesday 11-25.
            let filed = try await app.send(.POST, "/api/v1/coordination/\(id)/opinion", legal, Self.json([
                "endedOn": "2026-11-20", "opinion": "经协调，校园周边无证摊贩由城管执法局查处，市场监管局移送线索。", "executeBy": "2026-11-27",
            ]))
            #expect(filed.status == .ok, "\(filed.body.string.prefix(300))")
            var d = try filed.content.decode(CoordinationDTO.self)
            #expect(d.status == "executing")
            let filing = try #require(d.deadlines.first { $0.code == "coordination_opinion_filing" })
            #expect(filing.dueOn == "2026-11-25")
            #expect(filing.late == false && filing.met == "2026-11-20")
            #expect(filing.source?.contains("第九条") == true && filing.source?.contains("004_cacaddb37daf54c4.txt") == true)
            #expect(try await app.send(.POST, "/api/v1/coordination/\(id)/opinion", legal, Self.json(["endedOn": "2026-11-20", "opinion": "再次"]))
                .errorCode == "COORDINATION_WRONG_STATE")

            // 第二十条: each body reports; the 法制员 only for their own body; the 法制办 may record a body's report.
            #expect(try await app.send(.POST, "/api/v1/coordination/\(id)/execution", legal, Self.json(["agencyId": Self.tzurban.uuidString, "text": "代报"]))
                .errorCode == "COORDINATION_NOT_OWN_BODY")
            #expect(try await app.send(.POST, "/api/v1/coordination/\(id)/execution", legal, Self.json(["text": "已建立线索移送台账。"])).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/coordination/\(id)/execution", legal, Self.json(["text": "再报"]))
                .errorCode == "COORDINATION_ALREADY_REPORTED")
            // Closing before every body reported is refused; a body cannot close.
            #expect(try await app.send(.POST, "/api/v1/coordination/\(id)/close", office).errorCode == "COORDINATION_EXECUTION_PENDING")
            #expect(try await app.send(.POST, "/api/v1/coordination/\(id)/close", legal).errorCode == "COORDINATION_NOT_COORDINATOR")
            // Past the execution date the missing report shows as overdue.
            clock.set(try Self.at("2026-11-30T02:00:00Z"))
            let office2 = try await app.token("supervisor.tz")
            d = try await Self.detail(app, office2, id)
            #expect(d.parties.first { $0.agencyId == Self.tzurban }?.overdue == true)
            #expect(try await app.send(.GET, "/api/v1/coordination", office2).content.decode([CoordinationSummaryDTO].self)
                .first { $0.id == id }?.executionOverdue == true)
            #expect(try await app.send(.POST, "/api/v1/coordination/\(id)/execution", office2, Self.json(["agencyId": Self.tzurban.uuidString,
                                                                                                         "text": "已安排巡查。"])).status == .ok)
            let closed = try await app.send(.POST, "/api/v1/coordination/\(id)/close", office2)
            #expect(closed.status == .ok)
            d = try closed.content.decode(CoordinationDTO.self)
            #expect(d.status == "closed")
            #expect(d.steps.map(\.kind) == ["raise", "opinion_file", "execution_report", "execution_report", "close"])
            // Every step is in the record log stream and audited.
            let entries = try await RecordEntry.query(on: app.db).filter(\.$stream == "coordination:\(id.uuidString.lowercased())").count()
            #expect(entries == 5)
            #expect(try await app.audits(.coordinationRaise).count == 1)
            #expect(try await app.audits(.coordinationClose).count == 1)
        }
    }

    @Test("第十条/第十二条: escalation to the wrong office must be forwarded within 3 工作日 over 中秋; 第九条 late filing over 国庆 is kept, flagged")
    func escalation() async throws {
        // Thursday 2026-09-24, 10:00 CST.
        try await withTestApp(clock: FixedClock(try Self.at("2026-09-24T02:00:00Z"))) { app, clock in
            var legal = try await app.token("legal.tzamr")
            var office = try await app.token("supervisor.tz")
            let duty = try await Self.raise(app, legal, kind: "duty_boundary", parties: [Self.tzurban], subject: "占道经营的监管主体")
            let late = try await Self.raise(app, legal, kind: "joint_enforcement", parties: [Self.tzurban], subject: "节日市场联合检查")
            // Only the initiating body applies (第十条); the 法制办 cannot apply for it.
            #expect(try await app.send(.POST, "/api/v1/coordination/\(duty)/escalate", office, Self.json(["office": "staffing_office", "application": "x"]))
                .errorCode == "COORDINATION_NOT_INITIATOR")
            // 第十条(一): a duty-boundary dispute belongs to the 区编办; applied to the 区政府法制办 instead, it is received
            // there and must be forwarded within 3 工作日 (第十二条): 9-25..27 中秋 → 9-28, 9-29, 9-30.
            let esc = try await app.send(.POST, "/api/v1/coordination/\(duty)/escalate", legal, Self.json([
                "office": "legal_office", "endedOn": "2026-09-24", "application": "自行协调未达成一致，申请协调。",
            ]))
            #expect(esc.status == .ok, "\(esc.body.string.prefix(300))")
            var d = try esc.content.decode(CoordinationDTO.self)
            #expect(d.status == "escalated" && d.currentOffice == "legal_office" && d.competentOffice == "staffing_office")
            #expect(d.competentSource?.contains("第十条") == true)
            let fwd = try #require(d.deadlines.first { $0.code == "coordination_forwarding" })
            #expect(fwd.dueOn == "2026-09-30")
            #expect(fwd.source?.contains("第十二条") == true)
            // The wrong office cannot coordinate it (COORDINATION_WRONG_OFFICE) …
            #expect(try await app.send(.POST, "/api/v1/coordination/\(duty)/resolve", office, Self.json([
                "office": "legal_office", "outcome": "agreed", "text": "x"])).errorCode == "COORDINATION_WRONG_OFFICE")
            // … an office that does not hold it cannot decide (COORDINATION_NOT_COORDINATOR) …
            #expect(try await app.send(.POST, "/api/v1/coordination/\(duty)/resolve", office, Self.json([
                "office": "staffing_office", "outcome": "agreed", "text": "x"])).errorCode == "COORDINATION_NOT_COORDINATOR")
            // … nor can a body (法制员).
            #expect(try await app.send(.POST, "/api/v1/coordination/\(duty)/resolve", legal, Self.json([
                "office": "legal_office", "outcome": "agreed", "text": "x"])).errorCode == "COORDINATION_NOT_COORDINATOR")
            // … and forwarding to another office that is not competent is refused.
            #expect(try await app.send(.POST, "/api/v1/coordination/\(duty)/forward", office, Self.json(["office": "government"]))
                .errorCode == "COORDINATION_WRONG_OFFICE")
            #expect(try await app.send(.POST, "/api/v1/coordination/\(duty)/forward", legal, Self.json(["office": "staffing_office"]))
                .errorCode == "COORDINATION_NOT_COORDINATOR")

            // Monday 2026-10-12 (after 国庆 and the 10-10 调休 working Saturday).
            clock.set(try Self.at("2026-10-12T02:00:00Z"))
            legal = try await app.token("legal.tzamr")
            office = try await app.token("supervisor.tz")
            let forwarded = try await app.send(.POST, "/api/v1/coordination/\(duty)/forward", office, Self.json(["office": "staffing_office"]))
            #expect(forwarded.status == .ok)
            d = try forwarded.content.decode(CoordinationDTO.self)
            #expect(d.currentOffice == "staffing_office" && d.forwardedOn == "2026-10-12")
            #expect(d.deadlines.first { $0.code == "coordination_forwarding" }?.late == true)
            #expect(try await app.send(.POST, "/api/v1/coordination/\(duty)/forward", office, Self.json(["office": "legal_office"]))
                .errorCode == "COORDINATION_ALREADY_COMPETENT")
            // 第十五条(二): no agreement → proposal to the 区政府, whose decision (第十六条) only the coordinating side records.
            #expect(try await app.send(.POST, "/api/v1/coordination/\(duty)/resolve", office, Self.json([
                "office": "staffing_office", "outcome": "proposed", "text": "建议由城管执法局负责。"])).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/coordination/\(duty)/decision", legal, Self.json(["text": "x"]))
                .errorCode == "COORDINATION_NOT_COORDINATOR")
            #expect(try await app.send(.POST, "/api/v1/coordination/\(duty)/opinion", legal, Self.json(["endedOn": "2026-10-12", "opinion": "x"]))
                .errorCode == "COORDINATION_WRONG_STATE")
            let decided = try await app.send(.POST, "/api/v1/coordination/\(duty)/decision", office, Self.json([
                "text": "区政府决定：占道经营由城管执法局查处。", "executeBy": "2026-10-30"]))
            #expect(decided.status == .ok)
            d = try decided.content.decode(CoordinationDTO.self)
            #expect(d.status == "executing" && d.decidedOn == "2026-10-12")
            #expect(d.steps.map(\.kind) == ["raise", "escalate", "forward", "resolve", "government_decide"])

            // 第九条: coordination ended Wednesday 2026-09-30 → 3 工作日: 10-08, 10-09, 10-10 (调休 working Saturday).
            // Filed on 10-12: accepted, flagged late.
            let filed = try await app.send(.POST, "/api/v1/coordination/\(late)/opinion", legal, Self.json([
                "endedOn": "2026-09-30", "opinion": "联合检查由市场监管局牵头。"]))
            #expect(filed.status == .ok)
            let lateDTO = try filed.content.decode(CoordinationDTO.self)
            let filing = try #require(lateDTO.deadlines.first { $0.code == "coordination_opinion_filing" })
            #expect(filing.dueOn == "2026-10-10" && filing.late == true && filing.met == "2026-10-12")
            #expect(try await app.send(.GET, "/api/v1/coordination", office).content.decode([CoordinationSummaryDTO].self)
                .first { $0.id == late }?.filingLate == true)
        }
    }

    @Test("第十条(二): a 法制办 matter applied to the 法制办 runs no forwarding deadline and is coordinated there")
    func competentOffice() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.tzamr")
            let office = try await app.token("supervisor.tz")
            let id = try await Self.raise(app, legal, kind: "legal_basis", parties: [Self.tzurban])
            // 第十条(二): 执法依据适用 goes to the 区政府法制办; applying to the 区编办 instead leaves it to forward.
            let res = try await app.send(.POST, "/api/v1/coordination/\(id)/escalate", legal, Self.json(["office": "legal_office", "application": "申请"]))
            let d = try res.content.decode(CoordinationDTO.self)
            #expect(d.competentOffice == "legal_office" && !d.deadlines.contains { $0.code == "coordination_forwarding" })
            let ok = try await app.send(.POST, "/api/v1/coordination/\(id)/resolve", office, Self.json([
                "office": "legal_office", "outcome": "agreed", "text": "依据适用以新法为准。"]))
            #expect(ok.status == .ok)
            #expect(try ok.content.decode(CoordinationDTO.self).status == "executing")
        }
    }

    @Test("长春 (changchun profile) is silent on 协调 deadlines: 未规定, no deadline runs, any office may coordinate")
    func silentProfile() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            let id = try await Self.raise(app, legal, kind: "handoff", parties: [Self.eco])
            // A body named as party cannot file the opinion: only the initiating body (第九条).
            #expect(try await app.send(.POST, "/api/v1/coordination/\(id)/opinion", try await app.token("legal.eco"),
                                       Self.json(["endedOn": "2026-11-10", "opinion": "x"])).errorCode == "COORDINATION_NOT_INITIATOR")
            let res = try await app.send(.POST, "/api/v1/coordination/\(id)/opinion", legal, Self.json(["endedOn": "2026-11-20", "opinion": "一致意见"]))
            let d = try res.content.decode(CoordinationDTO.self)
            let filing = try #require(d.deadlines.first)
            #expect(filing.dueOn == nil && filing.rule == "未规定" && filing.late == false)
            #expect(d.competentOffice == nil)
        }
    }

    @Test("Console: the list, the detail with its timeline and the refusal shown on the page")
    func consolePages() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.signIn("legal.tzamr")
            var location = ""
            try await app.testing().test(.POST, "/console/coordination", headers: legal.headers, beforeRequest: { req in
                try req.content.encode(["kind": "handoff", "subject": "案件移送衔接", "description": "移送材料不全", "partyAgencyIds[]": Self.tzurban.uuidString,
                                        "_csrf": legal.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .seeOther, "\(res.body.string.prefix(500))")
                location = res.headers.first(name: .location) ?? ""
            })
            #expect(location.hasPrefix("/console/coordination/"))
            let office = try await app.signIn("supervisor.tz")
            try await app.testing().test(.GET, "/console/coordination", headers: office.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("案件移送衔接"))
            }
            try await app.testing().test(.POST, "\(location)/close", headers: office.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": office.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("COORDINATION_WRONG_STATE"))
                #expect(res.body.string.contains("第六条"))
            })
        }
    }
}

/// 典型案例通报 (issue 6 item 10): anonymized, refused while a name or number remains, only published text on the portal.
@Suite("典型案例通报: anonymization, ANONYMIZATION_INCOMPLETE, portal")
struct TypicalCaseTests {
    static let matter = DemoIDs.uuid(DemoLiability.matterKey)

    @Test("A decided matter's persons become 张某; ID and phone masked; publication refused while a full name remains; portal shows only published")
    func publication() async throws {
        try await withTestApp { app, _ in
            let office = try await app.token("supervisor1")
            let m = try #require(try await LiabilityMatter.find(Self.matter, on: app.db))
            let names = try await LiabilityPerson.query(on: app.db).filter(\.$matterID == Self.matter).all().map(\.name)
            let person = names.first ?? "王建国"
            // An investigating matter cannot be published.
            let body: [String: Any] = [
                "matterId": Self.matter.uuidString, "title": "某局\(person)违法处罚案",
                "body": "\(person)（身份证号 110101199003071234，电话 13812345678）在未取得当事人签字的情况下作出处罚决定。",
                "ruleCited": "行政处罚法 第五十五条", "handling": "对\(person)给予通报批评。", "personNames": ["李四海"],
            ]
            #expect(try await app.send(.POST, "/api/v1/typical-cases", office, CoordinationTests.json(body)).errorCode == "MATTER_NOT_DECIDED")
            m.status = "decided"
            try await m.save(on: app.db)
            #expect(try await app.send(.POST, "/api/v1/typical-cases", try await app.token("legal.amr"), CoordinationTests.json(body)).status == .forbidden)
            let res = try await app.send(.POST, "/api/v1/typical-cases", office, CoordinationTests.json(body))
            #expect(res.status == .created, "\(res.body.string.prefix(300))")
            let t = try res.content.decode(TypicalCaseDTO.self)
            let pseudonym = String(person.first!) + "某"
            #expect(!t.body.contains(person) && t.body.contains(pseudonym) && t.title.contains(pseudonym))
            #expect(!t.body.contains("110101199003071234") && !t.body.contains("13812345678"))
            #expect(t.status == "draft")
            // Not on the portal before publication.
            try await app.testing().test(.GET, "/typical-cases") { r in #expect(!r.body.string.contains(pseudonym + "违法处罚案")) }
            try await app.testing().test(.GET, "/typical-cases/\(t.id)") { r in #expect(r.status == .notFound) }
            // The supervisor's wording brings a full name and a phone back: refused.
            var edit: [String: Any] = ["title": t.title, "body": t.body + "李四海复核时电话 13900001111。", "ruleCited": t.ruleCited, "handling": t.handling]
            #expect(try await app.send(.PUT, "/api/v1/typical-cases/\(t.id)", office, CoordinationTests.json(edit)).status == .ok)
            let refused = try await app.send(.POST, "/api/v1/typical-cases/\(t.id)/publish", office)
            #expect(refused.status == .conflict && refused.errorCode == "ANONYMIZATION_INCOMPLETE")
            #expect(try await app.audits(.typicalCasePublish).contains { $0.outcome == AuditOutcome.failure.rawValue })
            edit["body"] = t.body + "李某复核。"
            #expect(try await app.send(.PUT, "/api/v1/typical-cases/\(t.id)", office, CoordinationTests.json(edit)).status == .ok)
            let published = try await app.send(.POST, "/api/v1/typical-cases/\(t.id)/publish", office)
            #expect(published.status == .ok)
            // The portal: list, detail and API show the anonymized text only.
            try await app.testing().test(.GET, "/typical-cases") { r in
                #expect(r.status == .ok && r.body.string.contains(t.title))
            }
            try await app.testing().test(.GET, "/typical-cases/\(t.id)") { r in
                let html = r.body.string
                #expect(r.status == .ok && html.contains("李某复核") && !html.contains(person) && !html.contains("李四海") && !html.contains("13812345678"))
            }
            try await app.testing().test(.GET, "/api/v1/public/typical-cases") { r in
                let rows = try r.content.decode([PublicTypicalCaseDTO].self)
                #expect(rows.contains { $0.id == t.id } && !rows.contains { $0.id == DemoIDs.uuid("typical-case:cc:draft") })
                #expect(!r.body.string.contains("李四海"))
            }
            // Withdrawn: gone from the portal.
            #expect(try await app.send(.POST, "/api/v1/typical-cases/\(t.id)/withdraw", office, CoordinationTests.json(["reason": "当事人申诉改变处理"])).status == .ok)
            try await app.testing().test(.GET, "/typical-cases/\(t.id)") { r in #expect(r.status == .notFound) }
            #expect(try await app.audits(.typicalCaseWithdraw).count == 1)
            // Another jurisdiction's supervisor cannot see it.
            #expect(try await app.send(.GET, "/api/v1/typical-cases/\(t.id)", try await app.token("supervisor.tz")).status == .notFound)
        }
    }

    @Test("Free composition: names given are replaced; the anonymizer's rules")
    func anonymizer() {
        #expect(TypicalCaseAnonymizer.anonymize("张三丰与张三", names: ["张三", "张三丰"]) == "张某与张某")
        #expect(TypicalCaseAnonymizer.remaining("张某", names: ["张三"]).isEmpty)
        #expect(TypicalCaseAnonymizer.remaining("张三 13812345678", names: ["张三"]).count == 2)
    }
}
