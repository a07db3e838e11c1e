import Foundation

/// A calendar date without time or zone (a day in China Standard Time).
/// Deadlines in the statutes are counted in whole days, so the domain works on these, never on `Date`.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// China Standard Time; the statutes count days in local time.
    public static let zone = TimeZone(identifier: "Asia/Shanghai")!

    private static let gregorian: Calendar = {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        return cal
    }()

    /// Returns nil when the parts do not name a real date (e.g. 2025-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let comps = DateComponents(year: year, month: month, day: day)
        guard let date = Self.gregorian.date(from: comps) else { return nil }
        let back = Self.gregorian.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The local (China Standard Time) day of an instant.
    public init(instant: Date) {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = Self.zone
        let c = cal.dateComponents([.year, .month, .day], from: instant)
        self.year = c.year!
        self.month = c.month!
        self.day = c.day!
    }

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var description: String { iso }

    /// Days since 1970-01-01 (UTC midnight based, exact for whole days).
    public var dayNumber: Int {
        let date = Self.gregorian.date(from: DateComponents(year: year, month: month, day: day))!
        return Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    public init(dayNumber: Int) {
        let date = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
        let c = Self.gregorian.dateComponents([.year, .month, .day], from: date)
        self.year = c.year!
        self.month = c.month!
        self.day = c.day!
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let w = ((dayNumber % 7) + 7 + 3) % 7
        return w + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = LocalDate(iso: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "不是有效日期（YYYY-MM-DD）：\(s)"))
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

extension LocalDate {
    /// The same day `n` months later; a day past the end of the target month becomes its last day
    /// (2026-01-31 + 1 month = 2026-02-28).
    public func adding(months n: Int) -> LocalDate {
        let total = (year * 12 + (month - 1)) + n
        let y = total / 12, m = total % 12 + 1
        var d = day
        while LocalDate(year: y, month: m, day: d) == nil { d -= 1 }
        return LocalDate(year: y, month: m, day: d)!
    }
}
