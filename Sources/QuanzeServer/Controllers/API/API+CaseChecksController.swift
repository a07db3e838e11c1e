import Fluent
import QuanzeCore
import Vapor

/// 结案自动预审 (findings per case and per body, re-run) and 重大行政处罚备案审查 (the body files, the
/// jurisdiction's 监督员 reviews).
struct APICaseChecksController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("case-checks", use: list)
        routes.post("case-checks", "run", use: run)
        routes.get("cases", ":caseID", "checks", use: ofCase)
        routes.get("cases", ":caseID", "complaints", use: complaints)
        routes.get("major-filings", use: filings)
        routes.get("major-filings", ":filingID", use: filing)
        routes.post("major-filings", ":filingID", "file", use: file)
        routes.post("major-filings", ":filingID", "review", use: review)
    }

    @Sendable func list(req: Request) async throws -> CaseCheckListDTO {
        let p = try req.requireAny(CaseCheckQueries.readers)
        return try await CaseCheckQueries.list(p, try CaseCheckQueries.params(req, strict: true), on: req.db)
    }

    @Sendable func run(req: Request) async throws -> CaseCheckRunDTO {
        let p = try req.requireAny(CaseCheckQueries.runners)
        let input = try req.decodeStrict(CaseCheckRunInputDTO.self)
        return try await Self.run(p, year: input.year, agencyID: input.agencyId, req: req)
    }

    /// A 监督员 re-checks the jurisdiction's bodies (or one), a 法制员 the own body.
    static func run(_ p: Principal, year: Int, agencyID: UUID?, req: Request) async throws -> CaseCheckRunDTO {
        guard (2000...2100).contains(year) else { throw AppError.validation("year", "须为 2000 至 2100 的年份") }
        let agencies = try await CaseCheckQueries.agencies(p, agencyID: agencyID ?? (p.has(.supervisor) ? nil : p.agencyID), on: req.db)
        var total = CaseCheckService.RunResult()
        for a in agencies {
            let r = try await CaseCheckService.run(agencyID: try a.requireID(), year: year, services: req.services, on: req.db)
            total.cases += r.cases
            total.findings += r.findings
            total.casesWithFindings += r.casesWithFindings
        }
        let detail = "\(year)年\(agencyID == nil && agencies.count > 1 ? "辖区内各执法主体" : agencies.first?.name ?? "")：预审\(total.cases)件，\(total.casesWithFindings)件有问题，共\(total.findings)项"
        try await req.audit(.caseChecksRun, .success, target: String(year), detail: detail)
        return CaseCheckRunDTO(year: year, agencyId: agencyID, cases: total.cases, findings: total.findings, casesWithFindings: total.casesWithFindings)
    }

    @Sendable func ofCase(req: Request) async throws -> CaseChecksDTO {
        let p = try req.requireAny(CaseQueries.readers)
        let (c, agency) = try await CaseQueries.readable(try req.uuidParameter("caseID"), by: p, on: req.db)
        return try await CaseCheckQueries.ofCase(c, agencyName: agency.name, on: req.db)
    }

    /// 投诉举报 about one case, for whoever may read the case (complainant masked except to the handler).
    @Sendable func complaints(req: Request) async throws -> [CaseComplaintDTO] {
        let p = try req.requireAny(CaseQueries.readers)
        let (c, _) = try await CaseQueries.readable(try req.uuidParameter("caseID"), by: p, on: req.db)
        return try await CaseComplaints.list(caseID: try c.requireID(), for: p, on: req.db)
    }

    @Sendable func filings(req: Request) async throws -> [MajorFilingDTO] {
        let p = try req.requireAny(MajorFilingQueries.readers)
        let (status, agencyID) = try Self.filingParams(req, strict: true)
        return try await MajorFilingQueries.list(p, status: status, agencyID: agencyID, today: req.today, window: req.services.options.warningDays, on: req.db)
    }

    static func filingParams(_ req: Request, strict: Bool) throws -> (MajorFilingStatus?, UUID?) {
        var status: MajorFilingStatus?
        var agencyID: UUID?
        if let raw = try req.query.get(String?.self, at: "status"), !(raw.isEmpty && !strict) {
            guard let s = MajorFilingStatus(rawValue: raw) else { throw AppError.validation("status", "须为 pending、filed、passed 或 failed") }
            status = s
        }
        if let raw = try req.query.get(String?.self, at: "agencyId"), !(raw.isEmpty && !strict) {
            guard let id = UUID(uuidString: raw) else { throw AppError.validation("agencyId", "须为执法主体的 UUID") }
            agencyID = id
        }
        return (status, agencyID)
    }

    @Sendable func filing(req: Request) async throws -> MajorFilingDTO {
        let p = try req.requireAny(MajorFilingQueries.readers)
        let (f, agency) = try await MajorFilingQueries.readable(try req.uuidParameter("filingID"), by: p, on: req.db)
        return try await MajorFilingQueries.dto(f, agency: agency, req: req)
    }

    /// The body's officers and 法制员 file their own body's decisions.
    @Sendable func file(req: Request) async throws -> MajorFilingDTO {
        let p = try req.requireAny(MajorFilingQueries.filers)
        let (f, agency) = try await Self.filable(try req.uuidParameter("filingID"), by: p, on: req.db)
        let input = try req.decodeStrict(MajorFilingFileInputDTO.self)
        try await MajorFilingService.file(f, .init(report: input.report, documents: input.documents), req: req)
        return try await MajorFilingQueries.dto(try await MajorDecisionFiling.find(f.requireID(), on: req.db) ?? f, agency: agency, req: req)
    }

    /// The jurisdiction's 监督员 (法制办) reviews filings of its bodies.
    @Sendable func review(req: Request) async throws -> MajorFilingDTO {
        let p = try req.require(.supervisor)
        let (f, agency) = try await Self.reviewable(try req.uuidParameter("filingID"), by: p, on: req.db)
        let input = try req.decodeStrict(MajorFilingReviewInputDTO.self)
        try await MajorFilingService.review(f, conclusion: input.conclusion, reasons: input.reasons, req: req)
        return try await MajorFilingQueries.dto(try await MajorDecisionFiling.find(f.requireID(), on: req.db) ?? f, agency: agency, req: req)
    }

    static func filable(_ id: UUID, by p: Principal, on db: any Database) async throws -> (MajorDecisionFiling, Agency) {
        guard let f = try await MajorDecisionFiling.find(id, on: db), let agency = try await Agency.find(f.agencyID, on: db) else { throw AppError.notFound }
        guard p.agencyID == f.agencyID else { throw AppError.outOfScope }
        return (f, agency)
    }

    static func reviewable(_ id: UUID, by p: Principal, on db: any Database) async throws -> (MajorDecisionFiling, Agency) {
        guard let f = try await MajorDecisionFiling.find(id, on: db), let agency = try await Agency.find(f.agencyID, on: db) else { throw AppError.notFound }
        guard p.jurisdictionID == agency.$jurisdiction.id else { throw AppError.outOfScope }
        return (f, agency)
    }
}
