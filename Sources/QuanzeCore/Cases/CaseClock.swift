/// One running time limit of a case (e.g. 作出处罚决定 within 90 日 of 立案, 行政处罚法 第六十条) and
/// what moves it: 中止 stops the clock and the suspended days are added back on resumption; an
/// approved 延期 adds at most the rule's cap. The due date is always recomputed from the start on
/// the working-day calendar, so a holiday at the end still moves it (statutes.md).
public struct CaseClock: Codable, Sendable, Hashable {
    public var start: LocalDate
    public var value: Int
    public var unit: DeadlineUnit
    /// Days (in `unit`) the clock stood still in finished suspensions.
    public var suspendedDays: Int
    /// Days (in `unit`) granted by approved extensions.
    public var extendedBy: Int
    /// The day a current suspension began; nil while running.
    public var suspendedSince: LocalDate?

    public init(start: LocalDate, value: Int, unit: DeadlineUnit) {
        self.start = start
        self.value = value
        self.unit = unit
        self.suspendedDays = 0
        self.extendedBy = 0
        self.suspendedSince = nil
    }

    public var isSuspended: Bool { suspendedSince != nil }

    /// The due date now (a suspended clock shows the date it would have if resumed today is not known,
    /// so it shows the date as of the suspension).
    public func due(calendar: WorkCalendar) throws -> DeadlineResult {
        try calendar.deadline(value: value + suspendedDays + extendedBy, unit: unit, from: start)
    }

    public mutating func suspend(on day: LocalDate) throws(CaseRuleViolation) {
        guard suspendedSince == nil else { throw CaseRuleViolation("CLOCK_ALREADY_SUSPENDED", "期限已中止计算，不能重复中止") }
        guard start <= day else { throw CaseRuleViolation("VALIDATION_FAILED", "中止日期不能早于期限起算日 \(start.iso)") }
        suspendedSince = day
    }

    /// Resumes; the days in (suspension day, resumption day] are not counted.
    public mutating func resume(on day: LocalDate, calendar: WorkCalendar) throws(CaseRuleViolation) {
        guard let since = suspendedSince else { throw CaseRuleViolation("CLOCK_NOT_SUSPENDED", "期限未中止，无需恢复") }
        guard since <= day else { throw CaseRuleViolation("VALIDATION_FAILED", "恢复日期不能早于中止日期 \(since.iso)") }
        switch unit {
        case .calendarDays: suspendedDays += day.dayNumber - since.dayNumber
        case .workingDays: suspendedDays += calendar.workingDays(from: since, to: day).count
        }
        suspendedSince = nil
    }

    /// Adds an approved extension; the total may not exceed `cap` (nil: the rule allows none).
    public mutating func extend(by days: Int, cap: Int?, rule: SourceRef) throws(CaseRuleViolation) {
        guard let cap else {
            throw CaseRuleViolation("EXTENSION_NOT_ALLOWED", "该期限依法不得延长", source: rule)
        }
        guard days > 0 else { throw CaseRuleViolation("VALIDATION_FAILED", "延长天数应为正整数") }
        guard extendedBy + days <= cap else {
            throw CaseRuleViolation("EXTENSION_EXCEEDS_CAP", "延长期限累计不得超过\(cap)\(unit.label)（已延长\(extendedBy)\(unit.label)）", source: rule)
        }
        extendedBy += days
    }
}

/// 预警 level of a due date: yellow within the warning window, red once passed.
public enum WarningLevel: String, Codable, Sendable, Comparable, CaseIterable {
    case none, yellow, red

    public var label: String {
        switch self {
        case .none: "正常"
        case .yellow: "临近期限"
        case .red: "已超期"
        }
    }

    public static func < (a: WarningLevel, b: WarningLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// `today` past `due` → red; within `window` days before → yellow.
    public static func of(due: LocalDate, today: LocalDate, window: Int) -> WarningLevel {
        if today > due { return .red }
        if due.dayNumber - today.dayNumber <= window { return .yellow }
        return .none
    }
}
