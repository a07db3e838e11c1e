import Fluent
import SQLKit

/// 025: at most one 追究机关逾期 intake item per lapsed item or matter. `PursuerOversight.sweep` runs
/// whenever the intake list is read, on any instance; with several instances on one PostgreSQL two
/// sweeps can both find the same lapse, and only the database can make the second insert fail
/// (the sweep then skips it).
struct AddIntakeOnceIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("""
            CREATE UNIQUE INDEX uq_liability_intake_pursuer_overdue ON liability_intake (source_id)
            WHERE source_kind = 'pursuer_overdue'
            """).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX uq_liability_intake_pursuer_overdue").run()
    }
}
