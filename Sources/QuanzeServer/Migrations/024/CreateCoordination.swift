import Fluent
import SQLKit

/// 024: 执法协调 (通州区关于行政执法协调工作的若干规定: disputes, the bodies concerned with their execution
/// reports, the timeline) and 典型案例通报 (anonymized accounts published on the portal).
struct CreateCoordination: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CoordinationDispute.schema)
            .id()
            .field("jurisdiction_id", .uuid, .required, .references(Jurisdiction.schema, .id))
            .field("profile_id", .string, .required)
            .field("initiator_agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("kind", .string, .required)
            .field("subject", .string, .required)
            .field("description", .string, .required)
            .field("status", .string, .required)
            .field("raised_on", .string, .required)
            .field("raised_by", .string, .required)
            .field("ended_on", .string)
            .field("opinion_text", .string)
            .field("filed_on", .string)
            .field("filing_due_on", .string)
            .field("filing_rule", .string)
            .field("filing_source", .string)
            .field("filing_late", .bool, .required)
            .field("applied_office", .string)
            .field("applied_on", .string)
            .field("application_text", .string)
            .field("current_office", .string)
            .field("received_on", .string)
            .field("forward_due_on", .string)
            .field("forward_rule", .string)
            .field("forward_source", .string)
            .field("forwarded_on", .string)
            .field("forward_late", .bool, .required)
            .field("resolution", .string)
            .field("resolution_text", .string)
            .field("resolved_on", .string)
            .field("decision_text", .string)
            .field("decided_on", .string)
            .field("execute_by", .string)
            .field("closed_on", .string)
            .field("closed_by", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(CoordinationParty.schema)
            .id()
            .field("dispute_id", .uuid, .required, .references(CoordinationDispute.schema, .id))
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("agency_name", .string, .required)
            .field("role", .string, .required)
            .field("reported_on", .string)
            .field("report_text", .string)
            .field("reported_by", .string)
            .field("created_at", .datetime)
            .unique(on: "dispute_id", "agency_id", name: "uq_coordination_parties_agency")
            .create()
        try await database.schema(CoordinationStep.schema)
            .id()
            .field("dispute_id", .uuid, .required, .references(CoordinationDispute.schema, .id))
            .field("seq", .int, .required)
            .field("day", .string, .required)
            .field("kind", .string, .required)
            .field("actor", .string, .required)
            .field("text", .string, .required)
            .field("source", .string)
            .field("created_at", .datetime)
            .unique(on: "dispute_id", "seq", name: "uq_coordination_steps_seq")
            .create()
        try await database.schema(TypicalCase.schema)
            .id()
            .field("jurisdiction_id", .uuid, .required, .references(Jurisdiction.schema, .id))
            .field("matter_id", .uuid, .references(LiabilityMatter.schema, .id))
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("rule_cited", .string, .required)
            .field("handling", .string, .required)
            .field("names_json", .string, .required)
            .field("status", .string, .required)
            .field("composed_by", .string, .required)
            .field("composed_on", .string, .required)
            .field("published_on", .string)
            .field("withdrawn_on", .string)
            .field("withdraw_reason", .string)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            for (name, table, columns) in [("idx_coordination_disputes_jurisdiction", CoordinationDispute.schema, ["jurisdiction_id", "status"]),
                                           ("idx_coordination_parties_agency", CoordinationParty.schema, ["agency_id"]),
                                           ("idx_typical_cases_status", TypicalCase.schema, ["status", "published_on"])] {
                var create = sql.create(index: name).on(table)
                for column in columns { create = create.column(column) }
                try await create.run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [TypicalCase.schema, CoordinationStep.schema, CoordinationParty.schema, CoordinationDispute.schema] {
            try await database.schema(schema).delete()
        }
    }
}
