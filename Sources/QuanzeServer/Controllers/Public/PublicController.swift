import Fluent
import Vapor

/// The public portal (行政执法公示): no sign-in.
struct PublicController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("agencies", use: agencies)
    }

    @Sendable func home(req: Request) async throws -> Response {
        let jurisdictions = try await Jurisdiction.query(on: req.db).sort(\.$name).all()
        let agencies = try await Agency.query(on: req.db).filter(\.$status == .announced).all()
        let kinds = AgencyKind.allCases.map { k in (label: k.label, count: agencies.filter { $0.kind == k }.count) }
        return PublicHomePage(jurisdictions: jurisdictions, agencyCount: agencies.count, kinds: kinds).render().response()
    }

    @Sendable func agencies(req: Request) async throws -> Response {
        let list = try await Agency.query(on: req.db).filter(\.$status == .announced).sort(\.$name).all()
        return PublicAgenciesPage(agencies: list).render().response()
    }
}
