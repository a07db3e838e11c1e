import QuanzeCore
import Vapor

struct SecurityPolicyPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "security-policy", use: show)
        routes.post("console", "security-policy", use: update)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let p = try req.require(.securityAdmin)
        let policy = try await req.services.policy.current(on: req.db, now: req.now)
        return SecurityPolicyPage(principal: p, policy: policy).render().response()
    }

    struct Form: Content {
        var passwordMinLength: String?
        var passwordMinClasses: String?
        var lockoutThreshold: String?
        var lockoutMinutes: String?
        var idleTimeoutMinutes: String?
    }

    @Sendable func update(req: Request) async throws -> Response {
        let p = try req.require(.securityAdmin)
        let form = try req.content.decode(Form.self)
        var policy = try await req.services.policy.current(on: req.db, now: req.now)
        do {
            policy.passwordMinLength = try int(form.passwordMinLength, "passwordMinLength")
            policy.passwordMinClasses = try int(form.passwordMinClasses, "passwordMinClasses")
            policy.lockoutThreshold = try int(form.lockoutThreshold, "lockoutThreshold")
            policy.lockoutMinutes = try int(form.lockoutMinutes, "lockoutMinutes")
            policy.idleTimeoutMinutes = try int(form.idleTimeoutMinutes, "idleTimeoutMinutes")
            let saved = try await SecurityPolicyService.update(policy, req: req)
            return SecurityPolicyPage(principal: p, policy: saved, message: "安全策略已保存。").render().response()
        } catch let e as AppError where e.status == .unprocessableEntity {
            let current = try await req.services.policy.current(on: req.db, now: req.now)
            return SecurityPolicyPage(principal: p, policy: current, error: e.message).render().response(status: e.status)
        }
    }

    private func int(_ raw: String?, _ field: String) throws -> Int {
        guard let raw, let v = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            throw AppError.validation(field, "须为整数")
        }
        return v
    }
}
