import Fluent
import QuanzeCore
import Vapor

/// 移送 and 执法决定公开 API. A body's officers and 法制员 transfer its cases; only the receiving body's
/// staff accept a transfer (there is no refusal); the 法制员 publishes and withdraws decisions; the
/// portal lists published decisions without sign-in.
struct APICaseTransfersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("cases", ":caseID", "transfers", use: ofCase)
        routes.post("cases", ":caseID", "transfers", use: transfer)
        routes.get("case-transfers", use: inbox)
        routes.post("case-transfers", ":transferID", "accept", use: accept)
        routes.post("cases", ":caseID", "publication", use: mark)
        routes.get("decision-publications", use: publications)
        routes.post("decision-publications", ":publicationID", "publish", use: publish)
        routes.post("decision-publications", ":publicationID", "withdraw", use: withdraw)
        routes.get("public", "decisions", use: publicIndex)
        routes.get("public", "decisions", ":publicationID", use: publicShow)
    }

    @Sendable func ofCase(req: Request) async throws -> [CaseTransferDTO] {
        let p = try req.requireAny(CaseQueries.readers)
        let (c, _) = try await CaseQueries.readable(try req.uuidParameter("caseID"), by: p, on: req.db)
        return try await CaseTransferDTO.load(try await CaseTransferService.ofCase(try c.requireID(), on: req.db), on: req.db)
    }

    @Sendable func transfer(req: Request) async throws -> Response {
        let p = try req.require(.officer, .legalOfficer)
        let (c, agency) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        let t = try await CaseTransferService.transfer(c, try req.decodeStrict(CaseTransferInput.self).service, agency: agency, req: req)
        return try await CaseTransferDTO.load([t], on: req.db)[0].encodeResponse(status: .created, for: req)
    }

    /// Transfers sent by or to the bodies in scope; `status=pending` for the receiving body's inbox.
    @Sendable func inbox(req: Request) async throws -> [CaseTransferDTO] {
        let p = try req.requireAny(CaseQueries.readers)
        let status = try Self.transferStatus(req)
        return try await CaseTransferDTO.load(try await CaseTransferService.visible(for: p, status: status, on: req.db), on: req.db)
    }

    @Sendable func accept(req: Request) async throws -> Response {
        let p = try req.require(.officer, .legalOfficer)
        let id = try req.uuidParameter("transferID")
        guard let t = try await CaseTransfer.find(id, on: req.db) else { throw AppError.notFound }
        guard p.agencyID != nil, t.$toAgency.id == p.agencyID else { throw AppError.outOfScope }
        let (done, c) = try await CaseTransferService.accept(id, try req.decodeStrict(CaseTransferAcceptInput.self).service, req: req)
        let dto = CaseTransferAcceptedDTO(transfer: try await CaseTransferDTO.load([done], on: req.db)[0], caseId: try c.requireID(), caseNumber: c.number)
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// The body marks a decision of another procedure as of public concern.
    @Sendable func mark(req: Request) async throws -> DecisionPublicationDTO {
        let p = try req.require(.legalOfficer)
        let (c, _) = try await CaseQueries.actable(try req.uuidParameter("caseID"), by: p, on: req.db)
        let pub = try await DecisionPublicityService.mark(c, req: req)
        return try await DecisionPublicationDTO.load([pub], today: req.today, on: req.db)[0]
    }

    @Sendable func publications(req: Request) async throws -> [DecisionPublicationDTO] {
        let p = try req.requireAny(CaseQueries.readers)
        let status = try Self.publicationStatus(req)
        return try await DecisionPublicationDTO.load(try await DecisionPublicityService.visible(for: p, status: status, on: req.db),
                                                     today: req.today, on: req.db)
    }

    @Sendable func publish(req: Request) async throws -> DecisionPublicationDTO {
        let pub = try await Self.ownPublication(req)
        try await DecisionPublicityService.publish(pub, req: req)
        return try await DecisionPublicationDTO.load([try await DecisionPublication.find(pub.requireID(), on: req.db)!], today: req.today, on: req.db)[0]
    }

    @Sendable func withdraw(req: Request) async throws -> DecisionPublicationDTO {
        let pub = try await Self.ownPublication(req)
        let input = try req.decodeStrict(DecisionWithdrawInput.self)
        let resultOn = try CaseText.date(input.resultOn, field: "resultOn", default: req.today, notAfter: req.today)
        let done = try await DecisionPublicityService.withdraw(caseID: pub.$enforcementCase.id, reason: input.reason,
                                                               basis: input.basis.flatMap { $0.isEmpty ? nil : $0 } ?? "本机关自行纠正",
                                                               on: resultOn, req: req)
        return try await DecisionPublicationDTO.load([done], today: req.today, on: req.db)[0]
    }

    @Sendable func publicIndex(req: Request) async throws -> PublicDecisionPageDTO {
        let page = try PageRequest.from(req)
        let q = try req.query.get(String?.self, at: "q")
        if let q { guard !q.isEmpty, q.unicodeScalars.count <= 50 else { throw AppError.validation("q", "为 1 至 50 个字符", code: "length") } }
        let (rows, total) = try await DecisionPublicityService.publicList(text: q, page: page, on: req.db)
        return PublicDecisionPageDTO(items: try rows.map { try PublicDecisionDTO($0) }, total: total, page: page.page, per: page.per)
    }

    @Sendable func publicShow(req: Request) async throws -> PublicDecisionDTO {
        let (pub, proof) = try await Self.publicDecision(req)
        return try PublicDecisionDTO(pub, checkpointTreeSize: proof?.checkpoint.treeSize)
    }

    /// A published or withdrawn decision with the inclusion proof of its publication entry; anything
    /// else is 404 to the public.
    static func publicDecision(_ req: Request) async throws -> (DecisionPublication, (proof: RecordLog.InclusionProof, checkpoint: RecordCheckpoint)?) {
        guard let pub = try await DecisionPublication.find(try req.uuidParameter("publicationID"), on: req.db),
              pub.status != .pending, pub.publishedOn != nil else { throw AppError.notFound }
        var proof: (proof: RecordLog.InclusionProof, checkpoint: RecordCheckpoint)?
        if let index = pub.recordIndex {
            proof = try await RecordLog.publishedInclusion(index: index, algorithm: req.services.records.algorithm, on: req.db)
        }
        return (pub, proof)
    }

    /// A publication of the caller's own body (its 法制员).
    static func ownPublication(_ req: Request) async throws -> DecisionPublication {
        let p = try req.require(.legalOfficer)
        guard let pub = try await DecisionPublication.find(try req.uuidParameter("publicationID"), on: req.db) else { throw AppError.notFound }
        guard p.agencyID == pub.$agency.id else { throw AppError.outOfScope }
        return pub
    }

    static func transferStatus(_ req: Request) throws -> CaseTransferStatus? {
        guard let raw = try req.query.get(String?.self, at: "status") else { return nil }
        guard let s = CaseTransferStatus(rawValue: raw) else {
            throw AppError.validation("status", "须为 \(CaseTransferStatus.allCases.map(\.rawValue).joined(separator: "、")) 之一")
        }
        return s
    }

    static func publicationStatus(_ req: Request) throws -> DecisionPublicationStatus? {
        guard let raw = try req.query.get(String?.self, at: "status") else { return nil }
        guard let s = DecisionPublicationStatus(rawValue: raw) else {
            throw AppError.validation("status", "须为 \(DecisionPublicationStatus.allCases.map(\.rawValue).joined(separator: "、")) 之一")
        }
        return s
    }
}
