import Fluent

/// 004: 裁量基准.
struct CreateDiscretionBenchmark: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DiscretionBenchmark.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("power_item_id", .uuid, .references(PowerItem.schema, .id))
            .field("article_id", .uuid, .required, .references(LegalArticle.schema, .id))
            .field("violation", .string, .required)
            .field("tiers", .string, .required)
            .field("needs_adjustment", .bool, .required)
            .field("adjustment_due", .string)
            .field("adjustment_reason", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DiscretionBenchmark.schema).delete()
    }
}
