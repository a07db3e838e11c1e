/// A computed deadline with everything the UI shows next to it: the rule, the explanation in Chinese,
/// and whether it is provisional because a year's holiday notice is not yet published.
public struct DeadlineResult: Hashable, Sendable, Codable {
    /// The day the period starts from (not itself counted).
    public let start: LocalDate
    /// The length of the period.
    public let value: Int
    public let unit: DeadlineUnit
    /// The last day of the period (期限届满日).
    public let date: LocalDate
    /// For calendar-day periods: the raw last day when it fell on a 法定休假日 and was moved; else nil.
    public let movedFrom: LocalDate?
    /// True when a day in a year without data was involved (computed with Monday–Friday as a stand-in).
    public let provisional: Bool
    /// The years without data that the computation touched, ascending.
    public let uncoveredYears: [Int]
    /// Chinese explanation: the counting rule, skipped holidays, any move off a holiday, provisional note.
    public let explanation: String
    /// The statute whose counting rule was applied.
    public let rule: SourceRef

    public init(start: LocalDate, value: Int, unit: DeadlineUnit, date: LocalDate, movedFrom: LocalDate? = nil,
                provisional: Bool, uncoveredYears: [Int], explanation: String, rule: SourceRef) {
        self.start = start
        self.value = value
        self.unit = unit
        self.date = date
        self.movedFrom = movedFrom
        self.provisional = provisional
        self.uncoveredYears = uncoveredYears
        self.explanation = explanation
        self.rule = rule
    }
}

/// The number of working days in (from, to]: `from` excluded, `to` included.
public struct WorkingDayCount: Hashable, Sendable, Codable {
    public let from: LocalDate
    public let to: LocalDate
    /// Working days in the interval; 0 when `to` is not after `from`.
    public let count: Int
    /// True when a day in a year without data was counted with the Monday–Friday stand-in.
    public let provisional: Bool
    /// The years without data inside the interval, ascending.
    public let uncoveredYears: [Int]

    public init(from: LocalDate, to: LocalDate, count: Int, provisional: Bool, uncoveredYears: [Int]) {
        self.from = from
        self.to = to
        self.count = count
        self.provisional = provisional
        self.uncoveredYears = uncoveredYears
    }
}
