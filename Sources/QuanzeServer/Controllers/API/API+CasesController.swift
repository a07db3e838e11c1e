import Fluent
import QuanzeCore
import Vapor

/// 执法办案 API: a body's officers and 法制员 file and handle its cases; the 法制员 reviews
/// (法制审核) and approves extensions; a government's 监督员 and 评查员 read.
struct APICasesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("cases")
        cases.get(use: index)
        cases.post(use: create)
        cases.get(":caseID", use: show)
        cases.post(":caseID", "advance", use: advance)
        cases.post(":caseID", "legal-review", use: review)
        cases.post(":caseID", "hearing-request", use: hearingRequest)
        cases.post(":caseID", "decision", use: decide)
        cases.post(":caseID", "clock", use: clock)
        routes.get("case-warnings", use: warnings)
    }

    @Sendable func index(req: Request) async throws -> CasePageDTO {
        let p = try req.requireAny(CaseQueries.readers)
        let f = try await CaseAccess.filter(req)
        let page = try PageRequest.from(req)
        let (rows, total, capped) = try await CaseQueries.list(f, for: p, today: req.today, window: req.application.services.options.warningDays,
                                                               page: page, on: req.db)
        return CasePageDTO(items: try rows.map(CaseSummaryDTO.init), total: total, totalCapped: capped, page: page.page, per: page.per)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.officer, .legalOfficer)
        let input = try req.decodeStrict(CaseFileInput.self)
        let agency = try await CaseAccess.filingAgency(input.agencyId, p, on: req.db)
        let c = try await CaseFiling.file(input.service, agency: agency, req: req)
        return try await detail(c, agency, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> CaseDetailDTO {
        let p = try req.requireAny(CaseQueries.readers)
        let (c, agency) = try await CaseQueries.readable(try req.uuidParameter("caseID"), by: p, on: req.db)
        return try await detail(c, agency, req)
    }

    @Sendable func advance(req: Request) async throws -> CaseDetailDTO {
        let p = try req.require(.officer, .legalOfficer)
        let (c, agency) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        try await CaseProgress.advance(c, try req.decodeStrict(CaseAdvanceInput.self).service, req: req)
        return try await detail(c, agency, req)
    }

    @Sendable func review(req: Request) async throws -> CaseDetailDTO {
        let p = try req.require(.legalOfficer)
        let (c, agency) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        let input = try req.decodeStrict(LegalReviewInput.self)
        _ = try await CaseReviewService.review(c, passed: input.passed, opinion: input.opinion, req: req)
        return try await detail(c, agency, req)
    }

    @Sendable func hearingRequest(req: Request) async throws -> CaseDetailDTO {
        let p = try req.require(.officer, .legalOfficer)
        let (c, agency) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        try await CaseReviewService.requestHearing(c, req: req)
        return try await detail(c, agency, req)
    }

    @Sendable func decide(req: Request) async throws -> CaseDetailDTO {
        let p = try req.require(.officer, .legalOfficer)
        let (c, agency) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        _ = try await CaseDecisionService.decide(c, try req.decodeStrict(CaseDecisionInput.self).service, req: req)
        return try await detail(c, agency, req)
    }

    @Sendable func clock(req: Request) async throws -> CaseDetailDTO {
        let p = try req.require(.officer, .legalOfficer)
        let (c, agency) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        try await CaseClockService.apply(c, try req.decodeStrict(CaseClockInput.self).service, req: req)
        return try await detail(c, agency, req)
    }

    /// 预警看板: the open limits at yellow or red in scope; `mine=1` for the officer's own cases.
    @Sendable func warnings(req: Request) async throws -> [WarningRow] {
        let p = try req.requireAny(CaseQueries.readers)
        var officerID: UUID?
        if let raw = try req.query.get(String?.self, at: "mine") {
            guard raw == "1" || raw == "true" else { throw AppError.validation("mine", "须为 1 或 true") }
            officerID = try await CaseAccess.ownOfficerID(req)
        }
        return try await CaseQueries.warnings(for: p, officerID: officerID, today: req.today,
                                              window: req.application.services.options.warningDays, on: req.db)
    }

    private func detail(_ c: EnforcementCase, _ agency: Agency, _ req: Request) async throws -> CaseDetailDTO {
        try await CaseDetail.load(c, agency: agency, today: req.today, window: req.application.services.options.warningDays, on: req.db)
    }
}
