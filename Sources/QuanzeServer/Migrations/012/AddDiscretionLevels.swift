import Fluent
import Foundation
import QuanzeCore
import SQLKit

/// 012: 裁量基准 levels and factors. Benchmarks gain their listed 从轻、减轻 and 从重 情节 (`factors`,
/// JSON; tiers gain `allowedKinds` inside their JSON, read as "every kind" when missing); decisions
/// gain what they were measured against (level and factors found). The 裁量一致性 report sums the
/// fine in 分 that 010 keeps (`fine_fen`). One column per `.update()` (SQLite adds one at a time).
struct AddDiscretionLevels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DiscretionBenchmark.schema).field("factors", .string).update()
        try await database.schema(CaseDecision.schema).field("discretion", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "case_decisions_discretion_circumstance").on(CaseDecision.schema)
            .column("discretion_id").column("circumstance").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(index: "case_decisions_discretion_circumstance").run() }
        try await database.schema(CaseDecision.schema).deleteField("discretion").update()
        try await database.schema(DiscretionBenchmark.schema).deleteField("factors").update()
    }
}
