import Fluent

/// 005: 行政执法责任书 and its attachment.
struct CreatePledge: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Pledge.schema)
            .id()
            .field("jurisdiction_id", .uuid, .required, .references(Jurisdiction.schema, .id))
            .field("year", .int, .required)
            .field("party_kind", .string, .required)
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("unit_id", .uuid, .references(EnforcementUnit.schema, .id))
            .field("sections", .string, .required)
            .field("total_points", .int, .required)
            .field("first_party_signed_on", .string)
            .field("second_party_signed_on", .string)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(PledgeAttachment.schema)
            .id()
            .field("pledge_id", .uuid, .required, .references(Pledge.schema, .id))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("content", .data, .required)
            .field("created_at", .datetime)
            .unique(on: "pledge_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PledgeAttachment.schema).delete()
        try await database.schema(Pledge.schema).delete()
    }
}
