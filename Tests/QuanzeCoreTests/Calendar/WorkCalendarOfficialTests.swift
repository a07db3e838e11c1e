import Foundation
import Testing
@testable import QuanzeCore

@Suite("Official calendar: bundled data and day kinds")
struct WorkCalendarOfficialTests {
    @Test("the bundled file loads through Bundle.module and covers 2020–2026")
    func loadsBundledFile() throws {
        #expect(WorkCalendar.officialResourceURL != nil)
        let calendar = try WorkCalendar.official()
        #expect(calendar.coveredYears == Array(2020...2026))
        #expect(calendar.covers(2026))
        #expect(!calendar.covers(2027))
        #expect(!calendar.covers(2019))
    }

    struct NoticeRow: Sendable, CustomTestStringConvertible {
        let year: Int
        let number: String
        var testDescription: String { "\(year) notice is \(number)" }
    }

    @Test("each year cites its State Council notice", arguments: [
        NoticeRow(year: 2020, number: "国办发明电〔2019〕16号"),
        NoticeRow(year: 2021, number: "国办发明电〔2020〕27号"),
        NoticeRow(year: 2022, number: "国办发明电〔2021〕11号"),
        NoticeRow(year: 2023, number: "国办发明电〔2022〕16号"),
        NoticeRow(year: 2024, number: "国办发明电〔2023〕7号"),
        NoticeRow(year: 2025, number: "国办发明电〔2024〕12号"),
        NoticeRow(year: 2026, number: "国办发明电〔2025〕7号"),
    ])
    func notices(_ row: NoticeRow) throws {
        let year = try #require(officialWorkCalendar.calendarYear(row.year))
        #expect(year.notice.contains(row.number))
        let names = Set(year.holidays.map(\.name))
        #expect(names.isSuperset(of: ["元旦", "春节", "清明节", "劳动节", "端午节", "国庆节"]))
    }

    struct KindRow: Sendable, CustomTestStringConvertible {
        let date: String
        let kind: DayKind
        let what: String
        var testDescription: String { "\(date): \(what)" }
    }

    @Test("day kinds on real dates", arguments: [
        // 2025 国庆节 + 中秋节: 10-01…10-08 off, Sunday 09-28 and Saturday 10-11 worked (国办发明电〔2024〕12号).
        KindRow(date: "2025-09-28", kind: .adjustedWorkingDay("国庆节"), what: "2025 Sunday before 国庆 is worked"),
        KindRow(date: "2025-10-01", kind: .holiday("国庆节"), what: "2025 国庆 first day"),
        KindRow(date: "2025-10-04", kind: .holiday("国庆节"), what: "2025 Saturday inside 国庆 is a holiday"),
        KindRow(date: "2025-10-06", kind: .holiday("中秋节"), what: "2025 中秋 inside the 国庆 break"),
        KindRow(date: "2025-10-08", kind: .holiday("国庆节"), what: "2025 国庆 last day"),
        KindRow(date: "2025-10-09", kind: .workingDay, what: "2025 first working day after 国庆"),
        KindRow(date: "2025-10-11", kind: .adjustedWorkingDay("国庆节"), what: "2025 Saturday after 国庆 is worked"),
        KindRow(date: "2025-10-12", kind: .weekend, what: "2025 ordinary Sunday"),
        KindRow(date: "2025-01-28", kind: .holiday("春节"), what: "2025 除夕 is a holiday (new 2025 rule)"),
        // 2026 春节: 02-15…02-23 off, Saturdays 02-14 and 02-28 worked (国办发明电〔2025〕7号).
        KindRow(date: "2026-02-14", kind: .adjustedWorkingDay("春节"), what: "2026 Saturday before 春节 is worked"),
        KindRow(date: "2026-02-15", kind: .holiday("春节"), what: "2026 春节 first day (腊月二十八)"),
        KindRow(date: "2026-02-17", kind: .holiday("春节"), what: "2026 春节 正月初一"),
        KindRow(date: "2026-02-23", kind: .holiday("春节"), what: "2026 春节 last day (正月初七)"),
        KindRow(date: "2026-02-24", kind: .workingDay, what: "2026 first working day after 春节"),
        KindRow(date: "2026-02-28", kind: .adjustedWorkingDay("春节"), what: "2026 Saturday after 春节 is worked"),
        KindRow(date: "2026-01-04", kind: .adjustedWorkingDay("元旦"), what: "2026 Sunday after 元旦 is worked"),
        KindRow(date: "2026-10-10", kind: .adjustedWorkingDay("国庆节"), what: "2026 Saturday after 国庆 is worked"),
        // 2020 春节 extended to 02-02 (国办发明电〔2020〕1号): Saturday 02-01 became a day off.
        KindRow(date: "2020-02-01", kind: .holiday("春节"), what: "2020 extended 春节 Saturday is off"),
        KindRow(date: "2020-02-03", kind: .workingDay, what: "2020 first working day after extended 春节"),
        KindRow(date: "2024-02-29", kind: .workingDay, what: "leap day 2024 is an ordinary Thursday"),
        KindRow(date: "2027-01-04", kind: .unknown, what: "2027 is not covered yet"),
    ])
    func dayKinds(_ row: KindRow) {
        #expect(officialWorkCalendar.dayKind(calDay(row.date)) == row.kind)
        #expect(officialWorkCalendar.isWorkingDay(calDay(row.date)) == row.kind.isWorkingDay)
    }

    @Test("adding a 2027 notice extends coverage; adding 2025 again replaces it")
    func addingYears() throws {
        let extended = try officialWorkCalendar.adding(try invented2027())
        #expect(extended.coveredYears == Array(2020...2027))
        #expect(extended.dayKind(calDay("2027-02-08")) == .holiday("春节"))
        #expect(extended.dayKind(calDay("2027-02-14")) == .adjustedWorkingDay("春节"))
        #expect(officialWorkCalendar.dayKind(calDay("2027-02-08")) == .unknown)

        let corrected = try CalendarYear(year: 2025, notice: "更正", holidays: [calEntry("2025-01-01", "元旦")],
                                         workingWeekends: [])
        let replaced = try officialWorkCalendar.adding(corrected)
        #expect(replaced.coveredYears == Array(2020...2026))
        #expect(replaced.dayKind(calDay("2025-10-01")) == .workingDay)
        #expect(replaced.dayKind(calDay("2025-09-28")) == .weekend)
        #expect(replaced.calendarYear(2025)?.notice == "更正")
    }

    @Test("the same year twice is refused")
    func duplicateYear() throws {
        let y = try invented2027()
        #expect(throws: CalendarDataError.duplicateYear(2027)) { try WorkCalendar(years: [y, y]) }
    }
}
