/// The unit of a time limit: calendar days (日) or working days (工作日, by the official calendar).
public enum DeadlineUnit: String, Sendable, Codable, CaseIterable {
    case calendarDays = "日"
    case workingDays = "工作日"

    public var label: String { rawValue }
}
