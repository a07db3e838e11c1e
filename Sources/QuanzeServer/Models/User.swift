import Fluent
import Foundation

/// 账号. Roles live in `RoleGrant`; scope comes from the jurisdiction and agency the account belongs to.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    /// Lower-case login name.
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    /// Personal data: masked in lists and logs.
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "failed_attempts") var failedAttempts: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "is_demo") var isDemo: Bool
    @Field(key: "is_disabled") var isDisabled: Bool
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?
    @OptionalField(key: "password_changed_at") var passwordChangedAt: Date?

    // relationships
    @OptionalParent(key: "jurisdiction_id") var jurisdiction: Jurisdiction?
    @OptionalParent(key: "agency_id") var agency: Agency?
    @Children(for: \.$user) var roleGrants: [RoleGrant]

    init() {}

    init(id: UUID? = nil, username: String, displayName: String, passwordHash: String,
         phone: String? = nil, jurisdictionID: UUID?, agencyID: UUID?,
         mustChangePassword: Bool, isDemo: Bool = false) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.phone = phone
        self.$jurisdiction.id = jurisdictionID
        self.$agency.id = agencyID
        self.mustChangePassword = mustChangePassword
        self.failedAttempts = 0
        self.lockedUntil = nil
        self.isDemo = isDemo
        self.isDisabled = false
    }
}
