import Fluent
import QuanzeCore
import Vapor

/// 执法统计报表 with its CSV and XLSX downloads, and the 执法监督看板 (监督员: the jurisdiction; 法制员: the own body).
struct StatisticsPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "statistics", use: page)
        routes.get("console", "statistics", "csv", use: { req in try await download(req, "csv") })
        routes.get("console", "statistics", "xlsx", use: { req in try await download(req, "xlsx") })
        routes.get("console", "dashboard", use: dashboard)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let p = try req.requireAny(EnforcementStatistics.readers)
        let f = try EnforcementStatistics.Filter.parse(req, today: req.today, strict: false)
        let scope = try await EnforcementStatistics.agencies(req, agencyID: nil)
        let r = try await EnforcementStatistics.load(agencies: try await EnforcementStatistics.agencies(req, agencyID: f.agencyID), filter: f, on: req.db)
        return StatisticsPage(principal: p, report: r, filter: f, agencies: scope).render().response()
    }

    func download(_ req: Request, _ format: String) async throws -> Response {
        _ = try req.requireAny(EnforcementStatistics.readers)
        let f = try EnforcementStatistics.Filter.parse(req, today: req.today, strict: false)
        let r = try await EnforcementStatistics.load(agencies: try await EnforcementStatistics.agencies(req, agencyID: f.agencyID), filter: f, on: req.db)
        return try await EnforcementStatistics.download(r, format: format, req: req)
    }

    @Sendable func dashboard(req: Request) async throws -> Response {
        let p = try req.requireAny(EnforcementStatistics.readers)
        let today = req.today
        let f = try EnforcementStatistics.Filter.parse(req, today: today, strict: false, defaultFrom: DashboardStatistics.defaultFrom(today: today))
        try DashboardStatistics.checkSpan(f)
        let scope = try await EnforcementStatistics.agencies(req, agencyID: nil)
        let board = try await DashboardStatistics.load(agencies: try await EnforcementStatistics.agencies(req, agencyID: f.agencyID), filter: f,
                                                       today: today, window: req.application.services.options.warningDays, on: req.db)
        return DashboardPage(principal: p, board: board, filter: f, agencies: scope).render().response()
    }
}
