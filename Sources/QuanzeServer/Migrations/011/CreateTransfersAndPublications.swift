import Fluent
import SQLKit

/// 011: 案件移送 (to another body or to the judicial organs), the closing reason of a case, and
/// 执法决定公开 (publication of decisions on the portal and its withdrawal).
struct CreateTransfersAndPublications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite needs one ALTER ADD COLUMN per update.
        try await database.schema(EnforcementCase.schema).field("closing_reason", .string).update()
        try await database.schema(CaseTransfer.schema)
            .id()
            .field("case_id", .uuid, .required, .references(EnforcementCase.schema, .id))
            .field("from_agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("kind", .string, .required)
            .field("to_agency_id", .uuid, .references(Agency.schema, .id))
            .field("organ", .string)
            .field("organ_name", .string)
            .field("suspected_crime", .string)
            .field("receipt_number", .string)
            .field("transferred_on", .string, .required)
            .field("reason", .string, .required)
            .field("materials", .string, .required)
            .field("status", .string, .required)
            .field("accepted_case_id", .uuid, .references(EnforcementCase.schema, .id))
            .field("accepted_on", .string)
            .field("accepted_by", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(DecisionPublication.schema)
            .id()
            .field("case_id", .uuid, .required, .references(EnforcementCase.schema, .id))
            .field("decision_id", .uuid, .required, .references(CaseDecision.schema, .id))
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("rule_code", .string, .required)
            .field("source", .string, .required)
            .field("decided_on", .string, .required)
            .field("due", .string, .required)
            .field("provisional", .bool, .required)
            .field("status", .string, .required)
            .field("published_on", .string)
            .field("published_by", .string)
            .field("public_text", .string)
            .field("record_index", .int64)
            .field("withdrawal_reason", .string)
            .field("withdrawal_basis", .string)
            .field("result_on", .string)
            .field("withdrawal_due", .string)
            .field("withdrawn_on", .string)
            .field("withdrawal_record_index", .int64)
            .field("created_at", .datetime)
            .unique(on: "case_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "case_transfers_case_id").on(CaseTransfer.schema).column("case_id").run()
            try await sql.create(index: "case_transfers_to_agency_status").on(CaseTransfer.schema).column("to_agency_id").column("status").run()
            try await sql.create(index: "case_transfers_accepted_case_id").on(CaseTransfer.schema).column("accepted_case_id").run()
            try await sql.create(index: "decision_publications_status_due").on(DecisionPublication.schema).column("status").column("due").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DecisionPublication.schema).delete()
        try await database.schema(CaseTransfer.schema).delete()
        try await database.schema(EnforcementCase.schema).deleteField("closing_reason").update()
    }
}
