import QuanzeCore
import Vapor

extension Request {
    private struct SessionExpiredKey: StorageKey { typealias Value = Bool }

    /// Set by the authenticator when the caller's session timed out in this request.
    var sessionExpired: Bool {
        get { storage[SessionExpiredKey.self] ?? false }
        set { storage[SessionExpiredKey.self] = newValue }
    }

    /// The signed-in caller, or 401. Unless the route allows it, an account that must change
    /// its initial password gets 403 PASSWORD_CHANGE_REQUIRED everywhere else.
    func principal(allowPendingPasswordChange: Bool = false) throws -> Principal {
        guard let p = auth.get(Principal.self) else {
            throw sessionExpired ? AppError.sessionExpired : AppError.unauthenticated
        }
        if p.mustChangePassword && !allowPendingPasswordChange {
            throw AppError.passwordChangeRequired
        }
        return p
    }

    /// The caller, who must hold one of `roles`; otherwise 403.
    @discardableResult
    func require(_ roles: Role...) throws -> Principal {
        let p = try principal()
        guard p.hasAny(roles) else { throw AppError.forbidden }
        return p
    }

    /// The client address as seen by this server (no proxy headers are trusted).
    var clientIP: String? {
        remoteAddress?.ipAddress
    }
}
