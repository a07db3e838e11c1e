import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("执法办案 console: list, 立案 form with refusals shown, case page with deadlines and sources, actions, warning board")
struct CasePageTests {
    static func form(_ pairs: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return ByteBuffer(string: pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&"))
    }

    @Test("an officer files a case through the form, sees its limits with their sources, and moves it on")
    func fileAndAdvance() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("officer.amr1")
            try await app.testing().test(.GET, "/console/cases", headers: s.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("长春市市场监督管理局立字〔2026〕1号"))
            }
            try await app.testing().test(.GET, "/console/cases/new", headers: s.headers) { res in
                #expect(res.body.string.contains("XZCF-001"))
                #expect(res.body.string.contains("行政处罚法 第四十二条"))
            }
            var headers = s.headers
            headers.contentType = .urlEncodedForm
            let fields: [(String, String)] = [
                ("_csrf", s.csrf), ("powerItemId", DemoIDs.uuid("power:amr:XZCF-001").uuidString), ("procedure", "penalty_ordinary"),
                ("source", "complaint"), ("title", "投诉举报无证经营案"), ("facts", "群众投诉某店无证经营。"), ("filedOn", "2026-08-01"),
                ("partyKind", "organization"), ("partyName", "长春某食品有限公司"), ("partyIdentifier", "91220101MA0Y3XKQ1X"),
                ("lead", DemoIDs.uuid("officer:amr:0").uuidString),
            ]
            let before = try await EnforcementCase.query(on: app.db).count()
            try await app.testing().test(.POST, "/console/cases/new", headers: headers, body: Self.form(fields)) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("执法人员不得少于两人"))
                #expect(res.body.string.contains("投诉举报无证经营案"))   // the form keeps what was typed
            }
            #expect(try await EnforcementCase.query(on: app.db).count() == before)
            var location = ""
            try await app.testing().test(.POST, "/console/cases/new", headers: headers,
                                         body: Self.form(fields + [("assist", DemoIDs.uuid("officer:amr:2").uuidString)])) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            try await app.testing().test(.GET, location, headers: s.headers) { res in
                let html = res.body.string
                #expect(html.contains("作出行政处罚决定"))
                #expect(html.contains("2026-10-30"))
                #expect(html.contains("行政处罚法 第六十条"))
                #expect(html.contains("已超期"))
                #expect(html.contains("进入“调查取证”环节"))
            }
            try await app.testing().test(.POST, "\(location)/advance", headers: headers, body: Self.form([("_csrf", s.csrf), ("to", "notice")])) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("下一环节应为“调查取证”"))
            }
            try await app.testing().test(.POST, "\(location)/advance", headers: headers, body: Self.form([("_csrf", s.csrf), ("to", "investigation")])) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已进入“调查取证”环节"))
                #expect(res.body.string.contains("记录完整：共 2 条"))
            }
            try await app.testing().test(.GET, "/console/case-warnings?mine=1", headers: s.headers) { res in
                #expect(res.body.string.contains("投诉举报无证经营案"))
                #expect(res.body.string.contains("行政处罚法 第六十条"))
            }
            for kind in ["filing", "notice", "decision", "service"] {
                try await app.testing().test(.GET, "\(location)/documents/\(kind)", headers: s.headers) { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains(kind == "decision" ? "本案尚未作出决定" : "长春某食品有限公司"))
                }
            }
            try await app.testing().test(.GET, "\(location)/documents/other", headers: s.headers) { res in #expect(res.status == .notFound) }
            let supervisor = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, location, headers: supervisor.headers) { res in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains("进入“审查”环节"))   // a government reads, it does not act
            }
        }
    }
}
