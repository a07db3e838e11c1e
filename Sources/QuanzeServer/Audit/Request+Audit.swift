import Fluent
import Vapor

extension Request {
    /// Writes a security audit entry for the current caller (if signed in) and client address.
    func audit(_ action: AuditAction, _ outcome: AuditOutcome, target: String? = nil, detail: String? = nil,
               actor: (id: String?, name: String?)? = nil, on database: (any Database)? = nil) async throws {
        let p = auth.get(Principal.self)
        let event = AuditEvent(
            action: action, outcome: outcome,
            actorID: actor?.id ?? p?.userID.uuidString,
            actorName: actor?.name ?? p?.username,
            ip: clientIP, target: target, detail: detail)
        try await services.audit.append(event, on: database ?? db, now: now)
    }
}
