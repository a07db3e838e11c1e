/// Rules on which roles an account may hold and who may grant them
/// (等级保护 访问控制: 三员分立，授予管理用户所需的最小权限，实现权限分离).
public enum RolePolicy {
    /// Throws when `roles` combines two administrator roles, or an administrator role with a
    /// business role. Any combination of business roles, and the empty set, is allowed.
    /// Two administrator roles are reported before an administrator/business mix.
    public static func validate(_ roles: Set<Role>) throws(RoleConflict) {
        let admins = roles.filter(\.isAdministrator)
        if admins.count >= 2 {
            throw RoleConflict(kind: .adminRoleConflict, roles: Array(admins))
        }
        if !admins.isEmpty && admins.count < roles.count {
            throw RoleConflict(kind: .adminBusinessConflict, roles: Array(roles))
        }
    }

    /// Whether an account holding `granter` may grant or revoke `role` on a target account.
    /// Only a 安全管理员 grants or revokes roles, and never on its own account. Any role may be
    /// granted this way; the server must still run `validate` on the target's resulting set.
    public static func canGrant(granter: Set<Role>, role: Role, targetIsSelf: Bool) -> Bool {
        _ = role  // every role is grantable by the security administrator
        return granter.contains(.securityAdmin) && !targetIsSelf
    }
}
