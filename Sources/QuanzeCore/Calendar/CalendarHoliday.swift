import Foundation

/// One dated entry of a year's notice: a day off (`holidays`) or a 调休 working weekend
/// (`workingWeekends`), with the holiday it belongs to, e.g. `{"date": "2025-10-11", "name": "国庆节"}`.
public struct CalendarHoliday: Hashable, Sendable, Codable {
    /// The longest holiday name accepted (e.g. “国庆节、中秋节” is 6).
    public static let maxNameLength = 20

    public let date: LocalDate
    /// The holiday's name, e.g. `春节`, `国庆节`.
    public let name: String

    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case date, name
    }

    /// Strict: unknown fields are refused.
    public init(from decoder: any Decoder) throws {
        try CalendarJSON.rejectUnknownKeys(CodingKeys.self, in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(LocalDate.self, forKey: .date)
        name = try c.decode(String.self, forKey: .name)
    }
}
