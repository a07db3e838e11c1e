import Fluent
import SQLKit

/// 021: what a year's 评议考核, the annual 执法统计 and the board's on-time figure need at 1M cases
/// (figures in benchmarks/README.md).
///
/// `case_deadlines` and `case_decisions` carry their case's `agency_id` and `procedure`, copied by
/// triggers when a row is written and when a case's body or procedure changes, so that counting a
/// year's limits or decisions per body and procedure reads one covering index instead of looking up
/// every row's case by id (846k limits and 841k decisions at 1M cases). The application never writes
/// these columns.
///
/// `cases_legal_review`: the cases needing 法制审核 per body, from which the 法制审核 indicator starts
/// (a tenth of the cases) instead of from every decision of the year.
struct AddDeadlineAgency: AsyncMigration {
    static let tables = ["case_deadlines", "case_decisions"]
    static let columns = ["agency_id", "procedure"]

    static let indexes: [(name: String, table: String, columns: [String])] = [
        // 按期作出决定 (IndicatorQueries.onTime): limits by code and due day, per body.
        ("case_deadlines_assessment", "case_deadlines", ["code", "due", "agency_id", "met_on", "case_id"]),
        // The board's limits met per month (DashboardStatistics).
        ("case_deadlines_met_scope", "case_deadlines", ["met_on", "agency_id", "procedure", "due"]),
        // 执法统计: decisions, fines and confiscations per body and procedure (EnforcementStatistics).
        ("case_decisions_scope", "case_decisions", ["decided_on", "agency_id", "procedure", "fine_fen", "confiscation_fen"]),
        ("cases_legal_review", "cases", ["legal_review_required", "agency_id"]),
    ]
    /// Superseded by the indexes above (017 and 018 made them for the same statements).
    static let superseded: [(name: String, table: String, columns: [String])] = [
        ("case_deadlines_due_code", "case_deadlines", ["due", "code"]),
        ("case_deadlines_met", "case_deadlines", ["met_on", "case_id", "due"]),
    ]

    static func copy(_ table: String) -> String {
        "UPDATE \(table) SET agency_id = (SELECT c.agency_id FROM cases c WHERE c.id = \(table).case_id), "
            + "procedure = (SELECT c.procedure FROM cases c WHERE c.id = \(table).case_id)"
    }

    /// 013's `case_next_due_update` fired on any change to a limit; it now fires only on the columns
    /// `next_due` depends on, so filling and keeping the scope columns does not recompute it.
    static let nextDueTrigger = "CREATE TRIGGER case_next_due_update AFTER UPDATE OF case_id, due, met_on ON case_deadlines BEGIN "
        + "\(AddCaseSearch.sync("OLD.case_id")) \(AddCaseSearch.sync("NEW.case_id")) END"
    static let nextDueTriggerBefore = "CREATE TRIGGER case_next_due_update AFTER UPDATE ON case_deadlines BEGIN "
        + "\(AddCaseSearch.sync("OLD.case_id")) \(AddCaseSearch.sync("NEW.case_id")) END"

    static let pgNextDueTrigger = "CREATE TRIGGER case_next_due AFTER INSERT OR DELETE OR UPDATE OF case_id, due, met_on ON case_deadlines "
        + "FOR EACH ROW EXECUTE FUNCTION case_next_due_sync()"
    static let pgNextDueTriggerBefore = "CREATE TRIGGER case_next_due AFTER INSERT OR UPDATE OR DELETE ON case_deadlines "
        + "FOR EACH ROW EXECUTE FUNCTION case_next_due_sync()"

    static func sqliteStatements() -> [String] {
        tables.flatMap { table in
            [
                "CREATE TRIGGER \(table)_scope_insert AFTER INSERT ON \(table) BEGIN \(copy(table)) WHERE id = NEW.id; END",
                """
                CREATE TRIGGER \(table)_scope_case AFTER UPDATE OF agency_id, procedure ON cases
                WHEN OLD.agency_id IS NOT NEW.agency_id OR OLD.procedure IS NOT NEW.procedure BEGIN
                  UPDATE \(table) SET agency_id = NEW.agency_id, procedure = NEW.procedure WHERE case_id = NEW.id;
                END
                """,
            ]
        }
    }

