import Fluent
import QuanzeCore
import Vapor

/// The caller's own account: `/api/v1/me…`.
struct APIMeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let me = routes.grouped("me")
        me.get(use: show)
        me.get("dashboard", use: dashboard)
        me.post("password", use: changePassword)
        me.get("tokens", use: tokens)
        me.post("tokens", use: createToken)
        me.delete("tokens", ":tokenID", use: revokeToken)
    }

    @Sendable func show(req: Request) async throws -> MeDTO {
        let p = try req.principal(allowPendingPasswordChange: true)
        guard let user = try await User.find(p.userID, on: req.db) else { throw AppError.unauthenticated }
        return MeDTO(user: try UserDTO(user, roles: Array(p.roles), now: req.now),
                     scope: try await ScopeLabel.describe(p, on: req.db))
    }

    @Sendable func dashboard(req: Request) async throws -> Dashboard {
        let p = try req.principal()
        let calendar = try await req.services.calendar.calendar(on: req.db, now: req.now)
        return try await DashboardQueries.build(for: p, now: req.now, calendar: calendar, on: req.db)
    }

    @Sendable func changePassword(req: Request) async throws -> StatusDTO {
        let p = try req.principal(allowPendingPasswordChange: true)
        let input = try req.decodeStrict(PasswordChangeInput.self)
        guard let user = try await User.find(p.userID, on: req.db) else { throw AppError.unauthenticated }
        try await PasswordService.change(user: user, current: input.currentPassword, new: input.newPassword, req: req)
        return StatusDTO(status: "changed")
    }

    @Sendable func tokens(req: Request) async throws -> [TokenDTO] {
        let p = try req.principal()
        return try await APIToken.query(on: req.db).filter(\.$user.$id == p.userID).sort(\.$createdAt, .descending)
            .all().map(TokenDTO.init)
    }

    @Sendable func createToken(req: Request) async throws -> Response {
        let p = try req.principal()
        let input = try req.decodeStrict(TokenCreateInput.self)
        guard let user = try await User.find(p.userID, on: req.db) else { throw AppError.unauthenticated }
        return try await TokenService.issue(for: user, name: input.name, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func revokeToken(req: Request) async throws -> StatusDTO {
        let p = try req.principal()
        try await TokenService.revoke(try req.uuidParameter("tokenID"), of: p, req: req)
        return StatusDTO(status: "revoked")
    }
}
