import Fluent
import Plot
import QuanzeCore
import Vapor

/// 执法主体 register pages: new, detail, edit, confirm, announce, revoke (监督员 of the jurisdiction).
struct AgencyPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let agencies = routes.grouped("console", "agencies")
        agencies.get("new", use: newForm)
        agencies.post("new", use: create)
        agencies.get(":agencyID", use: show)
        agencies.post(":agencyID", "edit", use: edit)
        agencies.post(":agencyID", "confirm", use: confirm)
        agencies.post(":agencyID", "announce", use: announce)
        agencies.post(":agencyID", "revoke", use: revoke)
    }

    struct Form: Content {
        var name: String?
        var uscc: String?
        var usccExceptionReason: String?
        var kind: String?
        var level: String?
        var regionCode: String?
        var managementMode: String?
        var supervisingAgencyId: String?
        var complaintChannels: String?
        var confirmationRef: String?
        var announcementRef: String?
        var announcedOn: String?
        var reason: String?

        var fields: AgencyService.Fields {
            func blankToNil(_ s: String?) -> String? { (s ?? "").isEmpty ? nil : s }
            return .init(name: name, uscc: blankToNil(uscc)?.trimmingCharacters(in: .whitespaces),
                         usccExceptionReason: blankToNil(usccExceptionReason), kind: kind.flatMap(AgencyKind.init(rawValue:)),
                         level: blankToNil(level), regionCode: blankToNil(regionCode),
                         managementMode: managementMode.flatMap(ManagementMode.init(rawValue:)),
                         supervisingAgencyID: supervisingAgencyId.flatMap(UUID.init(uuidString:)),
                         complaintChannels: complaintChannels.map { $0.split(whereSeparator: \.isNewline).map(String.init)
                             .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } })
        }

        var values: [String: String] {
            ["name": name ?? "", "uscc": uscc ?? "", "usccExceptionReason": usccExceptionReason ?? "", "kind": kind ?? "",
             "level": level ?? "", "regionCode": regionCode ?? "", "managementMode": managementMode ?? "",
             "supervisingAgencyId": supervisingAgencyId ?? "", "complaintChannels": complaintChannels ?? ""]
        }
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        return try await newPage(req, p, form: nil, error: nil).render().response()
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        guard let jurisdiction = p.jurisdictionID else { throw AppError.outOfScope }
        let form = try req.content.decode(Form.self)
        do {
            let agency = try await AgencyService.create(form.fields, jurisdictionID: jurisdiction, req: req)
            return req.redirect(to: SiteURL.consoleAgency(try agency.requireID()), redirectType: .normal)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            return try await newPage(req, p, form: form, error: e).render().response(status: e.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let p = try req.require(.systemAdmin, .supervisor, .reviewer, .legalOfficer, .officer)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        guard AgencyQueries.canRead(agency, p) else { throw AppError.outOfScope }
        return try await detail(req, p, agency).render().response()
    }

    @Sendable func edit(req: Request) async throws -> Response {
        try await act(req) { agency, form in
            try await AgencyService.update(agency, form.fields, req: req)
            return "已保存。"
        }
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        try await act(req) { agency, form in
            try await AgencyService.confirm(agency, ref: form.confirmationRef ?? "", req: req)
            return "已确认主体资格，请公告后方可执法。"
        }
    }

    @Sendable func announce(req: Request) async throws -> Response {
        try await act(req) { agency, form in
            try await AgencyService.announce(agency, ref: form.announcementRef ?? "", on: form.announcedOn ?? "", req: req)
            return "已公告。"
        }
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        try await act(req) { agency, form in
            try await AgencyService.revoke(agency, reason: form.reason ?? "", req: req)
            return "已撤销主体资格。"
        }
    }

    /// Runs a register action; refusals are shown on the page, not thrown.
    private func act(_ req: Request, _ action: (Agency, Form) async throws -> String) async throws -> Response {
        let agency = try await APIAgenciesController.registerScoped(req)
        let p = try req.principal()
        let form = try req.content.decode(Form.self)
        do {
            let message = try await action(agency, form)
            var page = try await detail(req, p, agency)
            page.message = message
            return page.render().response()
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let fresh = try await Agency.find(agency.requireID(), on: req.db) ?? agency
            var page = try await detail(req, p, fresh)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    private func detail(_ req: Request, _ p: Principal, _ agency: Agency) async throws -> AgencyDetailPage {
        let supervising = try await agency.$supervisingAgency.get(on: req.db)
        let others = try await Agency.query(on: req.db).sort(\.$name).all()
        var powers: [(PowerItem, PowerItemVersion)] = []
        if p.hasAny([.supervisor, .reviewer, .legalOfficer, .officer]) {
            for item in try await PowerItem.query(on: req.db).filter(\.$agency.$id == agency.requireID()).sort(\.$code).all() {
                powers.append((item, try await PowerItemQueries.latest(item, on: req.db)))
            }
        }
        var page = AgencyDetailPage(principal: p, agency: agency, supervising: supervising, others: others)
        page.powers = powers
        if p.hasAny([.supervisor, .reviewer, .legalOfficer, .officer]) {
            let today = LocalDate(instant: req.now)
            let given = try await DelegationQueries.of(agency: agency.requireID(), asDelegator: true, on: req.db)
                .filter { [.draft, .filed].contains($0.delegation.state(on: today)) }
            page.delegationNotes = DelegationQueries.notesByItem(given, today: today, showState: true)
            page.received = try await DelegationQueries.of(agency: agency.requireID(), asDelegator: false, on: req.db)
            page.today = today
        }
        return page
    }

    private func newPage(_ req: Request, _ p: Principal, form: Form?, error: AppError?) async throws -> AgencyNewPage {
        let errors = Dictionary(grouping: error?.details?.problems ?? [], by: \.field).mapValues { $0.map(\.message).joined(separator: "；") }
        return AgencyNewPage(principal: p, others: try await Agency.query(on: req.db).sort(\.$name).all(),
                             values: form?.values ?? [:], errors: errors, error: error?.message)
    }
}

/// 登记执法主体.
struct AgencyNewPage {
    let principal: Principal
    let others: [Agency]
    let values: [String: String]
    let errors: [String: String]
    let error: String?

    func render() -> HTML {
        Layout.console(title: "登记执法主体", principal: principal, active: SiteURL.consoleAgencies, content: .div(
            .h1(.text("登记执法主体")),
            UI.alert(error),
            .p(.class("hint"), .text("登记后须经行政执法监督机关确认、公告，方可从事行政执法。")),
            AgencyForm.fields(action: SiteURL.consoleAgenciesNew, agency: nil, others: others, csrf: principal.csrfToken,
                              submit: "登记", errors: errors, values: values)
        ))
    }
}
