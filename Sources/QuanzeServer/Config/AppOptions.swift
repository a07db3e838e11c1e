import Foundation
import QuanzeCore

/// Everything the app reads from its environment, read in one place.
public struct AppOptions: Sendable {
    public enum Storage: Sendable, Equatable {
        case sqliteFile(path: String)
        /// `searchPath` selects a schema (tests give each app its own).
        case postgres(url: String, searchPath: [String]? = nil)
    }

    public var storage: Storage
    /// Run migrations automatically when serving (QUANZE_AUTO_MIGRATE=0 turns it off; `--no-auto-migrate`).
    public var autoMigrate: Bool
    /// Demo mode: demo accounts may sign in (`serve --demo` or QUANZE_DEMO=1).
    public var demoMode: Bool
    /// Load the demo data set into an empty database at start-up (`serve --demo`).
    public var loadDemoData: Bool
    /// bcrypt cost (QUANZE_BCRYPT_COST; 12 by default, tests use 4).
    public var bcryptCost: Int
    /// Mark cookies `Secure` (QUANZE_COOKIE_SECURE=1 behind TLS).
    public var secureCookies: Bool
    /// PostgreSQL connections per event loop (QUANZE_PG_POOL, default 4; tests use 1).
    public var postgresPoolSize: Int = 4
    /// 预警: a due date this many days ahead or nearer shows yellow (QUANZE_WARNING_DAYS, default 3).
    public var warningDays: Int = 3
    /// Demo cases generated with the demo data (QUANZE_DEMO_CASES; 2000 for `serve --demo`, 24 in tests).
    public var demoCaseCount: Int = 24
    /// Evidence files and the generated record signing key live here (QUANZE_DATA_DIR, default `./data`;
    /// with SQLite, the database file's folder).
    public var dataDirectory: String
    /// The 全过程记录 hash (QUANZE_RECORD_HASH=sha256|sm3, default sha256).
    public var recordHash: RecordHashAlgorithm = .sha256
    /// The platform's Ed25519 record signing key, base64 of the 32-byte raw key (QUANZE_RECORD_KEY).
    /// Without it a key file is generated in `dataDirectory` on first use.
    public var recordKey: String?
    /// The checkpoint origin line and signing key name (QUANZE_RECORD_ORIGIN).
    public var recordOrigin: String = "quanze/records"
    /// Anonymous portal submissions (投诉举报, 执法评议卡) per client address and window
    /// (QUANZE_PORTAL_RATE_LIMIT, default 20; 0 = no limit) and the window in minutes
    /// (QUANZE_PORTAL_RATE_WINDOW, default 10). Over the limit: 429 RATE_LIMITED.
    public var portalRateLimit: Int = 20
    public var portalRateWindowMinutes: Int = 10

    public init(storage: Storage, autoMigrate: Bool = true, demoMode: Bool = false,
                loadDemoData: Bool = false, bcryptCost: Int = 12, secureCookies: Bool = false) {
        self.storage = storage
        self.autoMigrate = autoMigrate
        self.demoMode = demoMode
        self.loadDemoData = loadDemoData
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        if case .sqliteFile(let path) = storage {
            let dir = (path as NSString).deletingLastPathComponent
            self.dataDirectory = dir.isEmpty ? "." : dir
        } else {
            self.dataDirectory = "./data"
        }
    }

    /// Reads `DATABASE_URL` (postgres://…), `QUANZE_DATA_DIR` (default `./data`), `QUANZE_AUTO_MIGRATE`,
    /// `QUANZE_DEMO`, `QUANZE_BCRYPT_COST`, `QUANZE_COOKIE_SECURE`,
    /// `QUANZE_RECORD_HASH`, `QUANZE_RECORD_KEY`, `QUANZE_RECORD_ORIGIN`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> AppOptions {
        let storage: Storage
        if let url = env["DATABASE_URL"], url.hasPrefix("postgres") {
            storage = .postgres(url: url)
        } else {
            let dir = env["QUANZE_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
            storage = .sqliteFile(path: (dir as NSString).appendingPathComponent("quanze.sqlite"))
        }
        let demo = env["QUANZE_DEMO"] == "1"
        var options = AppOptions(
            storage: storage,
            autoMigrate: env["QUANZE_AUTO_MIGRATE"] != "0",
            demoMode: demo,
            loadDemoData: demo,
            bcryptCost: env["QUANZE_BCRYPT_COST"].flatMap(Int.init).map { min(max($0, 4), 16) } ?? 12,
            secureCookies: env["QUANZE_COOKIE_SECURE"] == "1"
        )
        options.demoCaseCount = env["QUANZE_DEMO_CASES"].flatMap(Int.init).map { min(max($0, 0), 200_000) } ?? 2000
        options.warningDays = env["QUANZE_WARNING_DAYS"].flatMap(Int.init).map { min(max($0, 0), 60) } ?? 3
        options.postgresPoolSize = env["QUANZE_PG_POOL"].flatMap(Int.init).map { min(max($0, 1), 64) } ?? 4
        options.dataDirectory = env["QUANZE_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        options.recordHash = env["QUANZE_RECORD_HASH"].flatMap(RecordHashAlgorithm.init(rawValue:)) ?? .sha256
        options.recordKey = env["QUANZE_RECORD_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        if let origin = env["QUANZE_RECORD_ORIGIN"], !origin.isEmpty { options.recordOrigin = origin }
        options.portalRateLimit = env["QUANZE_PORTAL_RATE_LIMIT"].flatMap(Int.init).map { min(max($0, 0), 1_000_000) } ?? 20
        options.portalRateWindowMinutes = env["QUANZE_PORTAL_RATE_WINDOW"].flatMap(Int.init).map { min(max($0, 1), 1440) } ?? 10
        return options
    }
}
