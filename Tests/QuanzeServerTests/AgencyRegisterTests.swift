import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("执法主体 register: GB 32100 codes, confirmation, announcement, public portal")
struct AgencyRegisterTests {
    /// A valid code: 12 (事业单位) + region 220100 + organisation code + the computed check character.
    static func code(_ serial: String) -> String {
        let first17 = "12220100MB" + serial
        return first17 + String(UnifiedSocialCreditCode.checkCharacter(for: first17)!)
    }

    @Test("a wrong check character is refused naming the expected one; a pilot code is accepted only with a reason")
    func checkCharacter() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("supervisor1")
            let good = Self.code("2000001")
            let expected = good.last!
            let wrong = String(good.dropLast()) + (expected == "0" ? "1" : "0")
            let body = { (code: String, reason: String) in
                #"{"name":"长春市新区综合执法局","uscc":"\#(code)","kind":"concentrated_penalty_org","level":"市级","managementMode":"territorial"\#(reason)}"#
            }
            let refused = try await app.send(.POST, "/api/v1/agencies", token, body(wrong, ""))
            #expect(refused.status == .unprocessableEntity)
            #expect((try? refused.content.get(String.self, at: "error", "details", "field")) == "uscc")
            #expect(refused.body.string.contains("\(expected)"))
            let illegal = try await app.send(.POST, "/api/v1/agencies", token, body("12220100MB2000O01X", ""))
            #expect((try? illegal.content.get(String.self, at: "error", "details", "problems", 0, "code")) != nil)
            let pilot = try await app.send(.POST, "/api/v1/agencies", token, body(wrong, #","usccExceptionReason":"2014年试点地区赋码，早于国家标准""#))
            #expect(pilot.status == .created)
            #expect((try? pilot.content.get(String.self, at: "status")) == "pending")
            #expect((try? pilot.content.get(Bool.self, at: "mayEnforce")) == false)
            let duplicate = try await app.send(.POST, "/api/v1/agencies", token, body(wrong, #","usccExceptionReason":"同上""#))
            #expect(duplicate.errorCode == "USCC_TAKEN")
        }
    }

    @Test("register → confirm → announce; only announced bodies reach the portal; key changes need a new confirmation")
    func lifecycle() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("supervisor1")
            let created = try await app.send(.POST, "/api/v1/agencies", token,
                #"{"name":"长春市人民防空办公室","uscc":"\#(Self.code("2000002"))","kind":"statutory_organ","level":"市级","regionCode":"220100","managementMode":"territorial"}"#)
            let id = try #require(try? created.content.get(String.self, at: "id"))
            func publicNames() async throws -> [String] {
                var names: [String] = []
                try await app.testing().test(.GET, "/api/v1/public/agencies") { res in
                    names = ((try? res.content.decode([PublicAgencyDTO].self)) ?? []).map(\.name)
                }
                return names
            }
            #expect(try await !publicNames().contains("长春市人民防空办公室"))
            // Announcing before confirmation is refused.
            let early = try await app.send(.POST, "/api/v1/agencies/\(id)/announce", token, #"{"announcementRef":"公告1号","announcedOn":"2026-11-01"}"#)
            #expect(early.errorCode == "AGENCY_NOT_CONFIRMED")
            #expect(try await app.send(.POST, "/api/v1/agencies/\(id)/confirm", token, #"{"confirmationRef":"长司确〔2026〕30号"}"#).status == .ok)
            let future = try await app.send(.POST, "/api/v1/agencies/\(id)/announce", token, #"{"announcementRef":"公告1号","announcedOn":"2026-12-01"}"#)
            #expect((try? future.content.get(String.self, at: "error", "details", "field")) == "announcedOn")
            let announced = try await app.send(.POST, "/api/v1/agencies/\(id)/announce", token, #"{"announcementRef":"长春市人民政府公告〔2026〕第9号","announcedOn":"2026-11-18"}"#)
            #expect((try? announced.content.get(Bool.self, at: "mayEnforce")) == true)
            #expect(try await publicNames().contains("长春市人民防空办公室"))
            // Renaming an announced body sends it back for confirmation and off the portal.
            let renamed = try await app.send(.PATCH, "/api/v1/agencies/\(id)", token, #"{"name":"长春市人民防空和地震局"}"#)
            #expect((try? renamed.content.get(String.self, at: "status")) == "pending")
            #expect(try await !publicNames().contains("长春市人民防空和地震局"))
            // A level change alone keeps the confirmation.
            #expect(try await app.send(.POST, "/api/v1/agencies/\(id)/confirm", token, #"{"confirmationRef":"长司确〔2026〕31号"}"#).status == .ok)
            let level = try await app.send(.PATCH, "/api/v1/agencies/\(id)", token, #"{"level":"县级"}"#)
            #expect((try? level.content.get(String.self, at: "status")) == "confirmed")
            let revoked = try await app.send(.POST, "/api/v1/agencies/\(id)/revoke", token, #"{"reason":"机构改革，职能划转"}"#)
            #expect((try? revoked.content.get(String.self, at: "status")) == "revoked")
            #expect(try await app.audits(.agencyConfirm).count == 2)
            #expect(try await app.audits(.agencyAnnounce).count == 1)
            #expect(try await app.audits(.agencyRevoke).count == 1)
        }
    }

    @Test("only the legal office of the body's own jurisdiction keeps its register")
    func scope() async throws {
        try await withTestApp { app, _ in
            let other = try await ScopeTests.addOtherCity(app)
            let token = try await app.token(other.supervisor)
            let res = try await app.send(.POST, "/api/v1/agencies/\(DemoIDs.uuid("agency:amrteam"))/confirm", token, #"{"confirmationRef":"x"}"#)
            #expect(res.errorCode == "OUT_OF_SCOPE")
            #expect(try await Agency.find(DemoIDs.uuid("agency:amrteam"), on: app.db)?.status == .pending)
            let legal = try await app.token("legal.amr")
            #expect(try await app.send(.PATCH, "/api/v1/agencies/\(DemoIDs.uuid("agency:amr"))", legal, #"{"level":"县级"}"#).status == .forbidden)
            _ = other
        }
    }

    @Test("the console confirms and announces through forms, and shows refusals")
    func console() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("supervisor1")
            let path = "/console/agencies/\(DemoIDs.uuid("agency:amrteam"))"
            try await app.testing().test(.GET, path, headers: s.headers) { res in
                #expect(res.body.string.contains("待确认"))
                #expect(res.body.string.contains("确认主体资格"))
            }
            try await app.testing().test(.POST, path + "/confirm", headers: s.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": s.csrf, "confirmationRef": "长司确〔2026〕40号"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已确认主体资格"))
            })
            try await app.testing().test(.POST, path + "/announce", headers: s.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": s.csrf, "announcementRef": "", "announcedOn": "2026-11-19"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("role=\"alert\""))
            })
            try await app.testing().test(.GET, "/agencies") { res in
                #expect(!res.body.string.contains("长春市市场监管综合行政执法支队"))
                #expect(res.body.string.contains("长春市市场监督管理局"))
            }
        }
    }

