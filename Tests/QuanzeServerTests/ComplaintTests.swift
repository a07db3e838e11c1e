import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("投诉举报: portal submission and tracking, registration, workflow, masking, deadlines, 责任倒查, statistics")
struct ComplaintTests {
    static let amr = DemoIDs.uuid("agency:amr")
    static let eco = DemoIDs.uuid("agency:eco")
    static let tzamr = DemoIDs.uuid("agency:tzamr")

    /// A portal submission (anonymous unless a name and phone are given).
    static func submission(agency: UUID = amr, subject: String = "agency", subjectText: String? = nil, content: String = "执法人员检查时未出示执法证件。",
                           name: String? = nil, phone: String? = nil, attachments: [(String, Data)] = []) -> String {
        var o: [String: Any] = ["agencyId": agency.uuidString, "subjectKind": subject, "content": content, "anonymous": name == nil]
        if let subjectText { o["subjectText"] = subjectText }
        if let name { o["name"] = name }
        if let phone { o["phone"] = phone }
        if !attachments.isEmpty { o["attachments"] = attachments.map { ["fileName": $0.0, "contentBase64": $0.1.base64EncodedString()] } }
        return String(decoding: try! JSONSerialization.data(withJSONObject: o), as: UTF8.self)
    }

    static func post(_ app: Application, _ path: String, _ body: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .json
        var out: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { out = $0 }
        return try #require(out)
    }

    static func submit(_ app: Application, _ body: String) async throws -> (id: UUID, number: String, code: String, ackDue: String?) {
        let res = try await post(app, "/api/v1/public/complaints", body)
        #expect(res.status == .created, "\(res.body.string)")
        return (try res.content.get(UUID.self, at: "id"), try res.content.get(String.self, at: "number"),
                try res.content.get(String.self, at: "trackingCode"), try? res.content.get(String.self, at: "acknowledgementDue"))
    }

    static func track(_ app: Application, _ code: String) async throws -> TestingHTTPResponse {
        try await post(app, "/api/v1/public/complaints/track", #"{"trackingCode":"\#(code)"}"#)
    }

    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 1, count: 100)

    @Test("anonymous portal submission: numbered, 5 工作日 across the weekend, tracking code hashed; an unknown code gets the same refusal as a malformed one")
    func portalSubmissionAndTracking() async throws {
        try await withTestApp { app, _ in
            let r = try await Self.submit(app, Self.submission(attachments: [("照片.png", Self.png)]))
            // 长春 has 9 demo complaints in 2026; the sequence continues.
            #expect(r.number == "长春市投诉〔2026〕10号")
            // Received Friday 2026-11-20: five working days, not counting that day, skip the weekend.
            #expect(r.ackDue == "2026-11-27")
            #expect(r.code.count == 24 && r.code.split(separator: "-").count == 5)
            let c = try #require(try await Complaint.find(r.id, on: app.db))
            #expect(c.trackingHash == ComplaintRules.trackingHash(ComplaintRules.normalize(r.code)!))
            #expect(c.trackingHash != r.code && !c.trackingHash.contains(r.code.replacingOccurrences(of: "-", with: "")))
            #expect(c.ackRule?.value.source.article == "五(三)")
            #expect(c.channel == .portal && c.anonymous && c.complainantName == nil)
            #expect(try await ComplaintAttachment.query(on: app.db).filter(\.$complaintID == r.id).count() == 1)
            // Tracking: any case, without dashes.
            let ok = try await Self.track(app, r.code.lowercased().replacingOccurrences(of: "-", with: ""))
            #expect(ok.status == .ok)
            #expect(try ok.content.get(String.self, at: "status") == "registered")
            #expect(try ok.content.get(String.self, at: "acknowledgementDue") == "2026-11-27")
            #expect(!ok.body.string.contains("registeredBy") && !ok.body.string.contains("handler"))
            // A well-formed code that exists nowhere and a malformed one: the same 404 and body.
            let unknown = try await Self.track(app, ComplaintRules.newTrackingCode())
            let malformed = try await Self.track(app, "abc")
            #expect(unknown.status == .notFound && malformed.status == .notFound)
            #expect(unknown.errorCode == "TRACKING_CODE_INVALID")
            #expect(unknown.body.string == malformed.body.string)
            // Journalled and audited without an actor account.
            let entries = try await RecordLog.entries(stream: ComplaintJournal.stream(r.id), on: app.db)
            #expect(entries.map(\.kind) == ["complaint.register"])
            #expect(try await app.audits(.complaintRegister).first?.target == r.number)
        }
    }

