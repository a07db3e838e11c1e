import Fluent
import QuanzeCore
import Vapor

/// The security policy (安全管理员): password rules, lockout, idle timeout — never below the baseline.
struct APISecurityPolicyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("security-policy", use: show)
        routes.put("security-policy", use: update)
    }

    @Sendable func show(req: Request) async throws -> SecurityPolicy {
        try req.require(.securityAdmin)
        return try await req.services.policy.current(on: req.db, now: req.now)
    }

    @Sendable func update(req: Request) async throws -> SecurityPolicy {
        try req.require(.securityAdmin)
        let input = try req.decodeStrict(SecurityPolicyInput.self)
        return try await SecurityPolicyService.update(input.policy, req: req)
    }
}

struct SecurityPolicyInput: Content, StrictInput {
    var passwordMinLength: Int
    var passwordMinClasses: Int
    var lockoutThreshold: Int
    var lockoutMinutes: Int
    var idleTimeoutMinutes: Int
    enum CodingKeys: String, CodingKey, CaseIterable {
        case passwordMinLength, passwordMinClasses, lockoutThreshold, lockoutMinutes, idleTimeoutMinutes
    }
    typealias Keys = CodingKeys

    var policy: SecurityPolicy {
        var p = SecurityPolicy.baseline
        p.passwordMinLength = passwordMinLength
        p.passwordMinClasses = passwordMinClasses
        p.lockoutThreshold = lockoutThreshold
        p.lockoutMinutes = lockoutMinutes
        p.idleTimeoutMinutes = idleTimeoutMinutes
        return p
    }
}

enum SecurityPolicyService {
    static func update(_ policy: SecurityPolicy, req: Request) async throws -> SecurityPolicy {
        do {
            try policy.validate()
        } catch {
            throw AppError.validation(error.field, error.message)
        }
        guard let record = try await SecurityPolicyRecord.find(1, on: req.db) else { throw AppError.notFound }
        let old = record.policy
        guard old != policy else { return policy }
        record.apply(policy)
        record.updatedBy = req.auth.get(Principal.self)?.username
        try await req.db.transaction { tx in
            try await record.save(on: tx)
            try await req.audit(.policyUpdate, .success, target: "security_policy", detail: describe(old, policy), on: tx)
        }
        await req.services.policy.invalidate()
        return policy
    }

    private static func describe(_ a: SecurityPolicy, _ b: SecurityPolicy) -> String {
        var parts: [String] = []
        if a.passwordMinLength != b.passwordMinLength { parts.append("密码最小长度 \(a.passwordMinLength)→\(b.passwordMinLength)") }
        if a.passwordMinClasses != b.passwordMinClasses { parts.append("字符类别 \(a.passwordMinClasses)→\(b.passwordMinClasses)") }
        if a.lockoutThreshold != b.lockoutThreshold { parts.append("锁定阈值 \(a.lockoutThreshold)→\(b.lockoutThreshold)") }
        if a.lockoutMinutes != b.lockoutMinutes { parts.append("锁定时长 \(a.lockoutMinutes)→\(b.lockoutMinutes) 分钟") }
        if a.idleTimeoutMinutes != b.idleTimeoutMinutes { parts.append("空闲超时 \(a.idleTimeoutMinutes)→\(b.idleTimeoutMinutes) 分钟") }
        return parts.joined(separator: "；")
    }
}