    static func postgresStatements() -> [String] {
        [
            """
            CREATE OR REPLACE FUNCTION case_scope_set() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              SELECT c.agency_id, c.procedure INTO NEW.agency_id, NEW.procedure FROM cases c WHERE c.id = NEW.case_id;
              RETURN NEW;
            END $$
            """,
            """
            CREATE OR REPLACE FUNCTION case_scope_follow() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF OLD.agency_id IS DISTINCT FROM NEW.agency_id OR OLD.procedure IS DISTINCT FROM NEW.procedure THEN
                UPDATE case_deadlines SET agency_id = NEW.agency_id, procedure = NEW.procedure WHERE case_id = NEW.id;
                UPDATE case_decisions SET agency_id = NEW.agency_id, procedure = NEW.procedure WHERE case_id = NEW.id;
              END IF;
              RETURN NULL;
            END $$
            """,
            "CREATE TRIGGER case_scope_follow AFTER UPDATE OF agency_id, procedure ON cases FOR EACH ROW EXECUTE FUNCTION case_scope_follow()",
        ] + tables.map {
            "CREATE TRIGGER \($0)_scope BEFORE INSERT OR UPDATE OF case_id ON \($0) FOR EACH ROW EXECUTE FUNCTION case_scope_set()"
        }
    }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS case_next_due_update").run()
            try await sql.raw(SQLQueryString(Self.nextDueTrigger)).run()
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS case_next_due ON case_deadlines").run()
            try await sql.raw(SQLQueryString(Self.pgNextDueTrigger)).run()
        }
        for table in Self.tables {
            try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN agency_id UUID").run()
            try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN procedure TEXT").run()
            try await sql.raw(SQLQueryString(Self.copy(table))).run()
        }
        for index in Self.indexes { try await create(index, on: sql) }
        for index in Self.superseded { try await sql.drop(index: index.name).run() }
        for statement in sql.dialect.name == "sqlite" ? Self.sqliteStatements() : Self.postgresStatements() {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        if sql.dialect.name == "sqlite" { try await sql.raw("ANALYZE").run() }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for table in Self.tables {
                for trigger in ["\(table)_scope_insert", "\(table)_scope_case"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(ident: trigger)").run()
                }
            }
            try await sql.raw("DROP TRIGGER IF EXISTS case_next_due_update").run()
            try await sql.raw(SQLQueryString(Self.nextDueTriggerBefore)).run()
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS case_scope_follow ON cases").run()
            for table in Self.tables { try await sql.raw("DROP TRIGGER IF EXISTS \(ident: table + "_scope") ON \(ident: table)").run() }
            try await sql.raw("DROP FUNCTION IF EXISTS case_scope_follow()").run()
            try await sql.raw("DROP FUNCTION IF EXISTS case_scope_set()").run()
            try await sql.raw("DROP TRIGGER IF EXISTS case_next_due ON case_deadlines").run()
            try await sql.raw(SQLQueryString(Self.pgNextDueTriggerBefore)).run()
        }
        for index in Self.superseded { try await create(index, on: sql) }
        for index in Self.indexes.reversed() { try await sql.drop(index: index.name).run() }
        for table in Self.tables {
            for column in Self.columns { try await sql.raw("ALTER TABLE \(ident: table) DROP COLUMN \(ident: column)").run() }
        }
    }

    private func create(_ index: (name: String, table: String, columns: [String]), on sql: any SQLDatabase) async throws {
        var create = sql.create(index: index.name).on(index.table)
        for column in index.columns { create = create.column(column) }
        try await create.run()
    }
}
