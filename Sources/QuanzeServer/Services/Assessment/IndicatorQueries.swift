import Fluent
import Foundation
import QuanzeCore
import SQLKit

/// The automatic indicators, each one SQL computation over a year for all parties of a plan at
/// once (grouped by body, or by 主办 officer). Each returns, per party, the measure and the items
/// counting against it (capped at `FindingDetail.cap`).
///
/// Adding an indicator: a case in `AutomaticIndicator` (QuanzeCore) and one function here, called
/// from the `switch` in `measure`.
enum IndicatorQueries {
    struct Scope: Sendable {
        var year: Int
        var today: LocalDate
        var targetKind: AssessmentTargetKind
        var targets: [UUID]
        /// 在岗人员年度培训学时 (`training_hours_yearly`), when the profile sets it.
        var trainingHours: Int?

        var from: String { "\(year)-01-01" }
        var to: String { "\(year)-12-31" }
        /// Limits running out before this day are decided or overdue.
        var cutoff: String { min(today, LocalDate(year: year + 1, month: 1, day: 1)!).iso }
    }

    struct Computed: Sendable {
        var measure: IndicatorMeasure
        var detail: FindingDetail
    }

    static func measure(_ a: AutomaticIndicator, scope: Scope, on db: any Database) async throws -> [UUID: Computed] {
        guard let sql = db as? any SQLDatabase, !scope.targets.isEmpty else { return [:] }
        switch a {
        case .onTimeDecisions: return try await onTime(scope, sql)
        case .majorLegalReview: return try await legalReview(scope, sql)
        case .remedyReversals: return try await reversals(scope, sql)
        case .powersExercised: return try await powers(scope, sql, covered: false, db: db)
        case .powersCovered: return try await powers(scope, sql, covered: true, db: db)
        case .certificateCompliance: return try await certificates(scope, sql)
        case .trainingHours: return try await training(scope, sql)
        case .complaintsOnTime: return try await complaints(scope, db)
        case .fileReviewScore: return try await fileReview(scope, db)
        }
    }

    // MARK: cases (by body, or by the officer who is 主办)

    /// The party column, join and filter for case-based indicators. A body: the case's body; an officer:
    /// the case's 主办; a 内设机构 (unit): the unit of the post the 主办 held on `date` (the day the
    /// counted event happened — a limit's due day, a decision's day, the case's filing), so a case
    /// counts for the unit that handled it even after the officer moved. An officer on two posts of
    /// one unit counts once (EXISTS); on posts of two units, for both.
    private static func party(_ s: Scope, case caseID: SQLQueryString = "c.id", date: SQLQueryString)
        -> (column: SQLQueryString, join: SQLQueryString, filter: SQLQueryString) {
        switch s.targetKind {
        case .agency:
            return ("c.agency_id", "", "c.agency_id IN (\(binds: ids(s)))")
        case .officer:
            return ("co.officer_id", "JOIN case_officers co ON co.case_id = \(caseID) AND co.role = 'lead'", "co.officer_id IN (\(binds: ids(s)))")
        case .unit:
            return ("u.id", "JOIN case_officers co ON co.case_id = \(caseID) AND co.role = 'lead' CROSS JOIN enforcement_units u",
                    "u.id IN (\(binds: ids(s))) AND \(onUnitPost("co.officer_id", date: date))")
        }
    }

    /// The officer held a post of unit `u` on `date`.
    private static func onUnitPost(_ officer: SQLQueryString, date: SQLQueryString) -> SQLQueryString {
        """
        EXISTS (SELECT 1 FROM post_assignments pa JOIN enforcement_posts ep ON ep.id = pa.post_id
                WHERE pa.officer_id = \(officer) AND ep.unit_id = u.id AND pa.start_date <= \(date)
                  AND (pa.end_date IS NULL OR pa.end_date >= \(date)))
        """
    }

    private static func ids(_ s: Scope) -> [any Encodable & Sendable] { s.targets }

