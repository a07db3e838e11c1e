import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// Writes one step of a complaint: the event row the complaint page lists and the same step as an
/// entry of the stream `complaint:<uuid>` in the 全过程记录, in the caller's transaction (like
/// `CaseJournal`). The complainant's identity is never written into either.
enum ComplaintJournal {
    static func stream(_ id: UUID) -> String { "complaint:\(id.uuidString.lowercased())" }

    @discardableResult
    static func write(_ c: Complaint, kind: String, on day: LocalDate, summary: String, actor: String,
                      req: Request, db: any Database) async throws -> RecordEntry {
        let id = try c.requireID()
        try await ComplaintEvent(complaintID: id, kind: kind, on: day, summary: summary, actor: actor).create(on: db)
        let payload = ["number": c.number, "date": day.iso, "summary": summary, "actor": actor, "status": c.status.rawValue,
                       "complainant": c.anonymous ? "匿名" : "实名（保密）"]
        return try await req.record(stream: stream(id), kind: "complaint." + kind, payload: payload, on: db)
    }
}

/// 登记编号: the jurisdiction's yearly sequence row is locked (UPDATE) for the rest of the transaction,
/// so concurrent registrations never share a number (like `DocumentNumbers`).
enum ComplaintNumbers {
    static func next(jurisdiction: Jurisdiction, year: Int, on tx: any Database) async throws -> String {
        let jurisdictionID = try jurisdiction.requireID()
        if let sql = tx as? any SQLDatabase {
            try await sql.insert(into: ComplaintSequence.schema)
                .columns("id", "jurisdiction_id", "year", "last")
                .values(SQLBind(UUID()), SQLBind(jurisdictionID), SQLBind(year), SQLBind(0))
                .ignoringConflicts().run()
            try await sql.update(ComplaintSequence.schema).set("last", to: SQLBinaryExpression(SQLIdentifier("last"), .add, SQLLiteral.numeric("1")))
                .where("jurisdiction_id", .equal, jurisdictionID).where("year", .equal, year).run()
        }
        guard let row = try await ComplaintSequence.query(on: tx).filter(\.$jurisdictionID == jurisdictionID).filter(\.$year == year).first() else {
            throw AppError("SEQUENCE_MISSING", .internalServerError, "投诉举报登记编号序列缺失")
        }
        return ComplaintRules.number(jurisdiction: jurisdiction.name, year: year, sequence: row.last)
    }
}

/// The complaint deadlines from the jurisdiction's rule profile, counted on the official working-day calendar.
struct ComplaintDeadlines {
    let calendar: WorkCalendar
    let profile: EffectiveProfile?

    static func load(jurisdiction: Jurisdiction, services: AppServices, on db: any Database) async throws -> ComplaintDeadlines {
        ComplaintDeadlines(calendar: try await services.calendar.calendar(on: db, now: services.clock.now()),
                           profile: services.profiles.effective(id: jurisdiction.profileID))
    }

    /// The due date and the rule for the first of `codes` the profile has (nil when it has none, or the
    /// period is in months or years, or the calendar does not cover it).
    func due(_ codes: [String], from start: LocalDate) -> (due: LocalDate, rule: ComplaintDeadlineRule)? {
        for code in codes {
            guard let rule = profile?.deadline(code)?.entry else { continue }
            guard let unit = rule.unit.deadlineUnit, let result = try? calendar.deadline(value: rule.value, unit: unit, from: start) else { return nil }
            return (result.date, ComplaintDeadlineRule(code: code, name: rule.name, period: rule.unit.format(rule.value), source: rule.source))
        }
        return nil
    }
}
