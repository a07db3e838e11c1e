import Fluent
import QuanzeCore
import Vapor

/// The security audit: read, verify and export — 审计管理员 only.
struct APIAuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let audit = routes.grouped("audit")
        audit.get(use: index)
        audit.get("verify", use: verify)
        audit.get("export", use: export)
    }

    @Sendable func index(req: Request) async throws -> AuditListDTO {
        try req.require(.auditAdmin)
        let filter = try AuditQueries.Filter.from(req)
        let page = try PageRequest.from(req)
        let q = AuditQueries.query(filter, on: req.db)
        let total = try await q.count()
        let items = try await q.sort(\.$seq, .descending).range(page.offset..<(page.offset + page.per)).all()
        return AuditListDTO(items: items.map(AuditEntryDTO.init), page: PageInfo(page: page.page, per: page.per, total: total))
    }

    @Sendable func verify(req: Request) async throws -> AuditVerifyDTO {
        try req.require(.auditAdmin)
        let result = try await AuditQueries.verify(on: req.db)
        try await req.audit(.auditVerify, result.ok ? .success : .failure, detail: result.summary)
        return AuditVerifyDTO(result)
    }

    @Sendable func export(req: Request) async throws -> Response {
        try req.require(.auditAdmin)
        let filter = try AuditQueries.Filter.from(req)
        let entries = try await AuditQueries.query(filter, on: req.db).sort(\.$seq).limit(100_000).all()
        try await req.audit(.dataExport, .success, target: "audit_entries", detail: "导出安全审计 \(entries.count) 条（CSV）")
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "audit.csv")
        return Response(status: .ok, headers: headers, body: .init(string: AuditQueries.csv(entries)))
    }
}

extension AuditVerifyDTO {
    init(_ v: AuditVerification) {
        self.init(ok: v.ok, checked: v.checked, problem: v.problem?.description, problemSeq: v.problem?.seq)
    }
}

extension AuditVerification {
    var summary: String {
        ok ? "审计链完整，已校验 \(checked) 条" : "审计链异常：\(problem?.description ?? "未知")"
    }
}
