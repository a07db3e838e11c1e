import FluentPostgresDriver
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// Which database the HTTP tests run on: SQLite (a temp file per app) by default, PostgreSQL when
/// `TEST_DATABASE_URL` is set (a fresh schema per app, so suites may run in parallel).
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// 2026-11-20 10:00 China Standard Time: the tests' "now" unless a test moves the clock.
let testNow = Date(timeIntervalSince1970: 1_795_140_000)

/// Makes an app on a fresh database, migrates it, loads the demo data (unless `demoData` is false),
/// runs `body`, and always shuts down and removes the database.
func withTestApp(demoMode: Bool = true, demoData: Bool = true, clock: FixedClock = FixedClock(testNow), recordHash: RecordHashAlgorithm = .sha256,
                 _ body: (Application, FixedClock) async throws -> Void) async throws {
    // Swift Testing runs every test in parallel; a bounded number of apps at a time keeps the
    // PostgreSQL run within its connection limit (each app holds one connection per event loop).
    await TestAppGate.shared.enter()
    defer { Task { await TestAppGate.shared.leave() } }
    let (storage, dbCleanup) = try await makeStorage()
    let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("quanze-data-\(UUID().uuidString)").path
    let cleanup: @Sendable () async throws -> Void = {
        try await dbCleanup()
        try? FileManager.default.removeItem(atPath: dataDir)
    }
    let app = try await Application.make(.testing)
    do {
        var options = AppOptions(storage: storage, autoMigrate: true, demoMode: demoMode, loadDemoData: demoData, bcryptCost: 4)
        options.postgresPoolSize = 1   // suites run in parallel, each with its own app
        options.dataDirectory = dataDir   // evidence files and the record signing key
        options.recordHash = recordHash

        try await configure(app, options: options, clock: clock)
        try await app.autoMigrate()
        if demoData { try await DemoData.loadIfEmpty(app) }
        try await body(app, clock)
    } catch {
        try? await app.asyncShutdown()
        try? await cleanup()
        throw error
    }
    try await app.asyncShutdown()
    try await cleanup()
}

/// A counting semaphore for test apps.
actor TestAppGate {
    static let shared = TestAppGate(limit: 8)
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func enter() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()   // hand the slot over
        }
    }
}

private func makeStorage() async throws -> (AppOptions.Storage, @Sendable () async throws -> Void) {
    if let url = TestDatabase.postgresURL {
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await postgresAdmin(url, "CREATE SCHEMA \(schema)")
        return (.postgres(url: url, searchPath: [String(schema)]), { try await postgresAdmin(url, "DROP SCHEMA \(schema) CASCADE") })
    }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quanze-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("quanze.sqlite").path
    return (.sqliteFile(path: path), { try? FileManager.default.removeItem(at: dir) })
}

/// Runs one statement on the test PostgreSQL outside any app (schema set-up and tear-down).
private func postgresAdmin(_ url: String, _ sql: String) async throws {
    let app = try await Application.make(.testing)
    do {
        app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url)), as: .psql)
        try await (app.db as! any SQLDatabase).raw(SQLQueryString(sql)).run()
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}
