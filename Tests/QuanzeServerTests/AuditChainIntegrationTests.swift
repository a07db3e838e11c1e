import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("Security audit: append-only, hash-chained, verified, filtered, exported")
struct AuditChainIntegrationTests {
    /// Produces a few audit entries through real requests.
    func activity(_ app: Application) async throws {
        _ = try await app.token("supervisor1")
        try await app.testing().test(.POST, "/api/v1/auth/token", beforeRequest: { req in
            try req.content.encode(["username": "supervisor1", "password": "Wrong#2026x"], as: .json)
        })
        _ = try await app.signIn("legal.amr")
    }

    func sql(_ app: Application) -> any SQLDatabase { app.db as! any SQLDatabase }

    /// Someone with direct database access removes the append-only triggers before tampering.
    func dropTriggers(_ app: Application) async throws {
        for s in AppendOnlyTriggers.drop(dialect: sql(app).dialect.name) { try await sql(app).raw(SQLQueryString(s)).run() }
    }

    @Test("a clean chain verifies through the API and the command")
    func clean() async throws {
        try await withTestApp { app, _ in
            try await activity(app)
            let result = try await AuditQueries.verify(on: app.db)
            #expect(result.ok)
            #expect(result.checked >= 4)
            let token = try await app.token("auditadmin")
            try await app.testing().test(.GET, "/api/v1/audit/verify", headers: .bearer(token)) { res in
                #expect((try? res.content.get(Bool.self, at: "ok")) == true)
            }
            try await runAuditVerify(app)
        }
    }

    @Test("the database refuses UPDATE and DELETE on the audit table")
    func appendOnly() async throws {
        try await withTestApp { app, _ in
            await #expect(throws: (any Error).self) {
                try await sql(app).raw("UPDATE audit_entries SET detail = 'x'").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql(app).raw("DELETE FROM audit_entries").run()
            }
        }
    }

    @Test("an edited row is detected by `audit verify`")
    func edited() async throws {
        try await withTestApp { app, _ in
            try await activity(app)
            try await dropTriggers(app)
            try await sql(app).raw("UPDATE audit_entries SET actor_name = 'someone-else' WHERE seq = 2").run()
            let result = try await AuditQueries.verify(on: app.db)
            #expect(!result.ok)
            #expect(result.problem == .edited(seq: 2))
            await #expect(throws: CommandFailure.self) {
                try await runAuditVerify(app)
            }
        }
    }

    @Test("a row deleted in the middle is detected")
    func deletedMiddle() async throws {
        try await withTestApp { app, _ in
            try await activity(app)
            try await dropTriggers(app)
            try await sql(app).raw("DELETE FROM audit_entries WHERE seq = 2").run()
            let result = try await AuditQueries.verify(on: app.db)
            #expect(!result.ok)
            #expect(result.problem == .gap(afterSeq: 1, missingSeq: 2))
        }
    }

    @Test("the last row deleted is detected through the chain head")
    func deletedLast() async throws {
        try await withTestApp { app, _ in
            try await activity(app)
            try await dropTriggers(app)
            let last = try #require(try await AuditEntry.query(on: app.db).sort(\.$seq, .descending).first()?.seq)
            try await sql(app).raw("DELETE FROM audit_entries WHERE seq = \(unsafeRaw: String(last))").run()
            let result = try await AuditQueries.verify(on: app.db)
            #expect(!result.ok)
            #expect(result.problem == .truncated(expectedHeadSeq: last))
        }
    }

    @Test("only the 审计管理员 reads the audit; filters and CSV export work; the export is itself audited")
    func readFilterExport() async throws {
        try await withTestApp { app, _ in
            try await activity(app)
            let token = try await app.token("auditadmin")
            try await app.testing().test(.GET, "/api/v1/audit?outcome=failure&action=login.failure", headers: .bearer(token)) { res in
                let list = try res.content.decode(AuditListDTO.self)
                #expect(list.page.total == 1)
                #expect(list.items.first?.target == "supervisor1")
            }
            try await app.testing().test(.GET, "/api/v1/audit?outcome=maybe", headers: .bearer(token)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect((try? res.content.get(String.self, at: "error", "details", "field")) == "outcome")
            }
            try await app.testing().test(.GET, "/api/v1/audit/export?action=login.success", headers: .bearer(token)) { res in
                #expect(res.headers.contentType?.subType == "csv")
                #expect(res.body.string.contains("登录成功"))
            }
            #expect(try await app.audits(.dataExport).count == 1)
            let s = try await app.signIn("auditadmin")
            try await app.testing().test(.GET, "/console/audit?actor=legal.amr", headers: s.headers) { res in
                #expect(res.body.string.contains("<h1>安全审计</h1>"))
                #expect(res.body.string.contains("legal.amr"))
                #expect(!res.body.string.contains(">supervisor1<"))
                // "全部" must submit an empty value, not its label (Plot drops empty attributes by default).
                // Plot writes an empty value as a bare `value` attribute, which HTML reads as "".
                #expect(res.body.string.contains("<option value selected=\"selected\">全部</option>"))
            }
        }
    }

    @Test("ID numbers and phones are masked before they reach the audit log")
    func masking() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.POST, "/api/v1/auth/token", beforeRequest: { req in
                try req.content.encode(["username": "11010519491231002X", "password": "13812345678"], as: .json)
            })
            let entry = try #require(try await app.audits(.loginFailure).first)
            // The username is lower-cased before the lookup; the masked form keeps 3 + 4 characters.
            #expect(entry.target == "110***********002x")
        }
    }
}

/// Runs `quanze audit verify` against the test app's database.
func runAuditVerify(_ app: Application) async throws {
    var input = CommandInput(arguments: ["quanze", "verify"])
    var context = CommandContext(console: Terminal(), input: input)
    context.application = app
    let signature = try AuditCommand.Signature(from: &input)
    try await AuditCommand().run(using: context, signature: signature)
}
