import Fluent

struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("phone", .string)
            .field("must_change_password", .bool, .required)
            .field("failed_attempts", .int, .required)
            .field("locked_until", .datetime)
            .field("is_demo", .bool, .required)
            .field("is_disabled", .bool, .required)
            .field("last_login_at", .datetime)
            .field("password_changed_at", .datetime)
            .field("jurisdiction_id", .uuid, .references(Jurisdiction.schema, .id))
            .field("agency_id", .uuid, .references(Agency.schema, .id))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.schema(RoleGrant.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("role", .string, .required)
            .field("granted_by", .uuid)
            .field("created_at", .datetime)
            .unique(on: "user_id", "role")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RoleGrant.schema).delete()
        try await database.schema(User.schema).delete()
    }
}
