import Testing
@testable import QuanzeCore

@Suite("RolePolicy")
struct RolePolicyTests {
    static let admins: [Role] = Role.allCases.filter(\.isAdministrator)
    static let business: [Role] = Role.allCases.filter { !$0.isAdministrator }

    static let adminPairs: [(Role, Role)] = admins.indices.flatMap { i in
        admins[(i + 1)...].map { (admins[i], $0) }
    }
    static let adminBusinessPairs: [(Role, Role)] = admins.flatMap { a in business.map { (a, $0) } }

    /// Every non-empty subset of the business roles.
    static let businessCombos: [Set<Role>] = (1..<(1 << business.count)).map { mask in
        Set(business.indices.filter { mask & (1 << $0) != 0 }.map { business[$0] })
    }

    @Test func rolesPartition() {
        #expect(Self.admins == [.systemAdmin, .securityAdmin, .auditAdmin])
        #expect(Self.adminPairs.count == 3)
        #expect(Self.businessCombos.count == 15)
    }

    @Test(arguments: adminPairs)
    func twoAdminRolesConflict(_ a: Role, _ b: Role) {
        #expect(throws: RoleConflict(kind: .adminRoleConflict, roles: [a, b])) {
            try RolePolicy.validate([a, b])
        }
        do {
            try RolePolicy.validate([b, a, .officer])
            Issue.record("expected a conflict")
        } catch {
            #expect(error.code == "ADMIN_ROLE_CONFLICT")
            #expect(error.message.contains(a.label) && error.message.contains(b.label))
        }
    }

    @Test func allThreeAdmins() throws {
        #expect(throws: RoleConflict(kind: .adminRoleConflict, roles: Self.admins)) {
            try RolePolicy.validate(Set(Self.admins))
        }
    }

    @Test(arguments: adminBusinessPairs)
    func adminWithBusinessConflicts(_ admin: Role, _ role: Role) {
        do {
            try RolePolicy.validate([role, admin])
            Issue.record("expected a conflict")
        } catch {
            #expect(error.code == "ADMIN_BUSINESS_CONFLICT")
            #expect(error.roles == [admin, role])
            #expect(error.message == "管理员角色（\(admin.label)）不得与业务角色（\(role.label)）由同一账号兼任")
        }
    }

    @Test(arguments: businessCombos)
    func businessCombinationsAllowed(_ roles: Set<Role>) throws {
        try RolePolicy.validate(roles)
    }

    @Test(arguments: [Set<Role>(), [.systemAdmin], [.securityAdmin], [.auditAdmin]])
    func singleAdminOrNothingAllowed(_ roles: Set<Role>) throws {
        try RolePolicy.validate(roles)
    }

    @Test func grants() {
        for role in Role.allCases {
            #expect(RolePolicy.canGrant(granter: [.securityAdmin], role: role, targetIsSelf: false))
            #expect(!RolePolicy.canGrant(granter: [.securityAdmin], role: role, targetIsSelf: true))
            #expect(!RolePolicy.canGrant(granter: [.systemAdmin], role: role, targetIsSelf: false))
            #expect(!RolePolicy.canGrant(granter: [.auditAdmin], role: role, targetIsSelf: false))
            #expect(!RolePolicy.canGrant(granter: [.supervisor, .legalOfficer], role: role, targetIsSelf: false))
            #expect(!RolePolicy.canGrant(granter: [], role: role, targetIsSelf: false))
        }
    }
}
