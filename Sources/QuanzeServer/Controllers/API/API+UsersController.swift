import Fluent
import QuanzeCore
import Vapor

/// Accounts (系统管理员 manages; 安全管理员 reads and grants roles, unlocks).
struct APIUsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users")
        users.get(use: index)
        users.post(use: create)
        users.get(":userID", use: show)
        users.patch(":userID", use: update)
        users.post(":userID", "reset-password", use: resetPassword)
        users.post(":userID", "unlock", use: unlock)
        users.get(":userID", "roles", use: roles)
        users.put(":userID", "roles", ":role", use: grant)
        users.delete(":userID", "roles", ":role", use: revoke)
    }

    @Sendable func index(req: Request) async throws -> UserListDTO {
        try req.require(.systemAdmin, .securityAdmin)
        let filter = try UserQueries.Filter.from(req)
        let page = try PageRequest.from(req)
        let (users, total) = try await UserQueries.list(filter, page: page, now: req.now, on: req.db)
        let roles = try await UserQueries.roles(for: users, on: req.db)
        let items = try users.map { try UserDTO($0, roles: roles[$0.id!] ?? [], now: req.now) }
        return UserListDTO(items: items, page: PageInfo(page: page.page, per: page.per, total: total))
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.require(.systemAdmin)
        let input = try req.decodeStrict(CreateUserInput.self)
        let (user, password) = try await AccountAdminService.create(.init(
            username: input.username, displayName: input.displayName, phone: input.phone,
            jurisdictionID: input.jurisdictionId, agencyID: input.agencyId), req: req)
        let dto = CreatedUserDTO(user: try UserDTO(user, roles: [], now: req.now), initialPassword: password)
        return try await dto.encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> UserDTO {
        try req.require(.systemAdmin, .securityAdmin)
        let user = try await findUser(req)
        return try UserDTO(user, roles: Array(try await RoleService.roles(of: user.requireID(), on: req.db)), now: req.now)
    }

    @Sendable func update(req: Request) async throws -> UserDTO {
        try req.require(.systemAdmin)
        let input = try req.decodeStrict(UpdateUserInput.self)
        let user = try await findUser(req)
        try await AccountAdminService.update(user, input, req: req)
        return try UserDTO(user, roles: Array(try await RoleService.roles(of: user.requireID(), on: req.db)), now: req.now)
    }

    @Sendable func resetPassword(req: Request) async throws -> PasswordResetDTO {
        try req.require(.systemAdmin)
        let user = try await findUser(req)
        return PasswordResetDTO(initialPassword: try await AccountAdminService.resetPassword(user, req: req))
    }

    @Sendable func unlock(req: Request) async throws -> UserDTO {
        try req.require(.securityAdmin)
        let user = try await findUser(req)
        try await AccountAdminService.unlock(user, req: req)
        return try UserDTO(user, roles: Array(try await RoleService.roles(of: user.requireID(), on: req.db)), now: req.now)
    }

    @Sendable func roles(req: Request) async throws -> RoleListDTO {
        try req.require(.systemAdmin, .securityAdmin)
        let user = try await findUser(req)
        return RoleListDTO(userId: try user.requireID(), roles: try await RoleService.roles(of: user.requireID(), on: req.db).sorted())
    }

    @Sendable func grant(req: Request) async throws -> RoleListDTO {
        try req.require(.securityAdmin)
        let role = try roleParameter(req)
        let user = try await findUser(req)
        try await RoleService.grant(role, to: user, req: req)
        return RoleListDTO(userId: try user.requireID(), roles: try await RoleService.roles(of: user.requireID(), on: req.db).sorted())
    }

    @Sendable func revoke(req: Request) async throws -> RoleListDTO {
        try req.require(.securityAdmin)
        let role = try roleParameter(req)
        let user = try await findUser(req)
        try await RoleService.revoke(role, from: user, req: req)
        return RoleListDTO(userId: try user.requireID(), roles: try await RoleService.roles(of: user.requireID(), on: req.db).sorted())
    }

    private func findUser(_ req: Request) async throws -> User {
        guard let user = try await User.find(try req.uuidParameter("userID"), on: req.db) else { throw AppError.notFound }
        return user
    }

    private func roleParameter(_ req: Request) throws -> Role {
        guard let raw = req.parameters.get("role"), let role = Role(rawValue: raw) else {
            throw AppError("UNKNOWN_ROLE", .badRequest, "未知角色", details: ErrorDetails(field: "role", allowed: Role.allCases.map(\.rawValue)))
        }
        return role
    }
}
