import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("hangzhou rule profile: 执法依据 adjusted within 30 working days (杭州市行政执法责任制规定 第八条)")
struct HangzhouProfileTests {
    @Test("an amended basis flags the item, due 30 working days later on the official calendar, with 第八条 as source")
    func adjustmentDue() async throws {
        try await withTestApp { app, _ in
            // setup: the demo city's jurisdiction switches to the hangzhou profile
            let admin = try await app.token("sysadmin")
            let jurisdiction = try #require(try await Agency.find(DemoIDs.uuid("agency:amr"), on: app.db)?.$jurisdiction.id)
            let chosen = try await app.send(.PUT, "/api/v1/jurisdictions/\(jurisdiction)/profile", admin, #"{"profileId":"hangzhou"}"#)
            #expect(chosen.status == .ok, "\(chosen.body.string.prefix(300))")

            // MUT: 行政许可法 第四十二条 amended, in force from 2026-09-25 (中秋节)
            let sup = try await app.token("supervisor1")
            let norm = DemoIDs.uuid("norm:licensing"), article = DemoIDs.uuid("article:licensing:第四十二条")
            let res = try await app.send(.POST, "/api/v1/legal-norms/\(norm)/articles/\(article)/status", sup,
                                         #"{"status":"amended","effectiveOn":"2026-09-25","text":"修改后的条文"}"#)
            #expect(res.status == .ok)

            // validation: counted by hand on official.json 2026 — 9-26/27 中秋节, 9-28..30 (3), 10-1..7 国庆节,
            // 10-8, 10-9, 10-10 调休上班 (6), 10-12..16 (11), 10-19..23 (16), 10-26..30 (21), 11-2..6 (26), 11-9..12 (30).
            let list = try await app.send(.GET, "/api/v1/power-items/adjustments", sup)
            let items = try #require(try? list.content.decode([PowerItemDTO].self))
            let v = try #require(items.first { $0.code == "XZXK-001" }?.versions.first)
            #expect(v.needsAdjustment)
            #expect(v.adjustmentDue == "2026-11-12")
            #expect(v.adjustmentReason?.contains("30个工作日") == true || v.adjustmentReason?.contains("30工作日") == true,
                    "\(v.adjustmentReason ?? "")")
            #expect(v.adjustmentReason?.contains("杭州市行政执法责任制规定 第八条") == true)
            #expect(v.adjustmentReason?.contains("004_cacaddb37daf54c4.txt 篇六") == true)

            // The console shows the due date and its source on the item and on the profile page.
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, SiteURL.consolePowerItem(DemoIDs.uuid("power:amr:XZXK-001")), headers: session.headers) { res in
                #expect(res.body.string.contains("2026-11-12"))
                #expect(res.body.string.contains("第八条"))
            }
            try await app.testing().test(.GET, SiteURL.consoleProfile("hangzhou"), headers: session.headers) { res in
                #expect(res.body.string.contains("继承自 national"))
                #expect(res.body.string.contains("在30个工作日内及时调整相关执法依据"))
            }
        }
    }
}
