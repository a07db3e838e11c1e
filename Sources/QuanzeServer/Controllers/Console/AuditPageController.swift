import Fluent
import QuanzeCore
import Vapor

/// 安全审计 pages (审计管理员 only).
struct AuditPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("console", "audit", use: index)
        routes.post("console", "audit", "verify", use: verify)
        routes.get("console", "audit", "export", use: export)
    }

    @Sendable func index(req: Request) async throws -> Response {
        try await page(req).render().response()
    }

    @Sendable func verify(req: Request) async throws -> Response {
        try req.require(.auditAdmin)
        let result = try await AuditQueries.verify(on: req.db)
        try await req.audit(.auditVerify, result.ok ? .success : .failure, detail: result.summary)
        var model = try await page(req)
        model.verification = AuditVerifyDTO(result)
        return model.render().response()
    }

    @Sendable func export(req: Request) async throws -> Response {
        try await APIAuditController().export(req: req)
    }

    private func page(_ req: Request) async throws -> AuditPage {
        let p = try req.require(.auditAdmin)
        let filter = try AuditQueries.Filter.from(req)
        let pageReq = try PageRequest.from(req, defaultPer: 50)
        let q = AuditQueries.query(filter, on: req.db)
        let total = try await q.count()
        let items = try await q.sort(\.$seq, .descending).range(pageReq.offset..<(pageReq.offset + pageReq.per)).all()
        var query: [String: String] = [:]
        for key in ["actor", "action", "outcome", "from", "to"] {
            if let v = try? req.query.get(String.self, at: key) { query[key] = v }
        }
        return AuditPage(principal: p, entries: items.map(AuditEntryDTO.init),
                         page: PageInfo(page: pageReq.page, per: pageReq.per, total: total), query: query)
    }
}
