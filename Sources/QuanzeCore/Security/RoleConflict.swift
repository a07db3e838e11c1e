import Foundation

/// A set of roles that one account may not hold together (三员分立、管理与业务分离).
public struct RoleConflict: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// Two or more of 系统管理员 / 安全管理员 / 审计管理员.
        case adminRoleConflict = "ADMIN_ROLE_CONFLICT"
        /// An administrator role together with a business role.
        case adminBusinessConflict = "ADMIN_BUSINESS_CONFLICT"
    }

    public let kind: Kind
    /// The roles in conflict, sorted (administrator roles first).
    public let roles: [Role]

    public init(kind: Kind, roles: [Role]) {
        self.kind = kind
        self.roles = roles.sorted()
    }

    /// Stable code: "ADMIN_ROLE_CONFLICT" or "ADMIN_BUSINESS_CONFLICT".
    public var code: String { kind.rawValue }

    public var message: String {
        switch kind {
        case .adminRoleConflict:
            let names = roles.map(\.label).joined(separator: "、")
            return "三员分立：\(names)不得由同一账号兼任"
        case .adminBusinessConflict:
            let admins = roles.filter(\.isAdministrator).map(\.label).joined(separator: "、")
            let business = roles.filter { !$0.isAdministrator }.map(\.label).joined(separator: "、")
            return "管理员角色（\(admins)）不得与业务角色（\(business)）由同一账号兼任"
        }
    }

    public var errorDescription: String? { message }
    public var description: String { "\(code): \(message)" }
}
