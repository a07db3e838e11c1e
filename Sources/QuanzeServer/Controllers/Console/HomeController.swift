import Fluent
import Vapor

/// 工作台 home page.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", use: index)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let p = try req.principal()
        let calendar = try await req.services.calendar.calendar(on: req.db, now: req.now)
        let dashboard = try await DashboardQueries.build(for: p, now: req.now, calendar: calendar, on: req.db)
        let scope = try await ScopeLabel.describe(p, on: req.db)
        return HomePage(principal: p, dashboard: dashboard, scopeLabel: scope).render().response()
    }
}

/// A human description of a caller's scope, e.g. “长春市（辖区）” or “长春市市场监督管理局（本单位）”.
enum ScopeLabel {
    static func describe(_ p: Principal, on db: any Database) async throws -> String {
        if p.roles.contains(where: \.isAdministrator) { return "全系统（管理员）" }
        var parts: [String] = []
        if let j = p.jurisdictionID, let jur = try await Jurisdiction.find(j, on: db) { parts.append("\(jur.name)（辖区）") }
        if let a = p.agencyID, let agency = try await Agency.find(a, on: db) { parts.append("\(agency.name)（本单位）") }
        return parts.isEmpty ? "未设置" : parts.joined(separator: "，")
    }
}
