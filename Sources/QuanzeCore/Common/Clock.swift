import Foundation

/// The source of "now". Domain and controller code never call `Date()`; they ask a clock,
/// so tests can stand on any day of the calendar.
public protocol NowProvider: Sendable {
    func now() -> Date
}

public struct SystemClock: NowProvider {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that tests can set and advance.
public final class FixedClock: NowProvider, @unchecked Sendable {
    private var current: Date
    private let lock = NSLock()
    public init(_ date: Date) { current = date }
    public func now() -> Date { lock.withLock { current } }
    public func set(_ date: Date) { lock.withLock { current = date } }
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}