    private static func counts(_ rows: [any SQLRow]) throws -> [UUID: IndicatorMeasure] {
        var out: [UUID: IndicatorMeasure] = [:]
        for r in rows {
            out[try r.decode(column: "target", as: UUID.self)] = IndicatorMeasure(
                numerator: try r.decode(column: "ok", as: Int?.self) ?? 0, denominator: try r.decode(column: "n", as: Int.self))
        }
        return out
    }

    /// The items against each party, at most `FindingDetail.cap` per party, in `sk` order. `bad` selects
    /// `target, id, label, note, sk` without ORDER BY; the window keeps the database from sending every
    /// row (at 1M cases tens of thousands) only for the process to drop all but the first few hundred.
    private static func againstRows(_ bad: SQLQueryString, _ sql: any SQLDatabase) async throws -> [any SQLRow] {
        try await sql.raw("""
            SELECT x.target, x.id, x.label, x.note, x.total FROM (
              SELECT b.target, b.id, b.label, b.note, ROW_NUMBER() OVER (PARTITION BY b.target ORDER BY b.sk, b.id) AS rn,
                     COUNT(*) OVER (PARTITION BY b.target) AS total
              FROM (\(bad)) b
            ) x WHERE x.rn <= \(bind: FindingDetail.cap) ORDER BY x.target, x.rn
            """).all()
    }

    private static func assemble(_ s: Scope, _ measures: [UUID: IndicatorMeasure], against rows: [any SQLRow], kind: String) throws -> [UUID: Computed] {
        var out: [UUID: Computed] = [:]
        for t in s.targets { out[t] = Computed(measure: measures[t] ?? .init(numerator: 0, denominator: 0), detail: FindingDetail()) }
        for r in rows {
            let t = try r.decode(column: "target", as: UUID.self)
            guard out[t] != nil else { continue }
            out[t]!.detail.against.append(.init(kind: kind, id: try r.decode(column: "id", as: UUID.self),
                                                label: try r.decode(column: "label", as: String.self), note: try r.decode(column: "note", as: String?.self)))
            out[t]!.detail.againstMore = try r.decode(column: "total", as: Int.self) - out[t]!.detail.against.count
        }
        return out
    }

    static let decisionLimits = ["penalty_decision", "license_decision"]

    /// 按期作出决定: decision limits due in the year and already met or overdue; met on or before the due day.
    /// For bodies the count reads `case_deadlines_assessment` alone (the limit's own `agency_id`, 021).
    private static func onTime(_ s: Scope, _ sql: any SQLDatabase) async throws -> [UUID: Computed] {
        let (t, join, scope): (SQLQueryString, SQLQueryString, SQLQueryString) = s.targetKind == .agency
            ? ("d.agency_id", "", "d.agency_id IN (\(binds: ids(s)))")
            : party(s, case: "d.case_id", date: "d.due")
        let codes: [any Encodable & Sendable] = decisionLimits
        let filter: SQLQueryString = """
            WHERE d.code IN (\(binds: codes)) AND d.due >= \(bind: s.from) AND d.due <= \(bind: s.to)
              AND (d.met_on IS NOT NULL OR d.due < \(bind: s.cutoff)) AND \(scope)
            """
        let base: SQLQueryString = "FROM case_deadlines d \(join) \(filter)"
        let agg = try await sql.raw("""
            SELECT \(t) AS target, COUNT(*) AS n, SUM(CASE WHEN d.met_on IS NOT NULL AND d.met_on <= d.due THEN 1 ELSE 0 END) AS ok \(base) GROUP BY \(t)
            """).all()
        let bad = try await againstRows("""
            SELECT \(t) AS target, c.id AS id, c.number || ' ' || c.title AS label,
                   '期限 ' || d.due || CASE WHEN d.met_on IS NULL THEN '，未作出' ELSE '，' || d.met_on || ' 作出' END AS note, d.due AS sk
            FROM case_deadlines d JOIN cases c ON c.id = d.case_id \(join) \(filter) AND (d.met_on IS NULL OR d.met_on > d.due)
            """, sql)
        return try assemble(s, try counts(agg), against: bad, kind: "case")
    }

