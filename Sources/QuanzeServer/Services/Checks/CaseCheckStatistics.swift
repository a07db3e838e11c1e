import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// Figures of the automatic pre-check for the 案卷评查 sample and the assessment: per body (or all
/// bodies) and closing year — closed cases, cases checked, cases with findings, findings per rule.
enum CaseCheckStatistics {
    struct RuleCount: Content, Sendable, Equatable {
        var rule: String
        var name: String
        var source: String
        var errors: Int
        var warnings: Int
        var cases: Int
    }

    struct Summary: Content, Sendable, Equatable {
        var agencyId: UUID?
        var year: Int
        var closedCases: Int
        var checkedCases: Int
        /// Cases with at least one finding (either severity), and with at least one 不符合.
        var casesWithFindings: Int
        var casesWithErrors: Int
        var rules: [RuleCount]
    }

    /// `agencyID` nil: every body. Counts come from SQL (`case_check_runs`, `case_checks`).
    static func summary(agencyID: UUID?, year: Int, on db: any Database) async throws -> Summary {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let from = "\(year)-01-01", to = "\(year)-12-31"
        let agencyFilter: SQLQueryString = agencyID.map { "AND agency_id = \(bind: $0)" } ?? ""
        let closed = try await sql.raw("""
            SELECT COUNT(*) AS n FROM cases WHERE stage = 'closed' AND closed_on >= \(bind: from) AND closed_on <= \(bind: to) \(agencyFilter)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        let runs = try await sql.raw("""
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN errors + warnings > 0 THEN 1 ELSE 0 END), 0) AS f,
                   COALESCE(SUM(CASE WHEN errors > 0 THEN 1 ELSE 0 END), 0) AS e
            FROM case_check_runs WHERE year = \(bind: year) \(agencyFilter)
            """).first()
        var counts: [String: RuleCount] = [:]
        for rule in CaseCheckRule.all {
            counts[rule.code] = RuleCount(rule: rule.code, name: rule.name, source: rule.source.description, errors: 0, warnings: 0, cases: 0)
        }
        for r in try await sql.raw("""
            SELECT rule_code, severity, COUNT(*) AS n, COUNT(DISTINCT case_id) AS c FROM case_checks
            WHERE year = \(bind: year) \(agencyFilter) GROUP BY rule_code, severity
            """).all() {
            let code = try r.decode(column: "rule_code", as: String.self)
            let n = try r.decode(column: "n", as: Int.self)
            var row = counts[code] ?? RuleCount(rule: code, name: code, source: "", errors: 0, warnings: 0, cases: 0)
            if try r.decode(column: "severity", as: String.self) == CheckSeverity.error.rawValue { row.errors += n } else { row.warnings += n }
            row.cases += try r.decode(column: "c", as: Int.self)
            counts[code] = row
        }
        let order = CaseCheckRule.all.map(\.code)
        return Summary(agencyId: agencyID, year: year, closedCases: closed,
                       checkedCases: try runs?.decode(column: "n", as: Int.self) ?? 0,
                       casesWithFindings: try runs?.decode(column: "f", as: Int.self) ?? 0,
                       casesWithErrors: try runs?.decode(column: "e", as: Int.self) ?? 0,
                       rules: counts.values.sorted { (order.firstIndex(of: $0.rule) ?? 99, $0.rule) < (order.firstIndex(of: $1.rule) ?? 99, $1.rule) })
    }

    /// The closed cases of a body (nil: all) and year with findings — `minimum` `.error`: only those
    /// with a 不符合; `.warning`: any finding. For the 案卷评查 sample to stratify on.
    static func caseIDsWithFindings(agencyID: UUID?, year: Int, minimum: CheckSeverity = .warning, on db: any Database) async throws -> [UUID] {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let agencyFilter: SQLQueryString = agencyID.map { "AND agency_id = \(bind: $0)" } ?? ""
        let having: SQLQueryString = minimum == .error ? "errors > 0" : "errors + warnings > 0"
        return try await sql.raw("SELECT id FROM case_check_runs WHERE year = \(bind: year) AND \(having) \(agencyFilter) ORDER BY id")
            .all().map { try $0.decode(column: "id", as: UUID.self) }
    }
}