    @Test("complaint channels and certificate holders are published on the body's portal page")
    func complaintChannelsAndHolders() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("supervisor1")
            let amr = DemoIDs.uuid("agency:amr")
            let tooMany = try await app.send(.PATCH, "/api/v1/agencies/\(amr)", token,
                                             #"{"complaintChannels":[\#((1...11).map { "\"电话\($0)\"" }.joined(separator: ","))]}"#)
            #expect(tooMany.status == .unprocessableEntity)
            let blank = try await app.send(.PATCH, "/api/v1/agencies/\(amr)", token, #"{"complaintChannels":["  "]}"#)
            #expect(blank.status == .unprocessableEntity)
            let ok = try await app.send(.PATCH, "/api/v1/agencies/\(amr)", token, #"{"complaintChannels":["投诉电话：0431-88886666","电子信箱：ts@example.cn"]}"#)
            #expect((try? ok.content.get([String].self, at: "complaintChannels")) == ["投诉电话：0431-88886666", "电子信箱：ts@example.cn"])
            #expect((try? ok.content.get(String.self, at: "status")) == "announced", "channels do not need a new confirmation")
            let holder = try #require(try await Certificate.find(DemoIDs.uuid("certificate:amr:3"), on: app.db))
            let revoked = try #require(try await Certificate.find(DemoIDs.uuid("certificate:amr:16"), on: app.db))
            try await app.testing().test(.GET, "/agencies/\(amr)") { res in
                #expect(res.body.string.contains("电子信箱：ts@example.cn"))
                #expect(res.body.string.contains(holder.number))
                #expect(!res.body.string.contains(revoked.number))
            }
        }
    }
}