    /// 重大执法决定法制审核: decisions made in the year on cases needing review; reviewed and passed on or before the decision.
    private static func legalReview(_ s: Scope, _ sql: any SQLDatabase) async throws -> [UUID: Computed] {
        let (t, join, scope) = party(s, date: "dd.decided_on")
        let reviewed: SQLQueryString = "EXISTS (SELECT 1 FROM legal_reviews r WHERE r.case_id = c.id AND r.passed = \(bind: true) AND r.reviewed_on <= dd.decided_on)"
        // From the cases needing review (`cases_legal_review`, 021): a tenth of the year's decisions.
        let base: SQLQueryString = """
            FROM cases c CROSS JOIN case_decisions dd \(join)
            WHERE dd.case_id = c.id AND c.legal_review_required = \(bind: true) AND dd.decided_on >= \(bind: s.from) AND dd.decided_on <= \(bind: s.to)
              AND \(scope)
            """
        let agg = try await sql.raw("SELECT \(t) AS target, COUNT(*) AS n, SUM(CASE WHEN \(reviewed) THEN 1 ELSE 0 END) AS ok \(base) GROUP BY \(t)").all()
        let bad = try await againstRows("""
            SELECT \(t) AS target, c.id AS id, c.number || ' ' || c.title AS label, dd.decided_on || ' 作出决定，未经法制审核通过' AS note, dd.decided_on AS sk
            \(base) AND NOT \(reviewed)
            """, sql)
        return try assemble(s, try counts(agg), against: bad, kind: "case")
    }

    /// 复议诉讼纠错: results dated in the year; `ok` counts the reversals (lower is better).
    private static func reversals(_ s: Scope, _ sql: any SQLDatabase) async throws -> [UUID: Computed] {
        let (t, join, scope) = party(s, date: "c.filed_on")
        let reversed: [any Encodable & Sendable] = RemedyResult.allCases.filter(\.isReversal).map(\.rawValue)
        // From the year's results (few), never from the bodies' cases (SQLite would otherwise walk every case
        // of the bodies and probe for a result: 12 s at 1M cases with none).
        let base: SQLQueryString = """
            FROM case_remedies rm CROSS JOIN cases c \(join)
            WHERE c.id = rm.case_id AND rm.result IS NOT NULL AND rm.result_on >= \(bind: s.from) AND rm.result_on <= \(bind: s.to) AND \(scope)
            """
        let agg = try await sql.raw("SELECT \(t) AS target, COUNT(*) AS n, SUM(CASE WHEN rm.result IN (\(binds: reversed)) THEN 1 ELSE 0 END) AS ok \(base) GROUP BY \(t)").all()
        let bad = try await againstRows("""
            SELECT \(t) AS target, c.id AS id, c.number || ' ' || c.title AS label, rm.result_on || ' ' || rm.organ || '：' || rm.result AS note, rm.result_on AS sk
            \(base) AND rm.result IN (\(binds: reversed))
            """, sql)
        return try assemble(s, try counts(agg), against: bad, kind: "case")
    }

    // MARK: powers (bodies only)

