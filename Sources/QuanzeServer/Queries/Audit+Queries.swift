import Fluent
import Foundation
import QuanzeCore
import Vapor

enum AuditQueries {
    struct Filter: Sendable {
        var actor: String?
        var action: String?
        var outcome: String?
        var from: LocalDate?
        var to: LocalDate?

        static func from(_ req: Request) throws -> Filter {
            func text(_ name: String) -> String? {
                (try? req.query.get(String.self, at: name))?.trimmingCharacters(in: .whitespaces).nilIfEmpty
            }
            func date(_ name: String) throws -> LocalDate? {
                guard let raw = text(name) else { return nil }
                guard let d = LocalDate(iso: raw) else { throw AppError.validation(name, "须为有效日期（YYYY-MM-DD）", code: "date") }
                return d
            }
            let f = Filter(actor: text("actor"), action: text("action"), outcome: text("outcome"),
                           from: try date("from"), to: try date("to"))
            if let o = f.outcome, AuditOutcome(rawValue: o) == nil {
                throw AppError.validation("outcome", "取值须为 success、failure、denied 之一")
            }
            if let a = f.action, AuditAction(rawValue: a) == nil {
                throw AppError.validation("action", "未知的事件类型：\(a)")
            }
            if let actor = f.actor, actor.unicodeScalars.count > 50 { throw AppError.validation("actor", "不超过 50 个字符") }
            return f
        }
    }

    static func query(_ f: Filter, on db: any Database) -> QueryBuilder<AuditEntry> {
        let q = AuditEntry.query(on: db)
        if let actor = f.actor { q.filter(ContainsFilter.filter(column: "actor_name", contains: actor)) }
        if let action = f.action { q.filter(\.$action == action) }
        if let outcome = f.outcome { q.filter(\.$outcome == outcome) }
        if let from = f.from { q.filter(\.$occurredMs >= startMillis(from)) }
        if let to = f.to { q.filter(\.$occurredMs < startMillis(to.adding(days: 1))) }
        return q
    }

    /// Milliseconds since the epoch at 00:00 China Standard Time of `d`.
    static func startMillis(_ d: LocalDate) -> Int64 {
        Int64(d.dayNumber) * 86_400_000 - 8 * 3_600_000
    }

    static func verify(on db: any Database) async throws -> AuditVerification {
        // The head first: an append after this read only adds rows beyond it, which verify accepts.
        let head = try await AuditHead.find(1, on: db)
        let entries = try await AuditEntry.query(on: db).sort(\.$seq).all()
        return AuditChain.verify(entries.map { ($0.record, $0.prevHash, $0.hash) }, head: head.map { ($0.seq, $0.hash) })
    }

    static func csv(_ entries: [AuditEntry]) -> String {
        var out = "\u{FEFF}序号,时间,操作人,来源地址,事件,对象,结果,说明,哈希\r\n"
        let f = DateFormats.display
        for e in entries {
            let cells = ["\(e.seq)", f.string(from: Date(timeIntervalSince1970: Double(e.occurredMs) / 1000)),
                         e.actorName ?? "", e.ip ?? "", AuditAction(rawValue: e.action)?.label ?? e.action,
                         e.target ?? "", AuditOutcome(rawValue: e.outcome)?.label ?? e.outcome, e.detail ?? "", e.hash]
            out += cells.map(csvCell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// Quotes a CSV cell and neutralises spreadsheet formulas.
    private static func csvCell(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@".contains(first) { v = "'" + v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
