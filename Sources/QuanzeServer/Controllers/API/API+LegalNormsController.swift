import Fluent
import QuanzeCore
import Vapor

/// 执法依据 catalog: read by business roles and the public, kept by the legal office (监督员).
struct APILegalNormsController: RouteCollection {
    static let readers: [Role] = [.supervisor, .reviewer, .legalOfficer, .officer]

    func boot(routes: any RoutesBuilder) throws {
        let norms = routes.grouped("legal-norms")
        norms.get(use: index)
        norms.post(use: create)
        norms.get(":normID", use: show)
        norms.post(":normID", "articles", use: addArticle)
        norms.post(":normID", "status", use: setStatus)
        norms.post(":normID", "articles", ":articleID", "status", use: setArticleStatus)
        routes.get("public", "legal-norms", use: publicIndex)
        routes.get("public", "legal-norms", ":normID", use: publicShow)
    }

    @Sendable func index(req: Request) async throws -> [LegalNormDTO] {
        try req.requireAny(Self.readers)
        return try await LegalNormQueries.search(try .from(req), on: req.db).map { try LegalNormDTO($0) }
    }

    @Sendable func show(req: Request) async throws -> LegalNormDTO {
        try req.requireAny(Self.readers)
        let (norm, articles, history) = try await LegalNormQueries.detail(try req.uuidParameter("normID"), on: req.db)
        return try LegalNormDTO(norm, articles: articles, history: history)
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.require(.supervisor)
        let i = try req.decodeStrict(CreateLegalNormInput.self)
        let norm = try await LegalNormService.create(.init(title: i.title, level: i.level, issuer: i.issuer, documentNumber: i.documentNumber,
                                                           promulgatedOn: i.promulgatedOn, effectiveOn: i.effectiveOn), req: req)
        return try await LegalNormDTO(norm, articles: [], history: []).encodeResponse(status: .created, for: req)
    }

    @Sendable func addArticle(req: Request) async throws -> Response {
        try req.require(.supervisor)
        let norm = try await findNorm(req)
        let i = try req.decodeStrict(CreateArticleInput.self)
        let article = try await LegalNormService.addArticle(to: norm, number: i.number, text: i.text, req: req)
        return try await LegalArticleDTO(article, norm: norm).encodeResponse(status: .created, for: req)
    }

    @Sendable func setStatus(req: Request) async throws -> LegalNormDTO {
        try req.require(.supervisor)
        let norm = try await findNorm(req)
        let i = try req.decodeStrict(NormStatusInput.self)
        try await LegalNormService.setStatus(norm, i.status, on: i.effectiveOn, note: i.note, req: req)
        return try LegalNormDTO(norm)
    }

    @Sendable func setArticleStatus(req: Request) async throws -> LegalArticleDTO {
        try req.require(.supervisor)
        let norm = try await findNorm(req)
        guard let article = try await LegalArticle.find(try req.uuidParameter("articleID"), on: req.db),
              article.$norm.id == norm.id else { throw AppError.notFound }
        let i = try req.decodeStrict(NormStatusInput.self)
        try await LegalNormService.setArticleStatus(article, of: norm, i.status, on: i.effectiveOn, newText: i.text, note: i.note, req: req)
        return try LegalArticleDTO(article, norm: norm)
    }

    @Sendable func publicIndex(req: Request) async throws -> [LegalNormDTO] {
        try await LegalNormQueries.search(try .from(req), on: req.db).map { try LegalNormDTO($0) }
    }

    @Sendable func publicShow(req: Request) async throws -> LegalNormDTO {
        let (norm, articles, history) = try await LegalNormQueries.detail(try req.uuidParameter("normID"), on: req.db)
        return try LegalNormDTO(norm, articles: articles, history: history)
    }

    private func findNorm(_ req: Request) async throws -> LegalNorm {
        guard let norm = try await LegalNorm.find(try req.uuidParameter("normID"), on: req.db) else { throw AppError.notFound }
        return norm
    }
}
