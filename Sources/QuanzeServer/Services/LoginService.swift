import Fluent
import SQLKit
import QuanzeCore
import Vapor

/// Checks a username and password, enforcing lockout, disabled and demo accounts, and audits
/// every outcome. Used by the login page and by `POST /api/v1/auth/token`.
enum LoginService {
    /// A bcrypt hash of a random string, verified against when the user does not exist so that
    /// response time does not reveal which usernames exist.
    private static let dummyHash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO7L9bnD1zN0Jp1b1Cb6x4Zxu1hQ4Rk2a"

    enum FailureOutcome {
        /// Counted: the consecutive failures, and until when this failure locked the account (if it did).
        case counted(Int, lockedUntil: Date?)
        case alreadyLocked(Date)
    }

    /// Counts a failure under the account row's write lock (taken by a no-op UPDATE first), so that
    /// parallel attempts — in one process or several — cannot each see the old count.
    private static func recordFailure(_ id: UUID, now: Date, policy: SecurityPolicy,
                                      on db: any Database) async throws -> FailureOutcome {
        try await db.transaction { tx in
            try await RowLock.user(id, on: tx)
            guard let fresh = try await User.find(id, on: tx) else { throw AppError.invalidCredentials }
            var throttle = LoginThrottle(failedAttempts: fresh.failedAttempts, lockedUntil: fresh.lockedUntil)
            if throttle.isLocked(at: now), let until = throttle.lockedUntil { return .alreadyLocked(until) }
            let lockedNow = throttle.recordFailure(at: now, policy: policy)
            fresh.failedAttempts = throttle.failedAttempts
            fresh.lockedUntil = throttle.lockedUntil
            try await fresh.save(on: tx)
            return .counted(throttle.failedAttempts, lockedUntil: lockedNow ? throttle.lockedUntil : nil)
        }
    }

    static func authenticate(username rawName: String, password: String, req: Request) async throws -> User {
        let username = rawName.trimmingCharacters(in: .whitespaces).lowercased()
        let now = req.now
        let policy = try await req.services.policy.current(on: req.db, now: now)
        guard let user = try await User.query(on: req.db).filter(\.$username == username).first() else {
            _ = try? await req.password.async.verify(password, created: dummyHash)
            try await req.audit(.loginFailure, .failure, target: username, detail: "用户名不存在", actor: (nil, username))
            throw AppError.invalidCredentials
        }
        let actor = (id: Optional(user.id?.uuidString ?? ""), name: Optional(user.username))
        if user.isDisabled {
            try await req.audit(.loginFailure, .denied, target: user.username, detail: "账号已停用", actor: actor)
            throw AppError.accountDisabled
        }
        if user.isDemo && !req.services.options.demoMode {
            try await req.audit(.loginFailure, .denied, target: user.username, detail: "非演示模式下使用演示账号", actor: actor)
            throw AppError.demoAccountRefused
        }
        let throttle = LoginThrottle(failedAttempts: user.failedAttempts, lockedUntil: user.lockedUntil)
        if throttle.isLocked(at: now), let until = throttle.lockedUntil {
            try await req.audit(.loginLocked, .denied, target: user.username, detail: "账号锁定中", actor: actor)
            throw AppError.accountLocked(until: until)
        }
        guard try await req.password.async.verify(password, created: user.passwordHash) else {
            switch try await recordFailure(try user.requireID(), now: now, policy: policy, on: req.db) {
            case .alreadyLocked(let until):
                // Another attempt locked the account while this one was checking its password.
                try await req.audit(.loginLocked, .denied, target: user.username, detail: "账号锁定中", actor: actor)
                throw AppError.accountLocked(until: until)
            case .counted(let failures, let lockedUntil):
                try await req.audit(.loginFailure, .failure, target: user.username,
                                    detail: "密码错误（连续第 \(failures) 次）", actor: actor)
                if let until = lockedUntil {
                    try await req.audit(.accountLockout, .success, target: user.username,
                                        detail: "连续 \(policy.lockoutThreshold) 次登录失败，锁定 \(policy.lockoutMinutes) 分钟", actor: actor)
                    throw AppError.accountLocked(until: until)
                }
            }
            throw AppError.invalidCredentials
        }
        user.failedAttempts = 0
        user.lockedUntil = nil
        user.lastLoginAt = now
        try await user.save(on: req.db)
        return user
    }
}
