import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("Storage: SQLite durability settings, migrations, health")
struct StorageTests {
    @Test("every pooled SQLite connection runs WAL, synchronous=FULL, foreign keys and a busy timeout")
    func sqlitePragmas() async throws {
        try await withTestApp(demoData: false) { app, _ in
            guard app.databases.ids().contains(.sqlite) else { return }   // PostgreSQL run
            for loop in app.eventLoopGroup.makeIterator() {
                let sql = app.databases.database(.sqlite, logger: app.logger, on: loop) as! any SQLDatabase
                var values: [String: String] = [:]
                for name in ["journal_mode", "synchronous", "foreign_keys", "busy_timeout"] {
                    let row = try #require(try await sql.raw("SELECT * FROM pragma_\(unsafeRaw: name)").first())
                    let column = try #require(row.allColumns.first)
                    let text = try? row.decode(column: column, as: String.self)
                    let number = try? row.decode(column: column, as: Int.self)
                    values[name] = text ?? number.map(String.init) ?? ""
                }
                #expect(values["journal_mode"] == "wal")
                #expect(values["synchronous"] == "2")       // FULL
                #expect(values["foreign_keys"] == "1")
                #expect(values["busy_timeout"] == "10000")
            }
        }
    }

    @Test("/healthz and /readyz answer; the demo data set loads once and is deterministic")
    func healthAndDemo() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "/healthz") { res in #expect(res.status == .ok) }
            try await app.testing().test(.GET, "/readyz") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("ready"))
            }
            #expect(try await Agency.query(on: app.db).count() == DemoAgencies.rows.count + DemoTongzhou.agencies.count)
            #expect(try await User.query(on: app.db).count() == DemoData.accounts.count + DemoTongzhou.accounts.count)
            #expect(try await Agency.find(DemoIDs.uuid("agency:amr"), on: app.db)?.name == "长春市市场监督管理局")
            #expect(try await DemoData.loadIfEmpty(app) == false)
            let kinds = Set(try await Agency.query(on: app.db).all().map(\.kind))
            #expect(kinds == Set(AgencyKind.allCases))
            for agency in try await Agency.query(on: app.db).all() {
                #expect(QuanzeCore.UnifiedSocialCreditCode.isValid(agency.uscc ?? ""), "\(agency.name) \(agency.uscc ?? "")")
            }
        }
    }
}

import QuanzeCore
