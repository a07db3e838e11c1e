import Fluent
import Foundation
import QuanzeCore
import SQLKit

/// 010: 裁量基准 levels and factors. Benchmarks gain their listed 从轻、减轻 and 从重 情节 (`factors`,
/// JSON; tiers gain `allowedKinds` inside their JSON, read as "every kind" when missing); decisions
/// gain what they were measured against (level and factors found) and the fine as a plain integer (`fine_amount`) so the 裁量一致性 report
/// aggregates in SQL without decoding every decision. Existing decisions get their fine filled in.
/// One column per `.update()` (SQLite's ALTER TABLE adds one at a time).
struct AddDiscretionLevels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DiscretionBenchmark.schema).field("factors", .string).update()
        try await database.schema(CaseDecision.schema).field("discretion", .string).update()
        try await database.schema(CaseDecision.schema).field("fine_amount", .int).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "case_decisions_discretion_circumstance").on(CaseDecision.schema)
            .column("discretion_id").column("circumstance").run()
        // Backfill, a page at a time in id order.
        var last: UUID?
        while true {
            let q = CaseDecision.query(on: database).filter(\.$sanctionText != nil).sort(\.$id).limit(500)
            if let last { q.filter(\.$id > last) }
            let page = try await q.all()
            guard let end = page.last?.id else { break }
            for d in page {
                guard let s = d.sanction, s.kinds.contains(.fine) else { continue }
                try await sql.update(CaseDecision.schema).set("fine_amount", to: s.fineAmount).where("id", .equal, d.id!).run()
            }
            last = end
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(index: "case_decisions_discretion_circumstance").run() }
        try await database.schema(CaseDecision.schema).deleteField("fine_amount").update()
        try await database.schema(CaseDecision.schema).deleteField("discretion").update()
        try await database.schema(DiscretionBenchmark.schema).deleteField("factors").update()
    }
}
