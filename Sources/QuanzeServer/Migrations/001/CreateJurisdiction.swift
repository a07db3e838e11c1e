import Fluent

struct CreateJurisdiction: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Jurisdiction.schema)
            .id()
            .field("region_code", .string, .required)
            .field("name", .string, .required)
            .field("government_name", .string, .required)
            .field("legal_office_name", .string, .required)
            .field("profile_id", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "region_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Jurisdiction.schema).delete()
    }
}
