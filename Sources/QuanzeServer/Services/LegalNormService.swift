import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 执法依据 catalog, kept by the legal office (监督员): norms, their articles, and every change of
/// status or text with the date it takes effect (history).
enum LegalNormService {
    struct NewNorm: Sendable {
        var title: String
        var level: NormLevel
        var issuer: String
        var documentNumber: String
        var promulgatedOn: String
        var effectiveOn: String
    }

    static func create(_ n: NewNorm, req: Request) async throws -> LegalNorm {
        var problems: [FieldProblem] = []
        for (field, value, max) in [("title", n.title, 100), ("issuer", n.issuer, 100), ("documentNumber", n.documentNumber, 100)] {
            if let p = TextInput.problem(value, field: field, max: max) { problems.append(p) }
        }
        let promulgated = LocalDate(iso: n.promulgatedOn)
        let effective = LocalDate(iso: n.effectiveOn)
        if promulgated == nil { problems.append(.init(field: "promulgatedOn", code: "date", message: "须为有效日期（YYYY-MM-DD）")) }
        if effective == nil { problems.append(.init(field: "effectiveOn", code: "date", message: "须为有效日期（YYYY-MM-DD）")) }
        if let p = promulgated, let e = effective, e < p {
            problems.append(.init(field: "effectiveOn", code: "before_promulgation", message: "施行日期不能早于公布日期"))
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let title = n.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let number = n.documentNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        if try await LegalNorm.query(on: req.db).filter(\.$title == title).filter(\.$documentNumber == number).first() != nil {
            throw AppError.conflict("NORM_EXISTS", "该执法依据已在目录中：\(title)（\(number)）")
        }
        let norm = LegalNorm(title: title, level: n.level, issuer: n.issuer.trimmingCharacters(in: .whitespacesAndNewlines),
                             documentNumber: number, promulgatedOn: promulgated!.iso, effectiveOn: effective!.iso)
        try await req.db.transaction { tx in
            try await norm.create(on: tx)
            try await event(norm, nil, "catalogued", effective!.iso, "收录：\(n.level.label)，\(number)", req, tx)
        }
        return norm
    }

    static func addArticle(to norm: LegalNorm, number raw: String, text: String, req: Request) async throws -> LegalArticle {
        guard norm.status != .repealed else { throw AppError.conflict("NORM_REPEALED", "已废止的执法依据不能增加条款") }
        let number = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let ordinal = ArticleNumber.ordinal(number) else {
            throw AppError.validation("number", "条号须形如“第五十八条”或“第58条”", code: "format")
        }
        let body = try articleText(text)
        let normID = try norm.requireID()
        if try await LegalArticle.query(on: req.db).filter(\.$norm.$id == normID).filter(\.$number == number).first() != nil {
            throw AppError.conflict("ARTICLE_EXISTS", "\(norm.title)\(number)已在目录中")
        }
        let article = LegalArticle(normID: normID, number: number, ordinal: ordinal, text: body)
        try await req.db.transaction { tx in
            try await article.create(on: tx)
            try await event(norm, article, "article_added", norm.effectiveOn, "收录\(number)", req, tx)
        }
        return article
    }

    /// The norm is amended (still in force in its new form) or repealed (no article of it may be cited).
    static func setStatus(_ norm: LegalNorm, _ status: NormStatus, on date: String, note: String?, req: Request) async throws {
        guard norm.status != .repealed else { throw AppError.conflict("NORM_REPEALED", "执法依据已废止，状态不能再变更") }
        guard status != .inForce else { throw AppError.validation("status", "只能标记为已修改或已废止") }
        let day = try effectiveDate(date)
        let why = try note.map { try TextInput.name($0, field: "note", max: 200) }
        norm.status = status
        let normID = try norm.requireID()
        let services = req.services
        let reason = "《\(norm.title)》\(status.label)（\(day) 起）"
        try await req.db.transaction { tx in
            try await norm.save(on: tx)
            try await event(norm, nil, "status", day, "\(status.label)\(why.map { "：\($0)" } ?? "")", req, tx)
            let articles = try await LegalArticle.query(on: tx).filter(\.$norm.$id == normID).all(\.$id)
            _ = try await PowerAdjustment.flag(articles: articles, effectiveOn: LocalDate(iso: day)!, reason: reason, services: services, on: tx)
        }
    }

    /// An article is amended (new text, history keeps the old) or repealed.
    static func setArticleStatus(_ article: LegalArticle, of norm: LegalNorm, _ status: NormStatus, on date: String,
                                 newText: String?, note: String?, req: Request) async throws {
        guard norm.status != .repealed, article.status != .repealed else {
            throw AppError.conflict("ARTICLE_REPEALED", "条款或其所属执法依据已废止，状态不能再变更")
        }
        guard status != .inForce else { throw AppError.validation("status", "只能标记为已修改或已废止") }
        let day = try effectiveDate(date)
        let why = try note.map { try TextInput.name($0, field: "note", max: 200) }
        var summary = "\(article.number)\(status.label)\(why.map { "：\($0)" } ?? "")"
        if status == .amended {
            guard let newText else { throw AppError.validation("text", "修改条款须提供修改后的条文", code: "required") }
            let body = try articleText(newText)
            summary += "；原条文：\(article.text)"
            article.text = body
        }
        article.status = status
        let recorded = summary
        let articleID = try article.requireID()
        let services = req.services
        let reason = "《\(norm.title)》\(article.number)\(status.label)（\(day) 起）"
        try await req.db.transaction { tx in
            try await article.save(on: tx)
            try await event(norm, article, "article_status", day, recorded, req, tx)
            _ = try await PowerAdjustment.flag(articles: [articleID], effectiveOn: LocalDate(iso: day)!, reason: reason, services: services, on: tx)
        }
    }

    private static func articleText(_ text: String) throws -> String {
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw AppError.validation("text", "条文不能为空", code: "required") }
        guard body.unicodeScalars.count <= 5000 else { throw AppError.validation("text", "条文不超过 5000 个字符", code: "length") }
        return body
    }

    private static func effectiveDate(_ raw: String) throws -> String {
        guard let d = LocalDate(iso: raw) else { throw AppError.validation("effectiveOn", "须为有效日期（YYYY-MM-DD）", code: "date") }
        return d.iso
    }

    private static func event(_ norm: LegalNorm, _ article: LegalArticle?, _ kind: String, _ on: String, _ summary: String,
                              _ req: Request, _ tx: any Database) async throws {
        try await LegalNormEvent(normID: try norm.requireID(), articleID: article?.id, kind: kind, effectiveOn: on,
                                 summary: summary, actor: req.auth.get(Principal.self)?.username).create(on: tx)
    }
}
