import Fluent
import Foundation
import QuanzeCore
import Vapor

/// The public portal (行政执法公示): no sign-in.
struct PublicController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("agencies", use: agencies)
        routes.get("agencies", ":agencyID", use: agency)
        routes.get("power-items", ":itemID", "flowchart.svg", use: flowchart)
        routes.get("certificates", use: certificates)
    }

    @Sendable func agency(req: Request) async throws -> Response {
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db), agency.mayEnforce else { throw AppError.notFound }
        var powers: [(PowerItem, PowerItemVersion, [(LegalArticle, LegalNorm)])] = []
        for item in try await PowerItem.query(on: req.db).filter(\.$agency.$id == agency.requireID()).sort(\.$code).all() {
            guard let v = try await PowerItemQueries.published(item, on: req.db) else { continue }
            powers.append((item, v, try await PowerItemQueries.bases(of: v, on: req.db)))
        }
        let today = LocalDate(instant: req.now)
        let given = try await DelegationQueries.of(agency: agency.requireID(), asDelegator: true, inForceOn: today, on: req.db)
        var page = PublicAgencyPage(agency: agency, powers: powers)
        page.delegationNotes = DelegationQueries.notesByItem(given, today: today, showState: false)
        page.received = try await DelegationQueries.of(agency: agency.requireID(), asDelegator: false, inForceOn: today, on: req.db)
            .filter { $0.delegator.mayEnforce }
        page.holders = try await CertificateLookup.holders(of: agency, today: today, on: req.db)
        return page.render().response()
    }

    /// The flowchart of the published version only.
    @Sendable func flowchart(req: Request) async throws -> Response {
        guard let item = try await PowerItem.find(try req.uuidParameter("itemID"), on: req.db),
              let agency = try await Agency.find(item.$agency.id, on: req.db), agency.mayEnforce,
              let v = try await PowerItemQueries.published(item, on: req.db) else { throw AppError.notFound }
        return APIPowerItemsController.svg(FlowchartSVG.render(title: v.name, steps: v.flow))
    }

    @Sendable func certificates(req: Request) async throws -> Response {
        let agencies = try await Agency.query(on: req.db).filter(\.$status == .announced).sort(\.$name).all()
        do {
            let q = try CertificateLookup.Query.from(req)
            let results = q.isEmpty ? nil : try await CertificateLookup.find(q, today: req.today, on: req.db)
            return CertificateLookupPage(agencies: agencies, query: q, results: results).render().response()
        } catch let e as AppError where e.status == .unprocessableEntity {
            var page = CertificateLookupPage(agencies: agencies, query: .init(), results: nil)
            page.error = e.message
            return page.render().response(status: e.status)
        }
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
