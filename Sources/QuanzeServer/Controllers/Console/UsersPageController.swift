import Fluent
import QuanzeCore
import Vapor

/// 用户管理 pages. Thin: the rules live in AccountAdminService and RoleService.
struct UsersPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("console", "users")
        users.get(use: index)
        users.get("new", use: newForm)
        users.post("new", use: create)
        users.get(":userID", use: show)
        users.post(":userID", "edit", use: edit)
        users.post(":userID", "reset-password", use: resetPassword)
        users.post(":userID", "disable", use: disable)
        users.post(":userID", "enable", use: enable)
        users.post(":userID", "unlock", use: unlock)
        users.post(":userID", "roles", use: grant)
        users.post(":userID", "roles", ":role", "revoke", use: revoke)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let p = try req.require(.systemAdmin, .securityAdmin)
        let filter = try UserQueries.Filter.from(req)
        let page = try PageRequest.from(req, defaultPer: 100)
        let (users, total) = try await UserQueries.list(filter, page: page, now: req.now, on: req.db)
        let roles = try await UserQueries.roles(for: users, on: req.db)
        let names = Dictionary(uniqueKeysWithValues: try await Agency.query(on: req.db).all().map { ($0.id!, $0.name) })
        return UsersPage(principal: p, users: try users.map { try UserDTO($0, roles: roles[$0.id!] ?? [], now: req.now) },
                         page: PageInfo(page: page.page, per: page.per, total: total), q: filter.q ?? "",
                         status: filter.status.rawValue, agencyNames: names).render().response()
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let p = try req.require(.systemAdmin)
        return try await formPage(req, p).render().response()
    }

    struct NewForm: Content {
        var username: String?
        var displayName: String?
        var phone: String?
        var jurisdictionId: String?
        var agencyId: String?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.systemAdmin)
        let form = try req.content.decode(NewForm.self)
        var page = try await formPage(req, p)
        do {
            let (user, password) = try await AccountAdminService.create(.init(
                username: (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased(), displayName: form.displayName ?? "", phone: form.phone,
                jurisdictionID: try uuid(form.jurisdictionId, "jurisdictionId"), agencyID: try uuid(form.agencyId, "agencyId")), req: req)
            page.created = CreatedUserDTO(user: try UserDTO(user, roles: [], now: req.now), initialPassword: password)
            return page.render().response(status: .created)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            page.values = ["username": form.username ?? "", "displayName": form.displayName ?? "", "phone": form.phone ?? "",
                           "jurisdictionId": form.jurisdictionId ?? "", "agencyId": form.agencyId ?? ""]
            page.problems = e.details?.problems ?? [FieldProblem(field: "username", code: e.code, message: e.message)]
            return page.render().response(status: e.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let p = try req.require(.systemAdmin, .securityAdmin)
        return try await detail(req, p).render().response()
    }

    struct EditForm: Content {
        var displayName: String?
        var phone: String?
        var jurisdictionId: String?
        var agencyId: String?
    }

    @Sendable func edit(req: Request) async throws -> Response {
        try req.require(.systemAdmin)
        let form = try req.content.decode(EditForm.self)
        let user = try await findUser(req)
        // An empty select (“（无）”) clears that part of the scope.
        let input = UpdateUserInput(displayName: form.displayName, phone: (form.phone ?? "").isEmpty ? nil : form.phone,
                                    jurisdictionId: try uuid(form.jurisdictionId, "jurisdictionId"),
                                    agencyId: try uuid(form.agencyId, "agencyId"), disabled: nil,
                                    clearJurisdiction: (form.jurisdictionId ?? "").isEmpty,
                                    clearAgency: (form.agencyId ?? "").isEmpty)
        return try await act(req) {
            try await AccountAdminService.update(user, input, req: req)
            return "已保存。"
        }
    }

    @Sendable func resetPassword(req: Request) async throws -> Response {
        let p = try req.require(.systemAdmin)
        let user = try await findUser(req)
        let password = try await AccountAdminService.resetPassword(user, req: req)
        var page = try await detail(req, p)
        page.resetPassword = password
        return page.render().response()
    }

    @Sendable func disable(req: Request) async throws -> Response { try await setDisabled(req, true) }
    @Sendable func enable(req: Request) async throws -> Response { try await setDisabled(req, false) }

    private func setDisabled(_ req: Request, _ disabled: Bool) async throws -> Response {
        try req.require(.systemAdmin)
        let user = try await findUser(req)
        return try await act(req) {
            try await AccountAdminService.update(user, UpdateUserInput(disabled: disabled), req: req)
            return disabled ? "账号已停用。" : "账号已启用。"
        }
    }

    @Sendable func unlock(req: Request) async throws -> Response {
        try req.require(.securityAdmin)
        let user = try await findUser(req)
        return try await act(req) {
            try await AccountAdminService.unlock(user, req: req)
            return "已解除锁定。"
        }
    }

    struct RoleForm: Content { var role: String? }

    @Sendable func grant(req: Request) async throws -> Response {
        try req.require(.securityAdmin)
        let raw = try req.content.decode(RoleForm.self).role ?? ""
        guard let role = Role(rawValue: raw) else { throw AppError.validation("role", "未知角色") }
        let user = try await findUser(req)
        return try await act(req) {
            try await RoleService.grant(role, to: user, req: req)
            return "已授予角色：\(role.label)。"
        }
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        try req.require(.securityAdmin)
        guard let role = req.parameters.get("role").flatMap(Role.init(rawValue:)) else { throw AppError.notFound }
        let user = try await findUser(req)
        return try await act(req) {
            try await RoleService.revoke(role, from: user, req: req)
            return "已撤销角色：\(role.label)。"
        }
    }

    /// Runs an action and shows the account page with its outcome; refusals are shown, not thrown.
    private func act(_ req: Request, _ action: () async throws -> String) async throws -> Response {
        let p = try req.principal()
        do {
            let message = try await action()
            var page = try await detail(req, p)
            page.message = message
            return page.render().response()
        } catch let e as AppError where [.conflict, .unprocessableEntity].contains(e.status) || e.code == "SELF_GRANT_FORBIDDEN" {
            var page = try await detail(req, p)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    private func detail(_ req: Request, _ p: Principal) async throws -> UserDetailPage {
        let user = try await findUser(req)
        let roles = try await RoleService.roles(of: user.requireID(), on: req.db)
        return UserDetailPage(principal: p, user: try UserDTO(user, roles: Array(roles), now: req.now),
                              jurisdictions: try await Jurisdiction.query(on: req.db).sort(\.$name).all(),
                              agencies: try await Agency.query(on: req.db).sort(\.$name).all())
    }

    private func formPage(_ req: Request, _ p: Principal) async throws -> UserFormPage {
        UserFormPage(principal: p, jurisdictions: try await Jurisdiction.query(on: req.db).sort(\.$name).all(),
                     agencies: try await Agency.query(on: req.db).sort(\.$name).all())
    }

    private func findUser(_ req: Request) async throws -> User {
        guard let user = try await User.find(try req.uuidParameter("userID"), on: req.db) else { throw AppError.notFound }
        return user
    }

    private func uuid(_ raw: String?, _ field: String) throws -> UUID? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else { throw AppError.validation(field, "无效的选项") }
        return id
    }
}
