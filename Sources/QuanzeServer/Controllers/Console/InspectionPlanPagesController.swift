import Fluent
import Plot
import QuanzeCore
import Vapor

/// 双随机抽查 pages: list and new plan (法制员), the plan page with pool (form, CSV paste or upload),
/// 回避, draw, publish and results. 监督员 read their jurisdiction's plans.
struct InspectionPlanPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "inspection-plans", use: index)
        routes.post("console", "inspection-plans", use: create)
        routes.get("console", "inspection-plans", ":planID", use: show)
        routes.post("console", "inspection-plans", ":planID", "objects", use: addObject)
        routes.on(.POST, "console", "inspection-plans", ":planID", "objects", "import", body: .collect(maxSize: "2mb"), use: importObjects)
            .userInfo[CSRFMiddleware.bodyLimitKey] = 2 * 1024 * 1024
        routes.post("console", "inspection-plans", ":planID", "conflicts", use: declareConflict)
        routes.post("console", "inspection-plans", ":planID", "draw", use: draw)
        routes.post("console", "inspection-plans", ":planID", "publish", use: publish)
        routes.post("console", "inspection-plans", ":planID", "results", use: recordResult)
    }

    struct CreateForm: Content { var name: String?; var powerItemId: String?; var year: String?; var period: String?; var objectCount: String?; var inspectorsPerObject: String? }
    struct ObjectForm: Content { var code: String?; var name: String?; var address: String? }
    struct ImportForm: Content { var csv: String?; var file: File? }
    struct ConflictForm: Content { var officerId: String?; var objectId: String?; var reason: String? }
    struct ResultForm: Content { var objectId: String?; var kind: String?; var summary: String?; var inspectedOn: String? }

    @Sendable func index(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        return try await listPage(p, req).render().response()
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.legalOfficer)
        let f = try req.content.decode(CreateForm.self)
        func int(_ s: String?, _ field: String) throws -> Int {
            guard let v = s.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else { throw AppError.validation(field, "须为整数", code: "required") }
            return v
        }
        do {
            let plan = try await InspectionPlanService.create(.init(
                name: f.name ?? "", powerItemID: f.powerItemId.flatMap(UUID.init(uuidString:)), year: try int(f.year, "year"), period: f.period ?? "",
                objectCount: try int(f.objectCount, "objectCount"), inspectorsPerObject: try int(f.inspectorsPerObject, "inspectorsPerObject")), by: p, req: req)
            return req.redirect(to: SiteURL.consoleInspectionPlan(try plan.requireID()), redirectType: .normal)
        } catch let e as AppError where e.status == .unprocessableEntity {
            var page = try await listPage(p, req)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (p, plan) = try await InspectionScope.plan(req, manage: false)
        return try await detail(p, plan, req).render().response()
    }

    @Sendable func addObject(req: Request) async throws -> Response {
        let (p, plan) = try await InspectionScope.plan(req, manage: true)
        return try await perform(p, plan, req) {
            let f = try req.content.decode(ObjectForm.self)
            let (draft, problems) = InspectionObjectDraft(code: f.code ?? "", name: f.name ?? "", address: f.address).checked()
            guard let draft else { throw AppError.validation(problems.map { FieldProblem(field: $0.column, code: "invalid", message: $0.message) }) }
            _ = try await InspectionPlanService.addObjects([(nil, draft)], to: plan, req: req)
            return "已添加检查对象 \(draft.name)。"
        }
    }

    @Sendable func importObjects(req: Request) async throws -> Response {
        let (p, plan) = try await InspectionScope.plan(req, manage: true)
        return try await perform(p, plan, req) {
            let f = try? req.content.decode(ImportForm.self)
            let data: Data
            if let file = f?.file, file.data.readableBytes > 0 { data = Data(file.data.readableBytesView) }
            else if let csv = f?.csv, !csv.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { data = Data(csv.utf8) }
            else { throw AppError.validation("csv", "请粘贴 CSV 或选择文件", code: "required") }
            try InspectionPlanService.requireDraft(plan)
            let added = try await APIInspectionPlansController.importCSV(data, plan: plan, req: req)
            return "已导入 \(added.count) 个检查对象。"
        }
    }

    @Sendable func declareConflict(req: Request) async throws -> Response {
        let (p, plan) = try await InspectionScope.plan(req, manage: true)
        return try await perform(p, plan, req) {
            let f = try req.content.decode(ConflictForm.self)
            _ = try await InspectionPlanService.declareConflict(officerID: f.officerId.flatMap(UUID.init(uuidString:)),
                                                                objectID: f.objectId.flatMap(UUID.init(uuidString:)), reason: f.reason ?? "", plan: plan, req: req)
            return "回避已登记。"
        }
    }

    @Sendable func draw(req: Request) async throws -> Response {
        let (p, plan) = try await InspectionScope.plan(req, manage: true)
        return try await perform(p, plan, req) {
            let drawn = try await InspectionDrawService.draw(plan, req: req)
            return "已随机抽取。随机种子：\(drawn.seed ?? "")"
        }
    }

    @Sendable func publish(req: Request) async throws -> Response {
        let (p, plan) = try await InspectionScope.plan(req, manage: true)
        return try await perform(p, plan, req) {
            _ = try await InspectionDrawService.publish(plan, req: req)
            return "抽取结果已公布。"
        }
    }

    @Sendable func recordResult(req: Request) async throws -> Response {
        let (p, plan) = try await InspectionScope.plan(req, manage: true)
        return try await perform(p, plan, req) {
            let f = try req.content.decode(ResultForm.self)
            _ = try await InspectionResultService.record(.init(objectID: f.objectId.flatMap(UUID.init(uuidString:)), kind: f.kind ?? "",
                                                               summary: f.summary ?? "", inspectedOn: f.inspectedOn ?? ""), plan: plan, req: req)
            return "检查结果已登记，并已作为行政检查案件立案。"
        }
    }

    private func perform(_ p: Principal, _ plan: InspectionPlan, _ req: Request, _ action: () async throws -> String) async throws -> Response {
        do {
            let message = try await action()
            var page = try await detail(p, try await InspectionDrawService.reload(plan, on: req.db), req)
            page.message = message
            return page.render().response()
        } catch let e as AppError where [.badRequest, .unprocessableEntity, .conflict, .payloadTooLarge].contains(e.status) {
            var page = try await detail(p, plan, req)
            page.error = ([e.message] + (e.details?.rows ?? []).prefix(20).map { "第 \($0.row.map(String.init) ?? "?") 行 \($0.column ?? "")：\($0.message)" })
                .joined(separator: "；")
            return page.render().response(status: e.status)
        }
    }

    private func listPage(_ p: Principal, _ req: Request) async throws -> InspectionPlanListPage {
        var rows: [(InspectionPlan, String)] = []
        for plan in try await InspectionScope.list(p, on: req.db) {
            rows.append((plan, try await Agency.find(plan.$agency.id, on: req.db)?.name ?? ""))
        }
        var powers: [(id: UUID, label: String)] = []
        if p.has(.legalOfficer), let agencyID = p.agencyID {
            for item in try await PowerItem.query(on: req.db).filter(\.$agency.$id == agencyID).sort(\.$code).all() {
                if let v = try await PowerItemQueries.published(item, on: req.db), v.category == .inspection { powers.append((try item.requireID(), "\(item.code) \(v.name)")) }
            }
        }
        return InspectionPlanListPage(principal: p, plans: rows, powers: powers, year: req.today.year)
    }

    private func detail(_ p: Principal, _ plan: InspectionPlan, _ req: Request) async throws -> InspectionPlanDetailPage {
        let candidates = plan.status == .draft
            ? try await InspectionEligibility.candidates(agencyID: plan.$agency.id, powerItemID: plan.$powerItem.id, on: req.today, db: req.db) : []
        return InspectionPlanDetailPage(principal: p, view: try await InspectionQueries.view(plan, on: req.db), candidates: candidates,
                                        canManage: InspectionScope.canManage(plan, p))
    }
}
