import Plot
import QuanzeCore
import Vapor

/// The one place errors become responses: JSON `{"error": …}` under `/api`, a Chinese page elsewhere.
/// Refusals that matter for security (403, CSRF, bad tokens, rejected input) are audited here.
struct AppErrorMiddleware: AsyncMiddleware {
    /// Codes whose audit entry the code that raised them has already written.
    private static let auditedElsewhere: Set<String> = [
        "INVALID_CREDENTIALS", "ACCOUNT_LOCKED", "ACCOUNT_DISABLED", "DEMO_ACCOUNT_REFUSED",
        "ADMIN_ROLE_CONFLICT", "ADMIN_BUSINESS_CONFLICT", "ROLE_SCOPE_MISSING", "SESSION_EXPIRED",
        "CSV_INVALID",
    ]
    private static let notAudited: Set<String> = ["NOT_FOUND", "METHOD_NOT_ALLOWED", "UNAUTHENTICATED", "PASSWORD_CHANGE_REQUIRED"]

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            var appError = ErrorMapping.appError(from: error)
            if appError.code == "NOT_FOUND", let allowed = req.application.methodResolver.allowedMethods(for: req.url.path),
               !allowed.contains(req.method) {
                appError = .methodNotAllowed(allowed: allowed)
            }
            if appError.status.code >= 500 {
                req.logger.error("\(PersonalDataMasker.maskText(String(reflecting: error)))")
            }
            await audit(appError, req)
            return render(appError, req)
        }
    }

    private func audit(_ e: AppError, _ req: Request) async {
        guard e.status.code >= 400, e.status.code < 500,
              !Self.auditedElsewhere.contains(e.code), !Self.notAudited.contains(e.code) else { return }
        let action: AuditAction
        let outcome: AuditOutcome
        switch e.code {
        case "CSRF_INVALID": (action, outcome) = (.csrfRejected, .denied)
        case "FORBIDDEN", "OUT_OF_SCOPE": (action, outcome) = (.accessDenied, .denied)
        default: (action, outcome) = (.requestRejected, .failure)
        }
        let target = "\(req.method.rawValue) \(req.url.path)"
        do {
            try await req.audit(action, outcome, target: String(target.prefix(300)), detail: "\(e.code)：\(e.message.prefix(300))")
        } catch {
            req.logger.error("audit write failed: \(error)")
        }
    }

    /// The API, the health probes, and clients that ask for JSON but not HTML get JSON errors.
    static func wantsJSON(_ req: Request) -> Bool {
        let path = req.url.path
        if path.hasPrefix("/api") || path == SiteURL.healthz || path == SiteURL.readyz { return true }
        let accept = req.headers[.accept].joined(separator: ",")
        return accept.contains("application/json") && !accept.contains("text/html")
    }

    private func render(_ e: AppError, _ req: Request) -> Response {
        if Self.wantsJSON(req) {
            let res = Response(status: e.status, headers: e.headers)
            let body = ErrorBody(error: .init(code: e.code, message: e.message, details: e.details))
            try? res.content.encode(body, using: JSONEncoder.api)
            return res
        }
        let isPageRead = req.method == .GET && req.url.path.hasPrefix("/console")
        if isPageRead && (e.code == "UNAUTHENTICATED" || e.code == "SESSION_EXPIRED") {
            let reason = e.code == "SESSION_EXPIRED" ? "expired" : "login"
            let next = req.url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_"))) ?? ""
            return req.redirect(to: "\(SiteURL.consoleLogin)?reason=\(reason)&next=\(next)")
        }
        if isPageRead && e.code == "PASSWORD_CHANGE_REQUIRED" {
            return req.redirect(to: SiteURL.consolePassword)
        }
        let res = ErrorPage(error: e, principal: req.auth.get(Principal.self)).render().response(status: e.status)
        for (name, value) in e.headers { res.headers.replaceOrAdd(name: name, value: value) }
        return res
    }
}
