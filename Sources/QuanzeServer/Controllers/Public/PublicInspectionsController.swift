import Fluent
import QuanzeCore
import Vapor

/// 一公开 portal pages: published plans, one plan with its seed, pool, result and outcomes, and the
/// server-side re-run of its draw (重新抽取验证).
struct PublicInspectionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("inspections", use: index)
        routes.get("inspections", ":planID", use: show)
        routes.get("inspections", ":planID", "redraw", use: redraw)
    }

    @Sendable func index(req: Request) async throws -> Response {
        PublicInspectionsPage(plans: try await InspectionQueries.published(on: req.db)).render().response()
    }

    @Sendable func show(req: Request) async throws -> Response {
        let plan = try await APIPublicInspectionsController.published(req)
        return PublicInspectionPlanPage(view: try await InspectionQueries.view(plan, on: req.db), verification: nil).render().response()
    }

    @Sendable func redraw(req: Request) async throws -> Response {
        let plan = try await APIPublicInspectionsController.published(req)
        let verification = try await InspectionQueries.verify(plan, on: req.db)
        return PublicInspectionPlanPage(view: try await InspectionQueries.view(plan, on: req.db), verification: verification).render().response()
    }
}
