import Fluent

/// 004: a body's 投诉举报渠道, shown on the portal.
struct UpdateAgencyAddComplaintChannels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Agency.schema).field("complaint_channels", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Agency.schema).deleteField("complaint_channels").update()
    }
}
