/// Deadline computation under the counting rules of statutes.md “How days are counted”:
/// - the start day is not counted (民事诉讼法 第八十五条, applied by analogy);
/// - periods in working days skip 法定节假日 and weekends but count 调休 working weekends
///   (行政处罚法 第八十五条; likewise 行政许可法 第八十二条, 行政强制法 第六十九条, 行政复议法 第八十八条);
/// - a calendar-day period whose last day is a 法定休假日 ends on the next working day
///   (民事诉讼法 第八十五条 by analogy);
/// - a year without the State Council's notice is computed as Monday–Friday but flagged provisional.
extension WorkCalendar {
    /// The longest period accepted, in either unit (longer values are typing errors).
    public static let maximumPeriod = 3660

    /// Rule for periods counted in working days.
    public static let workingDayRule = SourceRef(document: "行政处罚法", article: "第八十五条")
    /// Rule for periods counted in calendar days (start day excluded, move off a 法定休假日).
    public static let calendarDayRule = SourceRef(document: "民事诉讼法", article: "第八十五条")

    /// Dispatches on the unit: `addWorkingDays` or `calendarDeadline`.
    public func deadline(value: Int, unit: DeadlineUnit, from start: LocalDate) throws -> DeadlineResult {
        switch unit {
        case .workingDays: return try addWorkingDays(value, to: start)
        case .calendarDays: return try calendarDeadline(days: value, from: start)
        }
    }

    /// The `n`-th working day after `start` (the start day itself is not counted; n = 0 gives `start`).
    public func addWorkingDays(_ n: Int, to start: LocalDate) throws -> DeadlineResult {
        try Self.checkPeriod(n)
        var scan = CalendarDayScan(self)
        var day = start.dayNumber
        var counted = 0
        while counted < n {
            day += 1
            if scan.visit(day) { counted += 1 }
        }
        let end = LocalDate(dayNumber: day)
        let rule = Self.workingDayRule
        var text = "按工作日计算，不含法定节假日（\(rule.document)\(rule.article)）：起算日\(start.iso)当日不计入，"
        text += n == 0
            ? "期限为0个工作日，届满日即起算日\(start.iso)。"
            : "自次日起数\(n)个工作日，期限届满日为\(Self.describe(end))。"
        text += scan.skippedText + scan.sourcesText
        return DeadlineResult(start: start, value: n, unit: .workingDays, date: end, provisional: scan.provisional,
                              uncoveredYears: scan.sortedUncoveredYears, explanation: text, rule: rule)
    }

    /// `start` + `n` calendar days (start day not counted); when that last day is not a working day
    /// (a statutory holiday, or a weekend that is not a 调休 working day) it moves to the next working day.
    public func calendarDeadline(days n: Int, from start: LocalDate) throws -> DeadlineResult {
        try Self.checkPeriod(n)
        var scan = CalendarDayScan(self)
        let raw = start.dayNumber + n
        let rawKind = dayKind(dayNumber: raw)
        var day = raw
        while !scan.visit(day) { day += 1 }
        let end = LocalDate(dayNumber: day)
        let rawDate = LocalDate(dayNumber: raw)
        let rule = Self.calendarDayRule
        var text = "按日计算：起算日\(start.iso)当日不计入，期间\(n)日，末日为\(Self.describe(rawDate))。"
        if day == raw {
            if case .adjustedWorkingDay(let name) = rawKind {
                text += "末日为调休上班日（\(name)），即期限届满日。"
            } else {
                text += "末日为工作日，即期限届满日。"
            }
        } else {
            let what = rawKind == .unknown ? "周末休息日（按周一至周五推算）" : rawKind.label
            text += "末日为\(what)，依照\(rule.document)\(rule.article)（类推适用）顺延至其后第一个工作日"
            text += "\(Self.describe(end))，即期限届满日。"
        }
        text += scan.sourcesText
        return DeadlineResult(start: start, value: n, unit: .calendarDays, date: end,
                              movedFrom: day == raw ? nil : rawDate, provisional: scan.provisional,
                              uncoveredYears: scan.sortedUncoveredYears, explanation: text, rule: rule)
    }

    /// Working days in (a, b]: `a` excluded, `b` included; 0 when `b` is not after `a`.
    public func workingDays(from a: LocalDate, to b: LocalDate) -> WorkingDayCount {
        var scan = CalendarDayScan(self)
        var count = 0
        let last = b.dayNumber
        var day = a.dayNumber
        while day < last {
            day += 1
            if scan.visit(day) { count += 1 }
        }
        return WorkingDayCount(from: a, to: b, count: count, provisional: scan.provisional,
                               uncoveredYears: scan.sortedUncoveredYears)
    }

    private static func checkPeriod(_ n: Int) throws {
        guard n >= 0 else { throw DeadlineValueError.negativeValue(n) }
        guard n <= maximumPeriod else { throw DeadlineValueError.valueTooLarge(n) }
    }

    /// `2025-10-14（周二）`
    static func describe(_ date: LocalDate) -> String {
        "\(date.iso)（\(weekdayName(date.isoWeekday))）"
    }
}
