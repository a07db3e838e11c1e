import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("执法依据 catalog: levels, articles, status history, search, public pages")
struct LegalNormTests {
    @Test("catalogue a norm and its articles; numbers are parsed and ordered; bad input is refused by field")
    func catalogue() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("supervisor1")
            let created = try await app.send(.POST, "/api/v1/legal-norms", token,
                #"{"title":"吉林省安全生产条例","level":"local_regulation","issuer":"吉林省人民代表大会常务委员会","documentNumber":"吉林省人大常委会公告第12号","promulgatedOn":"2021-09-28","effectiveOn":"2022-01-01"}"#)
            #expect(created.status == .created)
            let id = try #require(try? created.content.get(String.self, at: "id"))
            #expect(try await app.send(.POST, "/api/v1/legal-norms/\(id)/articles", token, #"{"number":"第一百零三条","text":"乙条文"}"#).status == .created)
            #expect(try await app.send(.POST, "/api/v1/legal-norms/\(id)/articles", token, #"{"number":"第十二条","text":"甲条文"}"#).status == .created)
            let dup = try await app.send(.POST, "/api/v1/legal-norms/\(id)/articles", token, #"{"number":"第十二条","text":"重复"}"#)
            #expect(dup.errorCode == "ARTICLE_EXISTS")
            let bad = try await app.send(.POST, "/api/v1/legal-norms/\(id)/articles", token, #"{"number":"十二","text":"x"}"#)
            #expect((try? bad.content.get(String.self, at: "error", "details", "field")) == "number")
            var numbers: [String] = []
            try await app.testing().test(.GET, "/api/v1/legal-norms/\(id)", headers: .bearer(token)) { res in
                numbers = ((try? res.content.decode(LegalNormDTO.self))?.articles ?? []).map(\.number)
            }
            #expect(numbers == ["第十二条", "第一百零三条"])
            let dates = try await app.send(.POST, "/api/v1/legal-norms", token,
                #"{"title":"某规章","level":"department_rule","issuer":"某部","documentNumber":"令第1号","promulgatedOn":"2022-02-01","effectiveOn":"2022-01-01"}"#)
            #expect((try? dates.content.get(String.self, at: "error", "details", "field")) == "effectiveOn")
        }
    }

    @Test("amending an article keeps the old text in the history; repeal makes a norm's articles uncitable")
    func statusHistory() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("supervisor1")
            let norm = DemoIDs.uuid("norm:licensing")
            let article = DemoIDs.uuid("article:licensing:第四十二条")
            let noText = try await app.send(.POST, "/api/v1/legal-norms/\(norm)/articles/\(article)/status", token,
                                        #"{"status":"amended","effectiveOn":"2026-01-01"}"#)
            #expect((try? noText.content.get(String.self, at: "error", "details", "field")) == "text")
            let amended = try await app.send(.POST, "/api/v1/legal-norms/\(norm)/articles/\(article)/status", token,
                                         #"{"status":"amended","effectiveOn":"2026-01-01","text":"新的第四十二条条文","note":"修正决定"}"#)
            #expect((try? amended.content.get(String.self, at: "statusLabel")) == "已修改")
            #expect((try? amended.content.get(Bool.self, at: "citable")) == true)
            try await app.testing().test(.GET, "/api/v1/legal-norms/\(norm)", headers: .bearer(token)) { res in
                let dto = try? res.content.decode(LegalNormDTO.self)
                #expect(dto?.history?.contains { $0.summary.contains("原条文：除可以当场作出行政许可决定的外") && $0.effectiveOn == "2026-01-01" } == true)
            }
            #expect(try await app.send(.POST, "/api/v1/legal-norms/\(norm)/status", token, #"{"status":"repealed","effectiveOn":"2026-06-01"}"#).status == .ok)
            try await app.testing().test(.GET, "/api/v1/legal-norms/\(norm)", headers: .bearer(token)) { res in
                #expect((try? res.content.decode(LegalNormDTO.self))?.articles?.allSatisfy { !$0.citable } == true)
            }
            let again = try await app.send(.POST, "/api/v1/legal-norms/\(norm)/status", token, #"{"status":"amended","effectiveOn":"2026-07-01"}"#)
            #expect(again.errorCode == "NORM_REPEALED")
        }
    }

    @Test("a 规范性文件 is catalogued but marked as never an enforcement basis")
    func normativeDocument() async throws {
        try await withTestApp { app, _ in
            let norm = try #require(try await LegalNorm.find(DemoIDs.uuid("norm:discretion"), on: app.db))
            #expect(!norm.level.mayBeEnforcementBasis)
            let article = try #require(try await LegalArticle.query(on: app.db).filter(\.$norm.$id == norm.id!).first())
            #expect(!article.citable(in: norm))
            try await app.testing().test(.GET, "/legal-norms/\(norm.id!)") { res in
                #expect(res.body.string.contains("不得作为执法依据"))
            }
        }
    }

    @Test("search finds norms by title and by article text, on the portal without signing in")
    func search() async throws {
        try await withTestApp { app, _ in
            func titles(_ q: String) async throws -> [String] {
                var out: [String] = []
                let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                try await app.testing().test(.GET, "/api/v1/public/legal-norms?q=\(encoded)") { res in
                    out = ((try? res.content.decode([LegalNormDTO].self)) ?? []).map(\.title)
                }
                return out
            }
            #expect(try await titles("行政许可") == ["中华人民共和国行政许可法"])
            #expect(try await titles("查封、扣押的期限") == ["中华人民共和国行政强制法"])
            #expect(try await titles("法制审核").contains("中华人民共和国行政处罚法"))
            #expect(try await titles("不存在的词语").isEmpty)
            // Lengths count code points, as the schema's maxLength does: 26 letters with 26 combining marks are 52.
            let zalgo = String(repeating: "e\u{0301}", count: 26).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await app.testing().test(.GET, "/api/v1/public/legal-norms?q=\(zalgo)") { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await app.testing().test(.GET, "/legal-norms?level=law&status=repealed") { res in
                #expect(res.body.string.contains("主席令第六十三号"))
                #expect(!res.body.string.contains("主席令第七十号"))
            }
        }
    }
}
