import Fluent
import SQLKit

/// 013: 案件检索 — what the case list needs to stay fast at 100k–1M cases (figures in benchmarks/README.md).
///
/// - `cases.next_due`: the earliest due date among the case's open limits (NULL when none is open), kept
///   by triggers on `case_deadlines` in the same statement as every write to a limit (filing, meeting a
///   limit, suspending/extending the clock, and any later module's writes). The warning filter
///   (“an open limit due on or before D”) is then `next_due <= D` on the case row itself instead of a
///   lookup of every matching case by id. The application never writes the column.
/// - Covering indexes for the list's order (newest filing first) with the columns its filters test,
///   so that a page reads 50 rows and a (capped) count reads the index alone.
/// - SQLite: `case_search`, an FTS5 table with the (case-sensitive) trigram tokenizer over each case's
///   `lower(number)` and `lower(title)`, kept by triggers on `cases`. A search text of 3 or more
///   characters, lower-cased the same way, is a phrase query on it (each 3-character piece in order:
///   exactly the substring match of `lower(…) LIKE '%text%'`); shorter texts keep the `LIKE` scan
///   (`CaseQueries.textSearch`). PostgreSQL keeps the `lower(…) LIKE` scan for now (pg_trgm is the
///   next step, see benchmarks/README.md).
struct AddCaseSearch: AsyncMigration {
    static let ftsTable = "case_search"

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("cases_list", "cases", ["filed_on", "number", "agency_id", "suspended", "next_due"]),
        ("cases_stage_list", "cases", ["stage", "filed_on", "number", "agency_id"]),
        ("cases_warning", "cases", ["suspended", "next_due", "agency_id"]),
    ]

    /// `UPDATE cases SET next_due = … WHERE id = <case>` for the case id expression `ref` (`NEW.case_id`, `OLD.case_id`).
    static func sync(_ ref: String) -> String {
        "UPDATE cases SET next_due = (SELECT min(due) FROM case_deadlines WHERE case_id = \(ref) AND met_on IS NULL) WHERE id = \(ref);"
    }

    static func sqliteStatements() -> [String] {
        [
            "CREATE TRIGGER case_next_due_insert AFTER INSERT ON case_deadlines BEGIN \(sync("NEW.case_id")) END",
            "CREATE TRIGGER case_next_due_update AFTER UPDATE ON case_deadlines BEGIN \(sync("OLD.case_id")) \(sync("NEW.case_id")) END",
            "CREATE TRIGGER case_next_due_delete AFTER DELETE ON case_deadlines BEGIN \(sync("OLD.case_id")) END",
            "CREATE VIRTUAL TABLE \(ftsTable) USING fts5(case_id UNINDEXED, number, title, tokenize = 'trigram case_sensitive 1')",
            """
            CREATE TRIGGER case_search_insert AFTER INSERT ON cases BEGIN
              INSERT INTO \(ftsTable) (case_id, number, title) VALUES (NEW.id, lower(NEW.number), lower(NEW.title));
            END
            """,
            """
            CREATE TRIGGER case_search_update AFTER UPDATE OF number, title ON cases
            WHEN OLD.number IS NOT NEW.number OR OLD.title IS NOT NEW.title BEGIN
              DELETE FROM \(ftsTable) WHERE case_id = OLD.id;
              INSERT INTO \(ftsTable) (case_id, number, title) VALUES (NEW.id, lower(NEW.number), lower(NEW.title));
            END
            """,
            """
            CREATE TRIGGER case_search_delete AFTER DELETE ON cases BEGIN
              DELETE FROM \(ftsTable) WHERE case_id = OLD.id;
            END
            """,
            "INSERT INTO \(ftsTable) (case_id, number, title) SELECT id, lower(number), lower(title) FROM cases",
        ]
    }

    static func postgresStatements() -> [String] {
        [
            """
            CREATE OR REPLACE FUNCTION case_next_due_sync() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP <> 'INSERT' THEN \(sync("OLD.case_id")) END IF;
              IF TG_OP <> 'DELETE' THEN \(sync("NEW.case_id")) END IF;
              RETURN NULL;
            END $$
            """,
            "CREATE TRIGGER case_next_due AFTER INSERT OR UPDATE OR DELETE ON case_deadlines FOR EACH ROW EXECUTE FUNCTION case_next_due_sync()",
        ]
    }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("ALTER TABLE cases ADD COLUMN next_due TEXT").run()
        try await sql.raw("""
            UPDATE cases SET next_due = (SELECT min(d.due) FROM case_deadlines d WHERE d.case_id = cases.id AND d.met_on IS NULL)
            """).run()
        for index in Self.indexes {
            var create = sql.create(index: index.name).on(index.table)
            for column in index.columns { create = create.column(column) }
            try await create.run()
        }
        // Superseded by the covering indexes above.
        for old in ["cases_filed_on_number", "cases_stage_filed_on", "case_deadlines_met_on_due"] {
            try await sql.drop(index: old).run()
        }
        try await sql.create(index: "case_deadlines_open_due_case").on("case_deadlines").column("met_on").column("due").column("case_id").run()
        for statement in sql.dialect.name == "sqlite" ? Self.sqliteStatements() : Self.postgresStatements() {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        if sql.dialect.name == "sqlite" { try await sql.raw("ANALYZE").run() }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for trigger in ["case_search_insert", "case_search_update", "case_search_delete",
                            "case_next_due_insert", "case_next_due_update", "case_next_due_delete"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: trigger)").run()
            }
            try await sql.raw("DROP TABLE IF EXISTS \(ident: Self.ftsTable)").run()
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS case_next_due ON case_deadlines").run()
            try await sql.raw("DROP FUNCTION IF EXISTS case_next_due_sync()").run()
        }
        try await sql.drop(index: "case_deadlines_open_due_case").run()
        for index in Self.indexes.reversed() { try await sql.drop(index: index.name).run() }
        for (name, table, columns) in AddCaseIndexes.indexes
        where ["cases_filed_on_number", "cases_stage_filed_on", "case_deadlines_met_on_due"].contains(name) {
            var create = sql.create(index: name).on(table)
            for column in columns { create = create.column(column) }
            try await create.run()
        }
        try await sql.raw("ALTER TABLE cases DROP COLUMN next_due").run()
    }
}
