import Fluent
import QuanzeCore
import Vapor

/// 执法统计 (JSON, CSV, XLSX) and the 执法监督看板 figures: 监督员 for the jurisdiction's bodies, 法制员 for
/// the own body; a body outside the caller's scope is refused with `OUT_OF_SCOPE` (403).
struct APIStatisticsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let s = routes.grouped("statistics")
        s.get(use: report)
        s.get("csv", use: { req in try await download(req, "csv") })
        s.get("xlsx", use: { req in try await download(req, "xlsx") })
        s.get("dashboard", use: dashboard)
    }

    @Sendable func report(req: Request) async throws -> EnforcementStatistics.Report {
        _ = try req.requireAny(EnforcementStatistics.readers)
        let f = try EnforcementStatistics.Filter.parse(req, today: req.today, strict: true)
        return try await EnforcementStatistics.load(agencies: try await EnforcementStatistics.agencies(req, agencyID: f.agencyID), filter: f, on: req.db)
    }

    func download(_ req: Request, _ format: String) async throws -> Response {
        _ = try req.requireAny(EnforcementStatistics.readers)
        let f = try EnforcementStatistics.Filter.parse(req, today: req.today, strict: true)
        let r = try await EnforcementStatistics.load(agencies: try await EnforcementStatistics.agencies(req, agencyID: f.agencyID), filter: f, on: req.db)
        return try await EnforcementStatistics.download(r, format: format, req: req)
    }

    @Sendable func dashboard(req: Request) async throws -> DashboardStatistics.Board {
        _ = try req.requireAny(EnforcementStatistics.readers)
        let today = req.today
        let f = try EnforcementStatistics.Filter.parse(req, today: today, strict: true, defaultFrom: DashboardStatistics.defaultFrom(today: today))
        try DashboardStatistics.checkSpan(f)
        return try await DashboardStatistics.load(agencies: try await EnforcementStatistics.agencies(req, agencyID: f.agencyID), filter: f,
                                                  today: today, window: req.application.services.options.warningDays, on: req.db)
    }
}
