import Fluent
import FluentSQL
import Foundation
import SQLKit
import Vapor
import QuanzeCore

/// Reading cases within the caller's scope: a body's officers and 法制员 see its cases; a
/// government's 监督员 and 评查员 see every case of its jurisdiction.
enum CaseQueries {
    static let readers: [Role] = [.supervisor, .reviewer, .legalOfficer, .officer]

    struct Filter: Sendable {
        var agencyID: UUID?
        var stage: CaseStage?
        var procedure: CaseProcedure?
        var warning: WarningLevel?
        var text: String?
        /// Only cases this officer handles (待办).
        var officerID: UUID?
    }

    static func readable(_ id: UUID, by p: Principal, on db: any Database) async throws -> (EnforcementCase, Agency) {
        guard let c = try await EnforcementCase.find(id, on: db), let agency = try await Agency.find(c.$agency.id, on: db) else {
            throw AppError.notFound
        }
        guard AgencyQueries.canRead(agency, p) else { throw AppError.outOfScope }
        return (c, agency)
    }

    /// The body's own officers and 法制员 act on a case; a government reads it only.
    static func actable(_ id: UUID, by p: Principal, on db: any Database) async throws -> (EnforcementCase, Agency) {
        let (c, agency) = try await readable(id, by: p, on: db)
        guard p.hasAny([.legalOfficer, .officer]), p.agencyID == agency.id else { throw AppError.outOfScope }
        return (c, agency)
    }

    /// The list's `total` counts at most this many cases; beyond it the page says “10000+” (`totalCapped`).
    /// Counting is then bounded work at any size (an exact count walked every case in scope: ≈ 10× at 1M).
    static let totalCap = 10_000
    /// With a search text (`q`) the count stops at 1,000: each counted case is a lookup (≈ 5 µs) rather than an index entry.
    static let textTotalCap = 1_000

    /// One page of cases in scope, newest filing first, with the (capped) number of matches.
    /// Raw SQL (the same on SQLite and PostgreSQL, apart from the search) so that the count can stop at the cap.
    static func list(_ f: Filter, for p: Principal, today: LocalDate, window: Int, page: PageRequest, cap: Int = totalCap,
                     frequent: Int = frequentText, on db: any Database) async throws -> (rows: [CaseRow], total: Int, totalCapped: Bool) {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let agencies = try await AgencyQueries.scoped(for: p, on: db).all()
        let byID = Dictionary(uniqueKeysWithValues: agencies.compactMap { a in a.id.map { ($0, a) } })
        guard !byID.isEmpty else { return ([], 0, false) }
        let cases = EnforcementCase.schema
        var conditions: [SQLQueryString] = ["\(ident: cases).\(ident: "agency_id") IN (\(binds: Array(byID.keys) as [any Encodable & Sendable]))"]
        if let a = f.agencyID { conditions.append("\(ident: cases).\(ident: "agency_id") = \(bind: a)") }
        if let s = f.stage { conditions.append("\(ident: cases).\(ident: "stage") = \(bind: s.rawValue)") }
        if let pr = f.procedure { conditions.append("\(ident: cases).\(ident: "procedure") = \(bind: pr.rawValue)") }
        var search: TextSearch?
        if let t = f.text { search = try await textSearch(t, frequent: frequent, on: sql) }
        if let search { conditions.append(search.condition) }
        // Subqueries rather than id lists: at 100k+ cases the lists ran to tens of thousands of binds.
        if let o = f.officerID { conditions.append(handledBySQL(o)) }
        if let w = f.warning {
            let limit = w == .red ? today.adding(days: -1) : today.adding(days: window)
            conditions.append(openLimitSQL(dueBy: limit))
            conditions.append("\(ident: cases).\(ident: "suspended") = \(bind: false)")
        }
        let whereClause = conditions.joined(separator: " AND ")
        let found = try await sql.raw("""
            SELECT \(ident: cases).* FROM \(ident: cases) WHERE \(whereClause) \
            ORDER BY \(ident: cases).\(ident: "filed_on") DESC, \(ident: cases).\(ident: "number") DESC \
            LIMIT \(literal: page.per) OFFSET \(literal: page.offset)
            """).all().map { try $0.decode(fluentModel: EnforcementCase.self) }
        var total: Int
        var capped = false
        let countCap = f.text == nil ? cap : min(cap, textTotalCap)
        if found.count < page.per && (!found.isEmpty || page.offset == 0) {
            total = page.offset + found.count   // the last page: no count needed
        } else {
            // A frequent search text counts from the index outwards (each hit looked up once, stopping at the cap).
            let from: SQLQueryString = search?.countFrom ?? "\(ident: cases)"
            let row = try await sql.raw("""
                SELECT count(*) AS n FROM (SELECT 1 FROM \(from) WHERE \(whereClause) LIMIT \(literal: countCap + 1)) AS capped
                """).first()
            total = try row?.decode(column: "n", as: Int.self) ?? 0
            if total > countCap { total = countCap; capped = true }
        }
        let deadlines = try await openDeadlines(of: found.compactMap(\.id), on: db)
        let rows = found.map { c in
            CaseRow(c: c, agency: byID[c.$agency.id], next: deadlines[c.id!]?.min { $0.due < $1.due }, today: today, window: window)
        }
        return (rows, total, capped)
    }

