import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("案件检索: the case list's 编号或名称 search (trigram index on SQLite) and its capped total")
struct CaseSearchTests {
    static let title = "长春Qz%_检索测试案"

    /// The ids listed by `GET /api/v1/cases?q=…` (URL-encoded), with the page's total.
    static func search(_ app: Application, _ token: String, _ q: String) async throws -> (ids: [String], total: Int) {
        let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let res = try await app.send(.GET, "/api/v1/cases?per=200&q=\(encoded)", token)
        #expect(res.status == .ok, "\(q): \(res.body.string)")
        let items = try res.content.get([CaseSummaryDTO].self, at: "items")
        #expect(try res.content.get(Bool.self, at: "totalCapped") == false)
        return (items.map { $0.id.uuidString }, try res.content.get(Int.self, at: "total"))
    }

    @Test("a substring of the number or the title finds the case, in any ASCII letter case, with % and _ as themselves; others do not")
    func search() async throws {
        try await withTestApp { app, _ in
            let officer = try await app.token("officer.amr1")
            let supervisor = try await app.token("supervisor1")
            let body = CaseTests.filing().replacingOccurrences(of: "无证经营食品案", with: Self.title)
            let filed = try await app.send(.POST, "/api/v1/cases", officer, body)
            #expect(filed.status == .created, "\(filed.body.string)")
            let id = try CaseTests.id(filed).uuidString
            let number = try filed.content.get(String.self, at: "summary", "number")

            // 3+ characters use the index on SQLite; 1–2 characters (and PostgreSQL) the row-by-row LIKE.
            for q in ["检索测", "qZ%_", "%_检", "Qz", "测试", "_", "%", number, String(number.suffix(6)), Self.title] {
                let (ids, total) = try await Self.search(app, supervisor, q)
                #expect(ids.contains(id), "\(q) should find \(Self.title)")
                #expect(total == ids.count, "\(q)")
            }
            for q in ["检测试", "q%z", "qz%x", "Qz_%", "检索测试案件", "无证经营食品案X"] {
                #expect(try await !Self.search(app, supervisor, q).ids.contains(id), "\(q) should not find \(Self.title)")
            }
            // The demo cases: "无证经营" occurs in some titles, each listed case has it in its number or title.
            let (demoIDs, _) = try await Self.search(app, supervisor, "无证经营")
            #expect(!demoIDs.isEmpty)
            let listed = try await EnforcementCase.query(on: app.db).filter(\.$id ~~ demoIDs.compactMap(UUID.init(uuidString:))).all()
            #expect(listed.count == demoIDs.count && listed.allSatisfy { $0.title.contains("无证经营") || $0.number.contains("无证经营") })
            let all = try await EnforcementCase.query(on: app.db).all().filter { $0.title.contains("无证经营") }
            #expect(all.count == demoIDs.count)
            // Out of scope: another body's officer does not see it.
            #expect(try await Self.search(app, try await app.token("officer.eco1"), "检索测").ids.isEmpty)
        }
    }

    @Test("the search index is rebuilt from the cases when the migration runs on a database that has them")
    func backfill() async throws {
        try await withTestApp { app, _ in
            let supervisor = try await app.token("supervisor1")
            let before = try await Self.search(app, supervisor, "无证经营")
            // One connection for both (SQLite checks a DDL statement against the connection's cached schema).
            try await app.db.transaction { tx in
                // 018's statistics indexes cover next_due, which 013 adds, and 021 replaces two of 018's
                // indexes: undo and redo them around it.
                try await AddDeadlineAgency().revert(on: tx)
                try await AddStatistics().revert(on: tx)
                try await AddCaseSearch().revert(on: tx)
                try await AddCaseSearch().prepare(on: tx)
                try await AddStatistics().prepare(on: tx)
                try await AddDeadlineAgency().prepare(on: tx)
            }
            let after = try await Self.search(app, supervisor, "无证经营")
            #expect(after.total == before.total && Set(after.ids) == Set(before.ids) && !after.ids.isEmpty)
        }
    }

