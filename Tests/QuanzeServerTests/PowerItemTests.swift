import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("权责清单: basis rules, lifecycle and versions, 需调整 with profile due dates, flowchart")
struct PowerItemTests {
    func body(code: String = "XZJC-009", basis: [String]) -> String {
        let ids = basis.map { "\"\(DemoIDs.uuid($0))\"" }.joined(separator: ",")
        return #"{"code":"\#(code)","name":"食品安全监督检查","category":"inspection","basisArticleIds":[\#(ids)],"statutoryLimit":{"value":15,"unit":"工作日"},"promisedLimit":{"value":10,"unit":"工作日"},"flow":[{"name":"制定计划","role":"承办人"},{"name":"现场检查","role":"执法人员（两人）","limit":{"value":1,"unit":"日"}}]}"#
    }

    @Test("unpublished powers and bodies that may not enforce stay off the portal")
    func publicOnlyPublished() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let created = try await app.send(.POST, "/api/v1/agencies/\(DemoIDs.uuid("agency:amr"))/power-items", token,
                                         body(basis: ["article:penalty2021:第四十二条"]))
            let id = try #require(try? created.content.get(String.self, at: "id"))
            try await app.testing().test(.GET, "/power-items/\(id)/flowchart.svg") { res in #expect(res.status == .notFound) }
            try await app.testing().test(.GET, "/agencies/\(DemoIDs.uuid("agency:amr"))") { res in
                #expect(!res.body.string.contains("XZJC-009"))
                #expect(res.body.string.contains("XZCF-001"))
            }
            try await app.testing().test(.GET, "/agencies/\(DemoIDs.uuid("agency:amrteam"))") { res in #expect(res.status == .notFound) }
        }
    }

