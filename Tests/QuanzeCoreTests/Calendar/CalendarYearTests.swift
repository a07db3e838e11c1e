import Foundation
import Testing
@testable import QuanzeCore

@Suite("CalendarYear: validation and strict decoding of an uploaded notice")
struct CalendarYearTests {
    struct InvalidRow: Sendable, CustomTestStringConvertible {
        let what: String
        let year: Int
        let notice: String
        let holidays: [CalendarHoliday]
        let working: [CalendarHoliday]
        let error: CalendarDataError
        let mentions: [String]
        var testDescription: String { what }
    }

    static let invalidRows: [InvalidRow] = [
        InvalidRow(what: "working weekend on a Wednesday", year: 2025, notice: "通知",
                   holidays: [calEntry("2025-10-01", "国庆节")], working: [calEntry("2025-10-15", "国庆节")],
                   error: .workingWeekendNotWeekend(year: 2025, date: calDay("2025-10-15")),
                   mentions: ["2025年", "2025-10-15", "周三", "不是周六或周日"]),
        InvalidRow(what: "holiday outside the year", year: 2025, notice: "通知",
                   holidays: [calEntry("2024-12-31", "元旦")], working: [],
                   error: .dateOutsideYear(year: 2025, date: calDay("2024-12-31")), mentions: ["2025年", "2024-12-31"]),
        InvalidRow(what: "working weekend outside the year", year: 2025, notice: "通知",
                   holidays: [calEntry("2025-01-01", "元旦")], working: [calEntry("2026-01-04", "元旦")],
                   error: .dateOutsideYear(year: 2025, date: calDay("2026-01-04")), mentions: ["2026-01-04"]),
        InvalidRow(what: "duplicate holiday", year: 2025, notice: "通知",
                   holidays: [calEntry("2025-10-01", "国庆节"), calEntry("2025-10-01", "国庆节")], working: [],
                   error: .duplicateDate(year: 2025, date: calDay("2025-10-01")), mentions: ["2025-10-01", "重复"]),
        InvalidRow(what: "duplicate working weekend", year: 2025, notice: "通知",
                   holidays: [calEntry("2025-10-01", "国庆节")],
                   working: [calEntry("2025-10-11", "国庆节"), calEntry("2025-10-11", "国庆节")],
                   error: .duplicateDate(year: 2025, date: calDay("2025-10-11")), mentions: ["2025-10-11"]),
        InvalidRow(what: "a day both off and worked", year: 2025, notice: "通知",
                   holidays: [calEntry("2025-10-04", "国庆节")], working: [calEntry("2025-10-04", "国庆节")],
                   error: .holidayAlsoWorkingWeekend(year: 2025, date: calDay("2025-10-04")), mentions: ["同时"]),
        InvalidRow(what: "empty notice", year: 2025, notice: "  ",
                   holidays: [calEntry("2025-10-01", "国庆节")], working: [],
                   error: .missingNotice(year: 2025), mentions: ["2025年", "notice"]),
        InvalidRow(what: "empty holiday name", year: 2025, notice: "通知",
                   holidays: [calEntry("2025-10-01", "")], working: [],
                   error: .emptyName(year: 2025, date: calDay("2025-10-01")), mentions: ["2025-10-01", "名称"]),
        InvalidRow(what: "no holidays at all", year: 2025, notice: "通知", holidays: [], working: [],
                   error: .noHolidays(year: 2025), mentions: ["2025年"]),
        InvalidRow(what: "year out of range", year: 1899, notice: "通知",
                   holidays: [calEntry("1899-01-01", "元旦")], working: [],
                   error: .yearOutOfRange(1899), mentions: ["1899"]),
    ]

    @Test("bad data is refused with a Chinese message naming the year and date", arguments: invalidRows)
    func invalid(_ row: InvalidRow) {
        do {
            _ = try CalendarYear(year: row.year, notice: row.notice, holidays: row.holidays, workingWeekends: row.working)
            Issue.record("accepted invalid data: \(row.what)")
        } catch let error as CalendarDataError {
            #expect(error == row.error)
            for word in row.mentions { #expect(error.message.contains(word), "\(error.message) lacks \(word)") }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("lists are sorted by date")
    func sorted() throws {
        let y = try CalendarYear(year: 2025, notice: "通知",
                                 holidays: [calEntry("2025-10-02", "国庆节"), calEntry("2025-10-01", "国庆节")],
                                 workingWeekends: [])
        #expect(y.holidays.map(\.date) == [calDay("2025-10-01"), calDay("2025-10-02")])
        #expect(y.holidayName(on: calDay("2025-10-02")) == "国庆节")
    }

    struct DecodeRow: Sendable, CustomTestStringConvertible {
        let what: String
        let json: String
        let error: CalendarDataError
        var testDescription: String { what }
    }

    @Test("uploaded JSON is decoded strictly", arguments: [
        DecodeRow(what: "misspelt top-level field",
                  json: #"{"year":2025,"notice":"n","holiday":[],"holidays":[{"date":"2025-01-01","name":"元旦"}],"workingWeekends":[]}"#,
                  error: .unknownField(field: "holiday", path: "")),
        DecodeRow(what: "unknown field inside an entry",
                  json: #"{"year":2025,"notice":"n","holidays":[{"date":"2025-01-01","name":"元旦","off":true}],"workingWeekends":[]}"#,
                  error: .unknownField(field: "off", path: "holidays[0]")),
        DecodeRow(what: "missing workingWeekends",
                  json: #"{"year":2025,"notice":"n","holidays":[{"date":"2025-01-01","name":"元旦"}]}"#,
                  error: .malformed("缺少字段“workingWeekends”")),
        DecodeRow(what: "impossible date",
                  json: #"{"year":2025,"notice":"n","holidays":[{"date":"2025-02-30","name":"春节"}],"workingWeekends":[]}"#,
                  error: .malformed("字段“holidays[0].date”：不是有效日期（YYYY-MM-DD）：2025-02-30")),
        DecodeRow(what: "year given as text",
                  json: #"{"year":"2025","notice":"n","holidays":[],"workingWeekends":[]}"#,
                  error: .malformed("字段“year”应为整数")),
        DecodeRow(what: "not JSON at all", json: "2025年放假安排", error: .malformed("不是有效的 JSON 文本")),
        DecodeRow(what: "valid JSON, working weekend on a Wednesday",
                  json: #"{"year":2025,"notice":"n","holidays":[{"date":"2025-10-01","name":"国庆节"}],"workingWeekends":[{"date":"2025-10-15","name":"国庆节"}]}"#,
                  error: .workingWeekendNotWeekend(year: 2025, date: calDay("2025-10-15"))),
    ])
    func decoding(_ row: DecodeRow) {
        #expect(throws: row.error) { try CalendarYear.decode(json: Data(row.json.utf8)) }
    }

    @Test("a year round-trips through its JSON")
    func roundTrip() throws {
        let y2025 = try #require(officialWorkCalendar.calendarYear(2025))
        let data = try y2025.jsonData()
        #expect(try CalendarYear.decode(json: data) == y2025)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"2025-10-11\""))
        #expect(text.contains("国庆节"))
    }
}
