import Fluent
import Foundation
import QuanzeCore

/// The signed-in user's real counts and to-dos for the 工作台 home page.
struct Dashboard: Sendable, Codable {
    struct Count: Sendable, Codable {
        var key: String
        var label: String
        var value: Int
        var href: String?
    }
    struct Todo: Sendable, Codable {
        var key: String
        var text: String
        var href: String?
    }

    var counts: [Count] = []
    var todos: [Todo] = []
}

enum DashboardQueries {
    static func build(for p: Principal, now: Date, calendar: WorkCalendar, on db: any Database) async throws -> Dashboard {
        var d = Dashboard()
        if p.mustChangePassword {
            d.todos.append(.init(key: "password", text: "请修改初始密码", href: SiteURL.consolePassword))
        }
        if p.hasAny([.systemAdmin, .securityAdmin]) { try await addAccountCounts(&d, p: p, now: now, on: db) }
        if p.has(.systemAdmin) {
            let nextYear = LocalDate(instant: now).year + 1
            if !calendar.covers(nextYear) {
                d.todos.append(.init(key: "calendar", text: "\(nextYear) 年放假安排尚未录入：跨入该年的期限将显示为“暂定”", href: SiteURL.consoleCalendar))
            }
        }
        if p.has(.auditAdmin) { try await addAuditCounts(&d, now: now, on: db) }
        if p.hasAny([.supervisor, .reviewer, .legalOfficer, .officer]) { try await addScopeCounts(&d, p: p, on: db) }
        if p.hasAny([.supervisor, .legalOfficer]) { try await addDelegationTodos(&d, p: p, now: now, on: db) }
        return d
    }

    private static func addAccountCounts(_ d: inout Dashboard, p: Principal, now: Date, on db: any Database) async throws {
        let total = try await User.query(on: db).count()
        let locked = try await User.query(on: db).filter(\.$lockedUntil > now).count()
        let pending = try await User.query(on: db).filter(\.$mustChangePassword == true).count()
        let withRoles = Set(try await RoleGrant.query(on: db).all(\.$user.$id))
        let noRole = try await User.query(on: db).filter(\.$isDisabled == false).all(\.$id).filter { !withRoles.contains($0) }.count
        d.counts += [
            .init(key: "accounts", label: "账号总数", value: total, href: SiteURL.consoleUsers),
            .init(key: "locked", label: "当前锁定账号", value: locked, href: SiteURL.consoleUsers + "?status=locked"),
            .init(key: "pendingPassword", label: "待修改初始密码", value: pending, href: nil),
            .init(key: "noRole", label: "未授予角色的账号", value: noRole, href: SiteURL.consoleUsers + "?status=norole"),
        ]
        if p.has(.securityAdmin) && noRole > 0 {
            d.todos.append(.init(key: "grant", text: "有 \(noRole) 个账号尚未授予角色", href: SiteURL.consoleUsers + "?status=norole"))
        }
        if locked > 0 {
            d.todos.append(.init(key: "locked", text: "有 \(locked) 个账号因登录失败被锁定", href: SiteURL.consoleUsers + "?status=locked"))
        }
    }

    private static func addAuditCounts(_ d: inout Dashboard, now: Date, on db: any Database) async throws {
        let since = Int64((now.timeIntervalSince1970 - 86_400) * 1000)
        let day = try await AuditEntry.query(on: db).filter(\.$occurredMs >= since).count()
        let refused = try await AuditEntry.query(on: db).filter(\.$occurredMs >= since).filter(\.$outcome != AuditOutcome.success.rawValue).count()
        let lockouts = try await AuditEntry.query(on: db).filter(\.$occurredMs >= since - 6 * 86_400_000)
            .filter(\.$action == AuditAction.accountLockout.rawValue).count()
        d.counts += [
            .init(key: "audit24h", label: "近 24 小时审计记录", value: day, href: SiteURL.consoleAudit),
            .init(key: "refused24h", label: "近 24 小时失败/拒绝", value: refused, href: SiteURL.consoleAudit + "?from=\(LocalDate(instant: now.addingTimeInterval(-86_400)).iso)"),
            .init(key: "lockouts7d", label: "近 7 天账号锁定", value: lockouts, href: SiteURL.consoleAudit + "?action=account.lockout"),
        ]
        if refused > 0 {
            d.todos.append(.init(key: "review", text: "复核近 24 小时的 \(refused) 条失败或拒绝记录", href: SiteURL.consoleAudit + "?outcome=denied"))
            d.todos.append(.init(key: "reviewFailures", text: "复核失败记录（如登录失败）", href: SiteURL.consoleAudit + "?outcome=failure"))
        }
        d.todos.append(.init(key: "verify", text: "定期校验审计链完整性", href: SiteURL.consoleAudit))
    }

    private static func addScopeCounts(_ d: inout Dashboard, p: Principal, on db: any Database) async throws {
        let agencyIDs = try await AgencyQueries.scopedIDs(for: p, on: db)
        let officers = agencyIDs.isEmpty ? 0 : try await RoleGrant.query(on: db).filter(\.$role == Role.officer.rawValue)
            .join(User.self, on: \RoleGrant.$user.$id == \User.$id)
            .filter(User.self, \.$agency.$id ~~ agencyIDs).count()
        if p.hasAny([.supervisor, .reviewer]) {
            d.counts.append(.init(key: "agencies", label: "辖区执法主体", value: agencyIDs.count, href: SiteURL.consoleAgencies))
        }
        d.counts.append(.init(key: "officers", label: p.hasAny([.supervisor, .reviewer]) ? "辖区执法人员账号" : "本单位执法人员账号",
                              value: officers, href: nil))
    }
}
