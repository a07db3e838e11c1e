import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 罚没款收缴季报: per body and quarter, the fines decided, collected (fine and 加处罚款), refunded
/// and still outstanding at the quarter's end — summed in SQL. Each body reports the previous quarter
/// to the government's 法制部门 in the first week of the next (长春 实施意见 罚缴分离, 004_* 篇十二).
enum FineCollectionReport {
    static let source = SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇十二", document: "长春市全面落实行政执法责任制实施意见", article: "罚缴分离")

    struct Row: Content, Sendable, Equatable {
        var agencyId: UUID
        var agencyName: String
        var decidedCount: Int
        var decidedFen: Int
        var paymentCount: Int
        var collectedFineFen: Int
        var collectedLateFeeFen: Int
        var refundCount: Int
        var refundedFen: Int
        /// Fines not yet paid (after 复议/诉讼 results) of decisions made by the quarter's end, as at its end.
        var outstandingFen: Int
    }

    struct Report: Content, Sendable {
        var year: Int
        var quarter: Int
        var from: String
        var to: String
        var rows: [Row]
        var total: Row
        var source: String
    }

    static func range(year: Int, quarter: Int) -> (from: String, to: String) {
        let first = LocalDate(year: year, month: (quarter - 1) * 3 + 1, day: 1)!
        let last = first.adding(months: 3).adding(days: -1)
        return (first.iso, last.iso)
    }

