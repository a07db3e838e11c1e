/// What a day is under the official calendar.
public enum DayKind: Hashable, Sendable {
    /// Monday to Friday, no holiday.
    case workingDay
    /// Saturday or Sunday that is not a 调休 working day.
    case weekend
    /// A day off under the State Council's notice (法定节假日, including bridged days), with the holiday's name.
    case holiday(String)
    /// A Saturday or Sunday that is a working day (调休上班), with the holiday it belongs to.
    case adjustedWorkingDay(String)
    /// The year's notice is not (yet) in the calendar.
    case unknown

    /// Whether the day counts as a working day; nil for `.unknown`.
    public var isWorkingDay: Bool? {
        switch self {
        case .workingDay, .adjustedWorkingDay: return true
        case .weekend, .holiday: return false
        case .unknown: return nil
        }
    }

    /// Chinese label, e.g. `工作日`, `法定节假日（国庆节）`, `调休上班日（国庆节）`.
    public var label: String {
        switch self {
        case .workingDay: return "工作日"
        case .weekend: return "周末休息日"
        case .holiday(let name): return "法定节假日（\(name)）"
        case .adjustedWorkingDay(let name): return "调休上班日（\(name)）"
        case .unknown: return "放假安排未公布"
        }
    }
}
