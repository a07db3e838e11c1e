import Fluent
import Plot
import QuanzeCore
import Vapor

/// 执法依据 pages: console (read by business roles, kept by 监督员) and the public catalog.
struct LegalNormPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let norms = routes.grouped("console", "legal-norms")
        norms.get(use: index)
        norms.get("new", use: newForm)
        norms.post("new", use: create)
        norms.get(":normID", use: show)
        norms.post(":normID", "articles", use: addArticle)
        norms.post(":normID", "status", use: setStatus)
        norms.post(":normID", "article-status", use: setArticleStatus)
        routes.get("legal-norms", use: publicIndex)
        routes.get("legal-norms", ":normID", use: publicShow)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let p = try req.requireAny(APILegalNormsController.readers)
        let filter = try LegalNormQueries.Filter.from(req)
        return LegalNormsPage(principal: p, norms: try await LegalNormQueries.search(filter, on: req.db), filter: filter).render().response()
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        LegalNormNewPage(principal: try req.require(.supervisor)).render().response()
    }

    struct NormForm: Content {
        var title: String?, level: String?, issuer: String?, documentNumber: String?, promulgatedOn: String?, effectiveOn: String?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let p = try req.require(.supervisor)
        let f = try req.content.decode(NormForm.self)
        do {
            guard let level = f.level.flatMap(NormLevel.init(rawValue:)) else { throw AppError.validation("level", "请选择效力层级") }
            let norm = try await LegalNormService.create(.init(title: f.title ?? "", level: level, issuer: f.issuer ?? "",
                                                               documentNumber: f.documentNumber ?? "", promulgatedOn: f.promulgatedOn ?? "",
                                                               effectiveOn: f.effectiveOn ?? ""), req: req)
            return req.redirect(to: SiteURL.consoleLegalNorm(try norm.requireID()), redirectType: .normal)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            let values = ["title": f.title ?? "", "level": f.level ?? "", "issuer": f.issuer ?? "", "documentNumber": f.documentNumber ?? "",
                          "promulgatedOn": f.promulgatedOn ?? "", "effectiveOn": f.effectiveOn ?? ""]
            return LegalNormNewPage(principal: p, values: values, error: e).render().response(status: e.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let p = try req.requireAny(APILegalNormsController.readers)
        return try await detail(req, p).render().response()
    }

    struct ArticleForm: Content { var number: String?, text: String? }

    @Sendable func addArticle(req: Request) async throws -> Response {
        try await act(req) { norm in
            let f = try req.content.decode(ArticleForm.self)
            let a = try await LegalNormService.addArticle(to: norm, number: f.number ?? "", text: f.text ?? "", req: req)
            return "已收录\(a.number)。"
        }
    }

    struct StatusForm: Content {
        var status: String?, effectiveOn: String?, note: String?
        var articleId: String?, articleEffectiveOn: String?, newText: String?, articleNote: String?
    }

    @Sendable func setStatus(req: Request) async throws -> Response {
        try await act(req) { norm in
            let f = try req.content.decode(StatusForm.self)
            guard let status = f.status.flatMap(NormStatus.init(rawValue:)) else { throw AppError.validation("status", "请选择变更") }
            try await LegalNormService.setStatus(norm, status, on: f.effectiveOn ?? "", note: (f.note ?? "").nilIfEmpty, req: req)
            return "已登记：\(status.label)。"
        }
    }

    @Sendable func setArticleStatus(req: Request) async throws -> Response {
        try await act(req) { norm in
            let f = try req.content.decode(StatusForm.self)
            guard let status = f.status.flatMap(NormStatus.init(rawValue:)) else { throw AppError.validation("status", "请选择变更") }
            guard let id = f.articleId.flatMap(UUID.init(uuidString:)), let article = try await LegalArticle.find(id, on: req.db),
                  article.$norm.id == norm.id else { throw AppError.validation("articleId", "请选择条款") }
            try await LegalNormService.setArticleStatus(article, of: norm, status, on: f.articleEffectiveOn ?? "",
                                                        newText: (f.newText ?? "").nilIfEmpty, note: (f.articleNote ?? "").nilIfEmpty, req: req)
            return "已登记\(article.number)\(status.label)。"
        }
    }

    @Sendable func publicIndex(req: Request) async throws -> Response {
        let filter = try LegalNormQueries.Filter.from(req)
        return PublicLegalNormsPage(norms: try await LegalNormQueries.search(filter, on: req.db), filter: filter).render().response()
    }

    @Sendable func publicShow(req: Request) async throws -> Response {
        let (norm, articles, history) = try await LegalNormQueries.detail(try req.uuidParameter("normID"), on: req.db)
        return PublicLegalNormPage(norm: norm, articles: articles, history: history).render().response()
    }

    /// Runs a catalog change for the 监督员 and shows the outcome on the norm's page.
    private func act(_ req: Request, _ action: (LegalNorm) async throws -> String) async throws -> Response {
        let p = try req.require(.supervisor)
        guard let norm = try await LegalNorm.find(try req.uuidParameter("normID"), on: req.db) else { throw AppError.notFound }
        do {
            let message = try await action(norm)
            var page = try await detail(req, p)
            page.message = message
            return page.render().response()
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            var page = try await detail(req, p)
            page.error = e.message
            return page.render().response(status: e.status)
        }
    }

    private func detail(_ req: Request, _ p: Principal) async throws -> LegalNormDetailPage {
        let (norm, articles, history) = try await LegalNormQueries.detail(try req.uuidParameter("normID"), on: req.db)
        return LegalNormDetailPage(principal: p, norm: norm, articles: articles, history: history)
    }
}
