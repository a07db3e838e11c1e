import Fluent
import QuanzeCore
import Vapor

/// 全过程记录 on the portal: the latest signed checkpoint, the platform's public key, how to
/// verify, and a consistency proof between two sizes on request.
struct PublicRecordsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("records", use: page)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let settings = req.services.records
        let cp = try await RecordLog.currentCheckpoint(settings: settings, now: req.now, on: req.db)
        var page = PublicRecordsPage(checkpoint: cp, verifierKey: try RecordKeys.verifierKey(settings), algorithm: settings.algorithm)
        let from = req.query[String.self, at: "from"], to = req.query[String.self, at: "to"]
        guard from != nil || to != nil else { return page.render().response() }
        page.from = from ?? ""
        page.to = to ?? ""
        do {
            page.proof = try await APIPublicRecordsController().consistency(req: req)
            return page.render().response()
        } catch let e as AppError where e.status == .unprocessableEntity {
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }
}
