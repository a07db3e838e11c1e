import Fluent
import Foundation
import QuanzeCore

/// The current security policy, read from the database and cached briefly so that every request
/// need not read it; instances sharing one database see a change within `ttl` seconds.
actor PolicyCache {
    private var cached: (policy: SecurityPolicy, at: Date)?
    private let ttl: TimeInterval = 15

    func current(on db: any Database, now: Date) async throws -> SecurityPolicy {
        if let c = cached, now.timeIntervalSince(c.at) < ttl, now >= c.at { return c.policy }
        let record = try await SecurityPolicyRecord.find(1, on: db)
        let policy = record?.policy ?? .baseline
        cached = (policy, now)
        return policy
    }

    func invalidate() { cached = nil }
}

extension SecurityPolicyRecord {
    var policy: SecurityPolicy {
        var p = SecurityPolicy.baseline
        p.passwordMinLength = passwordMinLength
        p.passwordMinClasses = passwordMinClasses
        p.lockoutThreshold = lockoutThreshold
        p.lockoutMinutes = lockoutMinutes
        p.idleTimeoutMinutes = idleTimeoutMinutes
        return p
    }

    func apply(_ p: SecurityPolicy) {
        passwordMinLength = p.passwordMinLength
        passwordMinClasses = p.passwordMinClasses
        lockoutThreshold = p.lockoutThreshold
        lockoutMinutes = p.lockoutMinutes
        idleTimeoutMinutes = p.idleTimeoutMinutes
    }
}
