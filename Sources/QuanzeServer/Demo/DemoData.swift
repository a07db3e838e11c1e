import Fluent
import Foundation
import QuanzeCore
import Vapor

/// The demo data set: one city government with its legal office, 22 enforcement bodies of every
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
        // 案卷评查 reviewers chosen from bodies' legal staff (第十条(二)); they never review their own body's files
        Account(username: "reviewer2", name: "钱评析", role: .reviewer, agency: "eco", phone: "13904310022"),
        Account(username: "reviewer3", name: "李核卷", role: .reviewer, agency: "amr", phone: "13904310023"),
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
        // 长春市 follows its own 实施意见 (004_* 篇十二), which inherits 吉林省 (吉政办发〔2016〕91号).
        let profileID = ["changchun", "jilin"].first { app.services.profiles.profile(id: $0) != nil } ?? RuleProfile.nationalID
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
            try await DemoDiscretion.load(on: tx)
            for account in accounts { try await create(account, hash: hash, jurisdictionID: jurisdictionID, now: now, on: tx) }
            let tongzhouID = try await DemoTongzhou.load(profiles: app.services.profiles, now: now, on: tx)
            for account in DemoTongzhou.accounts { try await create(account, hash: hash, jurisdictionID: tongzhouID, now: now, on: tx) }
            try await DemoPowerCatalog.load(on: tx, now: now)
            try await loadOfficers(app, now: now, on: tx)
            try await DemoDelegations.load(on: tx, now: now, services: app.services)
            try await DemoPosts.load(on: tx)
            try await DemoCases.assignHandlers(on: tx)
            try await DemoPledges.load(jurisdictionID: jurisdictionID, on: tx)
            try await DemoInspections.load(on: tx, now: now)
            let calendar = try await app.services.calendar.calendar(on: tx, now: now)
            try await DemoCases.load(count: app.services.options.demoCaseCount, today: LocalDate(instant: now), calendar: calendar,
                                     algorithm: app.services.records.algorithm, now: now, on: tx)
            try await DemoInspections.fileCases(algorithm: app.services.records.algorithm, now: now, on: tx)
            try await DemoTransfers.load(today: LocalDate(instant: now), calendar: calendar, algorithm: app.services.records.algorithm,
                                         now: now, on: tx)
            try await DemoComplaints.load(today: LocalDate(instant: now), profiles: app.services.profiles, calendar: calendar,
                                          algorithm: app.services.records.algorithm, now: now, on: tx)
            try await DemoChecks.load(services: app.services, today: LocalDate(instant: now), calendar: calendar,
                                      algorithm: app.services.records.algorithm, now: now, on: tx)
            try await DemoFileReview.load(jurisdictionID: jurisdictionID, today: LocalDate(instant: now), calendar: calendar,
                                          algorithm: app.services.records.algorithm, now: now, on: tx)
            // 评议考核 (issue 5 item 4): evaluations, one-time codes, the bodies' and officers' assessments.
            try await DemoAssessments.load(jurisdictionID: jurisdictionID, today: LocalDate(instant: now), on: tx)
            // 责任追究 (issue 6 items 2–3): intake items and one matter under investigation.
            try await DemoLiability.load(services: app.services, today: LocalDate(instant: now), now: now, on: tx)
            // 执法协调 disputes and 典型案例 (issue 6 items 9, 10)
            try await DemoCoordination.load(services: app.services, today: LocalDate(instant: now), now: now, on: tx)
            try await app.services.audit.append(AuditEvent(
                action: .demoLoad, outcome: .success, actorName: "system",
                detail: "载入演示数据：2 个辖区、\(DemoAgencies.rows.count + DemoTongzhou.agencies.count) 个执法主体、\(accounts.count + DemoTongzhou.accounts.count) 个账号"), on: tx, now: now)
        }
        return true
    }

    /// ~310 officers: 20 in 市场监督管理局 (every state once), 14 in each other announced body of 长春
    /// (states shifted body by body), 4 without certificates in the body awaiting announcement,
    /// 24 in each 通州 body.
    private static func loadOfficers(_ app: Application, now: Date, on db: any Database) async throws {
        let today = LocalDate(instant: now)
        var bodies: [DemoOfficers.Body] = DemoAgencies.rows.filter { !$0.isLegalOffice && $0.key != "amrteam" }.enumerated().map { n, row in
            DemoOfficers.Body(key: row.key, count: row.key == "amr" ? 20 : (row.key == "healthsup" ? 4 : 14), region: "220102",
                              numberPrefix: "JLCC", mayHoldCertificates: row.key != "healthsup", slotOffset: row.key == "amr" ? 0 : n * 6)
        }
        bodies += DemoTongzhou.agencies.filter { !$0.legalOffice }.map {
            DemoOfficers.Body(key: $0.key, count: 24, region: "110112", numberPrefix: "BJTZ", mayHoldCertificates: true)
        }
        let users = ["amr:0": DemoIDs.uuid("user:officer.amr1"), "amr:1": DemoIDs.uuid("user:officer.amr2"), "amr:6": DemoIDs.uuid("user:legal.amr"),
                     "eco:0": DemoIDs.uuid("user:officer.eco1"), "eco:1": DemoIDs.uuid("user:officer.eco2"),
                     "urban:0": DemoIDs.uuid("user:officer.urban1"), "trans:0": DemoIDs.uuid("user:officer.trans1")]
        try await DemoOfficers.load(bodies, users: users, today: today, on: db)
        for (jurisdiction, keys) in [(jurisdictionKey, DemoAgencies.rows.map(\.key)), (DemoTongzhou.jurisdictionKey, DemoTongzhou.agencies.map(\.key))] {
            guard let j = try await Jurisdiction.find(DemoIDs.uuid(jurisdiction), on: db) else { continue }
            try await DemoOfficers.applyRules(OfficerRules(profile: app.services.profiles.effective(id: j.profileID)), agencyKeys: keys, on: db)
        }
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
        for a in accounts + DemoTongzhou.accounts {
            lines.append("  \(a.username.padding(toLength: 16, withPad: " ", startingAt: 0)) \(a.role?.label ?? "（未授予角色）")  \(a.name)")
        }
        return lines.joined(separator: "\n")
    }
}
