import Fluent

/// 005: the power items a post holds.
struct CreatePostPower: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PostPower.schema)
            .id()
            .field("post_id", .uuid, .required, .references(EnforcementPost.schema, .id))
            .field("item_id", .uuid, .required, .references(PowerItem.schema, .id))
            .field("overlap_reason", .string)
            .field("created_at", .datetime)
            .unique(on: "post_id", "item_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PostPower.schema).delete()
    }
}
