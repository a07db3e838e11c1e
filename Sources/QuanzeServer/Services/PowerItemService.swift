import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 权责清单 lifecycle: the body's 法制员 drafts and submits; the legal office (监督员) approves,
/// returns or publishes. A published version never changes; a new version supersedes it.
enum PowerItemService {
    struct Content: Sendable {
        var name: String
        var category: PowerCategory
        var basisArticleIDs: [UUID]
        var responsibilities: [String]
        var statutoryLimit: TimeLimit?
        var promisedLimit: TimeLimit?
        var majorCriteria: [String]
        var flow: [FlowStep]
    }

    static func create(agency: Agency, code raw: String, content: Content, req: Request) async throws -> PowerItem {
        let code = try TextInput.name(raw, field: "code", max: 40)
        let agencyID = try agency.requireID()
        try await validate(content, on: req.db)
        if try await PowerItem.query(on: req.db).filter(\.$agency.$id == agencyID).filter(\.$code == code).first() != nil {
            throw AppError.conflict("POWER_CODE_TAKEN", "本主体已有编码为 \(code) 的职权事项")
        }
        return try await req.db.transaction { tx in try await insert(agencyID: agencyID, code: code, content: content, on: tx).item }
    }

    /// Writes a new item with its first draft version; the caller has validated `content` and the code.
    static func insert(agencyID: UUID, code: String, content: Content,
                       on tx: any Database) async throws -> (item: PowerItem, version: PowerItemVersion) {
        let item = PowerItem(agencyID: agencyID, code: code)
        try await item.create(on: tx)
        let v = PowerItemVersion()
        v.$item.id = try item.requireID()
        v.version = 1
        try await write(content, to: v, on: tx)
        return (item, v)
    }

    /// Only a draft may be edited; a submitted, approved or published version is refused.
    static func updateDraft(_ v: PowerItemVersion, content: Content, req: Request) async throws {
        guard v.status == .draft else {
            throw AppError.conflict(v.status == .published ? "PUBLISHED_IMMUTABLE" : "NOT_A_DRAFT",
                                    v.status == .published ? "已公布的版本不能修改，请新建版本" : "只有草拟状态的版本可以修改（当前：\(v.status.label)）")
        }
        try await validate(content, on: req.db)
        try await req.db.transaction { tx in try await write(content, to: v, on: tx) }
    }

    static func transition(_ v: PowerItemVersion, to next: PowerVersionStatus, agency: Agency, req: Request) async throws {
        let allowed: [PowerVersionStatus: PowerVersionStatus] = [.submitted: .draft, .approved: .submitted, .published: .approved]
        let isReturn = next == .draft && v.status == .submitted
        guard isReturn || allowed[next] == v.status else {
            throw AppError.conflict("INVALID_TRANSITION", "当前状态“\(v.status.label)”不能变更为“\(next.label)”")
        }
        if next == .published && !agency.mayEnforce {
            throw AppError.conflict("AGENCY_NOT_ANNOUNCED", "执法主体尚未经确认并公告，其权责清单不能公布")
        }
        let itemID = v.$item.id
        try await req.db.transaction { tx in
            if next == .published {
                try await PowerItemVersion.query(on: tx).filter(\.$item.$id == itemID).filter(\.$status == .published)
                    .set(\.$status, to: .superseded).update()
                v.publishedAt = req.now
            }
            v.status = next
            try await v.save(on: tx)
        }
    }

    /// Opens a new draft from the latest version (at most one open version at a time).
    static func newVersion(of item: PowerItem, req: Request) async throws -> PowerItemVersion {
        let itemID = try item.requireID()
        let versions = try await PowerItemVersion.query(on: req.db).filter(\.$item.$id == itemID).sort(\.$version, .descending).all()
        guard let latest = versions.first else { throw AppError.notFound }
        guard latest.status == .published else {
            throw AppError.conflict("OPEN_VERSION_EXISTS", "已有未公布的版本 v\(latest.version)（\(latest.status.label)）")
        }
        let bases = try await PowerItemBasis.query(on: req.db).filter(\.$version.$id == latest.requireID()).all(\.$article.$id)
        let v = PowerItemVersion()
        v.$item.id = itemID
        v.version = latest.version + 1
        try await req.db.transaction { tx in
            try await write(Content(name: latest.name, category: latest.category, basisArticleIDs: bases,
                                    responsibilities: latest.responsibilities, statutoryLimit: latest.statutoryLimit,
                                    promisedLimit: latest.promisedLimit, majorCriteria: latest.majorCriteria, flow: latest.flow),
                            to: v, on: tx, keepFlag: latest)
        }
        return v
    }

