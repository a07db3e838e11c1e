import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("执法人员 and 证件: masked register, derived qualification, certificate lifecycle, warnings, public lookup")
struct OfficerCertificateTests {
    let amr = DemoIDs.uuid("agency:amr")
    let tzamr = DemoIDs.uuid("agency:tzamr")
    static let validID = "11010519491231002X"

    func officerBody(_ id: String = validID, employment: String = "在编", name: String = "欧阳明") -> String {
        #"{"name":"\#(name)","idNumber":"\#(id)","phone":"13912345678","employment":"\#(employment)","hiredOn":"2026-03-01"}"#
    }

    func create(_ app: Application, _ token: String, agency: UUID, _ body: String) async throws -> String {
        let res = try await app.send(.POST, "/api/v1/agencies/\(agency)/officers", token, body)
        #expect(res.status == .created, "\(res.body.string.prefix(600))")
        return try #require(try? res.content.get(String.self, at: "officer", "id"))
    }

    @Test("the 身份证号 is checked (GB 11643), stored whole, shown masked everywhere; duplicates refused")
    func registerMasksPersonalData() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let bad = try await app.send(.POST, "/api/v1/agencies/\(amr)/officers", token, officerBody("110105194912310021"))
            #expect(bad.status == .unprocessableEntity)
            #expect((try? bad.content.get(String.self, at: "error", "details", "problems", 0, "field")) == "idNumber")
            #expect(bad.body.string.contains("校验码错误"))
            let before = try await Officer.query(on: app.db).count()
            let id = try await create(app, token, agency: amr, officerBody())
            #expect(try await Officer.query(on: app.db).count() == before + 1)
            let stored = try #require(try await Officer.find(UUID(uuidString: id), on: app.db))
            #expect(stored.idNumber == Self.validID)
            let shown = try await app.send(.GET, "/api/v1/officers/\(id)", token)
            #expect(!shown.body.string.contains(Self.validID))
            #expect(!shown.body.string.contains("13912345678"))
            #expect((try? shown.content.get(String.self, at: "officer", "idNumberMasked")) == PersonalDataMasker.maskIDNumber(Self.validID))
            let list = try await app.send(.GET, "/api/v1/officers?q=%E6%AC%A7%E9%98%B3", token)
            #expect((try? list.content.get(Int.self, at: "page", "total")) == 1)
            #expect(!list.body.string.contains(Self.validID))
            let audit = try #require(try await app.audits(.officerCreate).first)
            #expect(audit.detail?.contains(Self.validID) == false)
            let dup = try await app.send(.POST, "/api/v1/agencies/\(amr)/officers", token, officerBody(name: "另一人"))
            #expect((try? dup.content.get(String.self, at: "error", "details", "problems", 0, "code")) == "taken")
            // Another body's 法制员 and another city's legal office are refused.
            let eco = try await app.token("legal.eco")
            #expect(try await app.send(.POST, "/api/v1/officers/\(id)/trainings", eco, #"{"heldOn":"2026-05-01","title":"培训","hours":8}"#).status == .forbidden)
            let tz = try await app.token("supervisor.tz")
            #expect(try await app.send(.GET, "/api/v1/officers/\(id)", tz).status == .forbidden)
        }
    }

    @Test("a certificate only for the qualified: 在编, the year's exam, and (通州) 60 学时 for new staff")
    func issueOnlyToTheQualified() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.tzamr")
            let office = try await app.token("supervisor.tz")
            let id = try await create(app, legal, agency: tzamr, officerBody())
            let issue = #"{"number":"BJTZ-90001","validUntil":"2031-11-19"}"#
            let unqualified = try await app.send(.POST, "/api/v1/officers/\(id)/certificates", office, issue)
            #expect(unqualified.errorCode == "OFFICER_NOT_QUALIFIED")
            #expect(unqualified.body.string.contains("考核"))
            _ = try await app.send(.POST, "/api/v1/officers/\(id)/exams", legal, #"{"takenOn":"2026-06-10","subject":"公共法律知识","score":82}"#)
            _ = try await app.send(.POST, "/api/v1/officers/\(id)/trainings", legal, #"{"heldOn":"2026-04-10","title":"新录用人员培训","hours":59}"#)
            let short = try await app.send(.POST, "/api/v1/officers/\(id)/certificates", office, issue)
            #expect(short.errorCode == "OFFICER_NOT_QUALIFIED")
            #expect(short.body.string.contains("不足60学时"))
            #expect(try await Certificate.query(on: app.db).filter(\.$number == "BJTZ-90001").count() == 0)
            _ = try await app.send(.POST, "/api/v1/officers/\(id)/trainings", legal, #"{"heldOn":"2026-04-11","title":"补充培训","hours":1}"#)
            let existing = try #require(try await Certificate.find(DemoIDs.uuid("certificate:tzamr:0"), on: app.db)).number
            let taken = try await app.send(.POST, "/api/v1/officers/\(id)/certificates", office, #"{"number":"\#(existing)","validUntil":"2031-11-19"}"#)
            #expect(taken.errorCode == "CERTIFICATE_NUMBER_TAKEN")
            let ok = try await app.send(.POST, "/api/v1/officers/\(id)/certificates", office, issue)
            #expect(ok.status == .created, "\(ok.body.string.prefix(300))")
            #expect((try? ok.content.get(String.self, at: "events", 0, "kind")) == "核发")
            // The body's 法制员 does not issue; an auxiliary person never qualifies.
            #expect(try await app.send(.POST, "/api/v1/officers/\(id)/certificates", legal, issue).status == .forbidden)
            let aux = try await create(app, legal, agency: tzamr, officerBody("110105199001010010", employment: "辅助人员", name: "辅警甲"))
            _ = try await app.send(.POST, "/api/v1/officers/\(aux)/exams", legal, #"{"takenOn":"2026-06-10","subject":"公共法律知识","score":90}"#)
            let auxRes = try await app.send(.POST, "/api/v1/officers/\(aux)/certificates", office, #"{"number":"BJTZ-90002","validUntil":"2031-11-19"}"#)
            #expect(auxRes.errorCode == "OFFICER_NOT_QUALIFIED")
            #expect(auxRes.body.string.contains("辅助人员"))
        }
    }

    @Test("suspend with a notice, decide within 2 months (warned after), the third suspension proposes 核销")
    func suspensionLifecycle() async throws {
        try await withTestApp { app, clock in
            let legal = try await app.token("legal.tzamr")
            let office = try await app.token("supervisor.tz")
            let cert = DemoIDs.uuid("certificate:tzamr:0")
            let noNotice = try await app.send(.POST, "/api/v1/certificates/\(cert)/suspend", legal, #"{"reason":"未出示证件"}"#)
            #expect(noNotice.status == .unprocessableEntity)
            #expect(try await Certificate.find(cert, on: app.db)?.status == .valid)
            for n in 1...2 {
                let s = try await app.send(.POST, "/api/v1/certificates/\(cert)/suspend", legal, #"{"reason":"未出示证件","documentRef":"暂扣字〔2026〕\#(n)号"}"#)
                #expect(s.status == .ok, "\(s.body.string.prefix(300))")
                #expect((try? s.content.get(String.self, at: "certificate", "decisionDue")) == "2027-01-20")
                #expect((try? s.content.get(Bool.self, at: "certificate", "revocationProposed")) == false)
                #expect(try await app.send(.POST, "/api/v1/certificates/\(cert)/restore", legal, #"{"reason":"经核查，予以恢复"}"#).status == .ok)
            }
            let again = try await app.send(.POST, "/api/v1/certificates/\(cert)/restore", legal, #"{"reason":"再次恢复"}"#)
            #expect(again.errorCode == "CERTIFICATE_INVALID_TRANSITION")
            let third = try await app.send(.POST, "/api/v1/certificates/\(cert)/suspend", legal, #"{"reason":"转借证件","documentRef":"暂扣字〔2026〕3号"}"#)
            #expect((try? third.content.get(Bool.self, at: "certificate", "revocationProposed")) == true)
            let kinds = (try? third.content.get([CertificateEventDTO].self, at: "events").map(\.kind)) ?? []
            #expect(kinds == ["核发", "年审", "年审", "年审", "暂扣", "恢复", "暂扣", "恢复", "暂扣", "核销建议"])
            // Not yet overdue on the due date; overdue the day after (2026-11-20 + 2 个月 = 2027-01-20).
            clock.set(try #require(ISO8601DateFormatter().date(from: "2027-01-20T02:00:00Z")))
            let onDue = try await app.send(.GET, "/api/v1/certificates/warnings", office)
            #expect(!onDue.body.string.contains("BJTZ-00001\""), "\(onDue.body.string.prefix(200))")
            #expect((try? onDue.content.get([CertificateWarningDTO].self, at: "overdueSuspensions").contains { $0.certificateId == cert }) == false)
            clock.set(try #require(ISO8601DateFormatter().date(from: "2027-01-21T02:00:00Z")))
            let after = try await app.send(.GET, "/api/v1/certificates/warnings", office)
            let overdue = try after.content.get([CertificateWarningDTO].self, at: "overdueSuspensions")
            #expect(overdue.contains { $0.certificateId == cert && $0.detail.contains("第十八条") })
            let proposals = try after.content.get([CertificateWarningDTO].self, at: "revocationProposals")
            #expect(proposals.contains { $0.certificateId == cert })
            // 核销 by the legal office only.
            #expect(try await app.send(.POST, "/api/v1/certificates/\(cert)/revoke", legal, #"{"reason":"三次暂扣"}"#).status == .forbidden)
            let revoked = try await app.send(.POST, "/api/v1/certificates/\(cert)/revoke", office, #"{"reason":"暂扣3次，予以核销"}"#)
            #expect((try? revoked.content.get(String.self, at: "certificate", "status")) == "核销")
            #expect(try await app.send(.POST, "/api/v1/certificates/\(cert)/suspend", legal, #"{"reason":"x","documentRef":"y"}"#).errorCode == "CERTIFICATE_INVALID_TRANSITION")
        }
    }

    @Test("the annual inspection needs the year's exam and no unprocessed fault record")
    func annualInspection() async throws {
        try await withTestApp { app, _ in
            let office = try await app.token("supervisor1")
            let legal = try await app.token("legal.amr")
            // Demo officer amr:13 passed this year's exam but has an unprocessed fault.
            let cert = DemoIDs.uuid("certificate:amr:13")
            let officer = DemoIDs.uuid("officer:amr:13")
            let refused = try await app.send(.POST, "/api/v1/certificates/\(cert)/inspect", office)
            #expect(refused.errorCode == "INSPECTION_NOT_PASSED")
            #expect(refused.body.string.contains("过错记录未经处理"))
            let detail = try await app.send(.GET, "/api/v1/officers/\(officer)", legal)
            let fault = try #require(try? detail.content.get(String.self, at: "faults", 0, "id"))
            #expect(try await app.send(.POST, "/api/v1/officers/\(officer)/faults/\(fault)/process", legal, #"{"outcome":"批评教育"}"#).status == .ok)
            let passed = try await app.send(.POST, "/api/v1/certificates/\(cert)/inspect", office)
            #expect(passed.status == .ok, "\(passed.body.string.prefix(300))")
            #expect((try? passed.content.get(Int.self, at: "certificate", "lastInspectionYear")) == 2026)
            #expect(try await app.send(.POST, "/api/v1/certificates/\(cert)/inspect", office).errorCode == "ALREADY_INSPECTED")
            // amr:12 failed this year's exam.
            #expect(try await app.send(.POST, "/api/v1/certificates/\(DemoIDs.uuid("certificate:amr:12"))/inspect", office).errorCode == "INSPECTION_NOT_PASSED")
        }
    }

    @Test("public lookup by number or name tells the status, never personal data")
    func publicLookup() async throws {
        try await withTestApp { app, _ in
            let valid = try #require(try await Certificate.find(DemoIDs.uuid("certificate:amr:3"), on: app.db))
            let officer = try #require(try await Officer.find(valid.$officer.id, on: app.db))
            try await app.testing().test(.GET, "/api/v1/public/certificates?number=\(valid.number.lowercased())") { res in
                #expect(res.status == .ok)
                #expect((try? res.content.get(String.self, at: 0, "status")) == "有效")
                #expect((try? res.content.get(String.self, at: 0, "holderName")) == officer.name)
                #expect(!res.body.string.contains(officer.idNumber))
                #expect(!res.body.string.contains(officer.phone ?? "-"))
            }
            let suspended = try #require(try await Certificate.find(DemoIDs.uuid("certificate:amr:14"), on: app.db))
            let notInspected = try #require(try await Certificate.find(DemoIDs.uuid("certificate:amr:12"), on: app.db))
            let revoked = try #require(try await Certificate.find(DemoIDs.uuid("certificate:amr:16"), on: app.db))
            for (c, status) in [(suspended, "暂扣"), (notInspected, "本年度未年审"), (revoked, "已核销")] {
                try await app.testing().test(.GET, "/api/v1/public/certificates?number=\(c.number)") { res in
                    #expect((try? res.content.get(String.self, at: 0, "status")) == status)
                }
            }
            let name = officer.name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            try await app.testing().test(.GET, "/certificates?name=\(name)&agencyId=\(amr)") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(valid.number))
                #expect(!res.body.string.contains(officer.idNumber))
            }
            try await app.testing().test(.GET, "/api/v1/public/certificates") { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await app.testing().test(.GET, "/certificates?number=NOPE-00000") { res in
                #expect(res.body.string.contains("未找到"))
            }
        }
    }

    @Test("the console walks register → exam → issue with CSRF, and shows the archive")
    func consoleIssue() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.signIn("legal.amr")
            var location = ""
            try await app.testing().test(.POST, "/console/officers/new", headers: legal.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": legal.csrf, "agencyId": amr.uuidString, "name": "东方亮", "idNumber": "110105199001010010",
                                        "phone": "", "employment": "在编", "hiredOn": "2026-02-01"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .seeOther, "\(res.body.string.prefix(300))")
                location = res.headers.first(name: .location) ?? ""
            })
            try await app.testing().test(.POST, location + "/exams", headers: legal.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": legal.csrf, "takenOn": "2026-06-01", "subject": "公共法律知识", "score": "88"], as: .urlEncodedForm)
            }) { res in #expect(res.body.string.contains("已添加考核记录")) }
            let office = try await app.signIn("supervisor1")
            try await app.testing().test(.POST, location + "/certificates", headers: office.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": office.csrf, "number": "JLCC-77777", "validUntil": "2031-11-19"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已核发证件 JLCC-77777"))
                #expect(res.body.string.contains("证件电子档案"))
            }
            try await app.testing().test(.POST, location + "/certificates", headers: office.headers, beforeRequest: { req in
                try req.content.encode(["number": "JLCC-77778", "validUntil": "2031-11-19"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .forbidden) }
            try await app.testing().test(.GET, "/console/certificates/warnings", headers: office.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("本年度未年审"))
            }
        }
    }

    @Test("an officer may act only with a valid, inspected certificate, never as 辅助人员, and only where the body may (own power or delegation in term)")
    func officerMayAct() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("supervisor1")
            let penalty = DemoIDs.uuid("power:amr:XZCF-001"), licensing = DemoIDs.uuid("power:amr:XZXK-001")
            func ask(_ officer: UUID, _ item: UUID, _ date: String = "2026-11-20") async throws -> MayActDTO {
                try await app.send(.GET, "/api/v1/officers/\(officer)/may-act?powerItemID=\(item)&date=\(date)", token).content.decode(MayActDTO.self)
            }
            #expect(try await ask(DemoIDs.uuid("officer:amr:3"), penalty).code == "OWN_POWER")
            #expect(try await ask(DemoIDs.uuid("officer:amr:14"), penalty).code == "CERTIFICATE_SUSPENDED")
            #expect(try await ask(DemoIDs.uuid("officer:amr:9"), penalty).code == "AUXILIARY_NOT_ALONE")
            #expect(try await ask(DemoIDs.uuid("officer:amr:12"), penalty).code == "CERTIFICATE_NOT_INSPECTED")
            #expect(try await ask(DemoIDs.uuid("officer:amr:7"), penalty).code == "NO_CERTIFICATE")
            // An officer of the delegate (食品安全稽查支队) with a valid certificate.
            let foodteam = DemoIDs.uuid("agency:foodteam")
            let officers = try await Officer.query(on: app.db).filter(\.$agency.$id == foodteam).filter(\.$employment == .established).all()
            var certified: Officer?
            for o in officers {
                if let c = try await OfficerQueries.currentCertificate(of: o.requireID(), on: app.db),
                   CertificateView.publicStatus(c, today: LocalDate(instant: app.services.clock.now())) == .valid { certified = o; break }
            }
            let delegate = try #require(certified?.id)
            let delegation = try #require(try await Delegation.find(DemoIDs.uuid("delegation:current"), on: app.db))
            #expect(try await ask(delegate, penalty).code == "DELEGATED")
            #expect(try await ask(delegate, licensing).code == "POWER_NOT_DELEGATED")
            // Before the term (2026-08-21 in the demo) the delegate's officers are refused; the term's end
            // boundary is tested on the body in DelegationTests (a later year also needs that year's 年审).
            let before = try #require(LocalDate(iso: delegation.termStart)).adding(days: -1).iso
            #expect(try await ask(delegate, penalty, before).code == "DELEGATION_NOT_STARTED")
            #expect(try await ask(delegate, penalty, delegation.termStart).code == "DELEGATED")
        }
    }
}
