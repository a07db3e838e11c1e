import Fluent
import QuanzeCore
import Vapor

/// `POST /api/v1/auth/token`: exchange a username and password for a bearer token (machine clients).
struct APIAuthController: RouteCollection {
    static let tokenLifetime: TimeInterval = 90 * 86_400

    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "token", use: issue)
    }

    @Sendable func issue(req: Request) async throws -> Response {
        let input = try req.decodeStrict(TokenRequestInput.self)
        let user = try await LoginService.authenticate(username: input.username, password: input.password, req: req)
        if user.mustChangePassword { throw AppError.passwordChangeRequired }
        let issued = try await TokenService.issue(for: user, name: input.name ?? "API 令牌", req: req)
        try await req.audit(.loginSuccess, .success, target: user.username, detail: "API 令牌登录",
                            actor: (user.id?.uuidString, user.username))
        return try await issued.encodeResponse(status: .created, for: req)
    }
}

/// Issues and revokes API tokens.
enum TokenService {
    static func issue(for user: User, name: String, req: Request) async throws -> IssuedTokenDTO {
        let name = try TextInput.name(name, field: "name")
        let token = TokenDigest.randomToken()
        let record = APIToken(userID: try user.requireID(), name: name, tokenHash: TokenDigest.sha256Hex(token),
                              expiresAt: req.now.addingTimeInterval(APIAuthController.tokenLifetime))
        try await req.db.transaction { tx in
            try await record.create(on: tx)
            try await req.audit(.tokenCreate, .success, target: user.username, detail: "令牌：\(name)",
                                actor: (user.id?.uuidString, user.username), on: tx)
        }
        return IssuedTokenDTO(id: try record.requireID(), name: name, token: token, expiresAt: record.expiresAt)
    }

    static func revoke(_ id: UUID, of p: Principal, req: Request) async throws {
        guard let token = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == p.userID).first() else {
            throw AppError.notFound
        }
        guard token.revokedAt == nil else { return }
        token.revokedAt = req.now
        try await req.db.transaction { tx in
            try await token.save(on: tx)
            try await req.audit(.tokenRevoke, .success, target: p.username, detail: "令牌：\(token.name)", on: tx)
        }
    }
}
