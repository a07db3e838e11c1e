import Fluent
import Foundation
import SQLKit

extension RowLock {
    /// Write lock on a delegation row (filing and termination re-check its state under it).
    static func delegation(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(Delegation.schema).set("status", to: SQLIdentifier("status")).where("id", .equal, id).run()
    }
}
