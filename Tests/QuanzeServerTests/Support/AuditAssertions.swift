import Fluent
import Foundation
import Testing
import Vapor
@testable import QuanzeServer

extension Application {
    /// Audit entries with this action, newest first.
    func audits(_ action: AuditAction) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: db).filter(\.$action == action.rawValue).sort(\.$seq, .descending).all()
    }
}
