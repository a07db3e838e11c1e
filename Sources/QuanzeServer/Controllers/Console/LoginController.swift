import Fluent
import QuanzeCore
import Vapor

/// 登录、退出、修改密码 (pages).
struct LoginController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "login", use: show)
        routes.post("console", "login", use: login)
        routes.post("console", "logout", use: logout)
        routes.get("console", "account", "password", use: passwordForm)
        routes.post("console", "account", "password", use: changePassword)
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        if req.auth.get(Principal.self) != nil { return req.redirect(to: SiteURL.console) }
        let reason = try? req.query.get(String.self, at: "reason")
        let notice = reason == "expired" ? AppError.sessionExpired.message : (reason == "login" ? "请先登录。" : nil)
        let next = (try? req.query.get(String.self, at: "next")) ?? ""
        return page(req, LoginPage(csrfToken: "", next: safeNext(next), notice: notice))
    }

    @Sendable func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let username = form.username ?? ""
        do {
            guard !username.isEmpty, let password = form.password, !password.isEmpty else {
                throw AppError.validation("username", "请输入用户名和密码", code: "required")
            }
            let user = try await LoginService.authenticate(username: username, password: password, req: req)
            let target = user.mustChangePassword ? SiteURL.consolePassword : (safeNext(form.next ?? "").nilIfEmpty ?? SiteURL.console)
            let response = req.redirect(to: target, redirectType: .normal)
            try await SessionService.start(for: user, req: req, response: response)
            return response
        } catch let e as AppError {
            let res = page(req, LoginPage(csrfToken: "", username: username, next: safeNext(form.next ?? ""), error: e.message))
            res.status = e.status
            return res
        }
    }

    @Sendable func logout(req: Request) async throws -> Response {
        let response = req.redirect(to: SiteURL.consoleLogin, redirectType: .normal)
        try await SessionService.end(req: req, response: response)
        return response
    }

    @Sendable func passwordForm(req: Request) async throws -> Response {
        let p = try req.principal(allowPendingPasswordChange: true)
        let done = (try? req.query.get(String.self, at: "done")) == "1"
        return PasswordPage(principal: p, forced: p.mustChangePassword, done: done).render().response()
    }

    struct PasswordFormInput: Content {
        var currentPassword: String?
        var newPassword: String?
        var confirmPassword: String?
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        let p = try req.principal(allowPendingPasswordChange: true)
        let form = try req.content.decode(PasswordFormInput.self)
        guard let user = try await User.find(p.userID, on: req.db) else { throw AppError.unauthenticated }
        do {
            guard form.newPassword == form.confirmPassword else {
                throw AppError.validation("confirmPassword", "两次输入的新密码不一致", code: "mismatch")
            }
            try await PasswordService.change(user: user, current: form.currentPassword ?? "", new: form.newPassword ?? "", req: req)
            return req.redirect(to: p.mustChangePassword ? SiteURL.console : "\(SiteURL.consolePassword)?done=1", redirectType: .normal)
        } catch let e as AppError where e.code == "VALIDATION_FAILED" {
            let page = PasswordPage(principal: p, forced: p.mustChangePassword, problems: e.details?.problems ?? [])
            return page.render().response(status: .unprocessableEntity)
        }
    }

    /// Renders the login page with a fresh or existing pre-session CSRF cookie.
    private func page(_ req: Request, _ model: LoginPage) -> Response {
        var model = model
        let existing = req.cookies[Cookies.preSessionCSRF]?.string
        let token = existing.flatMap { $0.isEmpty ? nil : $0 } ?? TokenDigest.randomToken()
        model.csrfToken = token
        let res = model.render().response()
        if existing != token {
            res.cookies[Cookies.preSessionCSRF] = Cookies.make(token, secure: req.services.options.secureCookies)
        }
        return res
    }

    /// Only redirect within the console after sign-in (no open redirects).
    private func safeNext(_ next: String) -> String {
        next.hasPrefix("/console") && !next.hasPrefix("//") && !next.contains("\\") ? next : ""
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
