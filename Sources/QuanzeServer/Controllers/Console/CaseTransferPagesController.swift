import Fluent
import Plot
import QuanzeCore
import Vapor

/// 移送 and 决定公开 pages: the transfer forms of the case page, the receiving body's inbox (accept
/// by filing), and the publications board with publish and withdraw. Refusals are shown on the page.
struct CaseTransferPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "case-transfers", use: inbox)
        routes.post("console", "case-transfers", ":transferID", "accept", use: accept)
        routes.post("console", "cases", ":caseID", "transfers", use: transfer)
        routes.post("console", "cases", ":caseID", "publication", use: mark)
        routes.get("console", "decision-publications", use: publications)
        routes.post("console", "decision-publications", ":publicationID", "publish", use: { req in try await act(req, "publish") })
        routes.post("console", "decision-publications", ":publicationID", "withdraw", use: { req in try await act(req, "withdraw") })
    }

    struct Form: Content {
        var kind: String?, toAgencyId: String?, reason: String?, materials: String?, organ: String?, organName: String?
        var suspectedCrime: String?, receiptNumber: String?, transferredOn: String?
        var powerItemId: String?, procedure: String?, lead: String?, assist: String?, title: String?, facts: String?
        var basis: String?, resultOn: String?

        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
    }

    private static let refusals: [HTTPStatus] = [.badRequest, .unprocessableEntity, .conflict, .notFound]

    @Sendable func inbox(req: Request) async throws -> Response {
        let p = try req.requireAny(CaseQueries.readers)
        return try await inboxPage(req, p).render().response()
    }

    @Sendable func accept(req: Request) async throws -> Response {
        let p = try req.require(.officer, .legalOfficer)
        let id = try req.uuidParameter("transferID")
        guard let t = try await CaseTransfer.find(id, on: req.db) else { throw AppError.notFound }
        guard p.agencyID != nil, t.$toAgency.id == p.agencyID else { throw AppError.outOfScope }
        let form = try req.content.decode(Form.self)
        do {
            guard let item = form.powerItemId.flatMap(UUID.init(uuidString:)) else { throw AppError.validation("powerItemId", "请选择职权事项", code: "required") }
            let team = [(form.lead, CaseOfficerRole.lead), (form.assist, .assist)].compactMap { raw, role in
                raw.flatMap(UUID.init(uuidString:)).map { CaseFiling.Member(officerID: $0, role: role) }
            }
            let (_, c) = try await CaseTransferService.accept(id, .init(
                powerItemID: item, procedure: form.procedure.flatMap(CaseProcedure.init(rawValue:)) ?? .penaltyOrdinary,
                title: form.nonEmpty(form.title), facts: form.nonEmpty(form.facts), filedOn: nil, officers: team, majorCriteria: []), req: req)
            return req.redirect(to: SiteURL.consoleCase(try c.requireID()), redirectType: .normal)
        } catch let e as AppError where Self.refusals.contains(e.status) {
            var page = try await inboxPage(req, p)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    @Sendable func transfer(req: Request) async throws -> Response {
        let p = try req.require(.officer, .legalOfficer)
        let (c, agency) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        let form = try req.content.decode(Form.self)
        do {
            guard let kind = form.kind.flatMap(CaseTransferKind.init(rawValue:)) else { throw AppError.validation("kind", "移送方式无效") }
            let materials = (form.materials ?? "").split(whereSeparator: \.isNewline).map(String.init)
            let input = CaseTransferService.Input(
                kind: kind, toAgencyID: kind == .agency ? form.toAgencyId.flatMap(UUID.init(uuidString:)) : nil, reason: form.reason ?? "",
                materials: materials, organ: kind == .judicial ? form.organ.flatMap(JudicialOrgan.init(rawValue:)) : nil,
                organName: kind == .judicial ? form.organName : nil, suspectedCrime: kind == .judicial ? form.suspectedCrime : nil,
                receiptNumber: kind == .judicial ? form.receiptNumber : nil, transferredOn: form.nonEmpty(form.transferredOn))
            _ = try await CaseTransferService.transfer(c, input, agency: agency, req: req)
            var view = try await CasePagesController().page(req, p, c, agency)
            view.message = kind == .agency ? "已移送，本案以“已移送”结案。" : "已移送司法机关，行政案件中止办理。"
            return view.render().response()
        } catch let e as AppError where Self.refusals.contains(e.status) {
            let fresh = try await EnforcementCase.find(c.requireID(), on: req.db) ?? c
            var view = try await CasePagesController().page(req, p, fresh, agency)
            view.error = e.message
            return view.render().response(status: e.status)
        }
    }

    @Sendable func mark(req: Request) async throws -> Response {
        let p = try req.require(.legalOfficer)
        let (c, agency) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        do {
            let pub = try await DecisionPublicityService.mark(c, req: req)
            var view = try await CasePagesController().page(req, p, c, agency)
            view.message = "已列为应当公开的执法决定，应于 \(pub.due) 前公开。"
            return view.render().response()
        } catch let e as AppError where Self.refusals.contains(e.status) {
            var view = try await CasePagesController().page(req, p, c, agency)
            view.error = e.message
            return view.render().response(status: e.status)
        }
    }

    @Sendable func publications(req: Request) async throws -> Response {
        let p = try req.requireAny(CaseQueries.readers)
        return try await publicationsPage(req, p).render().response()
    }

    private func act(_ req: Request, _ action: String) async throws -> Response {
        let p = try req.require(.legalOfficer)
        let pub = try await APICaseTransfersController.ownPublication(req)
        let form = try req.content.decode(Form.self)
        do {
            let message: String
            if action == "publish" {
                try await DecisionPublicityService.publish(pub, req: req)
                message = "已公开。"
            } else {
                let resultOn = try CaseText.date(form.nonEmpty(form.resultOn), field: "resultOn", default: req.today, notAfter: req.today)
                try await DecisionPublicityService.withdraw(caseID: pub.$enforcementCase.id, reason: form.reason ?? "",
                                                            basis: form.nonEmpty(form.basis) ?? "本机关自行纠正", on: resultOn, req: req)
                message = "已撤回，公示页显示撤回理由。"
            }
            var page = try await publicationsPage(req, p)
            page.message = message
            return page.render().response()
        } catch let e as AppError where Self.refusals.contains(e.status) {
            var page = try await publicationsPage(req, p)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    private func inboxPage(_ req: Request, _ p: Principal) async throws -> CaseTransferInboxPage {
        let list = try await CaseTransferDTO.load(try await CaseTransferService.visible(for: p, status: nil, on: req.db), on: req.db)
        var page = CaseTransferInboxPage(principal: p, transfers: list)
        if let agencyID = p.agencyID, p.hasAny([.officer, .legalOfficer]) {
            for item in try await PowerItem.query(on: req.db).filter(\.$agency.$id == agencyID).sort(\.$code).all() {
                if let v = try await PowerItemQueries.published(item, on: req.db), ["penalty", "coercion", "licensing", "inspection"].contains(v.category.rawValue) {
                    page.items.append((item, v))
                }
            }
            page.officers = try await Officer.query(on: req.db).filter(\.$agency.$id == agencyID).filter(\.$status == .serving).sort(\.$name).all()
        }
        return page
    }

    private func publicationsPage(_ req: Request, _ p: Principal) async throws -> DecisionPublicationsPage {
        let rows = try await DecisionPublicationDTO.load(try await DecisionPublicityService.visible(for: p, status: nil, on: req.db),
                                                         today: req.today, on: req.db)
        return DecisionPublicationsPage(principal: p, rows: rows)
    }
}
