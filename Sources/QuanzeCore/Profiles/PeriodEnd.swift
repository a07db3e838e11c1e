/// Where a period that starts on a day ends. Months and years keep the day number
/// (`LocalDate.adding(months:)`, clamped to the month's end).
extension PeriodUnit {
    /// Counted on the calendar alone: 日 as whole days; 工作日 cannot be counted without the
    /// official calendar and gives nil. Used for internal periods (a suspension's decision, rotation).
    public func end(of value: Int, from start: LocalDate) -> LocalDate? {
        switch self {
        case .months: return start.adding(months: value)
        case .years: return start.adding(months: 12 * value)
        case .calendarDays: return start.adding(days: value)
        case .workingDays: return nil
        }
    }
}

extension DeadlineRule {
    /// The due date of a statutory period from `start`: 日 and 工作日 on the official working-day
    /// calendar (statutes.md counting rules), months and years by day number.
    public func due(from start: LocalDate, calendar: WorkCalendar) throws -> LocalDate {
        guard let unit = unit.deadlineUnit else { return unit.end(of: value, from: start)! }
        return try calendar.deadline(value: value, unit: unit, from: start).date
    }
}
