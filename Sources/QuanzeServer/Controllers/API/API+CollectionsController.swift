import Fluent
import QuanzeCore
import Vapor

/// 执行 and 复议/诉讼 of a case: payments (the body's officers and 法制员), enforcement steps,
/// 复议/诉讼 applications and results and refunds (the body's 法制员); the liability intake list and
/// the quarterly collection report (法制员 for the own body, 监督员 for the jurisdiction).
struct APICollectionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("cases", ":caseID")
        c.get("payments", use: show)
        c.post("payments", use: pay)
        c.post("payments", ":paymentID", "reversal", use: reverse)
        c.post("enforcement-steps", use: step)
        c.get("remedies", use: remedies)
        c.post("remedies", use: apply)
        c.post("remedies", ":remedyID", "result", use: result)
        c.get("refunds", use: refunds)
        c.post("refunds", use: refund)
        routes.get("liability-intake", use: intake)
        routes.get("fine-collections", use: report)
    }

    static let staff: [Role] = [.officer, .legalOfficer]

    @Sendable func show(req: Request) async throws -> CollectionDTO {
        let p = try req.requireAny(CaseQueries.readers)
        let (c, _) = try await CaseQueries.readable(try req.uuidParameter("caseID"), by: p, on: req.db)
        return try await view(c, req)
    }

    @Sendable func pay(req: Request) async throws -> Response {
        let p = try req.requireAny(Self.staff)
        let (c, _) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        try await CaseCollection.recordPayment(c, try req.decodeStrict(PaymentInputDTO.self).service, req: req)
        return try await view(c, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func reverse(req: Request) async throws -> Response {
        let p = try req.requireAny(Self.staff)
        let (c, _) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        let paymentID = try req.uuidParameter("paymentID")
        try await CaseCollection.reversePayment(c, paymentID: paymentID, reason: try req.decodeStrict(PaymentReversalInput.self).reason, req: req)
        return try await view(c, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func step(req: Request) async throws -> Response {
        let p = try req.requireAny(Self.staff)
        let (c, _) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        let input = try req.decodeStrict(EnforcementStepInput.self)
        try await CaseCollection.recordStep(c, kind: input.kind, takenOn: input.takenOn, note: input.note, req: req)
        return try await view(c, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func remedies(req: Request) async throws -> [RemedyDTO] {
        let p = try req.requireAny(CaseQueries.readers)
        let (c, _) = try await CaseQueries.readable(try req.uuidParameter("caseID"), by: p, on: req.db)
        return try await view(c, req).remedies
    }

    @Sendable func apply(req: Request) async throws -> Response {
        let p = try req.require(.legalOfficer)
        let (c, _) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        try await CaseRemedyService.apply(c, try req.decodeStrict(RemedyInput.self).service, req: req)
        return try await view(c, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func result(req: Request) async throws -> CollectionDTO {
        let p = try req.require(.legalOfficer)
        let (c, _) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        let remedyID = try req.uuidParameter("remedyID")
        try await CaseRemedyService.recordResult(c, remedyID: remedyID, try req.decodeStrict(RemedyResultInput.self).service, req: req)
        return try await view(c, req)
    }

    @Sendable func refunds(req: Request) async throws -> [RefundDTO] {
        let p = try req.requireAny(CaseQueries.readers)
        let (c, _) = try await CaseQueries.readable(try req.uuidParameter("caseID"), by: p, on: req.db)
        return try await view(c, req).refunds
    }

    @Sendable func refund(req: Request) async throws -> Response {
        let p = try req.require(.legalOfficer)
        let (c, _) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        try await CaseRemedyService.refund(c, try req.decodeStrict(RefundInputDTO.self).service, req: req)
        return try await view(c, req).encodeResponse(status: .created, for: req)
    }

    /// 责任追究线索: items opened by 复议/诉讼 results, for the liability module to take over.
    @Sendable func intake(req: Request) async throws -> [LiabilityIntakeDTO] {
        _ = try req.requireAny(LiabilityIntakeQueries.readers)
        return try await LiabilityIntakeQueries.list(req)
    }

    @Sendable func report(req: Request) async throws -> FineCollectionReport.Report {
        _ = try req.requireAny(FineCollectionReport.readers)
        let (year, quarter, agencyID) = try FineCollectionReport.params(req, today: req.today, strict: true)
        return try await FineCollectionReport.load(agencies: try await FineCollectionReport.agencies(req, agencyID: agencyID),
                                                   year: year, quarter: quarter, on: req.db)
    }

    func view(_ c: EnforcementCase, _ req: Request) async throws -> CollectionDTO {
        let id = try c.requireID()
        return CollectionDTO(caseID: id, ledger: try await CaseCollection.ledger(caseID: id, on: req.db), today: req.today)
    }
}

enum LiabilityIntakeQueries {
    static let readers: [Role] = [.supervisor, .legalOfficer]

    static func sourceLabel(_ kind: String) -> String {
        switch kind {
        case "remedy_result": "复议、诉讼结果"
        case "complaint": "投诉举报属实"
        case "complaint_dropped": "投诉举报责任倒查"
        case "filing_review": "重大执法决定备案审查不通过"
        default: kind
        }
    }

    /// Newest first, in the caller's scope (a 监督员: the jurisdiction's bodies; a 法制员: the own body).
    static func list(_ req: Request) async throws -> [LiabilityIntakeDTO] {
        let p = try req.principal()
        let agencies = try await AgencyQueries.scoped(for: p, on: req.db).all()
        let byID = Dictionary(uniqueKeysWithValues: agencies.compactMap { a in a.id.map { ($0, a) } })
        let items = try await LiabilityIntake.query(on: req.db).filter(\.$agencyID ~~ Array(byID.keys))
            .sort(\.$openedOn, .descending).sort(\.$createdAt, .descending).limit(500).all()
        let cases = try await EnforcementCase.query(on: req.db).filter(\.$id ~~ items.compactMap(\.caseID)).all()
        let numbers = Dictionary(uniqueKeysWithValues: cases.compactMap { c in c.id.map { ($0, c.number) } })
        let complaintIDs = items.filter { $0.sourceKind.hasPrefix("complaint") }.map(\.sourceID)
        let complaints = complaintIDs.isEmpty ? [] : try await Complaint.query(on: req.db).filter(\.$id ~~ complaintIDs).all()
        let complaintNumbers = Dictionary(uniqueKeysWithValues: complaints.compactMap { c in c.id.map { ($0, c.number) } })
        return items.map { i in
            LiabilityIntakeDTO(id: i.id!, sourceKind: i.sourceKind, sourceKindLabel: sourceLabel(i.sourceKind), sourceId: i.sourceID,
                               caseId: i.caseID, caseNumber: i.caseID.flatMap { numbers[$0] } ?? "",
                               complaintNumber: i.sourceKind.hasPrefix("complaint") ? complaintNumbers[i.sourceID] : nil,
                               subjectOfficerId: i.subjectOfficerID,
                               agencyId: i.agencyID, agencyName: byID[i.agencyID]?.name ?? "", openedOn: i.openedOn, summary: i.summary,
                               status: i.status, statusLabel: i.status == "pending" ? "待处理" : i.status)
        }
    }
}
