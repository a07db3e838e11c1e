import SQLKit

/// Fills an amount column of `case_decisions` in 分 from the whole-元 amount in the decision's `sanction` JSON
/// (`PenaltySanction`), in one statement on either database. Plain SQL, so a migration does not depend on the model's
/// later columns.
enum SanctionAmountSQL {
    static func backfill(_ sql: any SQLDatabase, column: String, key: String) async throws {
        let amount = sql.dialect.name == "sqlite"
            ? "CAST(json_extract(sanction, '$.\(key)') AS INTEGER)"
            : "((sanction::jsonb) ->> '\(key)')::bigint"
        try await sql.raw(SQLQueryString(
            "UPDATE case_decisions SET \(unsafeRaw: column) = COALESCE(\(unsafeRaw: amount), 0) * 100")).run()
    }
}
