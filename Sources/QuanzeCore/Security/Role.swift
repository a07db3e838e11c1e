/// Roles. The three separated administrators of 等级保护 (三员) and the business roles.
/// No account may hold two administrator roles, nor an administrator role together with a
/// business role (三权分立: an administrator never works on enforcement data).
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case systemAdmin = "system_admin"        // 系统管理员: accounts, configuration
    case securityAdmin = "security_admin"    // 安全管理员: role grants, security policy
    case auditAdmin = "audit_admin"          // 审计管理员: reads the security audit, nothing else
    case supervisor = "supervisor"           // 监督员: a government's legal office, scoped to its jurisdiction
    case legalOfficer = "legal_officer"      // 法制员: a body's legal unit, scoped to that body
    case officer = "officer"                 // 执法人员: own body and own work
    case reviewer = "reviewer"               // 评查员: reviews case files in a jurisdiction

    public var label: String {
        switch self {
        case .systemAdmin: "系统管理员"
        case .securityAdmin: "安全管理员"
        case .auditAdmin: "审计管理员"
        case .supervisor: "监督员"
        case .legalOfficer: "法制员"
        case .officer: "执法人员"
        case .reviewer: "评查员"
        }
    }

    public var isAdministrator: Bool {
        switch self {
        case .systemAdmin, .securityAdmin, .auditAdmin: true
        default: false
        }
    }

    /// What the role's scope is bound to.
    public enum ScopeKind: Sendable { case global, jurisdiction, agency }

    public var scopeKind: ScopeKind {
        switch self {
        case .systemAdmin, .securityAdmin, .auditAdmin: .global
        case .supervisor, .reviewer: .jurisdiction
        case .legalOfficer, .officer: .agency
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
