import Foundation
import Testing
@testable import QuanzeCore

@Suite("Deadlines on the official calendar")
struct WorkCalendarDeadlineTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let what: String
        let start: String
        let n: Int
        let expected: String
        var provisional = false
        var testDescription: String { what }
    }

    @Test("adding working days (start day not counted)", arguments: [
        Row(what: "5 working days from 2025-09-30 skip 国庆/中秋 and count Saturday 10-11",
            start: "2025-09-30", n: 5, expected: "2025-10-14"),
        Row(what: "1 working day from 2025-09-30 is the day after the 国庆 break", start: "2025-09-30", n: 1, expected: "2025-10-09"),
        Row(what: "the 调休 Sunday 2025-09-28 counts", start: "2025-09-26", n: 1, expected: "2025-09-28"),
        Row(what: "the 调休 Saturday 2026-02-14 counts", start: "2026-02-13", n: 1, expected: "2026-02-14"),
        Row(what: "2026 春节 is skipped whole", start: "2026-02-14", n: 1, expected: "2026-02-24"),
        Row(what: "元旦 2026 off, Sunday 2026-01-04 worked", start: "2025-12-31", n: 1, expected: "2026-01-04"),
        Row(what: "plain weekend is skipped", start: "2025-03-07", n: 1, expected: "2025-03-10"),
        Row(what: "0 working days is the start day", start: "2025-03-03", n: 0, expected: "2025-03-03"),
        Row(what: "2020 extended 春节 incl. Saturday 02-01", start: "2020-01-23", n: 1, expected: "2020-02-03"),
        Row(what: "20 working days (行政许可法 第四十二条) over 2025 劳动节",
            start: "2025-04-21", n: 20, expected: "2025-05-21"),
        Row(what: "ending on 2026-12-31 stays inside covered data", start: "2026-12-24", n: 5, expected: "2026-12-31"),
        Row(what: "running into 2027 is provisional", start: "2026-12-24", n: 6, expected: "2027-01-01", provisional: true),
    ])
    func workingDays(_ row: Row) throws {
        let r = try officialWorkCalendar.addWorkingDays(row.n, to: calDay(row.start))
        #expect(r.date == calDay(row.expected))
        #expect(r.provisional == row.provisional)
        #expect(r.uncoveredYears == (row.provisional ? [2027] : []))
        #expect(r.unit == .workingDays && r.value == row.n && r.start == calDay(row.start))
        #expect(r.rule == SourceRef(document: "行政处罚法", article: "第八十五条"))
        #expect(officialWorkCalendar.workingDays(from: calDay(row.start), to: r.date).count == row.n)
    }

    @Test("calendar-day periods move off a 法定休假日 to the next working day", arguments: [
        Row(what: "15 days from 2025-09-20 end on 国庆 10-05, moved to 10-09", start: "2025-09-20", n: 15, expected: "2025-10-09"),
        Row(what: "ending on 国庆 day 1 moves past the whole break", start: "2025-09-16", n: 15, expected: "2025-10-09"),
        Row(what: "ending on the 调休 Sunday 2025-09-28 does not move", start: "2025-09-26", n: 2, expected: "2025-09-28"),
        Row(what: "ending on an ordinary Saturday moves to Monday", start: "2025-03-01", n: 7, expected: "2025-03-10"),
        Row(what: "ending on a working day does not move", start: "2025-03-03", n: 10, expected: "2025-03-13"),
        Row(what: "ending inside 2026 春节 moves to 02-24", start: "2026-02-01", n: 20, expected: "2026-02-24"),
        Row(what: "30 days ending 2026-12-31 stay covered", start: "2026-12-01", n: 30, expected: "2026-12-31"),
        Row(what: "60 days into 2027 end on a Saturday, provisional", start: "2026-12-01", n: 60,
            expected: "2027-02-01", provisional: true),
    ])
    func calendarDays(_ row: Row) throws {
        let r = try officialWorkCalendar.calendarDeadline(days: row.n, from: calDay(row.start))
        #expect(r.date == calDay(row.expected))
        #expect(r.provisional == row.provisional)
        #expect(r.uncoveredYears == (row.provisional ? [2027] : []))
        #expect(r.rule == SourceRef(document: "民事诉讼法", article: "第八十五条"))
        let raw = calDay(row.start).adding(days: row.n)
        #expect(r.movedFrom == (raw == r.date ? nil : raw))
    }

    @Test("the explanation names the rule, the holiday and the move")
    func explanations() throws {
        let moved = try officialWorkCalendar.calendarDeadline(days: 15, from: calDay("2025-09-20"))
        #expect(moved.explanation.contains("起算日2025-09-20当日不计入"))
        #expect(moved.explanation.contains("法定节假日（国庆节）"))
        #expect(moved.explanation.contains("民事诉讼法第八十五条"))
        #expect(moved.explanation.contains("2025-10-09"))
        #expect(moved.explanation.contains("国办发明电〔2024〕12号"))

        let counted = try officialWorkCalendar.addWorkingDays(5, to: calDay("2025-09-30"))
        #expect(counted.explanation.contains("行政处罚法第八十五条"))
        #expect(counted.explanation.contains("国庆节、中秋节 2025-10-01至2025-10-08（8天）"))
        #expect(counted.explanation.contains("计入调休上班日 2025-10-11（周六，国庆节）"))
        #expect(!counted.explanation.contains("暂定"))
    }

    @Test("a computation running into 2027 is provisional until the 2027 notice is added")
    func provisionalUntilAdded() throws {
        let before = try officialWorkCalendar.addWorkingDays(6, to: calDay("2026-12-24"))
        #expect(before.provisional && before.uncoveredYears == [2027])
        #expect(before.explanation.contains("暂定：2027年放假安排尚未公布"))

        let calendar = try officialWorkCalendar.adding(try invented2027())
        let after = try calendar.addWorkingDays(6, to: calDay("2026-12-24"))
        #expect(!after.provisional && after.uncoveredYears.isEmpty)
        #expect(after.date == calDay("2027-01-04"))  // 2027-01-01 is 元旦 in the added data
        #expect(!after.explanation.contains("暂定"))

        let count = officialWorkCalendar.workingDays(from: calDay("2026-12-30"), to: calDay("2027-01-05"))
        #expect(count.count == 4 && count.provisional && count.uncoveredYears == [2027])
        #expect(calendar.workingDays(from: calDay("2026-12-30"), to: calDay("2027-01-05")).count == 3)
    }

    @Test("deadline(value:unit:from:) dispatches on the unit")
    func dispatch() throws {
        let w = try officialWorkCalendar.deadline(value: 5, unit: .workingDays, from: calDay("2025-09-30"))
        #expect(w.date == calDay("2025-10-14") && w.unit == .workingDays)
        let c = try officialWorkCalendar.deadline(value: 15, unit: .calendarDays, from: calDay("2025-09-20"))
        #expect(c.date == calDay("2025-10-09") && c.unit == .calendarDays)
    }

    @Test("negative and absurd periods are refused")
    func refused() {
        #expect(throws: DeadlineValueError.negativeValue(-1)) { try officialWorkCalendar.addWorkingDays(-1, to: calDay("2025-01-02")) }
        #expect(throws: DeadlineValueError.negativeValue(-3)) { try officialWorkCalendar.calendarDeadline(days: -3, from: calDay("2025-01-02")) }
        #expect(throws: DeadlineValueError.valueTooLarge(100_000)) {
            try officialWorkCalendar.deadline(value: 100_000, unit: .workingDays, from: calDay("2025-01-02"))
        }
    }

    @Test("working days between two dates: start excluded, end included")
    func between() {
        #expect(officialWorkCalendar.workingDays(from: calDay("2025-09-30"), to: calDay("2025-10-14")).count == 5)
        #expect(officialWorkCalendar.workingDays(from: calDay("2025-10-09"), to: calDay("2025-10-09")).count == 0)
        #expect(officialWorkCalendar.workingDays(from: calDay("2025-10-14"), to: calDay("2025-09-30")).count == 0)
    }

    struct YearCount: Sendable, CustomTestStringConvertible {
        let year: Int
        let workingDays: Int
        var testDescription: String { "\(year) has \(workingDays) working days" }
    }

    /// Totals computed independently with chinese-calendar 1.11.0 (`get_workdays`).
    @Test("working days per year", arguments: [
        YearCount(year: 2020, workingDays: 249), YearCount(year: 2021, workingDays: 250),
        YearCount(year: 2022, workingDays: 249), YearCount(year: 2023, workingDays: 249),
        YearCount(year: 2024, workingDays: 251), YearCount(year: 2025, workingDays: 248),
        YearCount(year: 2026, workingDays: 248),
    ])
    func perYear(_ row: YearCount) throws {
        let from = try #require(LocalDate(year: row.year - 1, month: 12, day: 31))
        let to = try #require(LocalDate(year: row.year, month: 12, day: 31))
        let count = officialWorkCalendar.workingDays(from: from, to: to)
        #expect(count.count == row.workingDays)
        #expect(!count.provisional)
    }
}
