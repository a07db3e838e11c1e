import Foundation
import QuanzeCore
import Vapor

/// Per-client-address limit on anonymous portal submissions (投诉举报 and 执法评议卡, on the portal
/// pages and the public API): at most `QUANZE_PORTAL_RATE_LIMIT` (default 20) submissions per
/// `QUANZE_PORTAL_RATE_WINDOW` minutes (default 10) per address and kind; the next one is refused
/// with 429 `RATE_LIMITED`. In memory (one server process); the address is the TCP peer's.
actor PortalRateLimiter {
    enum Kind: String, Sendable { case complaint, evaluation }

    private var buckets: [String: SubmissionRateLimit] = [:]

    /// Admits one submission or returns the seconds to wait.
    func admit(kind: Kind, client: String, now: Date, limit: Int, window: TimeInterval) -> Int? {
        let key = "\(kind.rawValue)|\(client)"
        var bucket = buckets[key] ?? SubmissionRateLimit()
        let ok = bucket.admit(at: now, limit: limit, window: window)
        buckets[key] = bucket
        if buckets.count > 10_000 { buckets = buckets.filter { !$0.value.isIdle(at: now, window: window) } }
        return ok ? nil : max(1, bucket.retryAfter(at: now, window: window))
    }
}

extension Request {
    /// Counts one anonymous submission of `kind` for the client's address; 429 RATE_LIMITED over the limit.
    func requirePortalRate(_ kind: PortalRateLimiter.Kind) async throws {
        let options = services.options
        guard options.portalRateLimit > 0 else { return }
        let client = remoteAddress?.ipAddress ?? "unknown"
        let window = TimeInterval(options.portalRateWindowMinutes * 60)
        if let wait = await services.portalRateLimiter.admit(kind: kind, client: client, now: now, limit: options.portalRateLimit, window: window) {
            let what = kind == .complaint ? "投诉举报" : "评议"
            let minutes = max(1, (wait + 59) / 60)
            var e = AppError("RATE_LIMITED", .tooManyRequests,
                             "提交过于频繁：同一网络地址每 \(options.portalRateWindowMinutes) 分钟最多提交 \(options.portalRateLimit) 次\(what)，请约 \(minutes) 分钟后再试")
            e.headers.replaceOrAdd(name: .retryAfter, value: "\(wait)")
            throw e
        }
    }
}