    /// 零执法 (`covered` false): published powers with no case filed in the year, each with the body's
    /// stated reason; 分解职权 (`covered` true): published powers on no post.
    private static func powers(_ s: Scope, _ sql: any SQLDatabase, covered: Bool, db: any Database) async throws -> [UUID: Computed] {
        let published: SQLQueryString = """
            FROM power_items i JOIN power_item_versions v ON v.item_id = i.id AND v.status = 'published'
              AND v.version = (SELECT MAX(v2.version) FROM power_item_versions v2 WHERE v2.item_id = i.id AND v2.status = 'published')
            WHERE i.agency_id IN (\(binds: ids(s)))
            """
        let used: SQLQueryString = covered
            ? "EXISTS (SELECT 1 FROM post_powers pp WHERE pp.item_id = i.id)"
            : "EXISTS (SELECT 1 FROM cases c WHERE c.power_item_id = i.id AND c.filed_on >= \(bind: s.from) AND c.filed_on <= \(bind: s.to))"
        let agg = try await sql.raw("SELECT i.agency_id AS target, COUNT(*) AS n, SUM(CASE WHEN \(used) THEN 1 ELSE 0 END) AS ok \(published) GROUP BY i.agency_id").all()
        let reason: SQLQueryString = covered ? "NULL" : """
            (SELECT z.reason FROM zero_enforcement_reasons z WHERE z.agency_id = i.agency_id AND z.power_item_id = i.id AND z.year = \(bind: s.year))
            """
        let bad = try await againstRows("""
            SELECT i.agency_id AS target, i.id AS id, i.code || ' ' || v.name AS label, \(reason) AS note, i.code AS sk
            \(published) AND NOT \(used)
            """, sql)
        return try assemble(s, try counts(agg), against: bad, kind: "power")
    }

    // MARK: officers (of a body, or the officer)

    /// Officers of the parties: the body's, the officer, or those on a post of the unit at the cutoff.
    private static func officerScope(_ s: Scope) -> SQLQueryString {
        switch s.targetKind {
        case .officer: "o.id IN (\(binds: ids(s)))"
        case .agency: "o.agency_id IN (\(binds: ids(s)))"
        case .unit: "u.id IN (\(binds: ids(s))) AND \(onUnitPost("o.id", date: "\(bind: s.cutoff)"))"
        }
    }

    private static func officerTarget(_ s: Scope) -> SQLQueryString {
        switch s.targetKind {
        case .officer: "o.id"
        case .agency: "o.agency_id"
        case .unit: "u.id"
        }
    }

    /// `officers o` (with the units for a unit plan).
    private static func officerFrom(_ s: Scope) -> SQLQueryString {
        s.targetKind == .unit ? "FROM officers o CROSS JOIN enforcement_units u" : "FROM officers o"
    }

    /// 持证: serving officers with a valid certificate inspected for the year (年检).
    private static func certificates(_ s: Scope, _ sql: any SQLDatabase) async throws -> [UUID: Computed] {
        let t = officerTarget(s)
        let ok: SQLQueryString = """
            EXISTS (SELECT 1 FROM certificates ct WHERE ct.officer_id = o.id AND ct.status = \(bind: CertificateStatus.valid.rawValue)
                    AND ct.valid_until >= \(bind: s.cutoff) AND ct.last_inspection_year >= \(bind: s.year))
            """
        let base: SQLQueryString = "\(officerFrom(s)) WHERE o.status = \(bind: OfficerStatus.serving.rawValue) AND \(officerScope(s))"
        let agg = try await sql.raw("SELECT \(t) AS target, COUNT(*) AS n, SUM(CASE WHEN \(ok) THEN 1 ELSE 0 END) AS ok \(base) GROUP BY \(t)").all()
        let bad = try await againstRows("""
            SELECT \(t) AS target, o.id AS id, o.name AS label, '无有效执法证或未通过 ' || \(bind: String(s.year)) || ' 年度年检' AS note, o.name AS sk
            \(base) AND NOT \(ok)
            """, sql)
        return try assemble(s, try counts(agg), against: bad, kind: "officer")
    }

