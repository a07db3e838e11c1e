import Fluent
import QuanzeCore
import SQLKit

/// 007: 全过程记录 — the append-only record log, its head row, signed checkpoints and evidence files.
/// No foreign keys to case tables: a stream is named by text (`case:<uuid>`, `inspection:<uuid>`).
struct CreateRecordLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RecordEntry.schema)
            .id()
            .field("leaf_index", .int64, .required)
            .field("stream", .string, .required)
            .field("stream_seq", .int64, .required)
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("actor", .string)
            .field("recorded_ms", .int64, .required)
            .field("corrects", .int64)
            .field("algorithm", .string, .required)
            .field("prev_hash", .string, .required)
            .field("entry_hash", .string, .required)
            .field("leaf_hash", .string, .required)
            .unique(on: "leaf_index")
            .unique(on: "stream", "stream_seq")
            .create()
        try await database.schema(RecordHead.schema)
            .field("id", .int, .identifier(auto: false))
            .field("size", .int64, .required)
            .create()
        try await RecordHead(size: 0).create(on: database)
        try await database.schema(RecordCheckpoint.schema)
            .id()
            .field("tree_size", .int64, .required)
            .field("root_hash", .string, .required)
            .field("algorithm", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "tree_size")
            .create()
        try await database.schema(EvidenceFile.schema)
            .field("sha256", .string, .identifier(auto: false))
            .field("size", .int64, .required)
            .field("media_type", .string, .required)
            .field("original_name", .string)
            .field("stored_path", .string, .required)
            .field("uploaded_by", .string)
            .field("created_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for statement in RecordTriggers.create(dialect: sql.dialect.name) {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            for statement in RecordTriggers.drop(dialect: sql.dialect.name) {
                try await sql.raw(SQLQueryString(statement)).run()
            }
        }
        try await database.schema(EvidenceFile.schema).delete()
        try await database.schema(RecordCheckpoint.schema).delete()
        try await database.schema(RecordHead.schema).delete()
        try await database.schema(RecordEntry.schema).delete()
    }
}

/// Triggers that refuse UPDATE and DELETE on the record tables, per dialect.
enum RecordTriggers {
    static let tables = [RecordEntry.schema, RecordCheckpoint.schema, EvidenceFile.schema]

    static func create(dialect: String) -> [String] {
        switch dialect {
        case "postgresql":
            return ["""
                CREATE OR REPLACE FUNCTION quanze_record_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql
                """] + tables.map {
                "CREATE TRIGGER \($0)_append_only BEFORE UPDATE OR DELETE ON \($0) FOR EACH ROW EXECUTE FUNCTION quanze_record_append_only()"
            }
        default:
            return tables.flatMap { t in [
                "CREATE TRIGGER \(t)_no_update BEFORE UPDATE ON \(t) BEGIN SELECT RAISE(ABORT, '\(t) is append-only'); END",
                "CREATE TRIGGER \(t)_no_delete BEFORE DELETE ON \(t) BEGIN SELECT RAISE(ABORT, '\(t) is append-only'); END",
            ] }
        }
    }

    static func drop(dialect: String) -> [String] {
        switch dialect {
        case "postgresql":
            return tables.map { "DROP TRIGGER IF EXISTS \($0)_append_only ON \($0)" } + ["DROP FUNCTION IF EXISTS quanze_record_append_only()"]
        default:
            return tables.flatMap { ["DROP TRIGGER IF EXISTS \($0)_no_update", "DROP TRIGGER IF EXISTS \($0)_no_delete"] }
        }
    }
}
