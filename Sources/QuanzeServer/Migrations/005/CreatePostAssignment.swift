import Fluent

/// 005: officer–post assignments with start and end dates.
struct CreatePostAssignment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PostAssignment.schema)
            .id()
            .field("post_id", .uuid, .required, .references(EnforcementPost.schema, .id))
            .field("officer_id", .uuid, .required, .references(Officer.schema, .id))
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PostAssignment.schema).delete()
    }
}
