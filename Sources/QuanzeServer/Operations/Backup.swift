import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// `quanze backup <folder>` and `quanze restore <folder>` (issue 7 item 5).
///
/// Backup, while the server runs: signs a 全过程记录 checkpoint of the log as it is now, then copies
/// the database consistently — SQLite with `VACUUM INTO` (one read transaction: a snapshot that
/// contains at least the checkpointed log), PostgreSQL with `pg_dump` (one snapshot) — and the
/// evidence files (content-addressed, never rewritten) and the record signing key file, and writes
/// `manifest.json` with every file's SHA-256 and the checkpoint.
///
/// Restore, with the server stopped: checks every file against the manifest, puts the database in
/// place (SQLite: a new file moved over the configured path; PostgreSQL: `pg_restore --clean` into
/// `DATABASE_URL`), copies the evidence and key, then opens the restored database afresh and checks
/// that the log still has the backup's checkpoint — the same root hash at the same size — and that
/// `records verify` and `audit verify` pass.
enum Backup {
    static let databaseFile = "quanze.sqlite"
    static let dumpFile = "quanze.pgdump"
    static let evidenceFolder = "evidence"
    static let keyFile = "record-signing.key"

    // MARK: backup

    static func create(app: Application, into folder: String, now: Date) async throws -> BackupManifest {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: folder), !existing.isEmpty { throw BackupError.folderNotEmpty(folder) }
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let settings = app.services.records
        let cp = try await RecordLog.signCheckpoint(settings: settings, now: now, on: app.db)
        var files: [String] = []
        switch app.services.options.storage {
        case .sqliteFile:
            guard let sql = app.db as? any SQLDatabase else { throw RecordLogError.notSQL }
            let target = (folder as NSString).appendingPathComponent(databaseFile)
            try await sql.raw("VACUUM INTO \(unsafeRaw: quoted(target))").run()
            files.append(databaseFile)
        case .postgres(let url, let searchPath):
            let target = (folder as NSString).appendingPathComponent(dumpFile)
            var args = ["--format=custom", "--no-owner", "--file=\(target)"]
            for schema in searchPath ?? [] { args.append("--schema=\(schema)") }
            args.append(url)
            try run(tool: "pg_dump", args)
            files.append(dumpFile)
        }
        let evidence = settings.evidenceDirectory
        if fm.fileExists(atPath: evidence) {
            for relative in try regularFiles(under: evidence) where !relative.hasPrefix("tmp/") {
                let dest = (folder as NSString).appendingPathComponent("\(evidenceFolder)/\(relative)")
                try fm.createDirectory(atPath: (dest as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try fm.copyItem(atPath: (evidence as NSString).appendingPathComponent(relative), toPath: dest)
                files.append("\(evidenceFolder)/\(relative)")
            }
        }
        if fm.fileExists(atPath: settings.keyFile) {
            let dest = (folder as NSString).appendingPathComponent(keyFile)
            try fm.copyItem(atPath: settings.keyFile, toPath: dest)
            try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dest)
            files.append(keyFile)
        }
        let manifest = BackupManifest(
            format: BackupManifest.currentFormat, createdAt: ISO8601DateFormatter().string(from: now),
            storage: storageName(app.services.options.storage),
            checkpoint: .init(treeSize: cp.treeSize, rootHash: cp.rootHash, algorithm: cp.algorithm, note: cp.note),
            files: try files.sorted().map { path in
                let (hex, bytes) = try BackupManifest.sha256(ofFileAt: (folder as NSString).appendingPathComponent(path))
                return .init(path: path, sha256: hex, bytes: bytes)
            })
        try manifest.write(to: folder)
        return manifest
    }

    // MARK: restore

    struct RestoreReport: Sendable {
        var manifest: BackupManifest
        var recordsSummary: String
        var auditSummary: String
    }

