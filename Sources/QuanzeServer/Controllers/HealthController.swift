import Fluent
import SQLKit
import Vapor

/// `/healthz` (the process is alive) and `/readyz` (the database answers).
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: alive)
        routes.get("readyz", use: ready)
        routes.get("assets", "app.css", use: stylesheet)
    }

    @Sendable func alive(req: Request) async throws -> HealthDTO {
        HealthDTO(status: "ok")
    }

    @Sendable func ready(req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await sql.raw("SELECT 1").run()
            return try await HealthDTO(status: "ready").encodeResponse(for: req)
        } catch {
            let res = try await HealthDTO(status: "database_unreachable").encodeResponse(for: req)
            res.status = .serviceUnavailable
            return res
        }
    }

    @Sendable func stylesheet(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }
}

struct HealthDTO: Content {
    var status: String
}
