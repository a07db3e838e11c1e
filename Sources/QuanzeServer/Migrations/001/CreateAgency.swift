import Fluent

struct CreateAgency: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Agency.schema)
            .id()
            .field("jurisdiction_id", .uuid, .required, .references(Jurisdiction.schema, .id))
            .field("name", .string, .required)
            .field("uscc", .string)
            .field("kind", .string, .required)
            .field("level", .string, .required)
            .field("management_mode", .string, .required)
            .field("is_legal_office", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "uscc")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Agency.schema).delete()
    }
}
