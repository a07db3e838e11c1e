import Fluent

struct CreatePowerItem: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PowerItem.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("code", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "agency_id", "code")
            .create()
        try await database.schema(PowerItemVersion.schema)
            .id()
            .field("item_id", .uuid, .required, .references(PowerItem.schema, .id, onDelete: .cascade))
            .field("version", .int, .required)
            .field("name", .string, .required)
            .field("category", .string, .required)
            .field("responsibilities", .string, .required)
            .field("statutory_limit", .string)
            .field("promised_limit", .string)
            .field("major_criteria", .string, .required)
            .field("flow", .string, .required)
            .field("status", .string, .required)
            .field("published_at", .datetime)
            .field("needs_adjustment", .bool, .required)
            .field("adjustment_due", .string)
            .field("adjustment_reason", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "item_id", "version")
            .create()
        try await database.schema(PowerItemBasis.schema)
            .id()
            .field("version_id", .uuid, .required, .references(PowerItemVersion.schema, .id, onDelete: .cascade))
            .field("article_id", .uuid, .required, .references(LegalArticle.schema, .id))
            .unique(on: "version_id", "article_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PowerItemBasis.schema).delete()
        try await database.schema(PowerItemVersion.schema).delete()
        try await database.schema(PowerItem.schema).delete()
    }
}
