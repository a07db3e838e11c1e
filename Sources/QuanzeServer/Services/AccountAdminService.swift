import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Account administration (系统管理员) and role grants (安全管理员). Every change is one
/// transaction together with its audit entry.
enum AccountAdminService {
    static let usernamePattern = #"^[a-z0-9][a-z0-9._-]{2,31}$"#

    struct NewAccount: Sendable {
        var username: String
        var displayName: String
        var phone: String?
        var jurisdictionID: UUID?
        var agencyID: UUID?
    }

    static func create(_ input: NewAccount, req: Request) async throws -> (User, String) {
        // The API takes the username exactly as the schema describes it; the console form lower-cases it first.
        let username = input.username
        var problems: [FieldProblem] = []
        if username.range(of: usernamePattern, options: .regularExpression) == nil {
            problems.append(.init(field: "username", code: "format", message: "3–32 位小写字母、数字或 . _ -，以字母或数字开头"))
        }
        let name = input.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = TextInput.problem(input.displayName, field: "displayName") { problems.append(problem) }
        problems += try await scopeProblems(jurisdictionID: input.jurisdictionID, agencyID: input.agencyID, on: req.db)
        if let phone = input.phone, !phone.isEmpty, !PhoneFormat.isValid(phone) {
            problems.append(.init(field: "phone", code: "format", message: "手机号须为 11 位（1 开头），座机如 0431-88886666"))
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        if try await User.query(on: req.db).filter(\.$username == username).first() != nil {
            throw AppError.conflict("USERNAME_TAKEN", "用户名已存在：\(username)")
        }
        let password = PasswordService.temporaryPassword()
        let user = User(username: username, displayName: name, passwordHash: try await req.password.async.hash(password),
                        phone: input.phone.flatMap { $0.isEmpty ? nil : $0 }, jurisdictionID: input.jurisdictionID,
                        agencyID: input.agencyID, mustChangePassword: true)
        try await req.db.transaction { tx in
            try await user.create(on: tx)
            try await req.audit(.accountCreate, .success, target: username, detail: "姓名：\(name)", on: tx)
        }
        return (user, password)
    }

    static func update(_ user: User, _ input: UpdateUserInput, req: Request) async throws {
        var changes: [String] = []
        var problems: [FieldProblem] = []
        if let raw = input.displayName {
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if let problem = TextInput.problem(raw, field: "displayName") { problems.append(problem) }
            else if name != user.displayName { user.displayName = name; changes.append("姓名") }
        }
        if let phone = input.phone {
            if !phone.isEmpty && !PhoneFormat.isValid(phone) {
                problems.append(.init(field: "phone", code: "format", message: "手机号须为 11 位（1 开头），座机如 0431-88886666"))
            } else if (phone.isEmpty ? nil : phone) != user.phone { user.phone = phone.isEmpty ? nil : phone; changes.append("电话") }
        }
        let jurisdictionID = input.clearJurisdiction == true ? nil : (input.jurisdictionId ?? user.$jurisdiction.id)
        let agencyID = input.clearAgency == true ? nil : (input.agencyId ?? user.$agency.id)
        if jurisdictionID != user.$jurisdiction.id || agencyID != user.$agency.id {
            let roles = try await RoleService.roles(of: try user.requireID(), on: req.db)
            if let role = roles.first(where: { $0.scopeKind == .jurisdiction }), jurisdictionID == nil {
                problems.append(.init(field: "jurisdictionId", code: "required_by_role", message: "账号持有“\(role.label)”角色，须保留所属辖区"))
            }
            if let role = roles.first(where: { $0.scopeKind == .agency }), agencyID == nil {
                problems.append(.init(field: "agencyId", code: "required_by_role", message: "账号持有“\(role.label)”角色，须保留所属执法主体"))
            }
            problems += try await scopeProblems(jurisdictionID: jurisdictionID, agencyID: agencyID, on: req.db)
            if jurisdictionID != user.$jurisdiction.id || agencyID != user.$agency.id { changes.append("所属范围") }
            user.$jurisdiction.id = jurisdictionID
            user.$agency.id = agencyID
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        if let disabled = input.disabled, disabled != user.isDisabled {
            if disabled && user.id == req.auth.get(Principal.self)?.userID {
                throw AppError.conflict("CANNOT_DISABLE_SELF", "不能停用自己的账号")
            }
            user.isDisabled = disabled
            changes.append(disabled ? "停用" : "启用")
        }
        guard !changes.isEmpty else { return }
        let userID = try user.requireID()
        let summary = "修改：\(changes.joined(separator: "、"))"
        try await req.db.transaction { tx in
            try await user.save(on: tx)
            if user.isDisabled { try await UserSession.query(on: tx).filter(\.$user.$id == userID).delete() }
            try await req.audit(.accountUpdate, .success, target: user.username, detail: summary, on: tx)
        }
    }

    static func resetPassword(_ user: User, req: Request) async throws -> String {
        let password = PasswordService.temporaryPassword()
        user.passwordHash = try await req.password.async.hash(password)
        user.mustChangePassword = true
        user.failedAttempts = 0
        user.lockedUntil = nil
        let userID = try user.requireID()
        try await req.db.transaction { tx in
            try await user.save(on: tx)
            try await UserSession.query(on: tx).filter(\.$user.$id == userID).delete()
            try await req.audit(.accountPasswordReset, .success, target: user.username, detail: "生成临时密码，须在首次登录时修改", on: tx)
        }
        return password
    }

    static func unlock(_ user: User, req: Request) async throws {
        user.failedAttempts = 0
        user.lockedUntil = nil
        try await req.db.transaction { tx in
            try await user.save(on: tx)
            try await req.audit(.accountUnlock, .success, target: user.username, on: tx)
        }
    }

    /// Checks that a jurisdiction/agency pair exists and is consistent.
    static func scopeProblems(jurisdictionID: UUID?, agencyID: UUID?, on db: any Database) async throws -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let j = jurisdictionID, try await Jurisdiction.find(j, on: db) == nil {
            problems.append(.init(field: "jurisdictionId", code: "not_found", message: "辖区不存在"))
        }
        if let a = agencyID {
            if let agency = try await Agency.find(a, on: db) {
                if let j = jurisdictionID, agency.$jurisdiction.id != j {
                    problems.append(.init(field: "agencyId", code: "scope_mismatch", message: "执法主体不属于所选辖区"))
                }
            } else {
                problems.append(.init(field: "agencyId", code: "not_found", message: "执法主体不存在"))
            }
        }
        return problems
    }
}

/// Phone number formats accepted for accounts.
enum PhoneFormat {
    static func isValid(_ s: String) -> Bool {
        // ASCII digits only (`\d` would also take full-width and other Unicode digits).
        s.range(of: #"^1[3-9][0-9]{9}$"#, options: .regularExpression) != nil
            || s.range(of: #"^0[0-9]{2,3}-?[0-9]{7,8}$"#, options: .regularExpression) != nil
    }
}