    @Test("a power must cite an article in force, never a repealed one or a 规范性文件")
    func basisRules() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let path = "/api/v1/agencies/\(DemoIDs.uuid("agency:amr"))/power-items"
            let repealed = try await app.send(.POST, path, token, body(basis: ["article:penalty1996:第二十九条"]))
            #expect((try? repealed.content.get(String.self, at: "error", "details", "problems", 0, "code")) == "repealed")
            let normative = try await app.send(.POST, path, token, body(basis: ["article:discretion:第五条"]))
            #expect((try? normative.content.get(String.self, at: "error", "details", "problems", 0, "code")) == "normative_document")
            let none = try await app.send(.POST, path, token, body(basis: []))
            #expect((try? none.content.get(String.self, at: "error", "details", "field")) == "basisArticleIds")
            let ok = try await app.send(.POST, path, token, body(basis: ["article:penalty2021:第四十二条"]))
            #expect(ok.status == .created)
            let dup = try await app.send(.POST, path, token, body(basis: ["article:penalty2021:第四十二条"]))
            #expect(dup.errorCode == "POWER_CODE_TAKEN")
            // Another body's 法制员 cannot draft into this list.
            let other = try await app.token("legal.eco")
            #expect(try await app.send(.POST, path, other, body(code: "X-1", basis: ["article:penalty2021:第四十二条"])).errorCode == "OUT_OF_SCOPE")
        }
    }

    @Test("草拟 → 送审 → 审核通过 → 公布; a published version never changes; a new version supersedes it")
    func lifecycle() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            let sup = try await app.token("supervisor1")
            let created = try await app.send(.POST, "/api/v1/agencies/\(DemoIDs.uuid("agency:amr"))/power-items", legal,
                                         body(basis: ["article:penalty2021:第四十二条"]))
            let id = try #require(try? created.content.get(String.self, at: "id"))
            #expect(try await app.send(.POST, "/api/v1/power-items/\(id)/publish", sup).errorCode == "INVALID_TRANSITION")
            #expect(try await app.send(.POST, "/api/v1/power-items/\(id)/submit", legal).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/power-items/\(id)/return", sup).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/power-items/\(id)/submit", legal).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/power-items/\(id)/approve", sup).status == .ok)
            let published = try await app.send(.POST, "/api/v1/power-items/\(id)/publish", sup)
            #expect((try? published.content.get(String.self, at: "versions", 0, "status")) == "published")
            let edit = try await app.send(.PUT, "/api/v1/power-items/\(id)/draft", legal, body(basis: ["article:penalty2021:第四十二条"]))
            #expect(edit.errorCode == "PUBLISHED_IMMUTABLE")
            #expect(try await app.send(.POST, "/api/v1/power-items/\(id)/new-version", legal).status == .created)
            #expect(try await app.send(.POST, "/api/v1/power-items/\(id)/new-version", legal).errorCode == "OPEN_VERSION_EXISTS")
            for step in ["submit", "approve", "publish"] {
                _ = try await app.send(.POST, "/api/v1/power-items/\(id)/\(step)", step == "submit" ? legal : sup)
            }
            let final = try await app.send(.GET, "/api/v1/power-items/\(id)", sup)
            let versions = try #require(try? final.content.decode(PowerItemDTO.self)).versions
            #expect(versions.map(\.status) == ["published", "superseded"])
            #expect(versions.map(\.version) == [2, 1])
        }
    }

    @Test("an amended basis article flags the items citing it 需调整, due one month later (jilin 三(二))")
    func adjustment() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let norm = DemoIDs.uuid("norm:licensing"), article = DemoIDs.uuid("article:licensing:第四十二条")
            let res = try await app.send(.POST, "/api/v1/legal-norms/\(norm)/articles/\(article)/status", sup,
                                     #"{"status":"amended","effectiveOn":"2026-01-31","text":"修改后的条文"}"#)
            #expect(res.status == .ok)
            let list = try await app.send(.GET, "/api/v1/power-items/adjustments", sup)
            let items = try #require(try? list.content.decode([PowerItemDTO].self))
            let amr = DemoIDs.uuid("agency:amr"), eco = DemoIDs.uuid("agency:eco")
            #expect(items.filter { $0.agencyId == amr }.map(\.code) == ["XZXK-001"])
            #expect(items.allSatisfy { $0.versions.first?.category == "licensing" }, "only the items citing the article are flagged")
            let v = try #require(items.first { $0.agencyId == amr }?.versions.first)
            #expect(v.needsAdjustment)
            #expect(v.adjustmentDue == "2026-02-28")        // one month from 2026-01-31, clamped to February's end
            #expect(v.adjustmentReason?.contains("001_0f2d1a5e9a94fac7.txt") == true)
            // An officer of another body sees only that body's flagged items.
            let officer = try await app.token("officer.eco1")
            let seen = try #require(try? (try await app.send(.GET, "/api/v1/power-items/adjustments", officer)).content.decode([PowerItemDTO].self))
            #expect(!seen.isEmpty && seen.allSatisfy { $0.agencyId == eco })
        }
    }

    @Test("the flowchart is SVG drawn from the steps, branches side by side, text escaped")
    func flowchart() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("officer.amr1")
            var svg = ""
            try await app.testing().test(.GET, "/api/v1/power-items/\(DemoIDs.uuid("power:amr:XZCF-001"))/flowchart.svg", headers: .bearer(token)) { res in
                #expect(res.headers.contentType?.subType == "svg+xml")
                svg = res.body.string
            }
            #expect(svg.hasPrefix("<svg"))
            #expect(svg.contains(">法制审核<"))
            #expect(svg.contains("简易程序 · 执法人员（两人）"))
            #expect(svg.components(separatedBy: "<rect").count - 1 == 8)
            let escaped = FlowchartSVG.render(title: "A<B", steps: [FlowStep(name: "x&y", role: "\"r\"", limit: nil, branch: nil)])
            #expect(escaped.contains("A&lt;B") && escaped.contains("x&amp;y") && escaped.contains("&quot;r&quot;"))
        }
    }

    @Test("in the console: the 法制员 drafts with a flow and submits, the 监督员 approves and publishes")
    func console() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.signIn("legal.amr")
            let agency = DemoIDs.uuid("agency:amr")
            var location = ""
            try await app.testing().test(.POST, "/console/agencies/\(agency)/power-items/new", headers: legal.headers, beforeRequest: { req in
                try req.content.encode([
                    "_csrf": legal.csrf, "code": "XZJC-100", "name": "食品生产经营日常监督检查", "category": "inspection",
                    "basisArticleIds[]": DemoIDs.uuid("article:penalty2021:第四十二条").uuidString,
                    "statutoryValue": "", "promisedValue": "", "responsibilities": "未按计划检查的\n检查中徇私舞弊的",
                    "majorCriteria": "", "flow": "制定检查计划|承办人|5|工作日|\n现场检查|执法人员（两人）|1|日|",
                ], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .seeOther, "\(res.body.string.prefix(400))")
                location = res.headers.first(name: .location) ?? ""
            })
            try await app.testing().test(.GET, location, headers: legal.headers) { res in
                #expect(res.body.string.contains("食品生产经营日常监督检查"))
                #expect(res.body.string.contains("flowchart.svg"))
                #expect(res.body.string.contains("送审"))
            }
            try await app.testing().test(.POST, location + "/submit", headers: legal.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": legal.csrf], as: .urlEncodedForm)
            }, afterResponse: { res in #expect(res.body.string.contains("已送审")) })
            let sup = try await app.signIn("supervisor1")
            for action in ["approve", "publish"] {
                try await app.testing().test(.POST, location + "/" + action, headers: sup.headers, beforeRequest: { req in
                    try req.content.encode(["_csrf": sup.csrf], as: .urlEncodedForm)
                }, afterResponse: { res in #expect(res.status == .ok) })
            }
            try await app.testing().test(.GET, location + "/flowchart.svg", headers: sup.headers) { res in
                #expect(res.body.string.contains(">现场检查<"))
            }
            try await app.testing().test(.GET, "/console/agencies/\(agency)", headers: sup.headers) { res in
                #expect(res.body.string.contains("XZJC-100"))
                #expect(res.body.string.contains("v1（已公布）"))
            }
            // Published: on the portal with its flowchart, without signing in.
            let itemID = location.split(separator: "/").last.map(String.init) ?? ""
            try await app.testing().test(.GET, "/agencies/\(agency)") { res in
                #expect(res.body.string.contains("XZJC-100 食品生产经营日常监督检查"))
                #expect(res.body.string.contains("/power-items/\(itemID)/flowchart.svg"))
            }
            try await app.testing().test(.GET, "/power-items/\(itemID)/flowchart.svg") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(">制定检查计划<"))
            }
        }
    }
}
