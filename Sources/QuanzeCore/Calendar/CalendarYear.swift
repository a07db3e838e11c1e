import Foundation

/// One year of the State Council's holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知):
/// the days off, including the bridged days, and the 调休 weekends that are working days.
///
/// This is the format of each element of the bundled `calendar/official.json` and also the JSON an
/// administrator uploads when a new notice is out:
///
///     {"year": 2026, "notice": "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）",
///      "holidays": [{"date": "2026-01-01", "name": "元旦"}, …],
///      "workingWeekends": [{"date": "2026-01-04", "name": "元旦"}, …]}
///
/// A value always holds valid data: the initializer and decoding validate (see `validate()`),
/// and decoding refuses unknown fields. Lists are kept sorted by date.
public struct CalendarYear: Hashable, Sendable, Codable {
    /// Years accepted at all (a sanity bound against typing errors such as `20266`).
    public static let supportedYears: ClosedRange<Int> = 2000...2199

    public let year: Int
    /// The notice's title and number, shown as the source of every working-day computation.
    public let notice: String
    /// Every day off under the notice that falls in this year (weekend days inside a break included).
    public let holidays: [CalendarHoliday]
    /// Saturdays and Sundays that are working days (调休上班), with the holiday they make up for.
    public let workingWeekends: [CalendarHoliday]

    /// Validates and throws `CalendarDataError` on the first problem found.
    public init(year: Int, notice: String, holidays: [CalendarHoliday], workingWeekends: [CalendarHoliday]) throws {
        self.year = year
        self.notice = notice
        self.holidays = holidays.sorted { $0.date < $1.date }
        self.workingWeekends = workingWeekends.sorted { $0.date < $1.date }
        try validate()
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case year, notice, holidays, workingWeekends
    }

    /// Strict decoding: all four fields are required, unknown fields are refused, and the data is validated.
    public init(from decoder: any Decoder) throws {
        try CalendarJSON.rejectUnknownKeys(CodingKeys.self, in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            year: c.decode(Int.self, forKey: .year),
            notice: c.decode(String.self, forKey: .notice),
            holidays: c.decode([CalendarHoliday].self, forKey: .holidays),
            workingWeekends: c.decode([CalendarHoliday].self, forKey: .workingWeekends)
        )
    }

    /// The holiday name of a day off in this year, if any.
    public func holidayName(on date: LocalDate) -> String? {
        holidays.first { $0.date == date }?.name
    }

    /// The holiday a 调休 working weekend belongs to, if the date is one.
    public func workingWeekendName(on date: LocalDate) -> String? {
        workingWeekends.first { $0.date == date }?.name
    }
}