    private static func write(_ c: Content, to v: PowerItemVersion, on tx: any Database, keepFlag from: PowerItemVersion? = nil) async throws {
        v.name = c.name.trimmingCharacters(in: .whitespacesAndNewlines)
        v.category = c.category
        v.responsibilities = c.responsibilities
        v.statutoryLimit = c.statutoryLimit
        v.promisedLimit = c.promisedLimit
        v.majorCriteria = c.majorCriteria
        v.flow = c.flow
        v.status = .draft
        v.needsAdjustment = from?.needsAdjustment ?? false
        v.adjustmentDue = from?.adjustmentDue
        v.adjustmentReason = from?.adjustmentReason
        try await v.save(on: tx)
        let id = try v.requireID()
        try await PowerItemBasis.query(on: tx).filter(\.$version.$id == id).delete()
        for article in Set(c.basisArticleIDs) { try await PowerItemBasis(versionID: id, articleID: article).create(on: tx) }
    }

    /// At least one basis article, each citable: in force, in a norm in force, and not a 规范性文件
    /// (永政办〔2015〕98号 三(一)).
    static func validate(_ c: Content, on db: any Database) async throws {
        let problems = try await problems(c, on: db)
        guard problems.isEmpty else { throw AppError.validation(problems) }
    }

    /// Every problem of `c` (see `validate`), for callers that report them all at once (CSV import).
    static func problems(_ c: Content, on db: any Database) async throws -> [FieldProblem] {
        try await problems(c) { id in
            guard let a = try await LegalArticle.find(id, on: db), let norm = try await LegalNorm.find(a.$norm.id, on: db) else { return nil }
            return (a, norm)
        }
    }

    /// The same, with the cited articles looked up by `article` (an importer that has loaded them already).
    static func problems(_ c: Content, article: (UUID) async throws -> (LegalArticle, LegalNorm)?) async throws -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let p = TextInput.problem(c.name, field: "name", max: 100) { problems.append(p) }
        if c.basisArticleIDs.isEmpty {
            problems.append(.init(field: "basisArticleIds", code: "required", message: "至少引用一条现行有效的执法依据条款"))
        }
        for id in c.basisArticleIDs {
            guard let (a, norm) = try await article(id) else {
                problems.append(.init(field: "basisArticleIds", code: "not_found", message: "条款不存在：\(id)"))
                continue
            }
            if !norm.level.mayBeEnforcementBasis {
                problems.append(.init(field: "basisArticleIds", code: "normative_document",
                                      message: "《\(norm.title)》是规范性文件，不得作为执法依据"))
            } else if !a.citable(in: norm) {
                problems.append(.init(field: "basisArticleIds", code: "repealed", message: "《\(norm.title)》\(a.number)已废止，不能引用"))
            }
        }
        for (i, r) in c.responsibilities.enumerated() {
            if let p = TextInput.problem(r, field: "responsibilities[\(i)]", max: 200) { problems.append(p) }
        }
        for (i, m) in c.majorCriteria.enumerated() {
            if let p = TextInput.problem(m, field: "majorCriteria[\(i)]", max: 200) { problems.append(p) }
        }
        for (i, s) in c.flow.enumerated() {
            if let p = TextInput.problem(s.name, field: "flow[\(i)].name", max: 50) { problems.append(p) }
            if let p = TextInput.problem(s.role, field: "flow[\(i)].role", max: 30) { problems.append(p) }
            if s.limitFrom != nil && s.limit == nil {
                problems.append(.init(field: "flow[\(i)].limitFrom", code: "without_limit", message: "写明起算的步骤须有期限"))
            }
        }
        for (field, limit) in [("statutoryLimit", c.statutoryLimit), ("promisedLimit", c.promisedLimit)] + c.flow.enumerated().map({ ("flow[\($0.offset)].limit", $0.element.limit) }) {
            guard let limit else { continue }
            if DeadlineUnit(rawValue: limit.unit) == nil || !(1...3660).contains(limit.value) {
                problems.append(.init(field: field, code: "invalid", message: "期限须为 1–3660 的整数，单位为“日”或“工作日”"))
            }
        }
        if let s = c.statutoryLimit, let p = c.promisedLimit, s.unit == p.unit, p.value > s.value {
            problems.append(.init(field: "promisedLimit", code: "longer_than_statutory", message: "承诺期限不得长于法定期限"))
        }
        return problems
    }
}
