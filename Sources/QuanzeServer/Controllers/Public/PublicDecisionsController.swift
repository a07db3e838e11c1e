import Fluent
import QuanzeCore
import Vapor

/// 执法决定公示 portal pages: published (and withdrawn) decisions with search, and one decision with
/// the proof that its publication entry is in a signed checkpoint of the 全过程记录.
struct PublicDecisionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("decisions", use: index)
        routes.get("decisions", ":publicationID", use: show)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let page = try PageRequest.from(req, defaultPer: 20, maxPer: 100)
        var q = req.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespaces)
        if let text = q, text.isEmpty || text.unicodeScalars.count > 50 { q = nil }
        let (rows, total) = try await DecisionPublicityService.publicList(text: q, page: page, on: req.db)
        return PublicDecisionsPage(rows: rows, total: total, query: q ?? "", page: page).render().response()
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (pub, proof) = try await APICaseTransfersController.publicDecision(req)
        return PublicDecisionPage(pub: pub, proof: proof).render().response()
    }
}