    /// Above this many cases containing a search text (anywhere, before the scope and the other filters),
    /// the page walks the list in its order and keeps the rows that contain it (at least one in
    /// `frequentText` / N of them does); at or below it, the page starts from the index's hits.
    static let frequentText = 2_000

    /// How `q` is applied: the page's condition and, for a frequent text, the count's table expression.
    struct TextSearch {
        var condition: SQLQueryString
        var countFrom: SQLQueryString?
    }

    /// 立案编号或案件名称包含 `text`: `lower(number|title) LIKE '%text%'` with ASCII letters in either case
    /// and `%`, `_`, `\\` matching themselves. On SQLite a text of 3+ characters is looked up in the
    /// trigram index `case_search` (migration 012: lower-cased number and title, case-sensitive trigrams,
    /// so a phrase query there is exactly that substring match). Shorter texts and PostgreSQL scan.
    static func textSearch(_ text: String, frequent: Int = frequentText, on sql: any SQLDatabase) async throws -> TextSearch {
        let cases = EnforcementCase.schema
        let sqlite = sql.dialect.name == "sqlite"
        // SQLite's lower() folds ASCII letters only; PostgreSQL's folds every letter.
        let lowered = sqlite ? String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            s.properties.isUppercase && s.isASCII ? Unicode.Scalar(s.value + 32)! : s })) : text.lowercased()
        let escaped = lowered
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%\(escaped)%"
        let like: SQLQueryString = "(lower(\(ident: cases).\(ident: "number")) LIKE \(bind: pattern) ESCAPE '\\' OR lower(\(ident: cases).\(ident: "title")) LIKE \(bind: pattern) ESCAPE '\\')"
        guard sqlite, lowered.unicodeScalars.count >= 3 else { return TextSearch(condition: like) }
        let fts = AddCaseSearch.ftsTable
        let phrase = "\"" + lowered.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let hits = try await sql.raw("""
            SELECT count(*) AS n FROM (SELECT 1 FROM \(ident: fts) WHERE \(ident: fts) MATCH \(bind: phrase) LIMIT \(literal: frequent + 1)) AS hits
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        if hits <= frequent {
            return TextSearch(condition: "\(ident: cases).\(ident: "id") IN (SELECT \(ident: "case_id") FROM \(ident: fts) WHERE \(ident: fts) MATCH \(bind: phrase))")
        }
        return TextSearch(condition: like, countFrom: """
            \(ident: fts) CROSS JOIN \(ident: cases) ON \(ident: cases).\(ident: "id") = \(ident: fts).\(ident: "case_id") AND \(ident: fts) MATCH \(bind: phrase)
            """)
    }

    static func handledBySQL(_ officerID: UUID) -> SQLQueryString {
        "\(ident: EnforcementCase.schema).\(ident: "id") IN (SELECT \(ident: "case_id") FROM \(ident: CaseOfficer.schema) WHERE \(ident: "officer_id") = \(bind: officerID))"
    }

    /// The case has an open limit due on or before `day`: its earliest open due date (`next_due`, kept by
    /// the triggers of migration 012) is on or before it.
    static func openLimitSQL(dueBy day: LocalDate) -> SQLQueryString {
        "\(ident: EnforcementCase.schema).\(ident: "next_due") <= \(bind: day.iso)"
    }

    /// `cases.id IN (the officer's cases)`.
    static func handledBy(_ officerID: UUID) -> DatabaseQuery.Filter {
        .sql(embed: handledBySQL(officerID))
    }

    static func openDeadlines(of ids: [UUID], on db: any Database) async throws -> [UUID: [CaseDeadline]] {
        guard !ids.isEmpty else { return [:] }
        let all = try await CaseDeadline.query(on: db).filter(\.$enforcementCase.$id ~~ ids).filter(\.$metOn == nil).all()
        return Dictionary(grouping: all) { $0.$enforcementCase.id }
    }

    /// 预警看板: the open limits at yellow or red in scope (or only the officer's own cases), nearest first.
    static func warnings(for p: Principal, officerID: UUID?, today: LocalDate, window: Int, on db: any Database) async throws -> [WarningRow] {
        let agencyIDs = try await AgencyQueries.scopedIDs(for: p, on: db)
        var cq = EnforcementCase.query(on: db).filter(\.$agency.$id ~~ agencyIDs).filter(\.$suspended == false).filter(\.$stage != .closed)
        if let o = officerID { cq = cq.filter(handledBy(o)) }
        let limit = today.adding(days: window).iso
        let deadlines = try await CaseDeadline.query(on: db).filter(\.$metOn == nil).filter(\.$due <= limit).sort(\.$due).limit(2000).all()
        let caseIDs = Array(Set(deadlines.map { $0.$enforcementCase.id }))
        guard !caseIDs.isEmpty else { return [] }
        let cases = try await cq.filter(\.$id ~~ caseIDs).all()
        let byID = Dictionary(uniqueKeysWithValues: cases.compactMap { c in c.id.map { ($0, c) } })
        let agencies = Dictionary(uniqueKeysWithValues: try await Agency.query(on: db).filter(\.$id ~~ Array(Set(cases.map { $0.$agency.id }))).all()
            .compactMap { a in a.id.map { ($0, a.name) } })
        return deadlines.compactMap { d in
            guard let c = byID[d.$enforcementCase.id] else { return nil }
            return WarningRow(caseID: c.id!, number: c.number, title: c.title, agencyName: agencies[c.$agency.id] ?? "",
                              stage: c.stage.label(in: c.procedure), deadline: d.name, due: d.due,
                              level: d.warningLevel(today: today, window: window, caseSuspended: c.suspended), source: d.source.description,
                              provisional: d.provisional)
        }
    }
}

/// A case in a list, with its nearest open limit.
struct CaseRow: Sendable {
    var c: EnforcementCase
    var agency: Agency?
    var next: CaseDeadline?
    var level: WarningLevel

    init(c: EnforcementCase, agency: Agency?, next: CaseDeadline?, today: LocalDate, window: Int) {
        self.c = c
        self.agency = agency
        self.next = next
        self.level = next?.warningLevel(today: today, window: window, caseSuspended: c.suspended) ?? .none
    }
}

struct WarningRow: Sendable, Codable {
    var caseID: UUID
    var number: String
    var title: String
    var agencyName: String
    var stage: String
    var deadline: String
    var due: String
    var level: WarningLevel
    var source: String
    var provisional: Bool
}
