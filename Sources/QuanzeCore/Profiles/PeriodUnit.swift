import Foundation

/// The unit of a period in a rule profile. Days and working days are exactly `DeadlineUnit`;
/// months and years exist because some texts say "一个月内" (吉政办发〔2016〕91号 三(二)) or
/// "六个月内" (行政诉讼法 第四十六条), which are not a fixed number of days.
public enum PeriodUnit: String, Sendable, Hashable, StrictStringEnum {
    case calendarDays = "日"
    case workingDays = "工作日"
    case months = "月"
    case years = "年"

    public init(from decoder: any Decoder) throws { self = try Self.strictDecode(from: decoder) }

    public init(_ unit: DeadlineUnit) {
        switch unit {
        case .calendarDays: self = .calendarDays
        case .workingDays: self = .workingDays
        }
    }

    /// The day-based unit the deadline engine counts with, or nil for months and years
    /// (counted by calendar month: the same day number in the target month).
    public var deadlineUnit: DeadlineUnit? {
        switch self {
        case .calendarDays: .calendarDays
        case .workingDays: .workingDays
        case .months, .years: nil
        }
    }

    /// How a value in this unit reads in Chinese: 90日, 7个工作日, 1个月, 2年.
    public func format(_ value: Int) -> String {
        switch self {
        case .calendarDays: "\(value)日"
        case .workingDays: "\(value)个工作日"
        case .months: "\(value)个月"
        case .years: "\(value)年"
        }
    }

    /// The shortest and longest number of calendar days `value` of this unit can span.
    /// Used only to compare periods written in different units; a working day may stretch
    /// over weekends and the longest public holiday (8 days around 春节 or 国庆).
    func calendarSpan(_ value: Int) -> ClosedRange<Int> {
        switch self {
        case .calendarDays: value...value
        case .workingDays: value...(value + 2 * ((value + 4) / 5) + 8)
        case .months: (28 * value)...(31 * value)
        case .years: (365 * value)...(366 * value)
        }
    }
}

/// Which way a period binds, and so which way a child profile may change it.
public enum DeadlineBound: String, Sendable, Hashable, StrictStringEnum {
    /// The body must act within it (e.g. 行政处罚法 第六十条 90日). A child may shorten it, never lengthen it.
    case atMost = "上限"
    /// At least this long (e.g. a hearing notified 7 working days before it is held). A child may lengthen it, never shorten it.
    case atLeast = "下限"
    /// A period the law gives the party (e.g. 行政复议法 第二十条 60日 to apply). A child may not change it.
    case fixed = "固定"

    public init(from decoder: any Decoder) throws { self = try Self.strictDecode(from: decoder) }
}
