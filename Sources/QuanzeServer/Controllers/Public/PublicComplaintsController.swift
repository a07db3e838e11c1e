import Fluent
import Plot
import QuanzeCore
import Vapor

/// 投诉举报 on the portal (no sign-in): the form (anonymous or named, with attachments), the receipt with
/// the tracking code, and following a complaint by its code (a POST, so that the code stays out of URLs and logs).
struct PublicComplaintsController: RouteCollection {
    static let maxBody = 16 * 1024 * 1024

    func boot(routes: any RoutesBuilder) throws {
        routes.get("complaints", use: page)
        routes.on(.POST, "complaints", body: .collect(maxSize: ByteCount(value: Self.maxBody)), use: submit)
            .userInfo[CSRFMiddleware.bodyLimitKey] = Self.maxBody
        routes.post("complaints", "track", use: track)
    }

    private func form(_ req: Request) async throws -> PublicComplaintPage {
        let agencies = try await Agency.query(on: req.db).filter(\.$status == .announced).sort(\.$name).all()
        return PublicComplaintPage(agencies: agencies, csrf: req.auth.get(Principal.self)?.csrfToken)
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await form(req).render().response()
    }

    @Sendable func submit(req: Request) async throws -> Response {
        do {
            try await req.requirePortalRate(.complaint)
            let f = try req.content.decode(ComplaintPagesController.RegisterForm.self)
            let (c, code) = try await ComplaintService.submit(try ComplaintPagesController.submission(f, channel: .portal), by: nil, req: req)
            var page = try await form(req)
            page.receipt = APIComplaintsController.receipt(c, code)
            return page.render().response(status: .created)
        } catch let e as AppError where [.unprocessableEntity, .payloadTooLarge, .unsupportedMediaType, .tooManyRequests].contains(e.status) {
            var page = try await form(req)
            page.error = e.message
            let res = page.render().response(status: e.status)
            res.headers.add(contentsOf: e.headers)
            return res
        }
    }

    struct TrackForm: Content { var trackingCode: String? }

    @Sendable func track(req: Request) async throws -> Response {
        let f = try req.content.decode(TrackForm.self)
        var page = try await form(req)
        do {
            let c = try await ComplaintService.track(f.trackingCode ?? "", on: req.db)
            page.tracked = try await ComplaintQueries.publicView(c, on: req.db)
            return page.render().response()
        } catch let e as AppError where e.code == "TRACKING_CODE_INVALID" {
            page.trackError = e.message
            return page.render().response(status: e.status)
        }
    }
}
