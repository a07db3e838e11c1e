import Fluent
import QuanzeCore
import Vapor

/// Starts and ends browser sessions (cookie + database row).
enum SessionService {
    static func start(for user: User, req: Request, response: Response) async throws {
        let token = TokenDigest.randomToken()
        let session = UserSession(
            userID: try user.requireID(), tokenHash: TokenDigest.sha256Hex(token),
            csrfToken: TokenDigest.randomToken(), lastSeenAt: req.now,
            ip: req.clientIP, userAgent: req.headers.first(name: .userAgent).map { String($0.prefix(200)) })
        // Sessions idle beyond the longest allowed timeout are dead: sweep them at each sign-in.
        try await UserSession.query(on: req.db)
            .filter(\.$lastSeenAt < req.now.addingTimeInterval(-Double(SecurityPolicy.Limits.idleTimeoutMinutes.upperBound * 60)))
            .delete()
        try await session.create(on: req.db)
        response.cookies[Cookies.session] = Cookies.make(token, secure: req.services.options.secureCookies)
        response.cookies[Cookies.preSessionCSRF] = Cookies.expired(secure: req.services.options.secureCookies)
        try await req.audit(.loginSuccess, .success, target: user.username, detail: "网页登录",
                            actor: (user.id?.uuidString, user.username))
    }

    static func end(req: Request, response: Response) async throws {
        if let p = req.auth.get(Principal.self), case .session(let id, _) = p.channel {
            try await UserSession.query(on: req.db).filter(\.$id == id).delete()
            try await req.audit(.logout, .success, target: p.username)
            req.auth.logout(Principal.self)
        }
        response.cookies[Cookies.session] = Cookies.expired(secure: req.services.options.secureCookies)
    }
}
