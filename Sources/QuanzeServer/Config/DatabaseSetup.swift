import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Registers the database: an embedded SQLite file by default, PostgreSQL when `DATABASE_URL` is set.
enum DatabaseSetup {
    static func register(_ app: Application, storage: AppOptions.Storage, postgresPoolSize: Int = 4) throws {
        switch storage {
        case .sqliteFile(let path):
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            }
            app.databases.use(.sqlite(.file(path)), as: .sqlite)
        case .postgres(let url, let searchPath):
            var config = try SQLPostgresConfiguration(url: url)
            config.searchPath = searchPath
            app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: postgresPoolSize), as: .psql)
        }
    }

    /// SQLite connections are pooled one per event loop. Each gets the durability settings:
    /// WAL journal (persistent in the file), `synchronous=FULL` so that an acknowledged write
    /// survives a power loss, foreign keys on, and a bounded busy timeout.
    static func applySQLitePragmas(_ app: Application) async throws {
        guard app.databases.ids().contains(.sqlite) else { return }
        for loop in app.eventLoopGroup.makeIterator() {
            let db = app.databases.database(.sqlite, logger: app.logger, on: loop)!
            guard let sql = db as? any SQLDatabase else { continue }
            try await sql.raw("PRAGMA journal_mode = WAL").run()
            try await sql.raw("PRAGMA synchronous = FULL").run()
            try await sql.raw("PRAGMA foreign_keys = ON").run()
            try await sql.raw("PRAGMA busy_timeout = 10000").run()
        }
    }
}
