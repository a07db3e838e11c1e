import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Role grants by the 安全管理员. Enforces 三员分立 (no account holds two administrator roles, nor an
/// administrator role with a business role), the scope each business role needs, and no self-grants.
enum RoleService {
    static func roles(of userID: UUID, on db: any Database) async throws -> Set<Role> {
        Set(try await RoleGrant.query(on: db).filter(\.$user.$id == userID).all(\.$role).compactMap(Role.init(rawValue:)))
    }

    static func grant(_ role: Role, to user: User, req: Request) async throws {
        let granter = try req.require(.securityAdmin)
        let userID = try user.requireID()
        guard RolePolicy.canGrant(granter: granter.roles, role: role, targetIsSelf: userID == granter.userID) else {
            try await req.audit(.roleGrant, .denied, target: user.username, detail: "不得为自己授予角色：\(role.label)")
            throw AppError("SELF_GRANT_FORBIDDEN", .forbidden, "安全管理员不得为自己授予或撤销角色")
        }
        // Checked (and refusals audited) before the write; checked again inside the transaction
        // so that two concurrent grants cannot together break 三员分立.
        if let refusal = try await refusal(role, user, on: req.db) {
            try await req.audit(.roleGrant, .denied, target: user.username, detail: "\(refusal.code)：\(refusal.message)")
            throw refusal
        }
        try await req.db.transaction { tx in
            try await RowLock.user(userID, on: tx)
            let current = try await roles(of: userID, on: tx)
            if current.contains(role) { return }
            if let refusal = try await refusal(role, user, on: tx) { throw refusal }
            try await RoleGrant(userID: userID, role: role, grantedBy: granter.userID).create(on: tx)
            try await req.audit(.roleGrant, .success, target: user.username, detail: "授予：\(role.label)", on: tx)
        }
    }

    private static func refusal(_ role: Role, _ user: User, on db: any Database) async throws -> AppError? {
        let current = try await roles(of: try user.requireID(), on: db)
        if current.contains(role) { return nil }
        do {
            try RolePolicy.validate(current.union([role]))
        } catch {
            return AppError(error.code, .conflict, error.message)
        }
        if let missing = scopeMissing(role, user) { return AppError("ROLE_SCOPE_MISSING", .conflict, missing) }
        return nil
    }

    static func revoke(_ role: Role, from user: User, req: Request) async throws {
        let granter = try req.require(.securityAdmin)
        let userID = try user.requireID()
        guard RolePolicy.canGrant(granter: granter.roles, role: role, targetIsSelf: userID == granter.userID) else {
            try await req.audit(.roleRevoke, .denied, target: user.username, detail: "不得撤销自己的角色：\(role.label)")
            throw AppError("SELF_GRANT_FORBIDDEN", .forbidden, "安全管理员不得为自己授予或撤销角色")
        }
        try await req.db.transaction { tx in
            try await RowLock.user(userID, on: tx)
            let deleted = try await RoleGrant.query(on: tx).filter(\.$user.$id == userID).filter(\.$role == role.rawValue).all()
            guard !deleted.isEmpty else { return }
            try await RoleGrant.query(on: tx).filter(\.$user.$id == userID).filter(\.$role == role.rawValue).delete()
            try await req.audit(.roleRevoke, .success, target: user.username, detail: "撤销：\(role.label)", on: tx)
        }
    }

    /// A business role needs the scope it is bound to.
    private static func scopeMissing(_ role: Role, _ user: User) -> String? {
        switch role.scopeKind {
        case .global: return nil
        case .jurisdiction: return user.$jurisdiction.id == nil ? "\(role.label)须先为账号设置所属辖区" : nil
        case .agency: return user.$agency.id == nil ? "\(role.label)须先为账号设置所属执法主体" : nil
        }
    }
}
