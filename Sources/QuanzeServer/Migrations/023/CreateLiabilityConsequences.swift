import Fluent
import SQLKit

/// 023: the consequences of 责任追究 decisions (issue 6 item 6). `decision_id` carries no foreign key:
/// the decision table comes from the decision branch (feat/decision), and a consequence row must be
/// writable whichever lands first. Unique per (decision, sanction code).
struct CreateLiabilityConsequences: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LiabilityConsequence.schema)
            .id()
            .field("decision_id", .uuid, .required)
            .field("matter_id", .uuid, .required, .references(LiabilityMatter.schema, .id))
            .field("target", .string, .required)
            .field("officer_id", .uuid, .references(Officer.schema, .id))
            .field("agency_id", .uuid, .references(Agency.schema, .id))
            .field("document_number", .string, .required)
            .field("decided_on", .string, .required)
            .field("sanction_code", .string, .required)
            .field("sanction_name", .string, .required)
            .field("effect", .string)
            .field("state", .string, .required)
            .field("reason", .string, .required)
            .field("applied_on", .string)
            .field("undone_on", .string)
            .field("certificate_id", .uuid, .references(Certificate.schema, .id))
            .field("certificate_previous_status", .string)
            .field("certificate_action", .string)
            .field("ended_assignments", .string)
            .field("note", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "decision_id", "sanction_code", name: "uq_liability_consequences_sanction")
            .create()
        if let sql = database as? any SQLDatabase {
            for (name, columns) in [("idx_liability_consequences_officer", ["officer_id", "state"]),
                                    ("idx_liability_consequences_agency", ["agency_id", "state"]),
                                    ("idx_liability_consequences_matter", ["matter_id"])] {
                var create = sql.create(index: name).on(LiabilityConsequence.schema)
                for column in columns { create = create.column(column) }
                try await create.run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LiabilityConsequence.schema).delete()
    }
}
