import Fluent
import Foundation
import SQLKit

extension RowLock {
    /// Serializes changes of one 双随机 plan (pool, conflicts, draw, publish, results).
    static func inspectionPlan(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(InspectionPlan.schema).set("status", to: SQLIdentifier("status")).where("id", .equal, id).run()
    }
}
