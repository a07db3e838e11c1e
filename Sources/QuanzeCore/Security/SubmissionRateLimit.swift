import Foundation

/// A sliding-window counter for anonymous portal submissions (投诉举报, 执法评议卡), the per-client
/// counterpart of `LoginThrottle`'s per-account counter. Pure: the caller passes the clock's `now`.
///
/// At most `limit` submissions within any `window` seconds; the one over the limit is refused and
/// not counted. `limit <= 0` means no limit.
public struct SubmissionRateLimit: Sendable, Equatable {
    public private(set) var hits: [Date]

    public init(hits: [Date] = []) { self.hits = hits }

    /// Records a submission at `now` when allowed; returns false (nothing recorded) when over the limit.
    public mutating func admit(at now: Date, limit: Int, window: TimeInterval) -> Bool {
        guard limit > 0 else { return true }
        hits.removeAll { $0 <= now.addingTimeInterval(-window) }
        guard hits.count < limit else { return false }
        hits.append(now)
        return true
    }

    /// Whole seconds until the oldest counted submission leaves the window (rounded up), 0 when none.
    public func retryAfter(at now: Date, window: TimeInterval) -> Int {
        guard let first = hits.first else { return 0 }
        return max(0, Int(first.addingTimeInterval(window).timeIntervalSince(now).rounded(.up)))
    }

    /// No submission inside the window any more (the entry can be dropped).
    public func isIdle(at now: Date, window: TimeInterval) -> Bool {
        hits.allSatisfy { $0 <= now.addingTimeInterval(-window) }
    }
}