    /// Restores `folder` into the storage of `options`. The server must be stopped. `force` allows
    /// replacing an existing SQLite database file.
    static func restore(from folder: String, options: AppOptions, force: Bool) async throws -> RestoreReport {
        let manifest = try BackupManifest.read(from: folder)
        let damaged = manifest.damagedFiles(in: folder)
        guard damaged.isEmpty else { throw BackupError.damaged(damaged) }
        let target = storageName(options.storage)
        guard manifest.storage == target else { throw BackupError.storageMismatch(backup: manifest.storage, target: target) }
        let fm = FileManager.default
        switch options.storage {
        case .sqliteFile(let path):
            if fm.fileExists(atPath: path), !force { throw BackupError.targetExists(path) }
            let dir = (path as NSString).deletingLastPathComponent
            try fm.createDirectory(atPath: dir.isEmpty ? "." : dir, withIntermediateDirectories: true)
            let staging = path + ".restoring"
            try? fm.removeItem(atPath: staging)
            try fm.copyItem(atPath: (folder as NSString).appendingPathComponent(databaseFile), toPath: staging)
            for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
            // rename(2) replaces the file in one step: a crash leaves the old or the new database, never half of one.
            guard rename(staging, path) == 0 else { throw BackupError.toolFailed("rename", String(cString: strerror(errno))) }
        case .postgres(let url, let searchPath):
            var args = ["--clean", "--if-exists", "--no-owner", "--exit-on-error", "--dbname=\(url)"]
            for schema in searchPath ?? [] { args.append("--schema=\(schema)") }
            args.append((folder as NSString).appendingPathComponent(dumpFile))
            try run(tool: "pg_restore", args)
        }
        let evidence = (options.dataDirectory as NSString).appendingPathComponent("evidence")
        for file in manifest.files where file.path.hasPrefix("\(evidenceFolder)/") {
            let dest = (evidence as NSString).appendingPathComponent(String(file.path.dropFirst(evidenceFolder.count + 1)))
            guard !fm.fileExists(atPath: dest) else { continue }   // content-addressed: same name, same bytes
            try fm.createDirectory(atPath: (dest as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try fm.copyItem(atPath: (folder as NSString).appendingPathComponent(file.path), toPath: dest)
        }
        if manifest.files.contains(where: { $0.path == keyFile }), options.recordKey == nil {
            let dest = (options.dataDirectory as NSString).appendingPathComponent(keyFile)
            if !fm.fileExists(atPath: dest) {
                try fm.createDirectory(atPath: options.dataDirectory, withIntermediateDirectories: true)
                try fm.copyItem(atPath: (folder as NSString).appendingPathComponent(keyFile), toPath: dest)
                try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dest)
            }
        }
        return try await verifyRestored(manifest, options: options)
    }

    /// Opens the restored database in a fresh application and checks the checkpoint and both chains.
    static func verifyRestored(_ manifest: BackupManifest, options: AppOptions) async throws -> RestoreReport {
        let app = try await Application.make(.init(name: "restore", arguments: ["quanze"]))
        do {
            var opts = options
            opts.autoMigrate = false
            opts.loadDemoData = false
            try await configure(app, options: opts)
            let settings = app.services.records
            let cp = manifest.checkpoint
            let size = try await RecordLog.size(on: app.db)
            guard size >= cp.treeSize else {
                throw BackupError.checkpointMismatch("记录共 \(size) 条，少于检查点的 \(cp.treeSize) 条")
            }
            let algorithm = RecordHashAlgorithm(rawValue: cp.algorithm) ?? settings.algorithm
            let root = MerkleTree(algorithm: algorithm).root(try await RecordLog.leafHashes(size: cp.treeSize, on: app.db))
            guard Hex.encode(root) == cp.rootHash else {
                throw BackupError.checkpointMismatch("前 \(cp.treeSize) 条记录的根哈希为 \(Hex.encode(root))，检查点为 \(cp.rootHash)")
            }
            let records = try await RecordVerifier.verify(settings: settings, on: app.db)
            guard records.ok else { throw BackupError.verifyFailed(records.problems.map(\.description)) }
            let audit = try await AuditQueries.verify(on: app.db)
            guard audit.ok else { throw BackupError.verifyFailed([audit.summary]) }
            try await app.asyncShutdown()
            return RestoreReport(manifest: manifest, recordsSummary: records.summary, auditSummary: audit.summary)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    // MARK: helpers

    static func storageName(_ s: AppOptions.Storage) -> String {
        switch s {
        case .sqliteFile: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// A SQL string literal.
    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

    static func regularFiles(under root: String) throws -> [String] {
        guard let e = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(rel), isDirectory: &isDir), !isDir.boolValue {
                out.append(rel)
            }
        }
        return out.sorted()
    }

    /// The PostgreSQL client tool: `QUANZE_PG_BIN/<tool>`, else on PATH, else Debian's versioned folder.
    static func toolPath(_ tool: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let bin = env["QUANZE_PG_BIN"], !bin.isEmpty { candidates.append((bin as NSString).appendingPathComponent(tool)) }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") { candidates.append("\(dir)/\(tool)") }
        if let versions = try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            for v in versions.sorted().reversed() { candidates.append("/usr/lib/postgresql/\(v)/bin/\(tool)") }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(tool: String, _ arguments: [String]) throws {
        guard let path = toolPath(tool) else { throw BackupError.toolMissing(tool) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let output = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            // Never echo the connection URL (it may hold a password).
            throw BackupError.toolFailed(tool, String(decoding: output.prefix(2000), as: UTF8.self))
        }
    }
}
