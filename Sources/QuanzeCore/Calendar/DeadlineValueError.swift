import Foundation

/// Why a deadline could not be computed.
public enum DeadlineValueError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// A period cannot be negative.
    case negativeValue(Int)
    /// Periods above `WorkCalendar.maximumPeriod` are refused (a typing error, not a statute).
    case valueTooLarge(Int)

    public var message: String {
        switch self {
        case .negativeValue(let n): return "期限不能为负数（\(n)）"
        case .valueTooLarge(let n): return "期限 \(n) 过长（最多 \(WorkCalendar.maximumPeriod)）"
        }
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