    @Test("the total is exact up to the cap and then the cap with totalCapped; a short last page needs no count")
    func cappedTotal() async throws {
        try await withTestApp { app, _ in
            let supervisor = try await app.token("supervisor1")
            let all = try await app.send(.GET, "/api/v1/cases?per=1", supervisor)
            let total = try all.content.get(Int.self, at: "total")
            #expect(total == (try await EnforcementCase.query(on: app.db).count()) && total > 5)
            #expect(try all.content.get(Bool.self, at: "totalCapped") == false)
            let last = try await app.send(.GET, "/api/v1/cases?per=5&page=\((total + 4) / 5)", supervisor)
            #expect(try last.content.get(Int.self, at: "total") == total)
            #expect(try await app.send(.GET, "/api/v1/cases?per=5&page=1000", supervisor).content.get(Int.self, at: "total") == total)

            let userID = try await app.userID("supervisor1")
            let p = try #require(try await PrincipalLoader.load(userID: userID, channel: .token(id: UUID()), on: app.db))
            let today = try #require(LocalDate(iso: "2026-11-20"))
            let capped = try await CaseQueries.list(.init(), for: p, today: today, window: 5, page: PageRequest(page: 1, per: 2), cap: 5, on: app.db)
            #expect(capped.rows.count == 2 && capped.total == 5 && capped.totalCapped)
            let exact = try await CaseQueries.list(.init(), for: p, today: today, window: 5, page: PageRequest(page: 1, per: 2), cap: total, on: app.db)
            #expect(exact.total == total && !exact.totalCapped)

            let s = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/cases", headers: s.headers) { res in
                #expect(res.body.string.contains("案件（共 \(total) 件）"))
            }
        }
    }

    @Test("a frequent text (walked in list order, counted from the index) lists and counts the same cases as a rare one")
    func frequentText() async throws {
        try await withTestApp { app, _ in
            let userID = try await app.userID("supervisor1")
            let p = try #require(try await PrincipalLoader.load(userID: userID, channel: .token(id: UUID()), on: app.db))
            let today = try #require(LocalDate(iso: "2026-11-20"))
            for q in ["无证经营", "〔2026〕1", "超市", "X"] {
                var f = CaseQueries.Filter()
                f.text = q
                let rare = try await CaseQueries.list(f, for: p, today: today, window: 5, page: PageRequest(page: 1, per: 200), on: app.db)
                let walked = try await CaseQueries.list(f, for: p, today: today, window: 5, page: PageRequest(page: 1, per: 200), frequent: 0, on: app.db)
                #expect(rare.rows.map(\.c.id) == walked.rows.map(\.c.id), "\(q)")
                #expect(rare.total == walked.total, "\(q)")
                guard rare.total > 2 else { continue }
                let counted = try await CaseQueries.list(f, for: p, today: today, window: 5, page: PageRequest(page: 1, per: 1), frequent: 0, on: app.db)
                #expect(counted.total == rare.total && !counted.totalCapped, "\(q)")
                let capped = try await CaseQueries.list(f, for: p, today: today, window: 5, page: PageRequest(page: 1, per: 1), cap: 2, frequent: 0, on: app.db)
                #expect(capped.total == 2 && capped.totalCapped, "\(q)")
            }
        }
    }

    /// Each case's `next_due` as stored, against the earliest due date of its open limits.
    static func nextDueMismatches(_ app: Application) async throws -> [UUID] {
        let sql = try #require(app.db as? any SQLDatabase)
        let stored = try await sql.raw("SELECT id, next_due FROM cases").all().map {
            (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "next_due", as: String?.self))
        }
        let open = Dictionary(grouping: try await CaseDeadline.query(on: app.db).filter(\.$metOn == nil).all()) { $0.$enforcementCase.id }
        return stored.filter { open[$0.0]?.map(\.due).min() != $0.1 }.map(\.0)
    }

    @Test("next_due is each case's earliest open limit after the limits are met, moved or added")
    func nextDue() async throws {
        try await withTestApp { app, _ in
            #expect(try await Self.nextDueMismatches(app).isEmpty)
            #expect(try await CaseDeadline.query(on: app.db).filter(\.$metOn != nil).count() > 0)
            let active = try await EnforcementCase.query(on: app.db).filter(\.$suspended == false).all().compactMap(\.id)
            let limit = try #require(try await CaseDeadline.query(on: app.db).filter(\.$metOn == nil)
                .filter(\.$enforcementCase.$id ~~ active).sort(\.$due).first())
            limit.due = "2026-01-02"
            try await limit.save(on: app.db)
            #expect(try await Self.nextDueMismatches(app).isEmpty)
            let supervisor = try await app.token("supervisor1")
            let red = try await app.send(.GET, "/api/v1/cases?warning=red&per=200", supervisor).content.get([CaseSummaryDTO].self, at: "items")
            #expect(red.contains { $0.id == limit.$enforcementCase.id && $0.nextDue == "2026-01-02" })
            limit.metOn = "2026-11-20"
            try await limit.save(on: app.db)
            #expect(try await Self.nextDueMismatches(app).isEmpty)
            let late = try await app.send(.POST, "/api/v1/cases", try await app.token("officer.amr1"), CaseTests.filing(filedOn: "2026-08-01"))
            #expect(late.status == .created)
            #expect(try await Self.nextDueMismatches(app).isEmpty)
        }
    }
}
