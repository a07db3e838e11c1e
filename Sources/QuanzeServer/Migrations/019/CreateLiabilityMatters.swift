import Fluent
import SQLKit

/// 019: 责任追究 intake handling (pursuing body, profile, intake deadline, 立案/不予立案), the matters
/// (立案) and their investigation: persons concerned, investigators, recusals, statements (陈述申辩).
/// Evidence and interviews live in the record log (stream `liability:<uuid>`).
/// `liability_intake_tracks.intake_id` carries no foreign key: 014's SQLite rebuild drops and recreates
/// `liability_intake`.
struct CreateLiabilityMatters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LiabilityIntakeTrack.schema)
            .id()
            .field("intake_id", .uuid, .required)
            .field("jurisdiction_id", .uuid, .required, .references(Jurisdiction.schema, .id))
            .field("pursuing_agency_id", .uuid, .references(Agency.schema, .id))
            .field("pursuing_body", .string, .required)
            .field("profile_id", .string, .required)
            .field("due_on", .string)
            .field("due_rule", .string)
            .field("due_source", .string)
            .field("source_detail", .string)
            .field("entered_by", .string)
            .field("outcome", .string)
            .field("outcome_reason", .string)
            .field("decided_on", .string)
            .field("decided_by", .string)
            .field("matter_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "intake_id", name: "uq_liability_intake_tracks_intake")
            .create()
        try await database.schema(LiabilityMatter.schema)
            .id()
            .field("intake_id", .uuid, .required)
            .field("jurisdiction_id", .uuid, .required, .references(Jurisdiction.schema, .id))
            .field("pursuing_agency_id", .uuid, .references(Agency.schema, .id))
            .field("pursuing_body", .string, .required)
            .field("subject_agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("case_id", .uuid, .references(EnforcementCase.schema, .id))
            .field("profile_id", .string, .required)
            .field("status", .string, .required)
            .field("filed_on", .string, .required)
            .field("filed_by", .string, .required)
            .field("summary", .string, .required)
            .field("decision_due_on", .string)
            .field("decision_rule", .string)
            .field("decision_source", .string)
            .field("extension_due_on", .string)
            .field("extension_reason", .string)
            .field("extension_approved_by", .string)
            .field("created_at", .datetime)
            .unique(on: "intake_id", name: "uq_liability_matters_intake")
            .create()
        try await database.schema(LiabilityPerson.schema)
            .id()
            .field("matter_id", .uuid, .required, .references(LiabilityMatter.schema, .id))
            .field("officer_id", .uuid, .references(Officer.schema, .id))
            .field("user_id", .uuid, .references(User.schema, .id))
            .field("name", .string, .required)
            .field("agency_id", .uuid, .references(Agency.schema, .id))
            .field("role", .string, .required)
            .field("origin", .string, .required)
            .field("note", .string, .required)
            .field("added_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(LiabilityInvestigator.schema)
            .id()
            .field("matter_id", .uuid, .required, .references(LiabilityMatter.schema, .id))
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("name", .string, .required)
            .field("status", .string, .required)
            .field("appointed_on", .string, .required)
            .field("appointed_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "matter_id", "user_id", name: "uq_liability_investigators_user")
            .create()
        try await database.schema(LiabilityRecusal.schema)
            .id()
            .field("matter_id", .uuid, .required, .references(LiabilityMatter.schema, .id))
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("reason", .string, .required)
            .field("recorded_on", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(LiabilityStatement.schema)
            .id()
            .field("matter_id", .uuid, .required, .references(LiabilityMatter.schema, .id))
            .field("person_id", .uuid, .required, .references(LiabilityPerson.schema, .id))
            .field("stated_on", .string, .required)
            .field("text", .string, .required)
            .field("submitted_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            for (name, table, columns) in [("idx_liability_tracks_due", LiabilityIntakeTrack.schema, ["outcome", "due_on"]),
                                           ("idx_liability_matters_jurisdiction", LiabilityMatter.schema, ["jurisdiction_id", "status"]),
                                           ("idx_liability_persons_matter", LiabilityPerson.schema, ["matter_id"]),
                                           ("idx_liability_persons_user", LiabilityPerson.schema, ["user_id"]),
                                           ("idx_liability_recusals_matter", LiabilityRecusal.schema, ["matter_id"]),
                                           ("idx_liability_statements_matter", LiabilityStatement.schema, ["matter_id"])] {
                var create = sql.create(index: name).on(table)
                for column in columns { create = create.column(column) }
                try await create.run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [LiabilityStatement.schema, LiabilityRecusal.schema, LiabilityInvestigator.schema, LiabilityPerson.schema,
                       LiabilityMatter.schema, LiabilityIntakeTrack.schema] {
            try await database.schema(schema).delete()
        }
    }
}
