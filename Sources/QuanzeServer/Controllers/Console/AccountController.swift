import Fluent
import Vapor

/// 我的账号 page and its API-token actions.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "account", use: show)
        routes.post("console", "account", "tokens", use: createToken)
        routes.post("console", "account", "tokens", ":tokenID", "revoke", use: revokeToken)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req).render().response()
    }

    struct TokenForm: Content { var name: String? }

    @Sendable func createToken(req: Request) async throws -> Response {
        let p = try req.principal()
        let name = (try req.content.decode(TokenForm.self).name ?? "").trimmingCharacters(in: .whitespaces)
        guard let user = try await User.find(p.userID, on: req.db) else { throw AppError.unauthenticated }
        do {
            let issued = try await TokenService.issue(for: user, name: name, req: req)
            var model = try await page(req)
            model.issued = issued
            return model.render().response(status: .created)
        } catch let e as AppError where e.code == "VALIDATION_FAILED" {
            var model = try await page(req)
            model.error = e.message
            return model.render().response(status: .unprocessableEntity)
        }
    }

    @Sendable func revokeToken(req: Request) async throws -> Response {
        let p = try req.principal()
        try await TokenService.revoke(try req.uuidParameter("tokenID"), of: p, req: req)
        return req.redirect(to: SiteURL.consoleAccount, redirectType: .normal)
    }

    private func page(_ req: Request) async throws -> AccountPage {
        let p = try req.principal()
        guard let user = try await User.find(p.userID, on: req.db) else { throw AppError.unauthenticated }
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == p.userID)
            .sort(\.$createdAt, .descending).all().map(TokenDTO.init)
        return AccountPage(principal: p, user: try UserDTO(user, roles: Array(p.roles), now: req.now),
                           scope: try await ScopeLabel.describe(p, on: req.db), tokens: tokens)
    }
}
