import Fluent
import QuanzeCore
import Vapor

/// 分解职权 API: units, posts, the powers each post holds, officers on posts, and the coverage
/// report. The body's 法制员 manages; the jurisdiction's 监督员 reads (see `PostScope`).
struct APIPostsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("agencies", ":agencyID", "units", use: units)
        routes.post("agencies", ":agencyID", "units", use: createUnit)
        routes.get("agencies", ":agencyID", "posts", use: posts)
        routes.post("agencies", ":agencyID", "posts", use: createPost)
        routes.get("agencies", ":agencyID", "coverage", use: coverage)
        routes.get("posts", ":postID", use: show)
        routes.post("posts", ":postID", "powers", use: addPower)
        routes.delete("posts", ":postID", "powers", ":itemID", use: removePower)
        routes.post("posts", ":postID", "assignments", use: assign)
        routes.post("assignments", ":assignmentID", "end", use: endAssignment)
    }

    @Sendable func units(req: Request) async throws -> [UnitDTO] {
        let (_, agency) = try await PostScope.agency(req, manage: false)
        return try await EnforcementUnit.query(on: req.db).filter(\.$agency.$id == agency.requireID()).sort(\.$name).all().map(UnitDTO.init)
    }

    @Sendable func createUnit(req: Request) async throws -> Response {
        let (_, agency) = try await PostScope.agency(req, manage: true)   // authorisation before reading the body
        let input = try req.decodeStrict(UnitInput.self)
        let unit = try await PostService.createUnit(agency: agency, name: input.name, description: input.description, req: req)
        return try await UnitDTO(unit).encodeResponse(status: .created, for: req)
    }

    @Sendable func posts(req: Request) async throws -> [PostDTO] {
        let (_, agency) = try await PostScope.agency(req, manage: false)
        return try await PostQueries.overview(agency, on: req.db).posts.map(PostDTO.init)
    }

    @Sendable func createPost(req: Request) async throws -> Response {
        let (_, agency) = try await PostScope.agency(req, manage: true)
        let input = try req.decodeStrict(PostInput.self)
        let post = try await PostService.createPost(agency: agency, .init(unitID: input.unitId, name: input.name, duties: input.duties,
                                                                          powers: (input.powers ?? []).map(\.holding)), req: req)
        return try await PostDTO(try await PostQueries.row(post, on: req.db)).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> PostDTO {
        let (_, post, _) = try await PostScope.post(req, manage: false)
        return try PostDTO(try await PostQueries.row(post, on: req.db))
    }

    @Sendable func addPower(req: Request) async throws -> Response {
        let (_, post, agency) = try await PostScope.post(req, manage: true)
        let input = try req.decodeStrict(HoldingInput.self)
        try await PostPowerService.add(input.holding, to: post, agency: agency, req: req)
        return try await PostDTO(try await PostQueries.row(post, on: req.db)).encodeResponse(status: .created, for: req)
    }

    @Sendable func removePower(req: Request) async throws -> PostDTO {
        let (_, post, agency) = try await PostScope.post(req, manage: true)
        try await PostPowerService.remove(itemID: try req.uuidParameter("itemID"), from: post, agency: agency, req: req)
        return try PostDTO(try await PostQueries.row(post, on: req.db))
    }

    @Sendable func assign(req: Request) async throws -> Response {
        let (_, post, agency) = try await PostScope.post(req, manage: true)
        let input = try req.decodeStrict(AssignmentInput.self)
        let a = try await PostAssignmentService.assign(officerID: input.officerId, startDate: input.startDate, to: post, agency: agency, req: req)
        guard let officer = try await Officer.find(a.$officer.id, on: req.db) else { throw AppError.notFound }
        return try await AssignmentDTO(a, officer: officer).encodeResponse(status: .created, for: req)
    }

    @Sendable func endAssignment(req: Request) async throws -> AssignmentDTO {
        let (_, a, post, agency) = try await PostScope.assignment(req)
        let input = try req.decodeStrict(EndAssignmentInput.self)
        try await PostAssignmentService.end(a, endDate: input.endDate, post: post, agency: agency, req: req)
        guard let officer = try await Officer.find(a.$officer.id, on: req.db) else { throw AppError.notFound }
        return try AssignmentDTO(a, officer: officer)
    }

    @Sendable func coverage(req: Request) async throws -> CoverageDTO {
        let (_, agency) = try await PostScope.agency(req, manage: false)
        return try CoverageDTO(try await CoverageReport.build(agency, today: LocalDate(instant: req.now), profiles: req.services.profiles, on: req.db))
    }
}
