import Fluent

/// 005: 执法机构.
struct CreateEnforcementUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EnforcementUnit.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("name", .string, .required)
            .field("description", .string)
            .field("created_at", .datetime)
            .unique(on: "agency_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EnforcementUnit.schema).delete()
    }
}
