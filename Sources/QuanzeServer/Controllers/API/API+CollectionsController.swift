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
        return try await LiabilityIntakeQueries.list(req, filter: try LiabilityIntakeQueries.filter(req, strict: true))
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

    static func sourceLabel(_ kind: String) -> String { LiabilitySourceKind.label(kind) }

    struct Filter: Sendable {
        var status: LiabilityIntakeStatus?
        var source: LiabilitySourceKind?
        var overdue: Bool?
    }

    /// The list filter from the query string; `strict` (API) refuses unknown values, the console ignores empty ones.
    static func filter(_ req: Request, strict: Bool) throws -> Filter {
        var f = Filter()
        if let raw = req.query[String.self, at: "status"], !(raw.isEmpty && !strict) {
            guard let v = LiabilityIntakeStatus(rawValue: raw) else { throw AppError.validation("status", "不是有效的状态", code: "invalid") }
            f.status = v
        }
        if let raw = req.query[String.self, at: "source"], !(raw.isEmpty && !strict) {
            guard let v = LiabilitySourceKind(rawValue: raw) else { throw AppError.validation("source", "不是有效的来源", code: "invalid") }
            f.source = v
        }
        if let raw = req.query[String.self, at: "overdue"], !(raw.isEmpty && !strict) {
            guard raw == "true" || raw == "false" else { throw AppError.validation("overdue", "须为 true 或 false", code: "invalid") }
            f.overdue = raw == "true"
        }
        return f
    }

    /// Newest first, in the caller's scope (a 监督员: the jurisdiction's bodies; a 法制员: the own body, and the
    /// items its legal office pursues). Runs the pursuer oversight first, so a lapse shows as soon as anyone looks.
    static func list(_ req: Request, filter f: Filter = Filter()) async throws -> [LiabilityIntakeDTO] {
        let p = try req.principal()
        _ = try await PursuerOversight.sweep(services: req.application.services, on: req.db)
        var agencies = try await AgencyQueries.scoped(for: p, on: req.db).all()
        if p.has(.legalOfficer), let own = p.agencyID, let mine = try await Agency.find(own, on: req.db), mine.isLegalOffice {
            agencies += try await Agency.query(on: req.db).filter(\.$jurisdiction.$id == mine.$jurisdiction.id).all()
        }
        let byID = Dictionary(agencies.compactMap { a in a.id.map { ($0, a) } }, uniquingKeysWith: { a, _ in a })
        var q = LiabilityIntake.query(on: req.db).filter(\.$agencyID ~~ Array(byID.keys))
        if let s = f.status { q = q.filter(\.$status == s.rawValue) }
        if let s = f.source { q = q.filter(\.$sourceKind == s.rawValue) }
        let items = try await q.sort(\.$openedOn, .descending).sort(\.$createdAt, .descending).limit(500).all()
        let tracks = items.isEmpty ? [] : try await LiabilityIntakeTrack.query(on: req.db).filter(\.$intakeID ~~ items.compactMap(\.id)).all()
        let trackByItem = Dictionary(tracks.map { ($0.intakeID, $0) }, uniquingKeysWith: { a, _ in a })
        let cases = try await EnforcementCase.query(on: req.db).filter(\.$id ~~ items.compactMap(\.caseID)).all()
        let numbers = Dictionary(uniqueKeysWithValues: cases.compactMap { c in c.id.map { ($0, c.number) } })
        let complaintIDs = items.filter { $0.sourceKind.hasPrefix("complaint") }.map(\.sourceID)
        let complaints = complaintIDs.isEmpty ? [] : try await Complaint.query(on: req.db).filter(\.$id ~~ complaintIDs).all()
        let complaintNumbers = Dictionary(uniqueKeysWithValues: complaints.compactMap { c in c.id.map { ($0, c.number) } })
        let today = req.today.iso
        return items.map { i in
            dto(i, track: trackByItem[i.id!], agencyName: byID[i.agencyID]?.name ?? "", caseNumber: i.caseID.flatMap { numbers[$0] } ?? "",
                complaintNumber: i.sourceKind.hasPrefix("complaint") ? complaintNumbers[i.sourceID] : nil, today: today)
        }.filter { d in f.overdue.map { $0 == d.overdue } ?? true }
    }

    static func dto(_ i: LiabilityIntake, track t: LiabilityIntakeTrack?, agencyName: String, caseNumber: String, complaintNumber: String?,
                    today: String) -> LiabilityIntakeDTO {
        let overdue = i.status == LiabilityIntakeStatus.pending.rawValue && (t?.dueOn.map { $0 < today } ?? false)
        return LiabilityIntakeDTO(id: i.id!, sourceKind: i.sourceKind, sourceKindLabel: sourceLabel(i.sourceKind), sourceId: i.sourceID,
                                  caseId: i.caseID, caseNumber: caseNumber, complaintNumber: complaintNumber,
                                  subjectOfficerId: i.subjectOfficerID, agencyId: i.agencyID, agencyName: agencyName, openedOn: i.openedOn,
                                  summary: i.summary, status: i.status, statusLabel: LiabilityIntakeStatus.label(i.status),
                                  pursuingBody: t?.pursuingBody, profileId: t?.profileID, dueOn: t?.dueOn, dueRule: t?.dueRule,
                                  dueSource: t?.dueSource, overdue: overdue, sourceDetail: t?.sourceDetail, enteredBy: t?.enteredBy,
                                  outcomeReason: t?.outcomeReason, decidedOn: t?.decidedOn, decidedBy: t?.decidedBy, matterId: t?.matterID)
    }
}
