import Crypto
import Foundation

/// `manifest.json` of a backup folder: what was copied, each file's SHA-256, and the 全过程记录
/// checkpoint signed at the moment of the backup (its tree size and root hash), which the restore
/// verifies against the restored log.
struct BackupManifest: Codable, Sendable, Equatable {
    struct Checkpoint: Codable, Sendable, Equatable {
        var treeSize: Int64
        var rootHash: String
        var algorithm: String
        /// The signed note as published (`quanze records checkpoint`).
        var note: String
    }

    struct File: Codable, Sendable, Equatable {
        /// Relative to the backup folder.
        var path: String
        var sha256: String
        var bytes: Int
    }

    static let fileName = "manifest.json"
    static let currentFormat = 1

    var format: Int
    var createdAt: String
    /// `sqlite` or `postgres`.
    var storage: String
    var checkpoint: Checkpoint
    var files: [File]

    static func sha256(ofFileAt path: String) throws -> (hex: String, bytes: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BackupError.unreadable(path) }
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            bytes += chunk.count
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), bytes)
    }

    func write(to folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(Self.fileName)))
    }

    static func read(from folder: String) throws -> BackupManifest {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else { throw BackupError.noManifest(path) }
        let m = try JSONDecoder().decode(BackupManifest.self, from: data)
        guard m.format == currentFormat else { throw BackupError.unsupportedFormat(m.format) }
        return m
    }

    /// Files whose content no longer matches (changed, truncated or missing), by relative path.
    func damagedFiles(in folder: String) -> [String] {
        files.compactMap { f in
            let full = (folder as NSString).appendingPathComponent(f.path)
            guard let (hex, bytes) = try? Self.sha256(ofFileAt: full), hex == f.sha256, bytes == f.bytes else { return f.path }
            return nil
        }
    }
}

/// A backup or restore refused, with a Chinese reason.
enum BackupError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case noManifest(String)
    case unsupportedFormat(Int)
    case folderNotEmpty(String)
    case damaged([String])
    case storageMismatch(backup: String, target: String)
    case targetExists(String)
    case toolMissing(String)
    case toolFailed(String, String)
    case checkpointMismatch(String)
    case verifyFailed([String])

    var description: String {
        switch self {
        case .unreadable(let p): "无法读取文件：\(p)"
        case .noManifest(let p): "备份目录中没有清单文件：\(p)"
        case .unsupportedFormat(let f): "不支持的备份格式版本：\(f)"
        case .folderNotEmpty(let p): "备份目录已存在且不为空：\(p)（请指定新的目录）"
        case .damaged(let files): "备份文件已损坏或缺失（与清单的 SHA-256 不符）：\(files.joined(separator: "、"))"
        case .storageMismatch(let b, let t): "备份来自 \(b) 数据库，当前配置为 \(t)，不能恢复"
        case .targetExists(let p): "目标数据库已存在：\(p)（确认覆盖请加 --force）"
        case .toolMissing(let t): "找不到 \(t)（PostgreSQL 客户端工具），请安装 postgresql-client 或设置 QUANZE_PG_BIN"
        case .toolFailed(let t, let out): "\(t) 执行失败：\(out)"
        case .checkpointMismatch(let why): "恢复后的全过程记录与备份时的检查点不符：\(why)"
        case .verifyFailed(let problems): "恢复后的全过程记录校验失败：\(problems.joined(separator: "；"))"
        }
    }
}
