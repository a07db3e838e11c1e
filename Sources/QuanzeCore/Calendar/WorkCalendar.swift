import Foundation

/// The official working-day calendar: weekends, the statutory holidays and the 调休 working weekends of
/// each year whose State Council notice is loaded. Working days are Monday–Friday that are not holidays,
/// plus the 调休 working weekends (statutes.md “How days are counted”; 行政处罚法 第八十五条 and others
/// count short periods in working days, i.e. without 法定节假日).
///
/// A year without data is never guessed: `dayKind` says `.unknown`, and deadline computations fall back
/// to Monday–Friday but mark the result provisional (see `WorkCalendar+Deadlines.swift`).
public struct WorkCalendar: Sendable {
    /// The loaded years by year number.
    private let years: [Int: CalendarYear]
    /// Holiday name by `LocalDate.dayNumber`.
    let holidayNames: [Int: String]
    /// 调休 working weekend (holiday name) by `LocalDate.dayNumber`.
    let adjustedNames: [Int: String]
    /// Day-number ranges (1 Jan … 31 Dec) of the covered years.
    let coveredDayRanges: [ClosedRange<Int>]

    /// Builds a calendar from validated years; the same year twice throws `CalendarDataError.duplicateYear`.
    public init(years: [CalendarYear]) throws {
        var byYear: [Int: CalendarYear] = [:]
        for year in years {
            guard byYear[year.year] == nil else { throw CalendarDataError.duplicateYear(year.year) }
            byYear[year.year] = year
        }
        self.init(byYear: byYear)
    }

    private init(byYear: [Int: CalendarYear]) {
        years = byYear
        var holidays: [Int: String] = [:]
        var adjusted: [Int: String] = [:]
        for year in byYear.values {
            for h in year.holidays { holidays[h.date.dayNumber] = h.name }
            for w in year.workingWeekends { adjusted[w.date.dayNumber] = w.name }
        }
        holidayNames = holidays
        adjustedNames = adjusted
        coveredDayRanges = byYear.keys.sorted().compactMap { y in
            guard let first = LocalDate(year: y, month: 1, day: 1),
                  let last = LocalDate(year: y, month: 12, day: 31) else { return nil }
            return first.dayNumber...last.dayNumber
        }
    }

    /// A calendar with `year` added, or replacing the data already loaded for that year
    /// (a later year's notice, or a corrected one).
    public func adding(_ year: CalendarYear) throws -> WorkCalendar {
        try year.validate()
        var byYear = years
        byYear[year.year] = year
        return WorkCalendar(byYear: byYear)
    }

    /// The years with data, ascending.
    public var coveredYears: [Int] { years.keys.sorted() }

    /// Whether the notice of `year` is loaded.
    public func covers(_ year: Int) -> Bool { years[year] != nil }

    /// The loaded data of one year (e.g. to show its notice), if any.
    public func calendarYear(_ year: Int) -> CalendarYear? { years[year] }

    /// What `date` is: working day, weekend, holiday, 调休 working day, or unknown (year not covered).
    public func dayKind(_ date: LocalDate) -> DayKind {
        guard covers(date.year) else { return .unknown }
        let n = date.dayNumber
        if let name = holidayNames[n] { return .holiday(name) }
        if let name = adjustedNames[n] { return .adjustedWorkingDay(name) }
        return date.isWeekend ? .weekend : .workingDay
    }

    /// Whether `date` is a working day; nil when its year is not covered.
    public func isWorkingDay(_ date: LocalDate) -> Bool? {
        dayKind(date).isWorkingDay
    }

    /// Chinese weekday name for an ISO weekday (1 = Monday … 7 = Sunday).
    static func weekdayName(_ isoWeekday: Int) -> String {
        let names = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        return names.indices.contains(isoWeekday - 1) ? names[isoWeekday - 1] : "?"
    }
}
