import Fluent
import Foundation
import QuanzeCore
import Vapor

/// The demo data set: one city government with its legal office, 21 enforcement bodies of every
/// kind, and accounts of every role. Deterministic; demo accounts sign in only in demo mode.
enum DemoData {
    static let password = "Quanze#2026"
    static let jurisdictionKey = "jurisdiction:220100"

    struct Account: Sendable {
        let username: String
        let name: String
        let role: Role?
        let agency: String?   // DemoAgencies key
        let phone: String?
    }

    static let accounts: [Account] = [
        Account(username: "sysadmin", name: "王立新", role: .systemAdmin, agency: nil, phone: "13904310001"),
        Account(username: "secadmin", name: "李安然", role: .securityAdmin, agency: nil, phone: "13904310002"),
        Account(username: "auditadmin", name: "赵审之", role: .auditAdmin, agency: nil, phone: "13904310003"),
        Account(username: "supervisor1", name: "陈法明", role: .supervisor, agency: "moj", phone: "13904310011"),
        Account(username: "supervisor2", name: "刘清源", role: .supervisor, agency: "moj", phone: "13904310012"),
        Account(username: "reviewer1", name: "孙卷宗", role: .reviewer, agency: "moj", phone: "13904310021"),
        Account(username: "legal.amr", name: "周审核", role: .legalOfficer, agency: "amr", phone: "13904310101"),
        Account(username: "officer.amr1", name: "吴执法", role: .officer, agency: "amr", phone: "13904310102"),
        Account(username: "officer.amr2", name: "郑检查", role: .officer, agency: "amr", phone: "13904310103"),
        Account(username: "legal.eco", name: "冯环宇", role: .legalOfficer, agency: "eco", phone: "13904310201"),
        Account(username: "officer.eco1", name: "褚绿水", role: .officer, agency: "eco", phone: "13904310202"),
        Account(username: "officer.eco2", name: "卫青山", role: .officer, agency: "eco", phone: "13904310203"),
        Account(username: "legal.urban", name: "蒋城安", role: .legalOfficer, agency: "urban", phone: "13904310301"),
        Account(username: "officer.urban1", name: "沈市容", role: .officer, agency: "urban", phone: "13904310302"),
        Account(username: "legal.trans", name: "韩通达", role: .legalOfficer, agency: "trans", phone: "13904310401"),
        Account(username: "officer.trans1", name: "杨路政", role: .officer, agency: "trans", phone: "13904310402"),
        Account(username: "newstaff", name: "朱新岗", role: nil, agency: "health", phone: nil),
    ]

    /// Loads the data set if the database holds no jurisdiction and no account yet.
    /// Returns false (and changes nothing) when the database is not empty.
    @discardableResult
    static func loadIfEmpty(_ app: Application) async throws -> Bool {
        let db = app.db
        guard try await User.query(on: db).count() == 0, try await Jurisdiction.query(on: db).count() == 0 else { return false }
        let hash = try await app.password.async.hash(password)
        let profileID = app.services.profiles.profile(id: "jilin") != nil ? "jilin" : RuleProfile.nationalID
        let now = app.services.clock.now()
        try await db.transaction { tx in
            let jurisdictionID = DemoIDs.uuid(jurisdictionKey)
            try await Jurisdiction(id: jurisdictionID, regionCode: "220100", name: "长春市", governmentName: "长春市人民政府",
                                   legalOfficeName: "长春市司法局", profileID: profileID).create(on: tx)
            for (i, row) in DemoAgencies.rows.enumerated() {
                let agency = Agency(id: DemoIDs.uuid("agency:\(row.key)"), jurisdictionID: jurisdictionID, name: row.name,
                                    uscc: DemoAgencies.uscc(index: i, kind: row.kind), kind: row.kind, level: "市级",
                                    managementMode: row.mode, isLegalOffice: row.isLegalOffice)
                DemoAgencies.register(agency, row: row, index: i, now: now)
                try await agency.create(on: tx)
            }
            try await DemoLegalNorms.load(on: tx)
            try await DemoPowerItems.load(on: tx, now: now)
            for account in accounts { try await create(account, hash: hash, jurisdictionID: jurisdictionID, now: now, on: tx) }
            try await DemoPosts.load(on: tx)
            try await DemoPledges.load(jurisdictionID: jurisdictionID, on: tx)
            try await app.services.audit.append(AuditEvent(
                action: .demoLoad, outcome: .success, actorName: "system",
                detail: "载入演示数据：1 个辖区、\(DemoAgencies.rows.count) 个执法主体、\(accounts.count) 个账号"), on: tx, now: now)
        }
        return true
    }

    private static func create(_ a: Account, hash: String, jurisdictionID: UUID, now: Date, on db: any Database) async throws {
        let id = DemoIDs.uuid("user:\(a.username)")
        let scoped = a.role.map { $0.scopeKind != .global } ?? true
        let user = User(id: id, username: a.username, displayName: a.name, passwordHash: hash, phone: a.phone,
                        jurisdictionID: scoped ? jurisdictionID : nil,
                        agencyID: scoped ? a.agency.map { DemoIDs.uuid("agency:\($0)") } : nil,
                        mustChangePassword: a.role == nil, isDemo: true)
        user.passwordChangedAt = now
        try await user.create(on: db)
        if let role = a.role { try await RoleGrant(userID: id, role: role, grantedBy: nil).create(on: db) }
    }

    /// The text printed once when the data set is loaded.
    static var banner: String {
        var lines = ["演示数据已载入（仅在演示模式 `serve --demo` 下可登录）。所有演示账号的密码：\(password)", ""]
        for a in accounts {
            lines.append("  \(a.username.padding(toLength: 16, withPad: " ", startingAt: 0)) \(a.role?.label ?? "（未授予角色）")  \(a.name)")
        }
        return lines.joined(separator: "\n")
    }
}
