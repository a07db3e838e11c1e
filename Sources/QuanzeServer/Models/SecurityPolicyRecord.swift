import Fluent
import Foundation

/// The security policy set by the 安全管理员 (one row). Never weaker than `SecurityPolicy.baseline`.
final class SecurityPolicyRecord: Model, @unchecked Sendable {
    static let schema = "security_policy"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "password_min_length") var passwordMinLength: Int
    @Field(key: "password_min_classes") var passwordMinClasses: Int
    @Field(key: "lockout_threshold") var lockoutThreshold: Int
    @Field(key: "lockout_minutes") var lockoutMinutes: Int
    @Field(key: "idle_timeout_minutes") var idleTimeoutMinutes: Int
    @OptionalField(key: "updated_by") var updatedBy: String?

    init() {}
}
