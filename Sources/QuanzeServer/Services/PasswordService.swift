import Fluent
import QuanzeCore
import Vapor

/// Password changes and resets, checked against the current security policy.
enum PasswordService {
    static func problems(_ password: String, username: String, req: Request) async throws -> [FieldProblem] {
        let policy = try await req.services.policy.current(on: req.db, now: req.now)
        return policy.passwordPolicy.violations(password: password, username: username).map {
            FieldProblem(field: "newPassword", code: $0.code, message: $0.message)
        }
    }

    /// The caller changes their own password. Other sessions of the account are ended.
    static func change(user: User, current: String, new: String, req: Request) async throws {
        guard try await req.password.async.verify(current, created: user.passwordHash) else {
            try await req.audit(.passwordChange, .failure, target: user.username, detail: "原密码错误")
            throw AppError.validation("currentPassword", "原密码错误", code: "wrong_password")
        }
        if current == new {
            throw AppError.validation("newPassword", "新密码不能与原密码相同", code: "same_as_old")
        }
        let problems = try await problems(new, username: user.username, req: req)
        guard problems.isEmpty else { throw AppError.validation(problems) }
        user.passwordHash = try await req.password.async.hash(new)
        user.mustChangePassword = false
        user.passwordChangedAt = req.now
        let userID = try user.requireID()
        let keep: UUID? = {
            if case .session(let id, _) = req.auth.get(Principal.self)?.channel { return id }
            return nil
        }()
        try await req.db.transaction { tx in
            try await user.save(on: tx)
            var q = UserSession.query(on: tx).filter(\.$user.$id == userID)
            if let keep { q = q.filter(\.$id != keep) }
            try await q.delete()
            try await req.audit(.passwordChange, .success, target: user.username, on: tx)
        }
    }

    /// A random initial password that satisfies the baseline policy (shown once to the administrator).
    static func temporaryPassword() -> String {
        let lower = Array("abcdefghijkmnpqrstuvwxyz"), upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        let digits = Array("23456789"), symbols = Array("#%+=@")
        var rng = SystemRandomNumberGenerator()
        var chars = [upper.randomElement(using: &rng)!, digits.randomElement(using: &rng)!, symbols.randomElement(using: &rng)!]
        let all = lower + upper + digits
        while chars.count < 14 { chars.append(all.randomElement(using: &rng)!) }
        return String(chars.shuffled(using: &rng))
    }
}
