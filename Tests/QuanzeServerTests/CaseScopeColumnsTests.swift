import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Testing
@testable import QuanzeServer

/// 021: `case_deadlines` and `case_decisions` carry their case's body and procedure, kept by triggers.
@Suite("Case scope columns on limits and decisions (021)", .serialized)
struct CaseScopeColumnsTests {
    /// Rows of `table` whose body or procedure differs from their case's.
    static func mismatches(_ table: String, _ db: any Database) async throws -> Int {
        let sql = try #require(db as? any SQLDatabase)
        let row = try await sql.raw("""
            SELECT COUNT(*) AS n FROM \(ident: table) t JOIN cases c ON c.id = t.case_id
            WHERE t.agency_id IS NULL OR t.agency_id <> c.agency_id OR t.procedure IS NULL OR t.procedure <> c.procedure
            """).first()
        return try #require(row).decode(column: "n", as: Int.self)
    }

    static func count(_ table: String, _ db: any Database) async throws -> Int {
        let sql = try #require(db as? any SQLDatabase)
        return try #require(try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()).decode(column: "n", as: Int.self)
    }

    @Test("limits and decisions written by the application get their case's body and procedure, and follow a change of either")
    func triggersKeepTheColumns() async throws {
        try await withTestApp { app, _ in
            // The demo cases were filed and decided through the services after the migrations ran.
            #expect(try await Self.count("case_deadlines", app.db) > 0)
            #expect(try await Self.count("case_decisions", app.db) > 0)
            #expect(try await Self.mismatches("case_deadlines", app.db) == 0)
            #expect(try await Self.mismatches("case_decisions", app.db) == 0)

            // A case moved to another body and procedure (by hand here; no service does it today).
            let sql = try #require(app.db as? any SQLDatabase)
            let decided = try #require(try await CaseDecision.query(on: app.db).first())
            let c = try #require(try await EnforcementCase.find(decided.$enforcementCase.id, on: app.db))
            let other = try #require(try await Agency.query(on: app.db).filter(\.$isLegalOffice == false).all()
                .first { $0.id != c.$agency.id })
            let procedure = c.procedure == .penaltySimple ? CaseProcedure.penaltyOrdinary : .penaltySimple
            try await sql.raw("UPDATE cases SET agency_id = \(bind: other.id!), procedure = \(bind: procedure.rawValue) WHERE id = \(bind: c.id!)").run()
            #expect(try await Self.mismatches("case_deadlines", app.db) == 0)
            #expect(try await Self.mismatches("case_decisions", app.db) == 0)
            let row = try #require(try await sql.raw("SELECT agency_id, procedure FROM case_decisions WHERE id = \(bind: decided.id!)").first())
            #expect(try row.decode(column: "agency_id", as: UUID.self) == other.id)
            #expect(try row.decode(column: "procedure", as: String.self) == procedure.rawValue)
        }
    }

    @Test("the migration fills the columns on a database that has cases, and reverts cleanly")
    func backfillAndRevert() async throws {
        try await withTestApp { app, _ in
            try await app.db.transaction { tx in
                try await AddDeadlineAgency().revert(on: tx)
                try await AddDeadlineAgency().prepare(on: tx)
            }
            #expect(try await Self.mismatches("case_deadlines", app.db) == 0)
            #expect(try await Self.mismatches("case_decisions", app.db) == 0)
        }
    }
}
