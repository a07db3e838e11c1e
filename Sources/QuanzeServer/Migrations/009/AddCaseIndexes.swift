import Fluent
import SQLKit

/// 009: 案件索引 — indexes for the case list, its filters and the warning boards at 100k–1M cases
/// (figures in benchmarks/README.md). Plain `CREATE INDEX`, the same on SQLite and PostgreSQL.
struct AddCaseIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        // The list's order (newest filing first) and the agency filter with that order.
        ("cases_filed_on_number", EnforcementCase.schema, ["filed_on", "number"]),
        ("cases_agency_filed_on", EnforcementCase.schema, ["agency_id", "filed_on"]),
        ("cases_stage_filed_on", EnforcementCase.schema, ["stage", "filed_on"]),
        // 预警: open limits by due date (a case's limits use the unique (case_id, code) index).
        ("case_deadlines_met_on_due", CaseDeadline.schema, ["met_on", "due"]),
        // 待办 (mine=1) and a case's page.
        ("case_officers_officer_id", CaseOfficer.schema, ["officer_id"]),
        ("case_parties_case_id", CaseParty.schema, ["case_id"]),
        ("case_events_case_id", CaseEvent.schema, ["case_id"]),
        ("case_deadline_changes_case_id", CaseDeadlineChange.schema, ["case_id"]),
        ("legal_reviews_case_id", LegalReview.schema, ["case_id"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            var create = sql.create(index: index.name).on(index.table)
            for column in index.columns { create = create.column(column) }
            try await create.run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes.reversed() {
            try await sql.drop(index: index.name).run()
        }
    }
}
