import Fluent
import Plot
import QuanzeCore
import Vapor

/// 委托执法 pages: list with overdue-filing warnings, the written decision (委托机关法制员 or 监督员),
/// detail with filing (监督员) and early end (监督员 or 委托机关法制员).
struct DelegationPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let delegations = routes.grouped("console", "delegations")
        delegations.get(use: index)
        delegations.get("new", use: newForm)
        delegations.post("new", use: create)
        delegations.get(":delegationID", use: show)
        delegations.post(":delegationID", "file", use: file)
        delegations.post(":delegationID", "terminate", use: terminate)
    }

    struct Form: Content {
        var delegatingAgencyId: String?, delegateAgencyId: String?, basis: String?
        var basisArticleIds: [String]?, powerItemIds: [String]?
        var termStart: String?, termEnd: String?, decisionOn: String?
        var filedOn: String?, filingRef: String?, filingReport: String?, entrustmentLetter: String?, announcementDocument: String?
        var reason: String?

        func input(delegator: UUID) throws -> DelegationService.Input {
            guard let delegate = delegateAgencyId.flatMap(UUID.init(uuidString:)) else {
                throw DelegationRules.refuse("DELEGATE_REQUIRED", "delegateAgencyId", "请选择受委托方")
            }
            return .init(delegatingAgencyID: delegator, delegateAgencyID: delegate, basis: basis ?? "",
                         basisArticleIDs: (basisArticleIds ?? []).compactMap(UUID.init(uuidString:)),
                         powerItemIDs: (powerItemIds ?? []).compactMap(UUID.init(uuidString:)),
                         termStart: termStart ?? "", termEnd: termEnd ?? "", decisionOn: decisionOn ?? "")
        }

        var values: [String: String] {
            ["delegateAgencyId": delegateAgencyId ?? "", "basis": basis ?? "", "termStart": termStart ?? "",
             "termEnd": termEnd ?? "", "decisionOn": decisionOn ?? ""]
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        let today = LocalDate(instant: req.now)
        return DelegationListPage(principal: p, today: today, rows: try await DelegationQueries.list(for: p, today: today, on: req.db))
            .render().response()
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        let chosen = req.query[String.self, at: "delegatingAgencyId"].flatMap(UUID.init(uuidString:)) ?? (p.has(.legalOfficer) ? p.agencyID : nil)
        return try await formPage(req, p, delegatorID: chosen, form: nil).render().response()
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        let form = try req.content.decode(Form.self)
        let chosen = form.delegatingAgencyId.flatMap(UUID.init(uuidString:)) ?? (p.has(.legalOfficer) ? p.agencyID : nil)
        do {
            guard let chosen else { throw DelegationRules.refuse("DELEGATOR_REQUIRED", "delegatingAgencyId", "请选择委托机关") }
            let delegator = try await APIDelegationsController.delegator(chosen, for: p, on: req.db)
            let d = try await DelegationService.create(try form.input(delegator: chosen), delegator: delegator, req: req)
            return req.redirect(to: SiteURL.consoleDelegation(try d.requireID()), redirectType: .normal)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            var page = try await formPage(req, p, delegatorID: chosen, form: form)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        let d = try await DelegationQueries.readable(try req.uuidParameter("delegationID"), by: p, on: req.db)
        return try await detail(req, p, d).render().response()
    }

    @Sendable func file(req: Request) async throws -> Response {
        let d = try await APIDelegationsController.filable(req)
        return try await act(req, d) { form in
            try await DelegationService.file(d, .init(filedOn: form.filedOn ?? "", filingRef: form.filingRef ?? "",
                                                      filingReport: form.filingReport ?? "", entrustmentLetter: form.entrustmentLetter ?? "",
                                                      announcementDocument: form.announcementDocument ?? ""), req: req)
            return "已登记备案。"
        }
    }

    @Sendable func terminate(req: Request) async throws -> Response {
        let d = try await APIDelegationsController.terminable(req)
        return try await act(req, d) { form in
            try await DelegationService.terminate(d, reason: form.reason ?? "", req: req)
            return "已终止委托，受委托方自今日起不得再以委托机关名义实施。"
        }
    }

    /// Runs an action; refusals are shown on the page, not thrown.
    private func act(_ req: Request, _ d: Delegation, _ action: (Form) async throws -> String) async throws -> Response {
        let p = try req.principal()
        let form = try req.content.decode(Form.self)
        do {
            let message = try await action(form)
            var page = try await detail(req, p, d)
            page.message = message
            return page.render().response()
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let fresh = try await Delegation.find(d.requireID(), on: req.db) ?? d
            var page = try await detail(req, p, fresh)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    private func detail(_ req: Request, _ p: Principal, _ d: Delegation) async throws -> DelegationDetailPage {
        let events = try await DelegationEvent.query(on: req.db).filter(\.$delegation.$id == d.requireID()).sort(\.$createdAt).all()
        var articles: [(LegalArticle, LegalNorm)] = []
        for id in d.basisArticleIDs {
            if let a = try await LegalArticle.find(id, on: req.db), let n = try await LegalNorm.find(a.$norm.id, on: req.db) { articles.append((a, n)) }
        }
        return DelegationDetailPage(principal: p, record: try await DelegationQueries.record(d, on: req.db), articles: articles,
                                    events: events, today: LocalDate(instant: req.now))
    }

    private func formPage(_ req: Request, _ p: Principal, delegatorID: UUID?, form: Form?) async throws -> DelegationFormPage {
        var page = DelegationFormPage(principal: p)
        page.values = form?.values ?? [:]
        page.selectedItems = Set(form?.powerItemIds ?? [])
        page.selectedArticles = Set(form?.basisArticleIds ?? [])
        if p.has(.supervisor), let j = p.jurisdictionID {
            page.delegators = try await Agency.query(on: req.db).filter(\.$jurisdiction.$id == j).filter(\.$status == .announced).sort(\.$name).all()
        }
        guard let delegatorID, let delegator = try? await APIDelegationsController.delegator(delegatorID, for: p, on: req.db) else { return page }
        page.delegator = delegator
        page.delegates = try await Agency.query(on: req.db).filter(\.$jurisdiction.$id == delegator.$jurisdiction.id)
            .filter(\.$kind ~~ [.entrustedOrganization, .statutoryOrgan]).filter(\.$status != .revoked).filter(\.$isLegalOffice == false)
            .sort(\.$name).all().filter { $0.id != delegator.id }
        for item in try await PowerItem.query(on: req.db).filter(\.$agency.$id == delegator.requireID()).sort(\.$code).all() {
            if let v = try await PowerItemQueries.published(item, on: req.db) { page.items.append((item, v)) }
        }
        page.citable = try await citable(req.db)
        if let j = try await Jurisdiction.find(delegator.$jurisdiction.id, on: req.db),
           let rule = req.services.profiles.effective(id: j.profileID)?.deadline(DelegationDeadline.code)?.entry {
            page.filingRule = "\(rule.display)，自\(rule.start ?? "书面委托决定作出之日")起"
            page.filingSource = rule.source
        }
        return page
    }

    /// Articles that may be cited (in force, in a norm in force, not a 规范性文件).
    private func citable(_ db: any Database) async throws -> [(LegalArticle, LegalNorm)] {
        let norms = try await LegalNorm.query(on: db).filter(\.$status != .repealed).all().filter { $0.level.mayBeEnforcementBasis }
        let byID = Dictionary(uniqueKeysWithValues: norms.map { ($0.id!, $0) })
        guard !byID.isEmpty else { return [] }
        let articles = try await LegalArticle.query(on: db).filter(\.$norm.$id ~~ Array(byID.keys)).filter(\.$status != .repealed).all()
        return articles.compactMap { a in byID[a.$norm.id].map { (a, $0) } }.sorted { ($0.1.title, $0.0.ordinal) < ($1.1.title, $1.0.ordinal) }
    }
}
