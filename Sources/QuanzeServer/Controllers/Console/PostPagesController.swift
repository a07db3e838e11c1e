import Fluent
import Plot
import QuanzeCore
import Vapor

/// 分解职权 pages of one body: units and posts with forms (法制员 of the body), and the coverage
/// report (also for the jurisdiction's 监督员). Forms re-render the page with the refusal.
struct PostPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "agencies", ":agencyID", "posts", use: index)
        routes.post("console", "agencies", ":agencyID", "units", use: createUnit)
        routes.post("console", "agencies", ":agencyID", "posts", use: createPost)
        routes.get("console", "agencies", ":agencyID", "coverage", use: coverage)
        routes.post("console", "posts", ":postID", "powers", use: addPower)
        routes.post("console", "posts", ":postID", "powers", ":itemID", "remove", use: removePower)
        routes.post("console", "posts", ":postID", "assignments", use: assign)
        routes.post("console", "assignments", ":assignmentID", "end", use: endAssignment)
    }

    struct UnitForm: Content { var name: String?; var description: String? }
    struct PostForm: Content { var unitId: String?; var name: String?; var duties: [String]? }
    struct PowerForm: Content { var itemId: String?; var overlapReason: String? }
    struct AssignForm: Content { var officerId: String?; var startDate: String? }
    struct EndForm: Content { var endDate: String? }

    @Sendable func index(req: Request) async throws -> Response {
        let (p, agency) = try await PostScope.agency(req, manage: false)
        return try await page(p, agency, req).render().response()
    }

    @Sendable func createUnit(req: Request) async throws -> Response {
        let (p, agency) = try await PostScope.agency(req, manage: true)
        return try await perform(p, agency, req) {
            let f = try req.content.decode(UnitForm.self)
            let description = f.description.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            let unit = try await PostService.createUnit(agency: agency, name: f.name ?? "", description: description, req: req)
            return "已设立执法机构“\(unit.name)”。"
        }
    }

    @Sendable func createPost(req: Request) async throws -> Response {
        let (p, agency) = try await PostScope.agency(req, manage: true)
        return try await perform(p, agency, req) {
            let f = try req.content.decode(PostForm.self)
            let duties = try (f.duties ?? []).map { raw -> PostDuty in
                guard let d = PostDuty(rawValue: raw) else { throw AppError.validation("duties", "未知的岗位职责：\(raw)") }
                return d
            }
            let post = try await PostService.createPost(agency: agency, .init(unitID: f.unitId.flatMap(UUID.init(uuidString:)),
                                                                              name: f.name ?? "", duties: duties, powers: []), req: req)
            return "已设立执法岗位“\(post.name)”。"
        }
    }

    @Sendable func addPower(req: Request) async throws -> Response {
        let (p, post, agency) = try await PostScope.post(req, manage: true)
        return try await perform(p, agency, req) {
            let f = try req.content.decode(PowerForm.self)
            guard let itemID = f.itemId.flatMap(UUID.init(uuidString:)) else { throw AppError.validation("itemId", "请选择职权事项", code: "required") }
            let reason = f.overlapReason.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            try await PostPowerService.add(.init(itemID: itemID, overlapReason: reason), to: post, agency: agency, req: req)
            return "岗位“\(post.name)”已持有该职权。"
        }
    }

    @Sendable func removePower(req: Request) async throws -> Response {
        let (p, post, agency) = try await PostScope.post(req, manage: true)
        return try await perform(p, agency, req) {
            try await PostPowerService.remove(itemID: try req.uuidParameter("itemID"), from: post, agency: agency, req: req)
            return "已从岗位“\(post.name)”移除该职权。"
        }
    }

    @Sendable func assign(req: Request) async throws -> Response {
        let (p, post, agency) = try await PostScope.post(req, manage: true)
        return try await perform(p, agency, req) {
            let f = try req.content.decode(AssignForm.self)
            _ = try await PostAssignmentService.assign(officerID: f.officerId.flatMap(UUID.init(uuidString:)), startDate: f.startDate,
                                                       to: post, agency: agency, req: req)
            return "已安排到岗位“\(post.name)”。"
        }
    }

    @Sendable func endAssignment(req: Request) async throws -> Response {
        let (p, a, post, agency) = try await PostScope.assignment(req)
        return try await perform(p, agency, req) {
            let f = try req.content.decode(EndForm.self)
            let end = f.endDate.flatMap { $0.isEmpty ? nil : $0 }
            try await PostAssignmentService.end(a, endDate: end, post: post, agency: agency, req: req)
            return "已结束在岗位“\(post.name)”的任职。"
        }
    }

    @Sendable func coverage(req: Request) async throws -> Response {
        let (p, agency) = try await PostScope.agency(req, manage: false)
        let report = try await CoverageReport.build(agency, today: LocalDate(instant: req.now), profiles: req.services.profiles, on: req.db)
        return CoveragePage(principal: p, report: report).render().response()
    }

    private func perform(_ p: Principal, _ agency: Agency, _ req: Request, _ action: () async throws -> String) async throws -> Response {
        do {
            let message = try await action()
            var model = try await page(p, agency, req)
            model.message = message
            return model.render().response()
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict || e.status == .badRequest
                    || (e.status == .notFound && req.parameters.get("itemID") != nil) {
            var model = try await page(p, agency, req)
            model.error = e.message
            return model.render().response(status: e.status)
        }
    }

    private func page(_ p: Principal, _ agency: Agency, _ req: Request) async throws -> PostsPage {
        PostsPage(principal: p, agency: agency, overview: try await PostQueries.overview(agency, on: req.db),
                  items: try await PostQueries.assignableItems(agency, on: req.db),
                  officers: try await PostQueries.servingOfficers(agency, on: req.db),
                  canManage: PostScope.canManage(agency, p))
    }
}
