import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Figures of 投诉举报 for assessment (评议考核) and dashboards (执法统计).
enum ComplaintStatistics {
    /// Handling on time: among the complaints (of one body, or all when `agencyID` is nil) whose reply
    /// (核查处理并答复, the profile's limit, e.g. 通州 第二十五条 30日) was due in `year` — due on or before
    /// `asOf`, or already answered — how many were answered by their due date. `complaintIDs` are the due
    /// complaints NOT answered on time (answered late, or still unanswered past the due date): the evidence
    /// behind a deduction. Complaints under a profile without a reply limit have no reply due date and do
    /// not count; see `acknowledgedOnTime` for the 5 工作日 受理情况告知 (001_* 五(三)).
    static func onTime(agencyID: UUID?, year: Int, asOf: LocalDate = LocalDate(instant: Date()),
                       on db: any Database) async throws -> (due: Int, onTime: Int, complaintIDs: [UUID]) {
        let q = Complaint.query(on: db).filter(\.$replyDue >= "\(year)-01-01").filter(\.$replyDue <= "\(year)-12-31")
        if let agencyID { q.filter(\.$agencyID == agencyID) }
        var due = 0, onTime = 0, late: [UUID] = []
        for c in try await q.sort(\.$number).all() {
            guard let replyDue = c.replyDue else { continue }
            guard c.repliedOn != nil || replyDue < asOf.iso else { continue }
            due += 1
            if let replied = c.repliedOn, replied <= replyDue { onTime += 1 } else { late.append(try c.requireID()) }
        }
        return (due, onTime, late)
    }

    /// The same for the 受理情况告知 (acknowledgement) deadline due in `year`.
    static func acknowledgedOnTime(agencyID: UUID?, year: Int, asOf: LocalDate = LocalDate(instant: Date()),
                                   on db: any Database) async throws -> (due: Int, onTime: Int, complaintIDs: [UUID]) {
        let q = Complaint.query(on: db).filter(\.$ackDue >= "\(year)-01-01").filter(\.$ackDue <= "\(year)-12-31")
        if let agencyID { q.filter(\.$agencyID == agencyID) }
        var due = 0, onTime = 0, late: [UUID] = []
        for c in try await q.sort(\.$number).all() {
            guard let ackDue = c.ackDue else { continue }
            guard c.acknowledgedOn != nil || ackDue < asOf.iso else { continue }
            due += 1
            if let on = c.acknowledgedOn, on <= ackDue { onTime += 1 } else { late.append(try c.requireID()) }
        }
        return (due, onTime, late)
    }

    struct MonthFlow: Content, Sendable, Equatable {
        var month: Int
        /// Complaints received (登记) in the month.
        var received: Int
        /// Complaints accepted (受理) in the month.
        var accepted: Int
        /// Complaints refused (不予受理) in the month.
        var refused: Int
        /// Complaints closed (办结) in the month.
        var closed: Int
    }

    /// Received, accepted, refused and closed per month of `year` (12 rows), for one body, a set of
    /// bodies (`agencyIDs`), or all when both are nil.
    static func monthlyFlow(agencyID: UUID?, agencyIDs: [UUID]? = nil, year: Int, on db: any Database) async throws -> [MonthFlow] {
        var rows = (1...12).map { MonthFlow(month: $0, received: 0, accepted: 0, refused: 0, closed: 0) }
        let q = Complaint.query(on: db)
        if let agencyID { q.filter(\.$agencyID == agencyID) }
        if let agencyIDs { q.filter(\.$agencyID ~~ agencyIDs) }
        let prefix = "\(year)-"
        q.group(.or) { g in
            g.filter(\.$receivedOn >= "\(year)-01-01")
            g.filter(\.$acceptedOn >= "\(year)-01-01")
            g.filter(\.$closedOn >= "\(year)-01-01")
        }
        func month(_ day: String?) -> Int? {
            guard let day, day.hasPrefix(prefix), let m = Int(day.dropFirst(5).prefix(2)), (1...12).contains(m) else { return nil }
            return m
        }
        // Refusals are dated by their event (the refusal day is the acknowledgement day).
        for c in try await q.all() {
            if let m = month(c.receivedOn) { rows[m - 1].received += 1 }
            if let m = month(c.acceptedOn) { rows[m - 1].accepted += 1 }
            if c.status == .refused, let m = month(c.acknowledgedOn) { rows[m - 1].refused += 1 }
            if let m = month(c.closedOn) { rows[m - 1].closed += 1 }
        }
        return rows
    }

    struct Summary: Content, Sendable {
        var year: Int
        var agencyId: UUID?
        var replyDue: Int
        var replyOnTime: Int
        var replyLate: [UUID]
        var acknowledgementDue: Int
        var acknowledgementOnTime: Int
        var acknowledgementLate: [UUID]
        var months: [MonthFlow]
    }
}
