import Foundation

/// Per-account login failure counter and lockout (等级保护 身份鉴别: 登录失败处理,
/// 限制非法登录次数、自动退出). Pure: the caller passes the clock's `now`.
///
/// Failures count consecutively until a success. When the count reaches
/// `policy.lockoutThreshold` the account is locked for `policy.lockoutMinutes`.
/// While locked, further failures neither count nor extend the lock (the server should refuse
/// the login before checking the password). The first failure after the lock has expired
/// starts a fresh count.
public struct LoginThrottle: Codable, Sendable, Equatable {
    public var failedAttempts: Int
    public var lockedUntil: Date?

    public init(failedAttempts: Int = 0, lockedUntil: Date? = nil) {
        self.failedAttempts = failedAttempts
        self.lockedUntil = lockedUntil
    }

    /// Locked while `now < lockedUntil`; at exactly `lockedUntil` the account is open again.
    public func isLocked(at now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return now < lockedUntil
    }

    /// Whole seconds until the lock ends (rounded up), or nil when not locked.
    public func remainingLockSeconds(at now: Date) -> Int? {
        guard let lockedUntil, now < lockedUntil else { return nil }
        return Int(lockedUntil.timeIntervalSince(now).rounded(.up))
    }

    /// Records a failed login. Returns true when this failure locks the account.
    @discardableResult
    public mutating func recordFailure(at now: Date, policy: SecurityPolicy) -> Bool {
        if isLocked(at: now) { return false }
        if lockedUntil != nil {
            // The previous lock has expired: start over.
            lockedUntil = nil
            failedAttempts = 0
        }
        failedAttempts += 1
        guard failedAttempts >= max(policy.lockoutThreshold, 1) else { return false }
        lockedUntil = now.addingTimeInterval(TimeInterval(policy.lockoutMinutes) * 60)
        return true
    }

    /// Records a successful login: the counter and any expired lock are cleared.
    public mutating func recordSuccess() {
        failedAttempts = 0
        lockedUntil = nil
    }
}
