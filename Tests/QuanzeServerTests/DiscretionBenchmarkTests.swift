import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("裁量基准: citable basis only, flagged 需调整 with the powers that cite the same article")
struct DiscretionBenchmarkTests {
    let amr = DemoIDs.uuid("agency:amr")

    func body(article: String, min: Int = 100, max: Int = 200) -> String {
        #"{"articleId":"\#(DemoIDs.uuid(article))","violation":"未按规定公示信息","tiers":[{"circumstance":"一般","sanction":"罚款","allowedKinds":["fine"],"minAmount":\#(min),"maxAmount":\#(max)}]}"#
    }

    @Test("a 规范性文件, a repealed article, a reversed range or another body's power is refused; nothing saved")
    func refusals() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let path = "/api/v1/agencies/\(amr)/discretion-benchmarks"
            let before = try await DiscretionBenchmark.query(on: app.db).count()
            let normative = try await app.send(.POST, path, token, body(article: "article:discretion:第五条"))
            #expect((try? normative.content.get(String.self, at: "error", "details", "problems", 0, "code")) == "normative_document")
            let repealed = try await app.send(.POST, path, token, body(article: "article:penalty1996:第二十九条"))
            #expect((try? repealed.content.get(String.self, at: "error", "details", "problems", 0, "code")) == "repealed")
            let reversed = try await app.send(.POST, path, token, body(article: "article:penalty2021:第五十一条", min: 300, max: 200))
            #expect((try? reversed.content.get(String.self, at: "error", "details", "problems", 0, "field")) == "tiers[0].maxAmount")
            #expect(try await DiscretionBenchmark.query(on: app.db).count() == before)
            let ok = try await app.send(.POST, path, token, body(article: "article:penalty2021:第五十一条"))
            #expect(ok.status == .created)
            #expect((try? ok.content.get(String.self, at: "basis")) == "《中华人民共和国行政处罚法》第五十一条")
            #expect(try await app.send(.POST, "/api/v1/agencies/\(DemoIDs.uuid("agency:eco"))/discretion-benchmarks", token,
                                       body(article: "article:penalty2021:第五十一条")).status == .forbidden)
        }
    }

    @Test("amending an article flags the benchmarks under it, with the profile's due date, on the warning list")
    func flaggedWithPowers() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let norm = DemoIDs.uuid("norm:foodsafety")
            let article = DemoIDs.uuid("article:foodsafety:第一百二十二条")
            let res = try await app.send(.POST, "/api/v1/legal-norms/\(norm)/articles/\(article)/status", sup,
                                         #"{"status":"amended","effectiveOn":"2026-01-31","text":"修改后的条文"}"#)
            #expect(res.status == .ok)
            let flagged = try await app.send(.GET, "/api/v1/discretion-benchmarks/adjustments", sup)
            let list = try flagged.content.decode([DiscretionBenchmarkDTO].self)
            #expect(list.map(\.id) == [DemoIDs.uuid("discretion:amr:1")])
            #expect(list.first?.adjustmentDue == "2026-02-28")
            #expect(list.first?.adjustmentReason?.contains("三(二)") == true)
            let s = try await app.signIn("legal.amr")
            try await app.testing().test(.GET, "/console/power-items/adjustments", headers: s.headers) { res in
                #expect(res.body.string.contains("未取得食品经营许可从事食品经营活动"))
                #expect(res.body.string.contains("XZCF-001"))
            }
            // Another city's legal office sees none of them.
            let tz = try await app.token("supervisor.tz")
            #expect(try await app.send(.GET, "/api/v1/discretion-benchmarks/adjustments", tz).content.decode([DiscretionBenchmarkDTO].self).isEmpty)
        }
    }
}
