/// The platform's configurable security settings (等级保护 身份鉴别、访问控制).
///
/// The baseline is the floor: a 安全管理员 may tighten any setting but never weaken it.
/// "Tighter" means a longer password, more character classes, fewer failures before lockout,
/// a longer lockout and a shorter idle timeout. Every field also has a sane upper/lower cap.
public struct SecurityPolicy: Codable, Sendable, Equatable {
    public var passwordMinLength: Int
    public var passwordMinClasses: Int
    /// Consecutive failed logins that lock the account.
    public var lockoutThreshold: Int
    public var lockoutMinutes: Int
    public var idleTimeoutMinutes: Int

    public init(
        passwordMinLength: Int = 8,
        passwordMinClasses: Int = 3,
        lockoutThreshold: Int = 5,
        lockoutMinutes: Int = 15,
        idleTimeoutMinutes: Int = 30
    ) {
        self.passwordMinLength = passwordMinLength
        self.passwordMinClasses = passwordMinClasses
        self.lockoutThreshold = lockoutThreshold
        self.lockoutMinutes = lockoutMinutes
        self.idleTimeoutMinutes = idleTimeoutMinutes
    }

    public static let baseline = SecurityPolicy()

    /// Permitted range of each field; the baseline end of each range is the baseline value.
    public enum Limits {
        public static let passwordMinLength = 8...64
        public static let passwordMinClasses = 3...4
        public static let lockoutThreshold = 1...5
        public static let lockoutMinutes = 15...1440
        public static let idleTimeoutMinutes = 5...30
    }

    public var passwordPolicy: PasswordPolicy {
        PasswordPolicy(minLength: passwordMinLength, minCharacterClasses: passwordMinClasses)
    }

    /// Throws the first out-of-range field (in declaration order).
    public func validate() throws(SecurityPolicyError) {
        if let first = problems().first { throw first }
    }

    /// Every out-of-range field, for showing all errors of a settings form at once.
    public func problems() -> [SecurityPolicyError] {
        typealias L = Limits
        let checks: [(String, Int, ClosedRange<Int>, String)] = [
            ("passwordMinLength", passwordMinLength, L.passwordMinLength,
             "口令最小长度应为 \(L.passwordMinLength.lowerBound)～\(L.passwordMinLength.upperBound) 位（基线 8 位，只能收紧）"),
            ("passwordMinClasses", passwordMinClasses, L.passwordMinClasses,
             "口令应包含的字符类别数应为 3 或 4（小写字母、大写字母、数字、特殊字符；基线 3 类）"),
            ("lockoutThreshold", lockoutThreshold, L.lockoutThreshold,
             "登录失败锁定阈值应为 \(L.lockoutThreshold.lowerBound)～\(L.lockoutThreshold.upperBound) 次（基线 5 次，只能调低）"),
            ("lockoutMinutes", lockoutMinutes, L.lockoutMinutes,
             "账号锁定时长应为 \(L.lockoutMinutes.lowerBound)～\(L.lockoutMinutes.upperBound) 分钟（基线 15 分钟，只能延长）"),
            ("idleTimeoutMinutes", idleTimeoutMinutes, L.idleTimeoutMinutes,
             "会话空闲超时应为 \(L.idleTimeoutMinutes.lowerBound)～\(L.idleTimeoutMinutes.upperBound) 分钟（基线 30 分钟，只能缩短）"),
        ]
        return checks.compactMap { field, value, range, message in
            range.contains(value) ? nil : SecurityPolicyError(field: field, message: message + "，当前为 \(value)")
        }
    }

    // Missing keys decode as the baseline value, so a stored policy survives new fields.
    private enum CodingKeys: String, CodingKey {
        case passwordMinLength, passwordMinClasses, lockoutThreshold, lockoutMinutes, idleTimeoutMinutes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let b = Self.baseline
        passwordMinLength = try c.decodeIfPresent(Int.self, forKey: .passwordMinLength) ?? b.passwordMinLength
        passwordMinClasses = try c.decodeIfPresent(Int.self, forKey: .passwordMinClasses) ?? b.passwordMinClasses
        lockoutThreshold = try c.decodeIfPresent(Int.self, forKey: .lockoutThreshold) ?? b.lockoutThreshold
        lockoutMinutes = try c.decodeIfPresent(Int.self, forKey: .lockoutMinutes) ?? b.lockoutMinutes
        idleTimeoutMinutes = try c.decodeIfPresent(Int.self, forKey: .idleTimeoutMinutes) ?? b.idleTimeoutMinutes
    }
}
