import Fluent
import SQLKit

/// 015: 结案自动预审 (findings per closed case, and one run row per case checked) and 重大行政处罚备案审查
/// (the filing obligation a major decision creates, the body's filing and the legal office's conclusion).
struct CreateCaseChecks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseCheckFinding.schema)
            .id()
            .field("case_id", .uuid, .required, .references(EnforcementCase.schema, .id))
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("year", .int, .required)
            .field("rule_code", .string, .required)
            .field("severity", .string, .required)
            .field("message", .string, .required)
            .field("source", .string, .required)
            .field("checked_at", .datetime, .required)
            .create()
        // One row per checked case (id = the case's id): a case without findings is told from an unchecked one.
        try await database.schema(CaseCheckRun.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("year", .int, .required)
            .field("errors", .int, .required)
            .field("warnings", .int, .required)
            .field("checked_at", .datetime, .required)
            .create()
        try await database.schema(MajorDecisionFiling.schema)
            .id()
            .field("case_id", .uuid, .required, .references(EnforcementCase.schema, .id))
            .field("decision_id", .uuid, .required, .references(CaseDecision.schema, .id))
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("jurisdiction_id", .uuid, .required, .references(Jurisdiction.schema, .id))
            .field("decided_on", .string, .required)
            .field("major_reasons", .string, .required)
            .field("due", .string)
            .field("due_source", .string, .required)
            .field("provisional", .bool, .required)
            .field("status", .string, .required)
            .field("filed_on", .string)
            .field("report", .string)
            .field("documents", .string)
            .field("filed_by", .string)
            .field("reviewed_on", .string)
            .field("conclusion", .string)
            .field("reasons", .string)
            .field("reviewed_by", .string)
            .field("intake_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "case_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "case_checks_case").on(CaseCheckFinding.schema).column("case_id").run()
            try await sql.create(index: "case_checks_agency_year_rule").on(CaseCheckFinding.schema).column("agency_id").column("year").column("rule_code").run()
            try await sql.create(index: "case_check_runs_agency_year").on(CaseCheckRun.schema).column("agency_id").column("year").run()
            try await sql.create(index: "cases_closed_on").on(EnforcementCase.schema).column("closed_on").run()
            try await sql.create(index: "major_filings_status_due").on(MajorDecisionFiling.schema).column("status").column("due").run()
            try await sql.create(index: "major_filings_agency").on(MajorDecisionFiling.schema).column("agency_id").column("decided_on").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MajorDecisionFiling.schema).delete()
        try await database.schema(CaseCheckRun.schema).delete()
        try await database.schema(CaseCheckFinding.schema).delete()
    }
}
