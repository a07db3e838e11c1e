/// Walks days one by one for a computation and records what it met, for the result's flags and
/// its Chinese explanation: skipped holidays and weekends, counted 调休 working days, uncovered years.
struct CalendarDayScan {
    let calendar: WorkCalendar
    private(set) var uncoveredYears: Set<Int> = []
    private(set) var coveredYears: Set<Int> = []
    private(set) var skippedHolidays: [(day: Int, name: String)] = []
    private(set) var skippedWeekends = 0
    private(set) var adjustedDays: [(day: Int, name: String)] = []

    init(_ calendar: WorkCalendar) { self.calendar = calendar }

    /// Classifies the day and records it; returns whether it is a working day
    /// (Monday–Friday stand-in when its year is not covered).
    mutating func visit(_ day: Int) -> Bool {
        let kind = calendar.dayKind(dayNumber: day)
        switch kind {
        case .workingDay:
            break
        case .adjustedWorkingDay(let name):
            adjustedDays.append((day, name))
        case .holiday(let name):
            skippedHolidays.append((day, name))
        case .weekend:
            skippedWeekends += 1
        case .unknown:
            uncoveredYears.insert(LocalDate(dayNumber: day).year)
            let weekend = WorkCalendar.isoWeekday(dayNumber: day) >= 6
            if weekend { skippedWeekends += 1 }
            return !weekend
        }
        coveredYears.insert(LocalDate(dayNumber: day).year)
        return kind.isWorkingDay ?? false
    }

    var provisional: Bool { !uncoveredYears.isEmpty }
    var sortedUncoveredYears: [Int] { uncoveredYears.sorted() }

    /// `期间不计：国庆节、中秋节 2025-10-01至2025-10-08（8天），周末休息日1天；计入调休上班日 2025-10-11（周六，国庆节）。`
    var skippedText: String {
        var parts: [String] = []
        for run in holidayRuns() {
            let names = run.names.joined(separator: "、")
            let first = LocalDate(dayNumber: run.first).iso
            let range = run.count == 1 ? first : "\(first)至\(LocalDate(dayNumber: run.first + run.count - 1).iso)"
            parts.append("\(names) \(range)（\(run.count)天）")
        }
        if skippedWeekends > 0 { parts.append("周末休息日\(skippedWeekends)天") }
        var text = parts.isEmpty ? "" : "期间不计：\(parts.joined(separator: "，"))。"
        if !adjustedDays.isEmpty {
            let list = adjustedDays.map { d in
                let date = LocalDate(dayNumber: d.day)
                return "\(date.iso)（\(WorkCalendar.weekdayName(date.isoWeekday))，\(d.name)）"
            }
            text += "计入调休上班日 \(list.joined(separator: "、"))。"
        }
        return text
    }

    /// The notices relied on, and the provisional warning if any.
    var sourcesText: String {
        var text = ""
        let notices = coveredYears.sorted().compactMap { calendar.calendarYear($0)?.notice }
        if !notices.isEmpty { text += "放假安排依据：\(notices.joined(separator: "；"))。" }
        if provisional {
            let years = sortedUncoveredYears.map { "\($0)年" }.joined(separator: "、")
            text += "暂定：\(years)放假安排尚未公布，按周一至周五推算，公布后须重新计算。"
        }
        return text
    }

    /// Consecutive skipped holiday days grouped, with their names in order of appearance.
    private func holidayRuns() -> [(first: Int, count: Int, names: [String])] {
        var runs: [(first: Int, count: Int, names: [String])] = []
        for (day, name) in skippedHolidays {
            if let last = runs.last, last.first + last.count == day {
                runs[runs.count - 1].count += 1
                if !last.names.contains(name) { runs[runs.count - 1].names.append(name) }
            } else {
                runs.append((day, 1, [name]))
            }
        }
        return runs
    }
}

extension WorkCalendar {
    /// `dayKind` by day number, without building a `LocalDate` for covered days.
    func dayKind(dayNumber n: Int) -> DayKind {
        guard coveredDayRanges.contains(where: { $0.contains(n) }) else { return .unknown }
        if let name = holidayNames[n] { return .holiday(name) }
        if let name = adjustedNames[n] { return .adjustedWorkingDay(name) }
        return Self.isoWeekday(dayNumber: n) >= 6 ? .weekend : .workingDay
    }

    /// ISO weekday of a day number (1970-01-01, day 0, was a Thursday), as `LocalDate.isoWeekday`.
    static func isoWeekday(dayNumber n: Int) -> Int {
        ((n % 7) + 7 + 3) % 7 + 1
    }
}
