import Foundation
import Testing
@testable import QuanzeCore

@Suite("Deadline properties over random starts 2020–2026")
struct WorkCalendarPropertyTests {
    /// Working day under the calendar, or Monday–Friday where the year is not covered (the stand-in).
    static func countsAsWorking(_ d: LocalDate) -> Bool {
        officialWorkCalendar.isWorkingDay(d) ?? !d.isWeekend
    }

    @Test("addWorkingDays lands on a working day and workingDays(from:to:) gives n back")
    func roundTrip() throws {
        var rng = CalendarTestRandom(seed: 20_251_104)
        let first = calDay("2020-01-01").dayNumber
        let last = calDay("2026-12-31").dayNumber
        for _ in 0..<600 {
            let start = LocalDate(dayNumber: Int.random(in: first...last, using: &rng))
            let n = Int.random(in: 0...40, using: &rng)
            let r = try officialWorkCalendar.addWorkingDays(n, to: start)
            if n > 0 {
                #expect(Self.countsAsWorking(r.date), "\(start) + \(n) → \(r.date)")
                #expect(r.date > start)
            } else {
                #expect(r.date == start)
            }
            let back = officialWorkCalendar.workingDays(from: start, to: r.date)
            #expect(back.count == n, "\(start) + \(n) → \(r.date), counted \(back.count)")
            #expect(back.provisional == r.provisional)
            #expect(r.provisional == (r.date.year > 2026 && n > 0))
        }
    }

    @Test("calendarDeadline lands on a working day no earlier than start + n")
    func calendarDeadlines() throws {
        var rng = CalendarTestRandom(seed: 42)
        let first = calDay("2020-01-01").dayNumber
        let last = calDay("2026-12-31").dayNumber
        for _ in 0..<600 {
            let start = LocalDate(dayNumber: Int.random(in: first...last, using: &rng))
            let n = Int.random(in: 0...90, using: &rng)
            let r = try officialWorkCalendar.calendarDeadline(days: n, from: start)
            let raw = start.adding(days: n)
            #expect(r.date >= raw)
            #expect(Self.countsAsWorking(r.date))
            // Every day between the raw last day and the result is a non-working day.
            var d = raw
            while d < r.date {
                #expect(!Self.countsAsWorking(d), "\(d) is a working day but \(raw) moved to \(r.date)")
                d = d.adding(days: 1)
            }
        }
    }
}
