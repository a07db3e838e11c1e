import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 执法监督看板 for the legal office (监督员: the jurisdiction's bodies) and for a body (法制员: the own):
/// workload (open cases now, filed and closed per month), on-time rate (limits met on or before their
/// due date, per month), current warnings (open limits at yellow/red, the same rule as 期限预警),
/// reversal rate (复议/诉讼 results other than 维持/驳回 among those decided, per month — the figure of
/// `RemedyStatistics.reversals`), and the open cases and warnings per body. Every figure is one
/// aggregate SQL query over the indexes of migrations 009/013/018.
enum DashboardStatistics {
    struct Month: Content, Sendable, Equatable {
        var month: String
        var filed = 0
        var closed = 0
        var limitsMet = 0
        var limitsMetOnTime = 0
        var remedyDecided = 0
        var reversals = 0
        /// Percent, rounded down to one decimal; nil when nothing was met / decided that month.
        var onTimeRate: Double?
        var reversalRate: Double?

        init(month: String) { self.month = month }
    }

    /// `part` of `whole` in percent, rounded down to one decimal (integer arithmetic); nil for 0 of 0.
    static func rate(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part * 1000 / whole) / 10 }

    struct AgencyLoad: Content, Sendable, Equatable {
        var agencyId: UUID
        var agencyName: String
        var open = 0
        var yellow = 0
        var red = 0
    }

    /// 投诉举报 received/accepted/closed in a month of the board (`ComplaintStatistics.monthlyFlow`; whole months,
    /// every category: a complaint is about a body, not a procedure).
    struct ComplaintMonth: Content, Sendable, Equatable {
        var month: String
        var received: Int
        var accepted: Int
        var closed: Int
    }

    struct Board: Content, Sendable {
        var from: String
        var to: String
        var agencyId: UUID?
        var category: String?
        var today: String
        var warningDays: Int
        var open: Int
        var yellow: Int
        var red: Int
        var limitsMet: Int
        var limitsMetOnTime: Int
        var onTimeRate: Double?
        var remedyDecided: Int
        var reversals: Int
        var reversalRate: Double?
        var months: [Month]
        var agencies: [AgencyLoad]
        var complaints: [ComplaintMonth]?
        var warningSource: String
    }

    /// The months of a period, `YYYY-MM`, first to last.
    static func months(from: LocalDate, to: LocalDate) -> [String] {
        var out: [String] = []
        var m = LocalDate(year: from.year, month: from.month, day: 1)!
        while m <= to {
            out.append(String(format: "%04d-%02d", m.year, m.month))
            m = m.adding(months: 1)
        }
        return out
    }

    /// The default period: the twelve months up to and including the current one.
    static func defaultFrom(today: LocalDate) -> LocalDate {
        LocalDate(year: today.year, month: today.month, day: 1)!.adding(months: -11)
    }

    static func load(agencies: [Agency], filter f: EnforcementStatistics.Filter, today: LocalDate, window: Int,
                     on db: any Database) async throws -> Board {
        let list = months(from: f.from, to: f.to)
        var byMonth = Dictionary(uniqueKeysWithValues: list.map { ($0, Month(month: $0)) })
        var loads = Dictionary(uniqueKeysWithValues: agencies.compactMap { a in a.id.map { ($0, AgencyLoad(agencyId: $0, agencyName: a.name)) } })
        let ids: [any Encodable & Sendable] = Array(loads.keys)
        let procedures: [any Encodable & Sendable] = f.procedures
        let (from, to) = (f.from.iso, f.to.iso)
        let (todayISO, yellowBy) = (today.iso, today.adding(days: window).iso)
        if let sql = db as? any SQLDatabase, !ids.isEmpty {
            func int(_ r: any SQLRow, _ column: String) throws -> Int { try r.decode(column: column, as: Int?.self) ?? 0 }
            func monthly(_ query: SQLQueryString, _ apply: (inout Month, any SQLRow) throws -> Void) async throws {
                for r in try await sql.raw(query).all() {
                    let m = try r.decode(column: "m", as: String.self)
                    guard var month = byMonth[m] else { continue }
                    try apply(&month, r)
                    byMonth[m] = month
                }
            }
            try await monthly("""
                SELECT SUBSTR(filed_on, 1, 7) AS m, COUNT(*) AS n FROM cases
                WHERE agency_id IN (\(binds: ids)) AND filed_on >= \(bind: from) AND filed_on <= \(bind: to) AND procedure IN (\(binds: procedures))
                GROUP BY SUBSTR(filed_on, 1, 7)
                """) { m, r in m.filed = try int(r, "n") }
            try await monthly("""
                SELECT SUBSTR(closed_on, 1, 7) AS m, COUNT(*) AS n FROM cases
                WHERE agency_id IN (\(binds: ids)) AND closed_on >= \(bind: from) AND closed_on <= \(bind: to) AND procedure IN (\(binds: procedures))
                GROUP BY SUBSTR(closed_on, 1, 7)
                """) { m, r in m.closed = try int(r, "n") }
            try await monthly("""
                SELECT SUBSTR(d.met_on, 1, 7) AS m, COUNT(*) AS n, CAST(SUM(CASE WHEN d.met_on <= d.due THEN 1 ELSE 0 END) AS BIGINT) AS on_time
                FROM case_deadlines d
                WHERE d.met_on >= \(bind: from) AND d.met_on <= \(bind: to) AND d.agency_id IN (\(binds: ids)) AND d.procedure IN (\(binds: procedures))
                GROUP BY SUBSTR(d.met_on, 1, 7)
                """) { m, r in
                m.limitsMet = try int(r, "n")
                m.limitsMetOnTime = try int(r, "on_time")
            }
            try await monthly("""
                SELECT SUBSTR(r.result_on, 1, 7) AS m, COUNT(*) AS n, CAST(SUM(CASE WHEN r.result IN ('upheld', 'dismissed') THEN 0 ELSE 1 END) AS BIGINT) AS reversals
                FROM case_remedies r JOIN cases c ON c.id = r.case_id
                WHERE r.agency_id IN (\(binds: ids)) AND r.result IS NOT NULL AND r.result_on >= \(bind: from) AND r.result_on <= \(bind: to)
                  AND c.procedure IN (\(binds: procedures))
                GROUP BY SUBSTR(r.result_on, 1, 7)
                """) { m, r in
                m.remedyDecided = try int(r, "n")
                m.reversals = try int(r, "reversals")
            }
            // Now: open cases, and the open limits past due (red) or due within the warning window (yellow)
            // of those not suspended — `cases.next_due` is the earliest open limit (kept by triggers, 013).
            for r in try await sql.raw("""
                SELECT agency_id, COUNT(*) AS n,
                  CAST(SUM(CASE WHEN suspended = \(bind: false) AND next_due < \(bind: todayISO) THEN 1 ELSE 0 END) AS BIGINT) AS red,
                  CAST(SUM(CASE WHEN suspended = \(bind: false) AND next_due >= \(bind: todayISO) AND next_due <= \(bind: yellowBy) THEN 1 ELSE 0 END) AS BIGINT) AS yellow
                FROM cases WHERE agency_id IN (\(binds: ids)) AND stage <> 'closed' AND procedure IN (\(binds: procedures))
                GROUP BY agency_id
                """).all() {
                let id = try r.decode(column: "agency_id", as: UUID.self)
                loads[id]?.open = try int(r, "n")
                loads[id]?.red = try int(r, "red")
                loads[id]?.yellow = try int(r, "yellow")
            }
        }
        let monthsOut = list.compactMap { byMonth[$0] }.map { m in
            var m = m
            m.onTimeRate = rate(m.limitsMetOnTime, m.limitsMet)
            m.reversalRate = rate(m.reversals, m.remedyDecided)
            return m
        }
        let agencyRows = loads.values.sorted { $0.agencyName < $1.agencyName }
        let met = monthsOut.reduce(0) { $0 + $1.limitsMet }, onTime = monthsOut.reduce(0) { $0 + $1.limitsMetOnTime }
        let decided = monthsOut.reduce(0) { $0 + $1.remedyDecided }, reversals = monthsOut.reduce(0) { $0 + $1.reversals }
        return Board(from: from, to: to, agencyId: f.agencyID, category: f.category?.rawValue, today: todayISO, warningDays: window,
                     open: agencyRows.reduce(0) { $0 + $1.open }, yellow: agencyRows.reduce(0) { $0 + $1.yellow },
                     red: agencyRows.reduce(0) { $0 + $1.red }, limitsMet: met, limitsMetOnTime: onTime,
                     onTimeRate: rate(onTime, met), remedyDecided: decided, reversals: reversals,
                     reversalRate: rate(reversals, decided),
                     months: monthsOut, agencies: agencyRows, complaints: try await complaintFlow(months: list, agencyIDs: Array(loads.keys), on: db),
                     warningSource: "期限预警：已超过期限为红色，距期限 \(window) 日内为黄色（与期限预警看板同一规则）")
    }
}

extension DashboardStatistics {
    static func complaintFlow(months: [String], agencyIDs: [UUID], on db: any Database) async throws -> [ComplaintMonth] {
        guard !agencyIDs.isEmpty else { return months.map { ComplaintMonth(month: $0, received: 0, accepted: 0, closed: 0) } }
        var byMonth: [String: ComplaintMonth] = [:]
        for year in Set(months.compactMap { Int($0.prefix(4)) }) {
            for f in try await ComplaintStatistics.monthlyFlow(agencyID: nil, agencyIDs: agencyIDs, year: year, on: db) {
                let key = String(format: "%04d-%02d", year, f.month)
                byMonth[key] = ComplaintMonth(month: key, received: f.received, accepted: f.accepted, closed: f.closed)
            }
        }
        return months.map { byMonth[$0] ?? ComplaintMonth(month: $0, received: 0, accepted: 0, closed: 0) }
    }

    /// At most 36 months on one board.
    static func checkSpan(_ f: EnforcementStatistics.Filter) throws {
        guard months(from: f.from, to: f.to).count <= 36 else { throw AppError.validation("to", "看板期间不得超过 36 个月") }
    }
}
