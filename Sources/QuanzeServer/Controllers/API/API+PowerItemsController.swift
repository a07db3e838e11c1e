import Fluent
import QuanzeCore
import Vapor

/// 权责清单 API: the body's 法制员 drafts and submits; the legal office (监督员) approves, returns, publishes.
struct APIPowerItemsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("agencies", ":agencyID", "power-items", use: index)
        routes.post("agencies", ":agencyID", "power-items", use: create)
        let items = routes.grouped("power-items")
        items.get("adjustments", use: adjustments)
        items.get(":itemID", use: show)
        items.put(":itemID", "draft", use: updateDraft)
        items.post(":itemID", "new-version", use: newVersion)
        items.post(":itemID", ":action", use: transition)
        items.get(":itemID", "flowchart.svg", use: flowchart)
    }

    @Sendable func index(req: Request) async throws -> [PowerItemDTO] {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        guard AgencyQueries.canRead(agency, p) else { throw AppError.outOfScope }
        var out: [PowerItemDTO] = []
        for item in try await PowerItem.query(on: req.db).filter(\.$agency.$id == agency.requireID()).sort(\.$code).all() {
            out.append(try await PowerItemQueries.dto(item, on: req.db))
        }
        return out
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.legalOfficer)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        guard agency.id == p.agencyID else { throw AppError.outOfScope }
        let input = try req.decodeStrict(PowerItemInput.self)
        let item = try await PowerItemService.create(agency: agency, code: input.code ?? "", content: input.content, req: req)
        return try await PowerItemQueries.dto(item, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> PowerItemDTO {
        let p = try req.principal()
        let (item, _) = try await PowerItemQueries.readable(try req.uuidParameter("itemID"), by: p, on: req.db)
        return try await PowerItemQueries.dto(item, on: req.db)
    }

    @Sendable func updateDraft(req: Request) async throws -> PowerItemDTO {
        let (item, _) = try await ownBody(req)
        let input = try req.decodeStrict(PowerItemInput.self)
        try await PowerItemService.updateDraft(try await PowerItemQueries.latest(item, on: req.db), content: input.content, req: req)
        return try await PowerItemQueries.dto(item, on: req.db)
    }

    @Sendable func newVersion(req: Request) async throws -> Response {
        let (item, _) = try await ownBody(req)
        _ = try await PowerItemService.newVersion(of: item, req: req)
        return try await PowerItemQueries.dto(item, on: req.db).encodeResponse(status: .created, for: req)
    }

    /// submit (法制员 of the body); approve, return, publish (监督员 of the jurisdiction).
    @Sendable func transition(req: Request) async throws -> PowerItemDTO {
        let action = req.parameters.get("action") ?? ""
        let target: PowerVersionStatus
        let (item, agency): (PowerItem, Agency)
        switch action {
        case "submit": (item, agency) = try await ownBody(req); target = .submitted
        case "approve", "return", "publish":
            (item, agency) = try await supervised(req)
            target = action == "approve" ? .approved : (action == "publish" ? .published : .draft)
        default: throw AppError.notFound
        }
        try await PowerItemService.transition(try await PowerItemQueries.latest(item, on: req.db), to: target, agency: agency, req: req)
        return try await PowerItemQueries.dto(item, on: req.db)
    }

    @Sendable func flowchart(req: Request) async throws -> Response {
        let p = try req.principal()
        let (item, _) = try await PowerItemQueries.readable(try req.uuidParameter("itemID"), by: p, on: req.db)
        let v = try await PowerItemQueries.latest(item, on: req.db)
        return Self.svg(FlowchartSVG.render(title: v.name, steps: v.flow))
    }

    @Sendable func adjustments(req: Request) async throws -> [PowerItemDTO] {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        var out: [PowerItemDTO] = []
        for (_, item, _) in try await PowerItemQueries.adjustments(for: p, on: req.db) {
            out.append(try await PowerItemQueries.dto(item, on: req.db))
        }
        return out
    }

    static func svg(_ body: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    /// The item, which must belong to the calling 法制员's own body.
    private func ownBody(_ req: Request) async throws -> (PowerItem, Agency) {
        let p = try req.require(.legalOfficer)
        let (item, agency) = try await PowerItemQueries.readable(try req.uuidParameter("itemID"), by: p, on: req.db)
        guard agency.id == p.agencyID else { throw AppError.outOfScope }
        return (item, agency)
    }

    /// The item, whose body must lie in the calling 监督员's jurisdiction.
    private func supervised(_ req: Request) async throws -> (PowerItem, Agency) {
        let p = try req.require(.supervisor)
        let (item, agency) = try await PowerItemQueries.readable(try req.uuidParameter("itemID"), by: p, on: req.db)
        guard agency.$jurisdiction.id == p.jurisdictionID else { throw AppError.outOfScope }
        return (item, agency)
    }
}
