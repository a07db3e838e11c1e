import Fluent
import Foundation
import QuanzeCore
import SQLKit

/// 018: 执法统计 — the confiscated value of each decision in 分 (`case_decisions.confiscation_fen`,
/// kept from the sanction by `DecisionFineMiddleware` like `fine_fen`), and the indexes the annual
/// statistics and the dashboards aggregate through at 100k–1M cases (figures in benchmarks/README.md).
struct AddStatistics: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        // Filed and closed per body, procedure and month.
        ("cases_stats_filed", "cases", ["agency_id", "filed_on", "procedure"]),
        ("cases_stats_closed", "cases", ["agency_id", "closed_on", "procedure"]),
        // Open cases and their warnings per body, read from the index alone (at 100k: 897 ms → 37 ms).
        ("cases_stats_open", "cases", ["agency_id", "stage", "procedure", "suspended", "next_due"]),
        // Decisions of a period with their amounts (joined to their case by its primary key).
        ("case_decisions_stats", "case_decisions", ["decided_on", "case_id", "fine_fen", "confiscation_fen"]),
        // 复议/诉讼 applied in a period (results use idx_case_remedies_agency_result of 010).
        ("case_remedies_agency_applied", "case_remedies", ["agency_id", "applied_on"]),
        // Limits met in a period (on-time rate).
        ("case_deadlines_met", "case_deadlines", ["met_on", "case_id", "due"]),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(CaseDecision.schema).field("confiscation_fen", .int64).update()
        guard let sql = database as? any SQLDatabase else { return }
        // Existing decisions that confiscate: the value from their sanction, in one statement.
        try await SanctionAmountSQL.backfill(sql, column: "confiscation_fen", key: "confiscationAmount")
        for index in Self.indexes {
            var create = sql.create(index: index.name).on(index.table)
            for column in index.columns { create = create.column(column) }
            try await create.run()
        }
        if sql.dialect.name == "sqlite" { try await sql.raw("ANALYZE").run() }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            for index in Self.indexes.reversed() { try await sql.drop(index: index.name).run() }
        }
        try await database.schema(CaseDecision.schema).deleteField("confiscation_fen").update()
    }
}
