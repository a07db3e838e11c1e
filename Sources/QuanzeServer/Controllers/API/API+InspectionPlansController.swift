import Fluent
import QuanzeCore
import Vapor

/// 双随机一公开 API: the body's 法制员 creates plans, fills the pool (one object or CSV), declares
/// 回避, draws, publishes and records results; the jurisdiction's 监督员 reads.
struct APIInspectionPlansController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("inspection-plans", use: index)
        routes.post("inspection-plans", use: create)
        routes.get("inspection-plans", ":planID", use: show)
        routes.post("inspection-plans", ":planID", "objects", use: addObject)
        routes.post("inspection-plans", ":planID", "objects", "import", use: importObjects)
        routes.post("inspection-plans", ":planID", "conflicts", use: declareConflict)
        routes.post("inspection-plans", ":planID", "draw", use: draw)
        routes.post("inspection-plans", ":planID", "publish", use: publish)
        routes.post("inspection-plans", ":planID", "results", use: recordResult)
    }

    @Sendable func index(req: Request) async throws -> [InspectionPlanDTO] {
        let p = try req.require(.supervisor, .legalOfficer)
        var out: [InspectionPlanDTO] = []
        for plan in try await InspectionScope.list(p, on: req.db) { out.append(try await Self.dto(plan, req)) }
        return out
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.legalOfficer)
        let input = try req.decodeStrict(InspectionPlanInput.self)
        let plan = try await InspectionPlanService.create(input.draft, by: p, req: req)
        return try await Self.dto(plan, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> InspectionPlanDTO {
        let (_, plan) = try await InspectionScope.plan(req, manage: false)
        return try await Self.dto(plan, req)
    }

    @Sendable func addObject(req: Request) async throws -> Response {
        let (_, plan) = try await InspectionScope.plan(req, manage: true)
        let input = try req.decodeStrict(InspectionObjectInput.self)
        let (draft, problems) = InspectionObjectDraft(code: input.code, name: input.name, address: input.address).checked()
        guard let draft else {
            throw AppError.validation(problems.map { FieldProblem(field: $0.column, code: "invalid", message: $0.message) })
        }
        _ = try await InspectionPlanService.addObjects([(nil, draft)], to: plan, req: req)
        return try await Self.dto(plan, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func importObjects(req: Request) async throws -> Response {
        let (_, plan) = try await InspectionScope.plan(req, manage: true)
        let input = try req.decodeStrict(InspectionObjectImportInput.self)
        try InspectionPlanService.requireDraft(plan)
        _ = try await Self.importCSV(Data(input.csv.utf8), plan: plan, req: req)
        return try await Self.dto(plan, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func declareConflict(req: Request) async throws -> Response {
        let (_, plan) = try await InspectionScope.plan(req, manage: true)
        let input = try req.decodeStrict(InspectionConflictInput.self)
        _ = try await InspectionPlanService.declareConflict(officerID: input.officerId, objectID: input.objectId, reason: input.reason, plan: plan, req: req)
        return try await Self.dto(plan, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func draw(req: Request) async throws -> InspectionPlanDTO {
        let (_, plan) = try await InspectionScope.plan(req, manage: true)
        return try await Self.dto(try await InspectionDrawService.draw(plan, req: req), req)
    }

    @Sendable func publish(req: Request) async throws -> InspectionPlanDTO {
        let (_, plan) = try await InspectionScope.plan(req, manage: true)
        return try await Self.dto(try await InspectionDrawService.publish(plan, req: req), req)
    }

    @Sendable func recordResult(req: Request) async throws -> Response {
        let (_, plan) = try await InspectionScope.plan(req, manage: true)
        let input = try req.decodeStrict(InspectionResultInput.self)
        _ = try await InspectionResultService.record(.init(objectID: input.objectId, kind: input.kind, summary: input.summary,
                                                           inspectedOn: input.inspectedOn), plan: plan, req: req)
        return try await Self.dto(try await InspectionDrawService.reload(plan, on: req.db), req).encodeResponse(status: .created, for: req)
    }

    static func dto(_ plan: InspectionPlan, _ req: Request) async throws -> InspectionPlanDTO {
        try InspectionPlanDTO(try await InspectionQueries.view(plan, on: req.db))
    }

    /// All rows or none: 422 CSV_INVALID naming row and column for every problem.
    static func importCSV(_ data: Data, plan: InspectionPlan, req: Request) async throws -> [InspectionObject] {
        let parsed = InspectionObjectCSV.parse(data)
        guard parsed.problems.isEmpty else {
            throw AppError(PowerListImport.invalidCode, .unprocessableEntity, "CSV 有 \(parsed.problems.count) 处问题，未导入任何检查对象",
                           details: ErrorDetails(rows: parsed.problems))
        }
        return try await InspectionPlanService.addObjects(parsed.drafts.map { (row: Optional($0.row), draft: $0.draft) }, to: plan, req: req)
    }
}
