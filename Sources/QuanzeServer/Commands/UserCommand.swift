import Fluent
import QuanzeCore
import Vapor

/// `quanze user create|reset`: create an account (optionally with one role) or reset its password,
/// from the server's shell — for bootstrapping the first administrators. Audited as actor `cli`.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create 或 reset")
        var action: String
        @Option(name: "username", help: "用户名")
        var username: String?
        @Option(name: "name", help: "姓名（create）")
        var name: String?
        @Option(name: "role", help: "角色（create）：\(Role.allCases.map(\.rawValue).joined(separator: "、"))")
        var role: String?
        @Option(name: "agency-id", help: "所属执法主体 ID（法制员、执法人员）")
        var agencyID: String?
        @Option(name: "jurisdiction-id", help: "所属辖区 ID（监督员、评查员）")
        var jurisdictionID: String?
    }

    var help: String { "创建账号或重置密码（输出一次性初始密码，首次登录须修改）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard let username = signature.username?.lowercased(), !username.isEmpty else { throw CommandFailure("请用 --username 指定用户名") }
        let password = PasswordService.temporaryPassword()
        let hash = try await app.password.async.hash(password)
        let now = app.services.clock.now()
        switch signature.action {
        case "create":
            let user = try await createUser(username, hash: hash, signature: signature, on: app.db)
            try await app.services.audit.append(AuditEvent(action: .accountCreate, outcome: .success, actorName: "cli",
                                                           target: user.username, detail: "命令行创建"), on: app.db, now: now)
        case "reset":
            guard let user = try await User.query(on: app.db).filter(\.$username == username).first() else {
                throw CommandFailure("用户不存在：\(username)")
            }
            user.passwordHash = hash
            user.mustChangePassword = true
            user.failedAttempts = 0
            user.lockedUntil = nil
            try await user.save(on: app.db)
            try await UserSession.query(on: app.db).filter(\.$user.$id == user.requireID()).delete()
            try await app.services.audit.append(AuditEvent(action: .accountPasswordReset, outcome: .success, actorName: "cli",
                                                           target: user.username, detail: "命令行重置密码"), on: app.db, now: now)
        default:
            throw CommandFailure("未知操作：\(signature.action)（应为 create 或 reset）")
        }
        context.console.print("账号 \(username) 的一次性初始密码：\(password)（首次登录须修改）")
    }

    private func createUser(_ username: String, hash: String, signature: Signature, on db: any Database) async throws -> User {
        guard username.range(of: AccountAdminService.usernamePattern, options: .regularExpression) != nil else {
            throw CommandFailure("用户名须为 3–32 位小写字母、数字或 . _ -")
        }
        if try await User.query(on: db).filter(\.$username == username).first() != nil { throw CommandFailure("用户名已存在：\(username)") }
        let role = try signature.role.map { raw -> Role in
            guard let r = Role(rawValue: raw) else { throw CommandFailure("未知角色：\(raw)") }
            return r
        }
        func id(_ raw: String?, _ option: String) throws -> UUID? {
            guard let raw else { return nil }
            guard let id = UUID(uuidString: raw) else { throw CommandFailure("--\(option) 不是有效的 ID：\(raw)") }
            return id
        }
        let jurisdictionID = try id(signature.jurisdictionID, "jurisdiction-id")
        let agencyID = try id(signature.agencyID, "agency-id")
        if let problem = try await AccountAdminService.scopeProblems(jurisdictionID: jurisdictionID, agencyID: agencyID, on: db).first {
            throw CommandFailure("\(problem.field)：\(problem.message)")
        }
        switch role?.scopeKind {
        case .jurisdiction? where jurisdictionID == nil: throw CommandFailure("\(role!.label)须指定 --jurisdiction-id")
        case .agency? where agencyID == nil: throw CommandFailure("\(role!.label)须指定 --agency-id")
        default: break
        }
        let user = User(username: username, displayName: signature.name ?? username, passwordHash: hash,
                        jurisdictionID: jurisdictionID, agencyID: agencyID, mustChangePassword: true)
        try await db.transaction { tx in
            try await user.create(on: tx)
            if let role { try await RoleGrant(userID: try user.requireID(), role: role, grantedBy: nil).create(on: tx) }
        }
        return user
    }
}

struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
