import Fluent
import Plot
import QuanzeCore
import Vapor

/// 执法人员 and 证件 pages: list, register, detail with training, exams, faults and certificate
/// actions, and the certificate warnings. Refusals are shown on the page, not thrown.
struct OfficerPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let officers = routes.grouped("console", "officers")
        officers.get(use: index)
        officers.get("new", use: newForm)
        officers.post("new", use: create)
        officers.get(":officerID", use: show)
        officers.post(":officerID", "trainings", use: addTraining)
        officers.post(":officerID", "exams", use: addExam)
        officers.post(":officerID", "faults", use: addFault)
        officers.post(":officerID", "faults", ":faultID", "process", use: processFault)
        officers.post(":officerID", "certificates", use: issue)
        routes.post("console", "certificates", ":certificateID", "action", use: certificateAction)
        routes.get("console", "certificates", "warnings", use: warnings)
    }

    struct Form: Content {
        var agencyId: String?
        var name: String?
        var idNumber: String?
        var phone: String?
        var employment: String?
        var hiredOn: String?
        var legalProfessionQualified: String?
        var heldOn: String?
        var title: String?
        var hours: String?
        var takenOn: String?
        var subject: String?
        var score: String?
        var occurredOn: String?
        var description: String?
        var outcome: String?
        var number: String?
        var validUntil: String?
        var kind: String?
        var reason: String?
        var documentRef: String?
    }

    @Sendable func index(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        let page = try PageRequest.from(req)
        let filter = try OfficerAccess.filter(req, strict: false)
        let (rows, total, agencies) = try await OfficerQueries.list(filter, for: p, page: page, on: req.db)
        let summaries = try await OfficerQueries.summaries(rows, agencies: agencies, year: req.today.year, services: req.services, on: req.db)
        return OfficerListPage(principal: p, rows: summaries, agencies: agencies.values.sorted { $0.name < $1.name }, filter: filter,
                               page: PageInfo(page: page.page, per: page.per, total: total), today: req.today).render().response()
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        return try await OfficerNewPage(principal: p, agencies: manageableAgencies(p, req)).render().response()
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        let form = try req.content.decode(Form.self)
        let agencies = try await manageableAgencies(p, req)
        let chosen = (form.agencyId ?? "").isEmpty ? (agencies.count == 1 ? agencies.first : nil) : agencies.first { $0.id?.uuidString == form.agencyId }
        guard let agency = chosen else {
            if (form.agencyId ?? "").isEmpty {
                return OfficerNewPage(principal: p, agencies: agencies, error: "请选择执法主体").render().response(status: .unprocessableEntity)
            }
            throw AppError.outOfScope
        }
        let fields = OfficerService.Fields(name: form.name, idNumber: form.idNumber, phone: form.phone,
                                           employment: form.employment.flatMap(EmploymentType.init(rawValue:)), hiredOn: form.hiredOn,
                                           legalProfessionQualified: form.legalProfessionQualified == "true")
        do {
            let officer = try await OfficerService.create(fields, agency: agency, req: req)
            return req.redirect(to: SiteURL.consoleOfficer(try officer.requireID()), redirectType: .normal)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let errors = Dictionary(grouping: e.details?.problems ?? [], by: \.field).mapValues { $0.map(\.message).joined(separator: "；") }
            let values = ["agencyId": form.agencyId ?? "", "name": form.name ?? "", "idNumber": form.idNumber ?? "", "phone": form.phone ?? "",
                          "employment": form.employment ?? "", "hiredOn": form.hiredOn ?? ""]
            return OfficerNewPage(principal: p, agencies: agencies, values: values, errors: errors, error: e.message).render().response(status: e.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        let (officer, agency) = try await OfficerQueries.readable(try req.uuidParameter("officerID"), by: p, on: req.db)
        return try await page(req, p, officer, agency).render().response()
    }

    @Sendable func addTraining(req: Request) async throws -> Response {
        try await manage(req) { officer, _, form in
            try await OfficerService.addTraining(officer, heldOn: form.heldOn ?? "", title: form.title ?? "", hours: try Self.int(form.hours, "hours"), req: req)
            return "已添加培训记录。"
        }
    }

    @Sendable func addExam(req: Request) async throws -> Response {
        try await manage(req) { officer, _, form in
            try await OfficerService.addExam(officer, takenOn: form.takenOn ?? "", subject: form.subject ?? "", score: try Self.int(form.score, "score"), req: req)
            return "已添加考核记录。"
        }
    }

    @Sendable func addFault(req: Request) async throws -> Response {
        try await manage(req) { officer, _, form in
            try await OfficerService.addFault(officer, occurredOn: form.occurredOn ?? "", description: form.description ?? "", req: req)
            return "已登记执法过错记录；未处理前该人员证件不予年审。"
        }
    }

    @Sendable func processFault(req: Request) async throws -> Response {
        try await manage(req) { officer, _, form in
            guard let fault = try await FaultRecord.find(try req.uuidParameter("faultID"), on: req.db), fault.$officer.id == officer.id else {
                throw AppError.notFound
            }
            try await OfficerService.processFault(fault, outcome: form.outcome ?? "", req: req)
            return "已登记处理结果。"
        }
    }

    @Sendable func issue(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        let (officer, agency) = try await OfficerQueries.readable(try req.uuidParameter("officerID"), by: p, on: req.db)
        guard OfficerAccess.canManage(agency, p) else { throw AppError.outOfScope }
        let form = try req.content.decode(Form.self)
        return try await respond(req, p, officer, agency) {
            let summary = try await OfficerQueries.summary(officer, agency: agency, year: req.today.year, services: req.services, on: req.db)
            let cert = try await CertificateService.issue(summary, number: form.number ?? "", validUntil: form.validUntil ?? "", req: req)
            return "已核发证件 \(cert.number)。"
        }
    }

    @Sendable func certificateAction(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        let (cert, officer, agency) = try await CertificateAccess.readable(try req.uuidParameter("certificateID"), by: p, on: req.db)
        let form = try req.content.decode(Form.self)
        guard let kind = form.kind.flatMap(CertificateEventKind.init(rawValue:)), CertificateAccess.actions.values.contains(kind) else {
            throw AppError.validation("kind", "请选择证件操作")
        }
        guard CertificateAccess.may(kind, p, agency) else { throw AppError.outOfScope }
        return try await respond(req, p, officer, agency) {
            let summary = try await OfficerQueries.summary(officer, agency: agency, year: req.today.year, services: req.services, on: req.db)
            try await CertificateService.act(cert, .init(kind: kind, reason: form.reason.flatMap { $0.isEmpty ? nil : $0 },
                                                         documentRef: form.documentRef), summary: summary, req: req)
            return "已办理：\(kind.label)。"
        }
    }

    @Sendable func warnings(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        return CertificateWarningsPage(principal: p, warnings: try await CertificateWarnings.compute(for: p, req: req)).render().response()
    }

    // MARK: helpers

    private static func int(_ raw: String?, _ field: String) throws -> Int {
        guard let raw, let n = Int(raw.trimmingCharacters(in: .whitespaces)) else { throw AppError.validation(field, "须为整数", code: "integer") }
        return n
    }

    private func manageableAgencies(_ p: Principal, _ req: Request) async throws -> [Agency] {
        try await AgencyQueries.scoped(for: p, on: req.db).sort(\.$name).all().filter { OfficerAccess.canManage($0, p) && !$0.isLegalOffice }
    }

    private func manage(_ req: Request, _ action: @escaping (Officer, Agency, Form) async throws -> String) async throws -> Response {
        let (officer, agency) = try await OfficerAccess.managed(req)
        let p = try req.principal()
        let form = try req.content.decode(Form.self)
        return try await respond(req, p, officer, agency) { try await action(officer, agency, form) }
    }

    private func respond(_ req: Request, _ p: Principal, _ officer: Officer, _ agency: Agency,
                         _ action: () async throws -> String) async throws -> Response {
        do {
            let message = try await action()
            var page = try await page(req, p, officer, agency)
            page.message = message
            return page.render().response()
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            var page = try await page(req, p, officer, agency)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    private func page(_ req: Request, _ p: Principal, _ officer: Officer, _ agency: Agency) async throws -> OfficerDetailPage {
        let summary = try await OfficerQueries.summary(officer, agency: agency, year: req.today.year, services: req.services, on: req.db)
        let r = try await OfficerQueries.records(of: try officer.requireID(), on: req.db)
        let events = try await CertificateEvent.query(on: req.db).filter(\.$certificate.$id ~~ r.certificates.compactMap(\.id)).sort(\.$sequence).all()
        var page = OfficerDetailPage(principal: p, summary: summary, trainings: r.trainings, exams: r.exams, faults: r.faults,
                                     certificates: r.certificates, events: Dictionary(grouping: events, by: { $0.$certificate.id }), today: req.today)
        page.liability = try await LiabilityConsequenceQueries.inForce(officerID: try officer.requireID(), on: req.db)
        page.openMatters = try await LiabilityConsequenceQueries.openMatters(officerID: try officer.requireID(), on: req.db)
        return page
    }
}
