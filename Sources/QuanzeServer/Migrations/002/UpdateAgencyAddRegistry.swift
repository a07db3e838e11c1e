import Fluent
import SQLKit

/// 执法主体 register: region, supervising body, the legal office's confirmation and the public
/// announcement (未经确认、公告的主体不得执法), and the recorded reason for a pilot-region
/// 统一社会信用代码 that fails the GB 32100-2015 check.
/// One column per ALTER TABLE: SQLite adds a single column per statement.
struct UpdateAgencyAddRegistry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let s = { database.schema(Agency.schema) }
        try await s().field("region_code", .string).update()
        try await s().field("supervising_agency_id", .uuid, .references(Agency.schema, .id)).update()
        try await s().field("status", .string, .required, .sql(.default(AgencyStatus.pending.rawValue))).update()
        try await s().field("confirmation_ref", .string).update()
        try await s().field("confirmed_at", .datetime).update()
        try await s().field("confirmed_by", .string).update()
        try await s().field("announcement_ref", .string).update()
        try await s().field("announced_on", .string).update()
        try await s().field("uscc_exception_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["uscc_exception_reason", "announced_on", "announcement_ref", "confirmed_by", "confirmed_at",
                      "confirmation_ref", "status", "supervising_agency_id", "region_code"] {
            try await database.schema(Agency.schema).deleteField(.key(.string(field))).update()
        }
    }
}