    /// 培训学时: serving officers whose training hours in the year reach the profile's requirement.
    private static func training(_ s: Scope, _ sql: any SQLDatabase) async throws -> [UUID: Computed] {
        guard let required = s.trainingHours else { return [:] }
        let t = officerTarget(s)
        let hours: SQLQueryString = """
            COALESCE((SELECT SUM(tr.hours) FROM training_records tr WHERE tr.officer_id = o.id
                      AND tr.held_on >= \(bind: s.from) AND tr.held_on <= \(bind: s.to)), 0)
            """
        let base: SQLQueryString = "\(officerFrom(s)) WHERE o.status = \(bind: OfficerStatus.serving.rawValue) AND \(officerScope(s))"
        let agg = try await sql.raw("SELECT \(t) AS target, COUNT(*) AS n, SUM(CASE WHEN \(hours) >= \(bind: required) THEN 1 ELSE 0 END) AS ok \(base) GROUP BY \(t)").all()
        let bad = try await againstRows("""
            SELECT \(t) AS target, o.id AS id, o.name AS label, '本年度培训 ' || CAST(\(hours) AS TEXT) || ' 学时，要求 ' || \(bind: String(required)) || ' 学时' AS note, o.name AS sk
            \(base) AND \(hours) < \(bind: required)
            """, sql)
        return try assemble(s, try counts(agg), against: bad, kind: "officer")
    }

    // MARK: supervision (bodies only)

    /// 投诉举报按期办理率: the body's 受理情况告知 limits (5 工作日, `001_*` 五(三)) and, where the profile sets one,
    /// 答复 limits (通州 第二十五条) due in the year, met on time; the complaints late on either count against it.
    private static func complaints(_ s: Scope, _ db: any Database) async throws -> [UUID: Computed] {
        var out: [UUID: Computed] = [:]
        for agency in s.targets {
            let ack = try await ComplaintStatistics.acknowledgedOnTime(agencyID: agency, year: s.year, asOf: s.today, on: db)
            let reply = try await ComplaintStatistics.onTime(agencyID: agency, year: s.year, asOf: s.today, on: db)
            var detail = FindingDetail()
            let late = Set(ack.complaintIDs).union(reply.complaintIDs)
            if !late.isEmpty {
                for c in try await Complaint.query(on: db).filter(\.$id ~~ Array(late)).sort(\.$number).all() {
                    let id = try c.requireID()
                    let which = [ack.complaintIDs.contains(id) ? "受理情况告知逾期" : nil, reply.complaintIDs.contains(id) ? "答复逾期" : nil]
                        .compactMap { $0 }.joined(separator: "、")
                    if detail.against.count >= FindingDetail.cap { detail.againstMore += 1; continue }
                    detail.against.append(.init(kind: "complaint", id: id, label: c.number, note: which))
                }
            }
            out[agency] = Computed(measure: IndicatorMeasure(numerator: ack.onTime + reply.onTime, denominator: ack.due + reply.due), detail: detail)
        }
        return out
    }

    /// 案卷评查平均分 (`004_*` 篇十一 第十条(七)): numerator Σ final scores (rounded to whole points), denominator
    /// 100 × files, so the rate is the mean ÷ 100; the files below the pass mark count against it.
    private static func fileReview(_ s: Scope, _ db: any Database) async throws -> [UUID: Computed] {
        var out: [UUID: Computed] = [:]
        for agency in s.targets {
            let scores = try await FileReviewStatistics.meanScore(agencyID: agency, year: s.year, on: db)
            var detail = FindingDetail()
            var total = 0.0
            if !scores.sheetIDs.isEmpty {
                let sheets = try await ReviewSheet.query(on: db).filter(\.$id ~~ scores.sheetIDs).sort(\.$caseNumber).all()
                let passMarks = Dictionary(uniqueKeysWithValues: try await ReviewStandard.query(on: db)
                    .filter(\.$id ~~ Array(Set(sheets.map(\.standardID)))).all().map { (try $0.requireID(), $0.passMark) })
                for sheet in sheets {
                    guard let score = sheet.finalScore else { continue }
                    total += score
                    if let mark = passMarks[sheet.standardID], score < mark {
                        detail.against.append(.init(kind: "case", id: sheet.caseID, label: sheet.caseNumber,
                                                    note: "评查得分 \(ReviewScore.format(score)) 分，低于合格分 \(ReviewScore.format(mark)) 分"))
                    }
                }
            }
            out[agency] = Computed(measure: IndicatorMeasure(numerator: Int(total.rounded()), denominator: 100 * scores.files), detail: detail)
        }
        return out
    }
}
