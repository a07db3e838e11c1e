import Foundation

/// Why calendar data (the bundled file or an uploaded year) was refused.
/// Every message is Chinese and names the year and the date concerned, so an administrator
/// uploading a new year's notice can correct the file.
public enum CalendarDataError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The year is outside `CalendarYear.supportedYears`.
    case yearOutOfRange(Int)
    /// The notice (source) text is empty.
    case missingNotice(year: Int)
    /// A year without any holiday cannot be a State Council notice.
    case noHolidays(year: Int)
    /// A holiday or working weekend has an empty name.
    case emptyName(year: Int, date: LocalDate)
    /// A holiday name longer than `CalendarHoliday.maxNameLength` or holding control characters.
    case badName(year: Int, date: LocalDate)
    /// A date does not lie inside the year it is listed under.
    case dateOutsideYear(year: Int, date: LocalDate)
    /// The same date is listed twice in one list.
    case duplicateDate(year: Int, date: LocalDate)
    /// A 调休 working day that is not a Saturday or Sunday.
    case workingWeekendNotWeekend(year: Int, date: LocalDate)
    /// A date listed both as a holiday and as a 调休 working day.
    case holidayAlsoWorkingWeekend(year: Int, date: LocalDate)
    /// Two data sets for the same year in one calendar.
    case duplicateYear(Int)
    /// A JSON field that the format does not know (decoding is strict).
    case unknownField(field: String, path: String)
    /// The JSON text is not in the expected shape.
    case malformed(String)
    /// The bundled calendar file is missing or unreadable.
    case resourceMissing(String)

    /// The Chinese message shown to users.
    public var message: String {
        switch self {
        case .yearOutOfRange(let year):
            return "年份 \(year) 不在可接受的范围（\(CalendarYear.supportedYears.lowerBound)–\(CalendarYear.supportedYears.upperBound)）内"
        case .missingNotice(let year):
            return "\(year)年放假安排缺少通知文号或标题（notice）"
        case .noHolidays(let year):
            return "\(year)年放假安排没有任何放假日期（holidays 为空）"
        case .emptyName(let year, let date):
            return "\(year)年放假安排中 \(Self.day(date)) 缺少节日名称（name）"
        case .badName(let year, let date):
            return "\(year)年放假安排中 \(Self.day(date)) 的节日名称过长（不超过 \(CalendarHoliday.maxNameLength) 个字符）或含控制字符"
        case .dateOutsideYear(let year, let date):
            return "\(year)年放假安排中的日期 \(Self.day(date)) 不在\(year)年内"
        case .duplicateDate(let year, let date):
            return "\(year)年放假安排中的日期 \(Self.day(date)) 重复出现"
        case .workingWeekendNotWeekend(let year, let date):
            return "\(year)年放假安排中的调休上班日 \(Self.day(date)) 不是周六或周日"
        case .holidayAlsoWorkingWeekend(let year, let date):
            return "\(year)年放假安排中的日期 \(Self.day(date)) 同时被列为放假日和调休上班日"
        case .duplicateYear(let year):
            return "\(year)年的放假安排重复提供"
        case .unknownField(let field, let path):
            return path.isEmpty ? "未知字段“\(field)”" : "未知字段“\(field)”（位置：\(path)）"
        case .malformed(let detail):
            return "放假安排数据格式有误：\(detail)"
        case .resourceMissing(let detail):
            return "无法读取内置的放假安排数据：\(detail)"
        }
    }

    public var description: String { message }
    public var errorDescription: String? { message }

    /// `2025-10-15（周三）`
    static func day(_ date: LocalDate) -> String {
        "\(date.iso)（\(WorkCalendar.weekdayName(date.isoWeekday))）"
    }
}
