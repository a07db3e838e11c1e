import Fluent
import QuanzeCore
import Vapor

/// Identifies the caller from a bearer token (`Authorization: Bearer …`) or the session cookie.
/// A session idle longer than the policy allows is deleted and audited; the caller then gets
/// SESSION_EXPIRED where sign-in is required.
struct AuthenticationMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = req.headers.bearerAuthorization {
            try await authenticateToken(bearer.token, req)
        } else if let cookie = req.cookies[Cookies.session]?.string, !cookie.isEmpty {
            try await authenticateSession(cookie, req)
        }
        let response = try await next.respond(to: req)
        if req.sessionExpired {
            response.cookies[Cookies.session] = Cookies.expired(secure: req.services.options.secureCookies)
        }
        return response
    }

    private func authenticateToken(_ token: String, _ req: Request) async throws {
        let hash = TokenDigest.sha256Hex(token)
        let now = req.now
        guard let record = try await APIToken.query(on: req.db).filter(\.$tokenHash == hash).first(),
              record.revokedAt == nil, record.expiresAt > now,
              let principal = try await PrincipalLoader.load(userID: record.$user.id, channel: .token(id: try record.requireID()), on: req.db)
        else {
            throw AppError("INVALID_TOKEN", .unauthorized, "API 令牌无效、已过期或已吊销")
        }
        if try await demoRefused(principal, req) { throw AppError.demoAccountRefused }
        if record.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            record.lastUsedAt = now
            try await record.save(on: req.db)
        }
        req.auth.login(principal)
    }

    private func authenticateSession(_ token: String, _ req: Request) async throws {
        let hash = TokenDigest.sha256Hex(token)
        guard let session = try await UserSession.query(on: req.db).filter(\.$tokenHash == hash).first() else {
            req.sessionExpired = true   // unknown or already ended session: clear the cookie
            return
        }
        let now = req.now
        let policy = try await req.services.policy.current(on: req.db, now: now)
        let idle = now.timeIntervalSince(session.lastSeenAt)
        if idle > Double(policy.idleTimeoutMinutes * 60) {
            let user = try await User.find(session.$user.id, on: req.db)
            try await session.delete(on: req.db)
            req.sessionExpired = true
            try await req.services.audit.append(AuditEvent(
                action: .sessionExpired, outcome: .success, actorID: session.$user.id.uuidString,
                actorName: user?.username, ip: req.clientIP,
                detail: "空闲 \(Int(idle / 60)) 分钟，超过 \(policy.idleTimeoutMinutes) 分钟上限"), on: req.db, now: now)
            return
        }
        guard let principal = try await PrincipalLoader.load(
            userID: session.$user.id, channel: .session(id: try session.requireID(), csrfToken: session.csrfToken), on: req.db)
        else {
            try await session.delete(on: req.db)
            req.sessionExpired = true
            return
        }
        if try await demoRefused(principal, req) {
            try await session.delete(on: req.db)
            req.sessionExpired = true
            return
        }
        if idle > 30 {
            session.lastSeenAt = now
            try await session.save(on: req.db)
        }
        req.auth.login(principal)
    }

    private func demoRefused(_ p: Principal, _ req: Request) async throws -> Bool {
        guard !req.services.options.demoMode else { return false }
        return try await User.find(p.userID, on: req.db)?.isDemo ?? false
    }
}