    @Test("bad submissions are refused with codes: empty or oversize text, named without phone, too many or too large attachments, wrong type")
    func badSubmissions() async throws {
        try await withTestApp { app, _ in
            func refused(_ body: String, _ status: HTTPStatus, _ code: String) async throws {
                let res = try await Self.post(app, "/api/v1/public/complaints", body)
                #expect(res.status == status && res.errorCode == code, "\(res.status) \(res.body.string.prefix(200))")
            }
            try await refused(Self.submission(content: "   "), .unprocessableEntity, "VALIDATION_FAILED")
            try await refused(Self.submission(content: String(repeating: "查", count: ComplaintRules.maxContent + 1)), .unprocessableEntity, "VALIDATION_FAILED")
            try await refused(Self.submission(name: "张三", phone: "12345"), .unprocessableEntity, "VALIDATION_FAILED")
            try await refused(Self.submission(subject: "officer"), .unprocessableEntity, "VALIDATION_FAILED")
            let four = (1...4).map { ("p\($0).png", Self.png) }
            try await refused(Self.submission(attachments: four), .unprocessableEntity, "TOO_MANY_ATTACHMENTS")
            let big = Self.png + Data(repeating: 0, count: ComplaintRules.maxAttachmentBytes)
            try await refused(Self.submission(attachments: [("big.png", big)]), .payloadTooLarge, "ATTACHMENT_TOO_LARGE")
            try await refused(Self.submission(attachments: [("a.exe", Data("MZ not a picture".utf8))]), .unsupportedMediaType, "ATTACHMENT_TYPE_NOT_ALLOWED")
            try await refused(#"{"agencyId":"\#(Self.amr)","subjectKind":"agency","content":"x","anonymous":true,"channel":"phone"}"#, .badRequest, "UNKNOWN_FIELD")
            // A body that is not announced is not offered to the public.
            try await refused(Self.submission(agency: DemoIDs.uuid("agency:healthsup")), .unprocessableEntity, "VALIDATION_FAILED")
            // Nothing was stored by the refusals.
            #expect(try await Complaint.query(on: app.db).count() == 11)
        }
    }

    @Test("handling: the handler sees the complainant, others see a mask; only the handler verifies; illegal moves refused; 属实 opens an intake item without a case; the answer reaches the tracking page")
    func workflowAndMasking() async throws {
        try await withTestApp { app, _ in
            let officer = try #require(try await Officer.find(DemoIDs.uuid("officer:amr:0"), on: app.db))
            let r = try await Self.submit(app, Self.submission(subject: "officer", subjectText: officer.name, name: "钱多多", phone: "13912345678"))
            let legal = try await app.token("legal.amr"), sup = try await app.token("supervisor1")
            let path = "/api/v1/complaints/\(r.id)"
            // Before anyone handles it, nobody sees the identity.
            let before = try await app.send(.GET, path, legal)
            #expect(try before.content.get(String.self, at: "complainant") == "钱**")
            #expect(try before.content.get(String.self, at: "complainantPhone") == "139****5678")
            #expect(!before.body.string.contains("钱多多") && !before.body.string.contains("13912345678"))
            #expect(try before.content.get(UUID.self, at: "subjectOfficerId") == officer.id)
            // Illegal moves before 受理.
            #expect(try await app.send(.POST, "\(path)/close", legal).errorCode == "COMPLAINT_ILLEGAL_TRANSITION")
            #expect(try await app.send(.POST, "\(path)/verify", legal, #"{"finding":"substantiated","findingText":"属实"}"#).errorCode == "COMPLAINT_ILLEGAL_TRANSITION")
            #expect(try await app.send(.POST, "\(path)/review", sup, #"{"result":"upheld","note":"维持"}"#).errorCode == "COMPLAINT_ILLEGAL_TRANSITION")
            // 受理 by the 法制员: he becomes the handler and sees name and phone.
            let accepted = try await app.send(.POST, "\(path)/accept", legal)
            #expect(accepted.status == .ok, "\(accepted.body.string)")
            #expect(try accepted.content.get(String.self, at: "complainant") == "钱多多")
            #expect(try accepted.content.get(String.self, at: "complainantPhone") == "13912345678")
            #expect(try accepted.content.get(String.self, at: "acknowledgedOn") == "2026-11-20")
            #expect(try await app.send(.POST, "\(path)/accept", legal).errorCode == "COMPLAINT_ILLEGAL_TRANSITION")
            // The supervisor (not the handler) sees the mask and may not verify.
            let supView = try await app.send(.GET, path, sup)
            #expect(try supView.content.get(String.self, at: "complainant") == "钱**")
            #expect(try supView.content.get(Bool.self, at: "identityVisible") == false)
            #expect(try await app.send(.POST, "\(path)/verify", sup, #"{"finding":"substantiated","findingText":"属实"}"#).errorCode == "NOT_COMPLAINT_HANDLER")
            // The list masks too for everyone but the handler.
            let list = try await app.send(.GET, "/api/v1/complaints", sup)
            #expect(list.body.string.contains(r.number) && !list.body.string.contains("钱多多") && !list.body.string.contains("13912345678"))
            // Bad input on a step.
            let badFinding = try await app.send(.POST, "\(path)/verify", legal, #"{"finding":"maybe","findingText":"x"}"#)
            #expect([400, 422].contains(badFinding.status.code))
            #expect(try await app.send(.POST, "\(path)/reply", legal, #"{"replyText":"  "}"#).errorCode == "VALIDATION_FAILED")
            // 核查 属实 → intake item, no case, the officer named.
            let verified = try await app.send(.POST, "\(path)/verify", legal, #"{"finding":"substantiated","findingText":"经调取执法记录仪，属实。"}"#)
            #expect(verified.status == .ok, "\(verified.body.string)")
            let item = try #require(try await LiabilityIntake.query(on: app.db).filter(\.$sourceKind == "complaint").filter(\.$sourceID == r.id).first())
            #expect(item.caseID == nil && item.subjectOfficerID == officer.id && item.agencyID == Self.amr)
            let intake = try await app.send(.GET, "/api/v1/liability-intake", sup)
            #expect(intake.body.string.contains(r.number))
            #expect(try await app.send(.POST, "\(path)/close", legal).errorCode == "COMPLAINT_ILLEGAL_TRANSITION")
            #expect(try await app.send(.POST, "\(path)/reply", legal, #"{"replyText":"经核查属实，已责令整改并转责任追究。"}"#).status == .ok)
            #expect(try await app.send(.POST, "\(path)/close", legal).status == .ok)
            // The complainant reads the answer.
            let tracked = try await Self.track(app, r.code)
            #expect(try tracked.content.get(String.self, at: "status") == "closed")
            #expect(try tracked.content.get(String.self, at: "replyText") == "经核查属实，已责令整改并转责任追究。")
            #expect(!tracked.body.string.contains("周审核"))
            // Every step: an event, a record entry and an audit entry; none carries the identity.
            let entries = try await RecordLog.entries(stream: ComplaintJournal.stream(r.id), on: app.db)
            #expect(entries.map(\.kind) == ["complaint.register", "complaint.accept", "complaint.verify", "complaint.reply", "complaint.close"])
            #expect(try await ComplaintEvent.query(on: app.db).filter(\.$complaintID == r.id).count() == 5)
            let audits = try await app.audits(.complaintAct) + app.audits(.complaintRegister)
            #expect(audits.count == 5)
            #expect(!audits.contains { ($0.detail ?? "").contains("钱多多") || ($0.detail ?? "").contains("13912345678") })
            #expect(!entries.contains { $0.payload.contains("钱多多") || $0.payload.contains("13912345678") })
        }
    }

    @Test("scope: another body's 法制员, another jurisdiction's 监督员 and officers are refused; lists are scoped")
    func scope() async throws {
        try await withTestApp { app, _ in
            let id = DemoIDs.uuid("complaint:amr:registered")
            #expect(try await app.send(.GET, "/api/v1/complaints/\(id)", try await app.token("legal.eco")).errorCode == "COMPLAINT_OUT_OF_SCOPE")
            #expect(try await app.send(.POST, "/api/v1/complaints/\(id)/accept", try await app.token("legal.eco")).errorCode == "COMPLAINT_OUT_OF_SCOPE")
            #expect(try await app.send(.GET, "/api/v1/complaints/\(id)", try await app.token("supervisor.tz")).errorCode == "COMPLAINT_OUT_OF_SCOPE")
            #expect(try await app.send(.GET, "/api/v1/complaints/\(id)", try await app.token("officer.amr1")).status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/complaints/\(UUID())", try await app.token("legal.amr")).status == .notFound)
            let eco = try await app.send(.GET, "/api/v1/complaints", try await app.token("legal.eco")).content.decode([ComplaintDTO].self)
            #expect(!eco.isEmpty && eco.allSatisfy { $0.agencyId == Self.eco })
            let all = try await app.send(.GET, "/api/v1/complaints", try await app.token("supervisor1")).content.decode([ComplaintDTO].self)
            #expect(all.count == 9 && all.allSatisfy { $0.jurisdictionId == DemoIDs.uuid(DemoData.jurisdictionKey) })
            // Registering for another body.
            let body = #"{"agencyId":"\#(Self.eco)","subjectKind":"agency","content":"来电反映。","anonymous":true,"channel":"phone"}"#
            #expect(try await app.send(.POST, "/api/v1/complaints", try await app.token("legal.amr"), body).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, "/api/v1/complaints?status=bogus", try await app.token("legal.amr")).errorCode == "VALIDATION_FAILED")
        }
    }

    @Test("不予受理 with reasons shown to the complainant; 复查 finds it wrongly dropped: a finding against the refuser, an intake item, reopened")
    func refusalAndBacktracking() async throws {
        try await withTestApp { app, _ in
            let r = try await Self.submit(app, Self.submission(agency: Self.eco, content: "反映执法人员对举报的偷排行为不予查处。"))
            let legal = try await app.token("legal.eco"), sup = try await app.token("supervisor1")
            let path = "/api/v1/complaints/\(r.id)"
            #expect([400, 422].contains(try await app.send(.POST, "\(path)/refuse", legal).status.code))
            #expect(try await app.send(.POST, "\(path)/refuse", legal, #"{"reason":""}"#).errorCode == "VALIDATION_FAILED")
            #expect(try await app.send(.POST, "\(path)/refuse", legal, #"{"reason":"不属于本机关受理范围"}"#).status == .ok)
            let tracked = try await Self.track(app, r.code)
            #expect(try tracked.content.get(String.self, at: "refusalReason") == "不属于本机关受理范围")
            #expect(try await app.send(.POST, "\(path)/accept", legal).errorCode == "COMPLAINT_ILLEGAL_TRANSITION")
            // Only a supervisor reviews.
            #expect(try await app.send(.POST, "\(path)/review", legal, #"{"result":"wrongly_dropped","note":"应予受理"}"#).status == .forbidden)
            let reviewed = try await app.send(.POST, "\(path)/review", sup, #"{"result":"wrongly_dropped","note":"偷排属本局职责，应予受理"}"#)
            #expect(reviewed.status == .ok, "\(reviewed.body.string)")
            #expect(try reviewed.content.get(String.self, at: "status") == "accepted")
            let findings = try await ComplaintLiabilityFinding.query(on: app.db).filter(\.$complaintID == r.id).all()
            #expect(findings.count == 1 && findings[0].personName == "冯环宇" && findings[0].step == "refuse"
                    && findings[0].userID == DemoIDs.uuid("user:legal.eco"))
            let item = try #require(try await LiabilityIntake.query(on: app.db).filter(\.$sourceKind == "complaint_dropped").filter(\.$sourceID == r.id).first())
            #expect(item.caseID == nil && item.summary.contains("七(二)"))
            let page = try await app.signIn("supervisor1")
            var html = ""
            try await app.testing().test(.GET, "/console/liability-intake", headers: page.headers) { html = $0.body.string }
            #expect(html.contains(SiteURL.consoleComplaint(r.id)) && html.contains("投诉举报责任倒查"))
            #expect(try await app.audits(.complaintAct).contains { $0.detail?.contains("责任倒查") == true })
        }
    }

    @Test("staff registration by phone: 5 工作日 from the day received; 通州 officer complaints: 30日 to answer, on the calendar, with the source")
    func registrationAndTongzhouLimit() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let body = #"{"agencyId":"\#(Self.eco)","subjectKind":"agency","content":"来电反映。","anonymous":false,"name":"吴某","phone":"0431-88881234","channel":"phone","receivedOn":"2026-11-18"}"#
            let res = try await app.send(.POST, "/api/v1/complaints", sup, body)
            #expect(res.status == .created, "\(res.body.string)")
            // Wednesday 2026-11-18 + 5 working days = Wednesday 2026-11-25.
            #expect(try res.content.get(String.self, at: "acknowledgementDue") == "2026-11-25")
            #expect(try await app.send(.POST, "/api/v1/complaints", sup, body.replacingOccurrences(of: "\"phone\",\"received", with: "\"portal\",\"received")).status == .unprocessableEntity)
            #expect(try await app.send(.POST, "/api/v1/complaints", sup, body.replacingOccurrences(of: "2026-11-18", with: "2026-11-21")).errorCode == "VALIDATION_FAILED")
            // 通州: an officer complaint accepted today is due 30 days after receipt (2026-12-20 is a Sunday → Monday).
            let legal = try await app.token("legal.tzamr")
            let tz = #"{"agencyId":"\#(Self.tzamr)","subjectKind":"officer","subjectText":"某执法人员","content":"执法时索要财物。","anonymous":true,"channel":"letter"}"#
            let created = try await app.send(.POST, "/api/v1/complaints", legal, tz)
            #expect(created.status == .created, "\(created.body.string)")
            #expect(try created.content.get(String.self, at: "number") == "通州区投诉〔2026〕3号")
            let id = try created.content.get(UUID.self, at: "id")
            let accepted = try await app.send(.POST, "/api/v1/complaints/\(id)/accept", legal)
            let dto = try accepted.content.decode(ComplaintDTO.self)
            let reply = try #require(dto.deadlines.first { $0.code == ComplaintRules.officerReplyCode })
            #expect(reply.due == "2026-12-21" && reply.period == "30日" && reply.sourceRef.article == "第二十五条")
            // The demo's overdue 通州 complaint is red.
            let list = try await app.send(.GET, "/api/v1/complaints?level=red", legal).content.decode([ComplaintDTO].self)
            #expect(list.contains { $0.id == DemoIDs.uuid("complaint:tzamr:officer-overdue") })
        }
    }

    @Test("statistics for the lead: reply on time, acknowledgement on time, monthly flow")
    func statistics() async throws {
        try await withTestApp { app, _ in
            let today = LocalDate(iso: "2026-11-20")!
            let tz = try await ComplaintStatistics.onTime(agencyID: Self.tzamr, year: 2026, asOf: today, on: app.db)
            #expect(tz.due == 2 && tz.onTime == 1 && tz.complaintIDs == [DemoIDs.uuid("complaint:tzamr:officer-overdue")])
            #expect(try await ComplaintStatistics.onTime(agencyID: Self.tzamr, year: 2025, asOf: today, on: app.db).due == 0)
            let ack = try await ComplaintStatistics.acknowledgedOnTime(agencyID: Self.amr, year: 2026, asOf: today, on: app.db)
            #expect(ack.complaintIDs.contains(DemoIDs.uuid("complaint:amr:overdue")))
            let months = try await ComplaintStatistics.monthlyFlow(agencyID: Self.amr, year: 2026, on: app.db)
            #expect(months.count == 12)
            // October: the substantiated one (received 10-08), amr:closed (10-11) and amr:answered (10-26); two closed on 10-23.
            #expect(months[9].received == 3 && months[9].accepted == 3 && months[9].closed == 2)
            let api = try await app.send(.GET, "/api/v1/complaint-statistics?year=2026&agencyId=\(Self.tzamr)", try await app.token("supervisor.tz"))
            #expect(try api.content.get(Int.self, at: "replyDue") == 2)
            #expect(try await app.send(.GET, "/api/v1/complaint-statistics?agencyId=\(Self.tzamr)", try await app.token("supervisor1")).errorCode == "OUT_OF_SCOPE")
        }
    }

    @Test("console: the board shows warnings with sources; a handler accepts and answers by form; the portal form and tracking form work")
    func pages() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("legal.amr")
            var html = ""
            try await app.testing().test(.GET, "/console/complaints", headers: s.headers) { res in
                #expect(res.status == .ok)
                html = res.body.string
            }
            #expect(html.contains("已超期") && html.contains("依据：吉政办发〔2016〕91号"))
            #expect(html.contains("张*") && !html.contains("张明") && !html.contains("13812345678"))
            let id = DemoIDs.uuid("complaint:amr:overdue")
            try await app.testing().test(.POST, "/console/complaints/\(id)/accept", headers: s.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": s.csrf], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("张明") && res.body.string.contains("告知受理情况已逾期"))
            }
            try await app.testing().test(.POST, "/console/complaints/\(id)/close", headers: s.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": s.csrf], as: .urlEncodedForm)
            }) { res in #expect(res.status == .conflict) }
            // Portal: anonymous form, then the tracking form.
            try await app.testing().test(.GET, "/complaints") { res in
                #expect(res.status == .ok && res.body.string.contains("提交投诉举报"))
            }
            var code = ""
            try await app.testing().test(.POST, "/complaints", beforeRequest: { req in
                try req.content.encode(["agencyId": Self.amr.uuidString, "subjectKind": "agency", "content": "网上投诉内容。", "anonymous": "true"],
                                       as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .created, "\(res.body.string.prefix(300))")
                let body = res.body.string
                if let r = body.range(of: #"id="tracking-code">([0-9A-Z-]+)<"#, options: .regularExpression) {
                    code = String(body[r].dropFirst(#"id="tracking-code">"#.count).dropLast())
                }
            }
            #expect(code.count == 24)
            try await app.testing().test(.POST, "/complaints/track", beforeRequest: { req in
                try req.content.encode(["trackingCode": code], as: .urlEncodedForm)
            }) { res in #expect(res.status == .ok && res.body.string.contains("已登记")) }
            try await app.testing().test(.POST, "/complaints/track", beforeRequest: { req in
                try req.content.encode(["trackingCode": "0000-0000-0000-0000-0000"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .notFound && res.body.string.contains("查询码无效")) }
            // The demo's known code finds the demo complaint.
            let demo = try await Self.track(app, DemoComplaints.code(1))
            #expect(try demo.content.get(String.self, at: "number") == "长春市投诉〔2026〕1号")
        }
    }

    @Test("014: liability_intake keeps its rows through the rebuild and takes items without a case (revert and migrate again)")
    func migrationRebuild() async throws {
        try await withTestApp { app, _ in
            // An item with a case, as a 复议/诉讼 result leaves one.
            let someCase = try #require(try await EnforcementCase.query(on: app.db).first())
            let old = LiabilityIntake()
            old.sourceKind = "remedy_result"
            old.sourceID = UUID()
            old.caseID = someCase.id
            old.agencyID = someCase.$agency.id
            old.openedOn = "2026-11-01"
            old.summary = "复议撤销"
            old.status = "pending"
            try await old.create(on: app.db)
            let remedies = try await LiabilityIntake.query(on: app.db).filter(\.$sourceKind == "remedy_result").all()
            #expect(!remedies.isEmpty)
            #expect(try await LiabilityIntake.query(on: app.db).filter(\.$caseID == nil).count() == 2)   // the demo's complaint items
            // Items with a case (复议/诉讼 results, 备案审查 failures) survive the revert; those without one cannot.
            let withCase = try await LiabilityIntake.query(on: app.db).filter(\.$caseID != nil).count()
            try await CreateComplaints().revert(on: app.db)
            let sql = try #require(app.db as? any SQLDatabase)
            let after = try await sql.raw("SELECT count(*) AS n FROM liability_intake").first()?.decode(column: "n", as: Int.self)
            #expect(after == withCase)
            try await CreateComplaints().prepare(on: app.db)
            let again = try await LiabilityIntake.query(on: app.db).filter(\.$sourceKind == "remedy_result").all()
            #expect(Set(again.compactMap(\.caseID)) == Set(remedies.compactMap(\.caseID)))
            let item = LiabilityIntake()
            item.sourceKind = "complaint"
            item.sourceID = UUID()
            item.caseID = nil
            item.agencyID = Self.amr
            item.openedOn = "2026-11-20"
            item.summary = "无案件的线索"
            item.status = "pending"
            try await item.create(on: app.db)
            #expect(try await LiabilityIntake.find(item.id, on: app.db)?.caseID == nil)
            // The unique source constraint survived the rebuild.
            let duplicate = LiabilityIntake()
            duplicate.sourceKind = "complaint"
            duplicate.sourceID = item.sourceID
            duplicate.agencyID = Self.amr
            duplicate.openedOn = "2026-11-20"
            duplicate.summary = "重复"
            duplicate.status = "pending"
            await #expect(throws: (any Error).self) { try await duplicate.create(on: app.db) }
        }
    }
}
