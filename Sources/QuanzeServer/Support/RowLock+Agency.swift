import Fluent
import Foundation
import SQLKit

extension RowLock {
    /// Serialises changes to one body's posts (its units, posts, powers held and assignments), so
    /// that a check across the body (交叉重复, concurrent assignment) sees every committed change.
    static func agency(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(Agency.schema).set("name", to: SQLIdentifier("name")).where("id", .equal, id).run()
    }
}
