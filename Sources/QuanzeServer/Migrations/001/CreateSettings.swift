import Fluent
import QuanzeCore

struct CreateSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SecurityPolicyRecord.schema)
            .field("id", .int, .identifier(auto: false))
            .field("password_min_length", .int, .required)
            .field("password_min_classes", .int, .required)
            .field("lockout_threshold", .int, .required)
            .field("lockout_minutes", .int, .required)
            .field("idle_timeout_minutes", .int, .required)
            .field("updated_by", .string)
            .field("updated_at", .datetime)
            .create()
        let record = SecurityPolicyRecord()
        record.id = 1
        record.apply(SecurityPolicy.baseline)
        try await record.create(on: database)
        try await database.schema(CalendarYearRecord.schema)
            .field("year", .int, .identifier(auto: false))
            .field("notice", .string, .required)
            .field("data", .string, .required)
            .field("added_by", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CalendarYearRecord.schema).delete()
        try await database.schema(SecurityPolicyRecord.schema).delete()
    }
}
