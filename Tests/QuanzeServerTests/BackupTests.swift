import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Testing
import Vapor
@testable import QuanzeServer

/// `quanze backup` / `quanze restore` round trip on the suite's database (SQLite file, or the test's
/// PostgreSQL schema with pg_dump / pg_restore).
@Suite("备份与恢复 backup and restore")
struct BackupTests {
    static func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("quanze-\(name)-\(UUID().uuidString)").path
    }

    @Test("a backup taken while serving restores with the same checkpoint, and a damaged backup is refused")
    func roundTrip() async throws {
        try await withTestApp { app, clock in
            let folder = Self.temp("backup")
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let manifest = try await Backup.create(app: app, into: folder, now: clock.now())
            let sizeNow = try await RecordLog.size(on: app.db)
            #expect(manifest.checkpoint.treeSize > 0 && manifest.checkpoint.treeSize == sizeNow)
            #expect(manifest.files.contains { $0.path == Backup.databaseFile || $0.path == Backup.dumpFile })
            #expect(manifest.damagedFiles(in: folder).isEmpty)
            // A second backup into the same folder is refused rather than mixed in.
            await #expect(throws: BackupError.folderNotEmpty(folder)) { _ = try await Backup.create(app: app, into: folder, now: clock.now()) }
            // Work after the backup is not in it: the restored log ends at the checkpoint.
            let before = try await RecordLog.size(on: app.db)
            _ = try await RecordLog.append(stream: "test:backup", kind: "test.after_backup", payload: ["n": "1"], actor: "测试",
                                           algorithm: app.services.records.algorithm, now: clock.now(), on: app.db)
            let afterAppend = try await RecordLog.size(on: app.db)
            #expect(afterAppend == before + 1)

            var options = app.services.options
            options.dataDirectory = Self.temp("restored-data")
            defer { try? FileManager.default.removeItem(atPath: options.dataDirectory) }
            if case .sqliteFile = options.storage {
                let path = (options.dataDirectory as NSString).appendingPathComponent("quanze.sqlite")
                options.storage = .sqliteFile(path: path)
            }
            let report = try await Backup.restore(from: folder, options: options, force: true)
            #expect(report.manifest == manifest)
            #expect(report.recordsSummary.contains("\(manifest.checkpoint.treeSize)"))
            if case .sqliteFile(let path) = options.storage {
                // Restoring over an existing database needs --force.
                await #expect(throws: BackupError.targetExists(path)) { _ = try await Backup.restore(from: folder, options: options, force: false) }
            } else {
                let restored = try await RecordLog.size(on: app.db)
                #expect(restored == manifest.checkpoint.treeSize, "pg_restore put the schema back")
            }

            // One changed byte in the copied database: refused before anything is touched.
            let db = manifest.files.first { $0.path == Backup.databaseFile || $0.path == Backup.dumpFile }!.path
            let dbPath = (folder as NSString).appendingPathComponent(db)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: dbPath))
            bytes[bytes.count / 2] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: dbPath))
            await #expect(throws: BackupError.damaged([db])) { _ = try await Backup.restore(from: folder, options: options, force: true) }
        }
    }
}