    static func load(agencies: [Agency], year: Int, quarter: Int, on db: any Database) async throws -> Report {
        let (from, to) = range(year: year, quarter: quarter)
        var rows: [UUID: Row] = [:]
        for a in agencies {
            guard let id = a.id else { continue }
            rows[id] = Row(agencyId: id, agencyName: a.name, decidedCount: 0, decidedFen: 0, paymentCount: 0, collectedFineFen: 0,
                           collectedLateFeeFen: 0, refundCount: 0, refundedFen: 0, outstandingFen: 0)
        }
        let ids: [any Encodable & Sendable] = Array(rows.keys)
        if let sql = db as? any SQLDatabase, !ids.isEmpty {
            let decided = try await sql.raw("""
                SELECT c.agency_id AS agency_id, COUNT(*) AS n, CAST(COALESCE(SUM(d.fine_fen), 0) AS BIGINT) AS fen
                FROM case_decisions d JOIN cases c ON c.id = d.case_id
                WHERE d.fine_fen > 0 AND d.decided_on >= \(bind: from) AND d.decided_on <= \(bind: to) AND c.agency_id IN (\(binds: ids))
                GROUP BY c.agency_id
                """).all()
            for r in decided {
                let id = try r.decode(column: "agency_id", as: UUID.self)
                rows[id]?.decidedCount = try r.decode(column: "n", as: Int.self)
                rows[id]?.decidedFen = try r.decode(column: "fen", as: Int.self)
            }
            let paid = try await sql.raw("""
                SELECT agency_id, COUNT(*) AS n, CAST(COALESCE(SUM(fine_fen), 0) AS BIGINT) AS fine, CAST(COALESCE(SUM(late_fee_fen), 0) AS BIGINT) AS fee
                FROM case_payments WHERE paid_on >= \(bind: from) AND paid_on <= \(bind: to) AND agency_id IN (\(binds: ids))
                GROUP BY agency_id
                """).all()
            for r in paid {
                let id = try r.decode(column: "agency_id", as: UUID.self)
                rows[id]?.paymentCount = try r.decode(column: "n", as: Int.self)
                rows[id]?.collectedFineFen = try r.decode(column: "fine", as: Int.self)
                rows[id]?.collectedLateFeeFen = try r.decode(column: "fee", as: Int.self)
            }
            let refunded = try await sql.raw("""
                SELECT agency_id, COUNT(*) AS n, CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) AS fen
                FROM case_refunds WHERE paid_on >= \(bind: from) AND paid_on <= \(bind: to) AND agency_id IN (\(binds: ids))
                GROUP BY agency_id
                """).all()
            for r in refunded {
                let id = try r.decode(column: "agency_id", as: UUID.self)
                rows[id]?.refundCount = try r.decode(column: "n", as: Int.self)
                rows[id]?.refundedFen = try r.decode(column: "fen", as: Int.self)
            }
            // Per decision: its fine, less what was paid and what 复议/诉讼 took away by the quarter's end; never below zero.
            let outstanding = try await sql.raw("""
                SELECT agency_id, CAST(COALESCE(SUM(CASE WHEN owed > 0 THEN owed ELSE 0 END), 0) AS BIGINT) AS fen FROM (
                  SELECT c.agency_id AS agency_id,
                    d.fine_fen
                    - COALESCE((SELECT SUM(p.fine_fen) FROM case_payments p WHERE p.decision_id = d.id AND p.paid_on <= \(bind: to)), 0)
                    - COALESCE((SELECT SUM(r.removed_fen) FROM case_remedies r WHERE r.decision_id = d.id AND r.result_on <= \(bind: to)), 0) AS owed
                  FROM case_decisions d JOIN cases c ON c.id = d.case_id
                  WHERE d.fine_fen > 0 AND d.decided_on <= \(bind: to) AND c.agency_id IN (\(binds: ids))
                ) t GROUP BY agency_id
                """).all()
            for r in outstanding {
                let id = try r.decode(column: "agency_id", as: UUID.self)
                rows[id]?.outstandingFen = try r.decode(column: "fen", as: Int.self)
            }
        }
        let list = rows.values.sorted { $0.agencyName < $1.agencyName }
        var total = Row(agencyId: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), agencyName: "合计", decidedCount: 0, decidedFen: 0,
                        paymentCount: 0, collectedFineFen: 0, collectedLateFeeFen: 0, refundCount: 0, refundedFen: 0, outstandingFen: 0)
        for r in list {
            total.decidedCount += r.decidedCount; total.decidedFen += r.decidedFen
            total.paymentCount += r.paymentCount; total.collectedFineFen += r.collectedFineFen
            total.collectedLateFeeFen += r.collectedLateFeeFen; total.refundCount += r.refundCount
            total.refundedFen += r.refundedFen; total.outstandingFen += r.outstandingFen
        }
        return Report(year: year, quarter: quarter, from: from, to: to, rows: list, total: total, source: source.description)
    }

    /// The query parameters: `year` (2000…2100), `quarter` (1…4), optional `agencyId` in scope. Defaults:
    /// the previous quarter (what is due in the first week of this one).
    static func params(_ req: Request, today: LocalDate, strict: Bool) throws -> (year: Int, quarter: Int, agencyID: UUID?) {
        func value(_ key: String) throws -> String? {
            guard let raw = try req.query.get(String?.self, at: key) else { return nil }
            return raw.isEmpty && !strict ? nil : raw
        }
        let current = (today.month - 1) / 3 + 1
        var year = current == 1 ? today.year - 1 : today.year
        var quarter = current == 1 ? 4 : current - 1
        if let raw = try value("year") {
            guard let y = Int(raw), (2000...2100).contains(y) else { throw AppError.validation("year", "须为 2000 至 2100 的年份") }
            year = y
        }
        if let raw = try value("quarter") {
            guard let q = Int(raw), (1...4).contains(q) else { throw AppError.validation("quarter", "须为 1 至 4") }
            quarter = q
        }
        var agencyID: UUID?
        if let raw = try value("agencyId") {
            guard let id = UUID(uuidString: raw) else { throw AppError.validation("agencyId", "须为执法主体的 UUID") }
            agencyID = id
        }
        return (year, quarter, agencyID)
    }

    static let readers: [Role] = [.supervisor, .legalOfficer]

    /// The bodies the caller reports on: a 监督员 every body of the jurisdiction, a 法制员 their own.
    static func agencies(_ req: Request, agencyID: UUID?) async throws -> [Agency] {
        let p = try req.principal()
        let all = try await AgencyQueries.scoped(for: p, on: req.db).sort(\.$name).all()
        guard let agencyID else { return all }
        guard let one = all.first(where: { $0.id == agencyID }) else { throw AppError.outOfScope }
        return [one]
    }

    static func csv(_ r: Report) -> String {
        func y(_ fen: Int) -> String { CollectionDTO.yuan(fen) }
        var lines = ["执法主体,决定罚款件数,决定罚款金额(元),缴款笔数,收缴罚款(元),收缴加处罚款(元),退款笔数,退还金额(元),期末未缴罚款(元)"]
        for row in r.rows + [r.total] {
            let name = row.agencyName.contains(",") || row.agencyName.contains("\"") ? "\"" + row.agencyName.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : row.agencyName
            lines.append([name, String(row.decidedCount), y(row.decidedFen), String(row.paymentCount), y(row.collectedFineFen),
                          y(row.collectedLateFeeFen), String(row.refundCount), y(row.refundedFen), y(row.outstandingFen)].joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
