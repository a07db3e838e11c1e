import Crypto
import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 外部评议 (`000_*` 国办发〔2005〕37号 三(四); `001_*` 六(二)): evaluation cards on the portal (a body,
/// or a case with a one-time code given to its parties), survey imports (CSV) and 监督评议员 ratings.
/// Ratings are 1–5. One-time codes are stored as SHA-256 and used once.
enum EvaluationService {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    /// Upper case, without spaces and hyphens.
    static func normalize(_ code: String) -> String {
        code.uppercased().filter { $0 != "-" && !$0.isWhitespace }
    }

    static func hash(_ code: String) -> String {
        SHA256.hash(data: Data(normalize(code).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func newCode() -> String {
        var rng = SystemRandomNumberGenerator()
        let chars = (0..<12).map { _ in alphabet[Int(rng.next(upperBound: UInt64(alphabet.count)))] }
        return [chars[0..<4], chars[4..<8], chars[8..<12]].map { String($0) }.joined(separator: "-")
    }

    /// Issues a code for a case of the caller's body (法制员 or an officer of the body); the plain code is returned once.
    static func issueCode(caseID: UUID, by p: Principal, req: Request) async throws -> (code: String, caseNumber: String) {
        guard let c = try await EnforcementCase.find(caseID, on: req.db) else { throw AppError.notFound }
        guard p.agencyID == c.$agency.id else { throw AppError.outOfScope }
        let code = newCode()
        let row = EvaluationCode()
        row.codeHash = hash(code)
        row.caseID = caseID
        row.agencyID = c.$agency.id
        row.issuedOn = LocalDate(instant: req.now).iso
        row.issuedBy = p.displayName
        try await req.db.transaction { tx in
            try await row.create(on: tx)
            try await req.audit(.evaluationCodeIssue, .success, target: c.number, detail: "发放一次性评议码（仅存散列）", on: tx)
        }
        return (code, c.number)
    }

    struct Card: Sendable {
        var agencyID: UUID?
        var code: String?
        var rating: Int
        var comment: String?
    }

    /// An evaluation card from the portal. With a code: the case's body is rated and the code is
    /// spent (EVALUATION_CODE_UNKNOWN, EVALUATION_CODE_USED); without: a body of the portal is rated.
    static func submit(_ card: Card, req: Request) async throws -> Evaluation {
        guard (1...5).contains(card.rating) else { throw AppError.validation("rating", "评分须为 1–5", code: "out_of_range") }
        let comment = try card.comment.flatMap { $0.isEmpty ? nil : try CaseText.paragraph($0, field: "comment", max: 500) }
        let today = LocalDate(instant: req.now)
        let e = Evaluation()
        e.year = today.year
        e.channel = .card
        e.rating = card.rating
        e.comment = comment
        e.submittedOn = today.iso
        if let raw = card.code, !normalize(raw).isEmpty {
            let h = hash(raw)
            return try await req.db.transaction { tx in
                guard let code = try await EvaluationCode.query(on: tx).filter(\.$codeHash == h).first() else {
                    throw AppError("EVALUATION_CODE_UNKNOWN", .notFound, "评议码不存在，请核对办案机关发给您的评议码")
                }
                // Spend the code only if still unused: one conditional UPDATE, so two submissions cannot both pass.
                guard let sql = tx as? any SQLDatabase else { throw AppError.notFound }
                let codeID = try code.requireID()
                let spent = try await sql.raw("""
                    UPDATE evaluation_codes SET used_on = \(bind: today.iso) WHERE id = \(bind: codeID) AND used_on IS NULL RETURNING id
                    """).all()
                guard !spent.isEmpty else {
                    throw AppError.conflict("EVALUATION_CODE_USED", "该评议码已使用过，每个评议码只能评议一次")
                }
                e.agencyID = code.agencyID
                e.caseID = code.caseID
                try await e.create(on: tx)
                try await req.audit(.evaluationSubmit, .success, target: "案件评议", detail: "评分 \(card.rating)", actor: (nil, "公众"), on: tx)
                return e
            }
        }
        guard let agencyID = card.agencyID else { throw AppError.validation("agencyId", "请选择被评议的执法部门，或填写评议码", code: "required") }
        guard let agency = try await Agency.find(agencyID, on: req.db), !agency.isLegalOffice, agency.status == .announced else {
            throw AppError.validation("agencyId", "执法部门不存在或未公告", code: "not_found")
        }
        e.agencyID = agencyID
        try await req.db.transaction { tx in
            try await e.create(on: tx)
            try await req.audit(.evaluationSubmit, .success, target: agency.name, detail: "评分 \(card.rating)", actor: (nil, "公众"), on: tx)
        }
        return e
    }

    /// A 监督评议员's rating entered by the legal office (监督员) for a body of its jurisdiction.
    static func evaluator(agencyID: UUID, year: Int, rating: Int, evaluatorName: String, comment: String?, by p: Principal, req: Request) async throws -> Evaluation {
        guard (1...5).contains(rating) else { throw AppError.validation("rating", "评分须为 1–5", code: "out_of_range") }
        guard (2000...2199).contains(year) else { throw AppError.validation("year", "年度须为 2000–2199", code: "out_of_range") }
        let name = try TextInput.name(evaluatorName, field: "evaluatorName", max: 30)
        guard let agency = try await Agency.find(agencyID, on: req.db), !agency.isLegalOffice else {
            throw AppError.validation("agencyId", "执法部门不存在", code: "not_found")
        }
        guard agency.$jurisdiction.id == p.jurisdictionID else { throw AppError.outOfScope }
        let e = Evaluation()
        e.agencyID = agencyID
        e.year = year
        e.channel = .evaluator
        e.rating = rating
        e.evaluatorName = name
        e.comment = try comment.flatMap { $0.isEmpty ? nil : try CaseText.paragraph($0, field: "comment", max: 500) }
        e.submittedOn = LocalDate(instant: req.now).iso
        try await req.db.transaction { tx in
            try await e.create(on: tx)
            try await req.audit(.evaluationSubmit, .success, target: agency.name, detail: "监督评议员 \(name) 评分 \(rating)", on: tx)
        }
        return e
    }

    /// 问卷调查 import: CSV lines `执法部门名称,评分[,意见]` (a header line starting with 执法部门 is skipped).
    /// All or nothing: any bad line refuses the import (SURVEY_ROWS_INVALID) with each line's problem.
    static func importSurvey(year: Int, csv: String, by p: Principal, req: Request) async throws -> Int {
        guard (2000...2199).contains(year) else { throw AppError.validation("year", "年度须为 2000–2199", code: "out_of_range") }
        guard csv.utf8.count <= 1_000_000 else { throw AppError.validation("csv", "不超过 1 MB", code: "length") }
        let agencies = try await Agency.query(on: req.db).filter(\.$jurisdiction.$id == (p.jurisdictionID ?? UUID())).filter(\.$isLegalOffice == false).all()
        let byName = Dictionary(agencies.map { ($0.name, $0.id!) }, uniquingKeysWith: { a, _ in a })
        var rows: [(UUID, Int, String?)] = []
        var problems: [FieldProblem] = []
        for (i, line) in csv.split(whereSeparator: \.isNewline).enumerated() {
            let cells = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if i == 0 && cells.first?.hasPrefix("执法部门") == true { continue }
            if cells.allSatisfy(\.isEmpty) { continue }
            guard cells.count >= 2, let id = byName[cells[0]] else {
                problems.append(.init(field: "csv[\(i + 1)]", code: "unknown_agency", message: "第 \(i + 1) 行：执法部门“\(cells.first ?? "")”不在本辖区")); continue
            }
            guard let r = Int(cells[1]), (1...5).contains(r) else {
                problems.append(.init(field: "csv[\(i + 1)]", code: "invalid_rating", message: "第 \(i + 1) 行：评分须为 1–5 的整数")); continue
            }
            let comment = cells.count > 2 && !cells[2].isEmpty ? String(cells[2].unicodeScalars.prefix(500)) : nil
            rows.append((id, r, comment))
        }
        if rows.isEmpty && problems.isEmpty { problems.append(.init(field: "csv", code: "empty", message: "没有评议数据")) }
        guard problems.isEmpty else {
            throw AppError("SURVEY_ROWS_INVALID", .unprocessableEntity, problems.map(\.message).joined(separator: "；"),
                           details: ErrorDetails(field: "csv", problems: problems))
        }
        let today = LocalDate(instant: req.now).iso
        let valid = rows
        try await req.db.transaction { tx in
            for (id, r, c) in valid {
                let e = Evaluation()
                e.agencyID = id
                e.year = year
                e.channel = .survey
                e.rating = r
                e.comment = c
                e.submittedOn = today
                try await e.create(on: tx)
            }
            try await req.audit(.evaluationImport, .success, target: "\(year) 年度问卷调查", detail: "导入 \(valid.count) 份", on: tx)
        }
        return rows.count
    }

    /// Ratings of the year per party: bodies by their evaluations; officers by the cards on cases they led.
    static func ratings(_ plan: AssessmentPlan, targets: [UUID], on db: any Database) async throws -> [UUID: [Int]] {
        guard let sql = db as? any SQLDatabase, !targets.isEmpty else { return [:] }
        let ids: [any Encodable & Sendable] = targets
        let rows: [any SQLRow]
        switch plan.targetKind {
        case .agency:
            rows = try await sql.raw("SELECT agency_id AS target, rating FROM evaluations WHERE year = \(bind: plan.year) AND agency_id IN (\(binds: ids))").all()
        case .officer:
            rows = try await sql.raw("""
                SELECT co.officer_id AS target, e.rating AS rating FROM evaluations e
                JOIN case_officers co ON co.case_id = e.case_id AND co.role = 'lead'
                WHERE e.year = \(bind: plan.year) AND co.officer_id IN (\(binds: ids))
                """).all()
        case .unit:
            return [:]
        }
        var out: [UUID: [Int]] = [:]
        for r in rows { out[try r.decode(column: "target", as: UUID.self), default: []].append(try r.decode(column: "rating", as: Int.self)) }
        return out
    }
}
