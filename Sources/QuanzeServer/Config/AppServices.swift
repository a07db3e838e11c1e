import QuanzeCore
import Vapor

/// Long-lived services shared by all requests: the clock, rule profiles, the calendar, the audit writer.
struct AppServices: Sendable {
    let options: AppOptions
    let clock: any NowProvider
    let profiles: ProfileRegistry
    let calendar: CalendarStore
    let audit: AuditWriter
    let policy: PolicyCache
    let records: RecordSettings
    /// Anonymous portal submissions per client address (投诉举报, 执法评议卡).
    var portalRateLimiter = PortalRateLimiter()
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = AppServices }

    var services: AppServices {
        get {
            guard let s = storage[ServicesKey.self] else { fatalError("configure(_:) has not run") }
            return s
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var services: AppServices { application.services }
    /// "Now" from the injected clock. Never call `Date()` in handlers.
    var now: Date { application.services.clock.now() }
}
