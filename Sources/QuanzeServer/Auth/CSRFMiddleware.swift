import Vapor

/// CSRF protection. A state-changing request authenticated by the session cookie must carry the
/// session's synchroniser token (form field `_csrf` or header `X-CSRF-Token`). A form posted
/// before sign-in (the login form) must echo the pre-session double-submit cookie.
/// Bearer-token requests carry no ambient credentials and need no token.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let header = "X-CSRF-Token"
    /// `Route.userInfo` key of a route's larger body limit (a route declared with `body: .collect(maxSize:)`).
    static let bodyLimitKey = "csrfBodyLimit"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(req.method) else {
            return try await next.respond(to: req)
        }
        let principal = req.auth.get(Principal.self)
        let expected: String?
        switch principal?.channel {
        case .token: expected = nil
        case .session(_, let token): expected = token
        case nil where req.url.path == SiteURL.consoleLogout:
            expected = nil   // nothing to protect: signing out without a session only redirects
        case nil:
            // Anonymous: only the console's forms (login) use the double-submit cookie.
            expected = req.url.path.hasPrefix("/console") ? (req.cookies[Cookies.preSessionCSRF]?.string ?? "") : nil
        }
        if let expected {
            // A form body larger than one network read arrives as a stream (the route collects it
            // only after the middleware), so collect it here, within the route's limit, to read the field.
            if req.body.data == nil, req.headers.first(name: Self.header) == nil {
                let limit = (req.route?.userInfo[Self.bodyLimitKey] as? Int) ?? req.application.routes.defaultMaxBodySize.value
                _ = try await req.body.collect(max: limit).get()
            }
            let sent = req.headers.first(name: Self.header) ?? (try? req.content.get(String.self, at: Self.field))
            guard let sent, !expected.isEmpty, constantTimeEquals(sent, expected) else {
                throw AppError.csrfInvalid
            }
        }
        return try await next.respond(to: req)
    }

    private func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
