import Fluent
import Plot
import QuanzeCore
import Vapor

/// 投诉举报 in the console: the board (with registration of phone, letter and mailbox complaints), one
/// complaint with the forms of its next steps, and attachment downloads. Forms re-render with a message or
/// the refusal.
struct ComplaintPagesController: RouteCollection {
    static let maxBody = 16 * 1024 * 1024

    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "complaints", use: board)
        routes.on(.POST, "console", "complaints", body: .collect(maxSize: ByteCount(value: Self.maxBody)), use: register)
            .userInfo[CSRFMiddleware.bodyLimitKey] = Self.maxBody
        routes.get("console", "complaints", ":complaintID", use: show)
        for action in ["accept", "refuse", "assign", "verify", "reply", "close", "review"] {
            routes.post("console", "complaints", ":complaintID", .constant(action), use: { req in try await act(req, action) })
        }
        routes.get("console", "complaints", ":complaintID", "attachments", ":attachmentID", use: download)
    }

    private func boardPage(_ p: Principal, _ req: Request, filter: ComplaintQueries.Filter) async throws -> ComplaintBoardPage {
        let rows = try await ComplaintQueries.list(filter, for: p, today: req.today, window: req.application.services.options.warningDays, on: req.db)
        let agencies = try await AgencyQueries.scoped(for: p, on: req.db).sort(\.$name).all()
        return ComplaintBoardPage(principal: p, rows: rows, agencies: agencies, filter: filter)
    }

    @Sendable func board(req: Request) async throws -> Response {
        let p = try req.requireAny(ComplaintAccess.roles)
        return try await boardPage(p, req, filter: try APIComplaintsController.filter(req, strict: false)).render().response()
    }

    struct RegisterForm: Content {
        var channel: String?, receivedOn: String?, agencyId: String?, subjectKind: String?, subjectText: String?
        var content: String?, anonymous: String?, name: String?, phone: String?
        var files: [File]?
    }

    static func submission(_ f: RegisterForm, channel: ComplaintChannel) throws -> ComplaintService.Submission {
        guard let kind = ComplaintSubjectKind(rawValue: f.subjectKind ?? "agency") else { throw AppError.validation("subjectKind", "请选择投诉举报对象") }
        return .init(agencyID: f.agencyId.flatMap(UUID.init(uuidString:)), subjectKind: kind, subjectText: f.subjectText, content: f.content ?? "",
                     anonymous: f.anonymous == "true", name: f.name, phone: f.phone, channel: channel, receivedOn: f.receivedOn,
                     attachments: (f.files ?? []).map { ($0.filename, Data($0.data.readableBytesView)) })
    }

    @Sendable func register(req: Request) async throws -> Response {
        let p = try req.requireAny(ComplaintAccess.roles)
        let f = try req.content.decode(RegisterForm.self)
        do {
            guard let channel = f.channel.flatMap(ComplaintChannel.init(rawValue:)), channel != .portal else {
                throw AppError.validation("channel", "请选择渠道（电话、来信、意见箱）")
            }
            let (c, code) = try await ComplaintService.submit(try Self.submission(f, channel: channel), by: p, req: req)
            var page = try await boardPage(p, req, filter: .init())
            page.receipt = APIComplaintsController.receipt(c, code)
            return page.render().response(status: .created)
        } catch let e as AppError where [.unprocessableEntity, .conflict, .payloadTooLarge, .unsupportedMediaType, .forbidden].contains(e.status) {
            var page = try await boardPage(p, req, filter: .init())
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    func detail(_ p: Principal, _ c: Complaint, _ req: Request) async throws -> ComplaintDetailPage {
        let dto = try await ComplaintQueries.dto(c, for: p, today: req.today, window: req.application.services.options.warningDays, detail: true, on: req.db)
        return ComplaintDetailPage(principal: p, c: dto, candidates: try await ComplaintAccess.candidates(for: c, on: req.db))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (p, c) = try await ComplaintAccess.complaint(req)
        return try await detail(p, c, req).render().response()
    }

    struct ActForm: Content {
        var reason: String?, handlerId: String?, finding: String?, findingText: String?, replyText: String?, note: String?, result: String?
    }

    private func act(_ req: Request, _ action: String) async throws -> Response {
        if action == "review" { _ = try req.require(.supervisor) }
        let (p, c) = try await ComplaintAccess.complaint(req)
        let id = try c.requireID()
        let f = try req.content.decode(ActForm.self)
        do {
            let step: ComplaintService.Step
            switch action {
            case "accept": step = .accept
            case "refuse": step = .refuse(reason: f.reason ?? "")
            case "assign":
                guard let h = f.handlerId.flatMap(UUID.init(uuidString:)) else { throw AppError.validation("handlerId", "请选择承办人") }
                step = .assign(userID: h)
            case "verify":
                guard let finding = f.finding.flatMap(ComplaintFinding.init(rawValue:)) else { throw AppError.validation("finding", "请选择核查结果") }
                step = .verify(finding: finding, text: f.findingText ?? "")
            case "reply": step = .reply(text: f.replyText ?? "")
            case "close": step = .close(note: f.note)
            default:
                guard let result = f.result.flatMap(ComplaintReviewResult.init(rawValue:)) else { throw AppError.validation("result", "请选择复查结论") }
                step = .review(result: result, note: f.note ?? "")
            }
            let updated = try await ComplaintService.act(id, step, by: p, req: req)
            var page = try await detail(p, updated, req)
            page.message = "已\(ComplaintAction(rawValue: action)?.label ?? "指定承办人")。"
            return page.render().response()
        } catch let e as AppError where [.unprocessableEntity, .conflict, .forbidden, .badRequest].contains(e.status) && e.code != "COMPLAINT_OUT_OF_SCOPE" {
            let fresh = try await Complaint.find(id, on: req.db) ?? c
            var page = try await detail(p, fresh, req)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    @Sendable func download(req: Request) async throws -> Response {
        let (_, c) = try await ComplaintAccess.complaint(req)
        return try await APIComplaintsController.attachment(c, req: req)
    }
}
