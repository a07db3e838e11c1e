import Fluent
import Foundation
import QuanzeCore

/// 角色授予: one role held by one account, granted by a 安全管理员.
final class RoleGrant: Model, @unchecked Sendable {
    static let schema = "role_grants"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "role") var role: String
    @OptionalField(key: "granted_by") var grantedBy: UUID?

    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: UUID, role: Role, grantedBy: UUID?) {
        self.$user.id = userID
        self.role = role.rawValue
        self.grantedBy = grantedBy
    }
}
