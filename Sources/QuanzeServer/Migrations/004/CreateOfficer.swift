import Fluent

/// 004: 执法人员.
struct CreateOfficer: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Officer.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("name", .string, .required)
            .field("id_number", .string, .required)
            .field("phone", .string)
            .field("employment", .string, .required)
            .field("status", .string, .required)
            .field("hired_on", .string, .required)
            .field("legal_profession_qualified", .bool, .required)
            .field("user_id", .uuid, .references(User.schema, .id))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "id_number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Officer.schema).delete()
    }
}
