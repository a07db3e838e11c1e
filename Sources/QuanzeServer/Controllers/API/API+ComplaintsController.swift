import Fluent
import QuanzeCore
import Vapor

/// 投诉举报 API: submission and tracking for the public; registration, the workflow, attachments and
/// statistics for the jurisdiction's 监督员 and the body's 法制员 (docs/complaints.md).
struct APIComplaintsController: RouteCollection {
    /// Three attachments of 5 MB as base64 plus the text.
    static let maxBody: ByteCount = "22mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "public", "complaints", body: .collect(maxSize: Self.maxBody), use: submit)
        routes.post("public", "complaints", "track", use: track)
        routes.get("complaints", use: index)
        routes.on(.POST, "complaints", body: .collect(maxSize: Self.maxBody), use: register)
        routes.get("complaints", ":complaintID", use: show)
        for action in ["accept", "refuse", "assign", "verify", "reply", "close", "review"] {
            routes.post("complaints", ":complaintID", .constant(action), use: { req in try await act(req, action) })
        }
        routes.get("complaints", ":complaintID", "attachments", ":attachmentID", use: download)
        routes.get("complaint-statistics", use: statistics)
    }

    @Sendable func submit(req: Request) async throws -> Response {
        try await req.requirePortalRate(.complaint)
        let input = try req.decodeStrict(PublicComplaintInput.self)
        let (c, code) = try await ComplaintService.submit(
            .init(agencyID: input.agencyId, subjectKind: input.subjectKind, subjectText: input.subjectText, content: input.content,
                  anonymous: input.anonymous, name: input.name, phone: input.phone, channel: .portal, receivedOn: nil,
                  attachments: try (input.attachments ?? []).decoded()), by: nil, req: req)
        return try await Self.receipt(c, code).encodeResponse(status: .created, for: req)
    }

    static func receipt(_ c: Complaint, _ code: String) -> ComplaintReceiptDTO {
        ComplaintReceiptDTO(id: c.id!, number: c.number, trackingCode: code, acknowledgementDue: c.ackDue,
                            acknowledgementSource: c.ackRule?.value.source.description)
    }

    @Sendable func track(req: Request) async throws -> PublicComplaintDTO {
        let input = try req.decodeStrict(ComplaintTrackInput.self)
        return try await ComplaintQueries.publicView(try await ComplaintService.track(input.trackingCode, on: req.db), on: req.db)
    }

    static func filter(_ req: Request, strict: Bool) throws -> ComplaintQueries.Filter {
        var f = ComplaintQueries.Filter()
        if let raw = req.query[String.self, at: "status"], !(raw.isEmpty && !strict) {
            guard let s = ComplaintStatus(rawValue: raw) else { throw AppError.validation("status", "不是有效的状态", code: "invalid") }
            f.status = s
        }
        if let raw = req.query[String.self, at: "level"], !(raw.isEmpty && !strict) {
            guard let l = WarningLevel(rawValue: raw) else { throw AppError.validation("level", "不是有效的预警级别", code: "invalid") }
            f.level = l
        }
        if let raw = req.query[String.self, at: "agencyId"], !(raw.isEmpty && !strict) {
            guard let a = UUID(uuidString: raw) else { throw AppError.validation("agencyId", "不是有效的编号", code: "invalid") }
            f.agencyID = a
        }
        return f
    }

    @Sendable func index(req: Request) async throws -> [ComplaintDTO] {
        let p = try req.requireAny(ComplaintAccess.roles)
        return try await ComplaintQueries.list(try Self.filter(req, strict: true), for: p, today: req.today,
                                               window: req.application.services.options.warningDays, on: req.db)
    }

    @Sendable func register(req: Request) async throws -> Response {
        let p = try req.requireAny(ComplaintAccess.roles)
        let input = try req.decodeStrict(ComplaintRegisterInput.self)
        let (c, code) = try await ComplaintService.submit(
            .init(agencyID: input.agencyId, subjectKind: input.subjectKind, subjectText: input.subjectText, content: input.content,
                  anonymous: input.anonymous, name: input.name, phone: input.phone, channel: input.channel, receivedOn: input.receivedOn,
                  attachments: try (input.attachments ?? []).decoded()), by: p, req: req)
        return try await Self.receipt(c, code).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> ComplaintDTO {
        let (p, c) = try await ComplaintAccess.complaint(req)
        return try await ComplaintQueries.dto(c, for: p, today: req.today, window: req.application.services.options.warningDays, detail: true, on: req.db)
    }

    private func act(_ req: Request, _ action: String) async throws -> ComplaintDTO {
        if action == "review" { _ = try req.require(.supervisor) }
        let (p, c) = try await ComplaintAccess.complaint(req)
        let step: ComplaintService.Step
        switch action {
        case "accept": step = .accept
        case "refuse": step = .refuse(reason: try req.decodeStrict(ComplaintRefuseInput.self).reason)
        case "assign": step = .assign(userID: try req.decodeStrict(ComplaintAssignInput.self).handlerId)
        case "verify":
            let i = try req.decodeStrict(ComplaintVerifyInput.self)
            step = .verify(finding: i.finding, text: i.findingText)
        case "reply": step = .reply(text: try req.decodeStrict(ComplaintReplyInput.self).replyText)
        case "close":
            var note: String?
            if (req.body.data?.readableBytes ?? 0) > 0 { note = try req.decodeStrict(ComplaintCloseInput.self).note }
            step = .close(note: note)
        default:
            let i = try req.decodeStrict(ComplaintReviewInput.self)
            step = .review(result: i.result, note: i.note)
        }
        let updated = try await ComplaintService.act(try c.requireID(), step, by: p, req: req)
        return try await ComplaintQueries.dto(updated, for: p, today: req.today, window: req.application.services.options.warningDays, detail: true, on: req.db)
    }

    @Sendable func download(req: Request) async throws -> Response {
        let (_, c) = try await ComplaintAccess.complaint(req)
        return try await Self.attachment(c, req: req)
    }

    static func attachment(_ c: Complaint, req: Request) async throws -> Response {
        guard let a = try await ComplaintAttachment.query(on: req.db).filter(\.$complaintID == c.requireID())
            .filter(\.$id == req.uuidParameter("attachmentID")).first() else { throw AppError.notFound }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: a.contentType)
        let encoded = a.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"attachment\"; filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: a.content))
    }

    @Sendable func statistics(req: Request) async throws -> ComplaintStatistics.Summary {
        let p = try req.requireAny(ComplaintAccess.roles)
        let (year, agencyID) = try Self.statisticsParams(req)
        return try await Self.summary(p, year: year, agencyID: agencyID, req: req)
    }

    static func statisticsParams(_ req: Request) throws -> (Int, UUID?) {
        var year = req.today.year
        if let raw = req.query[String.self, at: "year"] {
            guard let y = Int(raw), (2000...2100).contains(y) else { throw AppError.validation("year", "年度须为 2000 至 2100 的整数") }
            year = y
        }
        var agencyID: UUID?
        if let raw = req.query[String.self, at: "agencyId"] {
            guard let a = UUID(uuidString: raw) else { throw AppError.validation("agencyId", "不是有效的编号", code: "invalid") }
            agencyID = a
        }
        return (year, agencyID)
    }

    /// The caller's scope: one body (in scope) or every body in scope.
    static func summary(_ p: Principal, year: Int, agencyID: UUID?, req: Request) async throws -> ComplaintStatistics.Summary {
        let scope = try await AgencyQueries.scoped(for: p, on: req.db).all(\.$id)
        if let agencyID, !scope.contains(agencyID) { throw AppError.outOfScope }
        let ids = agencyID.map { [$0] } ?? scope
        var replyDue = 0, replyOnTime = 0, replyLate: [UUID] = [], ackDue = 0, ackOnTime = 0, ackLate: [UUID] = []
        for id in ids {
            let r = try await ComplaintStatistics.onTime(agencyID: id, year: year, asOf: req.today, on: req.db)
            replyDue += r.due; replyOnTime += r.onTime; replyLate += r.complaintIDs
            let a = try await ComplaintStatistics.acknowledgedOnTime(agencyID: id, year: year, asOf: req.today, on: req.db)
            ackDue += a.due; ackOnTime += a.onTime; ackLate += a.complaintIDs
        }
        let months = try await ComplaintStatistics.monthlyFlow(agencyID: nil, agencyIDs: ids, year: year, on: req.db)
        return .init(year: year, agencyId: agencyID, replyDue: replyDue, replyOnTime: replyOnTime, replyLate: replyLate,
                     acknowledgementDue: ackDue, acknowledgementOnTime: ackOnTime, acknowledgementLate: ackLate, months: months)
    }
}
