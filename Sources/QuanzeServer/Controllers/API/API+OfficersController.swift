import Fluent
import QuanzeCore
import Vapor

/// 执法人员 and 证件 API. The body's 法制员 (or the jurisdiction's legal office) keeps the register,
/// training, exams and fault records; the legal office (监督员, 颁证机构) issues, inspects and
/// revokes certificates; the body's 法制机构 (法制员) may suspend, restore and hand back (注销).
struct APIOfficersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("officers", use: index)
        routes.get("public", "certificates", use: publicLookup)
        routes.post("agencies", ":agencyID", "officers", use: create)
        let officer = routes.grouped("officers", ":officerID")
        officer.get(use: show)
        officer.patch(use: update)
        officer.post("trainings", use: addTraining)
        officer.post("exams", use: addExam)
        officer.post("faults", use: addFault)
        officer.post("faults", ":faultID", "process", use: processFault)
        officer.post("certificates", use: issue)
        officer.get("may-act", use: mayAct)
        routes.get("certificates", "warnings", use: warnings)
        let cert = routes.grouped("certificates", ":certificateID")
        cert.get(use: certificate)
        for kind in CertificateAccess.actions.keys.sorted() {
            cert.post(PathComponent(stringLiteral: kind)) { req async throws -> CertificateDTO in try await act(req, kind) }
        }
    }

    @Sendable func index(req: Request) async throws -> OfficerListDTO {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        let page = try PageRequest.from(req)
        let filter = try OfficerAccess.filter(req)
        let (rows, total, agencies) = try await OfficerQueries.list(filter, for: p, page: page, on: req.db)
        let summaries = try await OfficerQueries.summaries(rows, agencies: agencies, year: req.today.year, services: req.services, on: req.db)
        return OfficerListDTO(items: summaries.map { OfficerDTO($0, today: req.today) }, page: PageInfo(page: page.page, per: page.per, total: total))
    }

    /// 证件公示查询: anyone; `number`, or `name` (with optional `agencyID`), is required.
    @Sendable func publicLookup(req: Request) async throws -> [PublicCertificateDTO] {
        let q = try CertificateLookup.Query.from(req, strict: true)
        guard !q.isEmpty else { throw AppError.validation("number", "请提供证件编号（number）或持证人姓名（name）", code: "required") }
        return try await CertificateLookup.find(q, today: req.today, on: req.db)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.supervisor, .legalOfficer)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        guard OfficerAccess.canManage(agency, p) else { throw AppError.outOfScope }
        let input = try req.decodeStrict(OfficerInput.self)
        let officer = try await OfficerService.create(input.fields, agency: agency, req: req)
        return try await detail(officer, agency, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> OfficerDetailDTO {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        let (officer, agency) = try await OfficerQueries.readable(try req.uuidParameter("officerID"), by: p, on: req.db)
        return try await detail(officer, agency, req)
    }

    @Sendable func update(req: Request) async throws -> OfficerDetailDTO {
        let (officer, agency) = try await OfficerAccess.managed(req)
        let input = try req.decodeStrict(OfficerInput.self)
        try await OfficerService.update(officer, input.fields, req: req)
        return try await detail(officer, agency, req)
    }

    @Sendable func addTraining(req: Request) async throws -> Response {
        let (officer, agency) = try await OfficerAccess.managed(req)
        let input = try req.decodeStrict(TrainingInput.self)
        try await OfficerService.addTraining(officer, heldOn: input.heldOn, title: input.title, hours: input.hours, req: req)
        return try await detail(officer, agency, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func addExam(req: Request) async throws -> Response {
        let (officer, agency) = try await OfficerAccess.managed(req)
        let input = try req.decodeStrict(ExamInput.self)
        try await OfficerService.addExam(officer, takenOn: input.takenOn, subject: input.subject, score: input.score, req: req)
        return try await detail(officer, agency, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func addFault(req: Request) async throws -> Response {
        let (officer, agency) = try await OfficerAccess.managed(req)
        let input = try req.decodeStrict(FaultInput.self)
        try await OfficerService.addFault(officer, occurredOn: input.occurredOn, description: input.description, req: req)
        return try await detail(officer, agency, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func processFault(req: Request) async throws -> OfficerDetailDTO {
        let (officer, agency) = try await OfficerAccess.managed(req)
        guard let fault = try await FaultRecord.find(try req.uuidParameter("faultID"), on: req.db),
              fault.$officer.id == officer.id else { throw AppError.notFound }
        let input = try req.decodeStrict(FaultProcessInput.self)
        try await OfficerService.processFault(fault, outcome: input.outcome, req: req)
        return try await detail(officer, agency, req)
    }

    @Sendable func issue(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        let (officer, agency) = try await OfficerQueries.readable(try req.uuidParameter("officerID"), by: p, on: req.db)
        let input = try req.decodeStrict(CertificateIssueInput.self)
        let summary = try await OfficerQueries.summary(officer, agency: agency, year: req.today.year, services: req.services, on: req.db)
        let cert = try await CertificateService.issue(summary, number: input.number, validUntil: input.validUntil, req: req)
        return try await CertificateAccess.dto(cert, req).encodeResponse(status: .created, for: req)
    }

    /// Whether the officer may act on a power on a day (certificate, then the body's own power or delegation).
    @Sendable func mayAct(req: Request) async throws -> MayActDTO {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        let (officer, agency) = try await OfficerQueries.readable(try req.uuidParameter("officerID"), by: p, on: req.db)
        let (itemID, day) = try APIDelegationsController.mayActQuery(req)
        let outcome = try await OfficerAuthority.mayAct(officer, powerItemID: itemID, on: day, db: req.db)
        return MayActDTO(agencyId: try agency.requireID(), powerItemId: itemID, date: day.iso, allowed: outcome.allowed,
                         code: outcome.code, message: outcome.message, delegationId: outcome.delegationID)
    }

    @Sendable func certificate(req: Request) async throws -> CertificateDTO {
        let p = try req.require(.supervisor, .reviewer, .legalOfficer, .officer)
        let (cert, _, _) = try await CertificateAccess.readable(try req.uuidParameter("certificateID"), by: p, on: req.db)
        return try await CertificateAccess.dto(cert, req)
    }

    func act(_ req: Request, _ action: String) async throws -> CertificateDTO {
        guard let kind = CertificateAccess.actions[action] else { throw AppError.notFound }
        let p = try req.principal()
        let (cert, officer, agency) = try await CertificateAccess.readable(try req.uuidParameter("certificateID"), by: p, on: req.db)
        guard CertificateAccess.may(kind, p, agency) else { throw p.hasAny([.supervisor, .legalOfficer]) ? AppError.outOfScope : AppError.forbidden }
        let input = try req.decodeStrict(CertificateActionInput.self)
        let summary = try await OfficerQueries.summary(officer, agency: agency, year: req.today.year, services: req.services, on: req.db)
        try await CertificateService.act(cert, .init(kind: kind, reason: input.reason, documentRef: input.documentRef), summary: summary, req: req)
        return try await CertificateAccess.dto(cert, req)
    }

    @Sendable func warnings(req: Request) async throws -> CertificateWarningsDTO {
        let p = try req.require(.supervisor, .legalOfficer)
        return try await CertificateWarnings.compute(for: p, req: req).dto
    }

    private func detail(_ officer: Officer, _ agency: Agency, _ req: Request) async throws -> OfficerDetailDTO {
        let summary = try await OfficerQueries.summary(officer, agency: agency, year: req.today.year, services: req.services, on: req.db)
        let r = try await OfficerQueries.records(of: try officer.requireID(), on: req.db)
        return OfficerDetailDTO(officer: OfficerDTO(summary, today: req.today), trainings: r.trainings.map(TrainingDTO.init),
                                exams: r.exams.map(ExamDTO.init), faults: r.faults.map(FaultDTO.init),
                                certificates: r.certificates.map { CertificateBriefDTO($0, today: req.today) })
    }
}
