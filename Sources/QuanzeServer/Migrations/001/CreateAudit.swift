import Fluent
import QuanzeCore
import SQLKit

/// The audit table is append-only: besides the hash chain, the database itself refuses
/// UPDATE and DELETE on it (triggers), so tampering needs deliberate schema changes.
struct CreateAudit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("seq", .int64, .required)
            .field("occurred_ms", .int64, .required)
            .field("actor_id", .string)
            .field("actor_name", .string)
            .field("ip", .string)
            .field("action", .string, .required)
            .field("target", .string)
            .field("outcome", .string, .required)
            .field("detail", .string)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
        try await database.schema(AuditHead.schema)
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int64, .required)
            .field("hash", .string, .required)
            .create()
        try await AuditHead(seq: 0, hash: AuditChain.genesis).create(on: database)
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX audit_entries_occurred ON audit_entries (occurred_ms)").run()
        try await sql.raw("CREATE INDEX audit_entries_action ON audit_entries (action)").run()
        for statement in AppendOnlyTriggers.create(dialect: sql.dialect.name) {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            for statement in AppendOnlyTriggers.drop(dialect: sql.dialect.name) {
                try await sql.raw(SQLQueryString(statement)).run()
            }
        }
        try await database.schema(AuditHead.schema).delete()
        try await database.schema(AuditEntry.schema).delete()
    }
}

/// SQL for the triggers that make `audit_entries` append-only, per dialect.
enum AppendOnlyTriggers {
    static func create(dialect: String) -> [String] {
        switch dialect {
        case "postgresql":
            return [
                """
                CREATE OR REPLACE FUNCTION quanze_audit_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END; $$ LANGUAGE plpgsql
                """,
                "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION quanze_audit_append_only()",
            ]
        default:
            return [
                "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END",
                "CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END",
            ]
        }
    }

    static func drop(dialect: String) -> [String] {
        switch dialect {
        case "postgresql":
            return ["DROP TRIGGER IF EXISTS audit_entries_no_update ON audit_entries",
                    "DROP FUNCTION IF EXISTS quanze_audit_append_only()"]
        default:
            return ["DROP TRIGGER IF EXISTS audit_entries_no_update", "DROP TRIGGER IF EXISTS audit_entries_no_delete"]
        }
    }
}
