import Fluent
import QuanzeCore
import Vapor

/// 一公开 API, no sign-in: published plans with everything needed to re-run the draw, and the
/// re-run itself.
struct APIPublicInspectionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("public", "inspection-plans", use: index)
        routes.get("public", "inspection-plans", ":planID", use: show)
        routes.get("public", "inspection-plans", ":planID", "redraw", use: redraw)
    }

    @Sendable func index(req: Request) async throws -> [PublicInspectionPlanSummaryDTO] {
        try await InspectionQueries.published(on: req.db).map { plan, agency in
            PublicInspectionPlanSummaryDTO(id: try plan.requireID(), agencyName: agency.name, name: plan.name, year: plan.year, period: plan.period,
                                           status: plan.status.rawValue, statusLabel: plan.status.label, objectCount: plan.objectCount,
                                           publishedAt: plan.publishedAt)
        }
    }

    @Sendable func show(req: Request) async throws -> PublicInspectionPlanDTO {
        let plan = try await Self.published(req)
        guard let input = try await InspectionQueries.drawInput(plan, on: req.db) else { throw AppError.notFound }
        return try PublicInspectionPlanDTO(try await InspectionQueries.view(plan, on: req.db), draw: input)
    }

    @Sendable func redraw(req: Request) async throws -> RedrawDTO {
        let plan = try await Self.published(req)
        guard let v = try await InspectionQueries.verify(plan, on: req.db) else { throw AppError.notFound }
        return RedrawDTO(planID: try plan.requireID(), poolDigest: plan.poolDigest ?? "", v)
    }

    /// A published (or completed) plan; anything else is 404 to the public.
    static func published(_ req: Request) async throws -> InspectionPlan {
        guard let plan = try await InspectionPlan.find(try req.uuidParameter("planID"), on: req.db), plan.status.isPublic else {
            throw AppError.notFound
        }
        return plan
    }
}
