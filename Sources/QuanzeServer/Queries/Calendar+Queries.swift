import Fluent
import Foundation
import QuanzeCore
import Vapor

enum CalendarQueries {
    static func summaries(_ req: Request) async throws -> [CalendarYearSummaryDTO] {
        let cal = try await req.services.calendar.calendar(on: req.db, now: req.now)
        let added = Set(try await CalendarYearRecord.query(on: req.db).all().compactMap(\.id))
        return cal.coveredYears.compactMap { y in
            cal.calendarYear(y).map {
                CalendarYearSummaryDTO(year: y, notice: $0.notice, origin: added.contains(y) ? "added" : "bundled",
                                       holidays: $0.holidays.count, workingWeekends: $0.workingWeekends.count)
            }
        }
    }

    /// Adds (or replaces) a year's notice. Bundled official years cannot be replaced.
    static func add(_ year: CalendarYear, req: Request) async throws {
        if (try? WorkCalendar.official().covers(year.year)) == true {
            throw AppError.conflict("CALENDAR_YEAR_BUNDLED", "\(year.year) 年的放假安排已随平台提供，不能覆盖")
        }
        let json = String(decoding: try year.jsonData(), as: UTF8.self)
        let record = try await CalendarYearRecord.find(year.year, on: req.db)
            ?? CalendarYearRecord(year: year.year, notice: year.notice, data: json, addedBy: nil)
        record.notice = year.notice
        record.data = json
        record.addedBy = req.auth.get(Principal.self)?.username
        try await req.db.transaction { tx in
            try await record.save(on: tx)
            try await req.audit(.calendarYearAdd, .success, target: "\(year.year)",
                                detail: "\(year.notice)：放假 \(year.holidays.count) 天，调休上班 \(year.workingWeekends.count) 天", on: tx)
        }
        await req.services.calendar.invalidate()
    }

    static func dateQuery(_ req: Request, _ name: String) throws -> LocalDate {
        guard let raw = try? req.query.get(String.self, at: name), let d = LocalDate(iso: raw) else {
            throw AppError.validation(name, "须为有效日期（YYYY-MM-DD）", code: "date")
        }
        return d
    }
}
