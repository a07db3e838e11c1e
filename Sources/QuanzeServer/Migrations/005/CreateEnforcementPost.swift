import Fluent

/// 005: 执法岗位 (duties as JSON text).
struct CreateEnforcementPost: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EnforcementPost.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("unit_id", .uuid, .required, .references(EnforcementUnit.schema, .id))
            .field("name", .string, .required)
            .field("duties", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "unit_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EnforcementPost.schema).delete()
    }
}
