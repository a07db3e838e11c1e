import Fluent
import Foundation
import SQLKit

/// Takes a row's write lock at the start of a transaction with a no-op UPDATE. In SQLite this
/// opens the write transaction before any read (so a concurrent writer cannot invalidate the
/// snapshot, SQLITE_BUSY_SNAPSHOT); in PostgreSQL it locks the row until commit. Used wherever a
/// transaction reads a state and then writes a change that depends on it.
enum RowLock {
    static func user(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(User.schema).set("failed_attempts", to: SQLIdentifier("failed_attempts"))
            .where("id", .equal, id).run()
    }

    static func certificate(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(Certificate.schema).set("status", to: SQLIdentifier("status"))
            .where("id", .equal, id).run()
    }

    /// The 全过程记录 head: every append takes it, so a transaction that will append anyway loses
    /// nothing by taking it first — and on SQLite starts as a writer instead of failing to upgrade.
    static func recordLog(on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.raw("UPDATE record_head SET size = size WHERE id = 1").run()
    }
}
