import Fluent
import Foundation
import QuanzeCore
import SQLKit

/// Signed checkpoints (检查点). `quanze records checkpoint` signs one at once; the public
/// checkpoint endpoint signs a new one when the log has grown and the latest is older than
/// `RecordSettings.checkpointInterval` (10 minutes), so a published checkpoint never lags far behind.
extension RecordLog {
    static func latestCheckpoint(on db: any Database) async throws -> RecordCheckpoint? {
        try await RecordCheckpoint.query(on: db).sort(\.$treeSize, .descending).first()
    }

    static func checkpoint(size: Int64, on db: any Database) async throws -> RecordCheckpoint? {
        try await RecordCheckpoint.query(on: db).filter(\.$treeSize == size).first()
    }

    /// Signs a checkpoint of the whole log now (or returns the existing one for the current size).
    static func signCheckpoint(settings: RecordSettings, now: Date, on db: any Database) async throws -> RecordCheckpoint {
        _ = try settings.signingKey()   // fail before locking when the key is unusable
        return try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { throw RecordLogError.notSQL }
            try await sql.raw("UPDATE record_head SET size = size WHERE id = 1").run()
            guard let head = try await RecordHead.find(1, on: tx) else { throw RecordLogError.missingHead }
            if let existing = try await checkpoint(size: head.size, on: tx) { return existing }
            let leaves = try await leafHashes(size: head.size, on: tx)
            let root = MerkleTree(algorithm: settings.algorithm).root(leaves)
            let millis = AuditChain.milliseconds(now)
            let time = Date(timeIntervalSince1970: Double(millis / 1000))
            let note = RecordCheckpointNote(origin: settings.origin, treeSize: head.size, rootHash: root, algorithm: settings.algorithm, time: time)
            let cp = RecordCheckpoint()
            cp.treeSize = head.size
            cp.rootHash = Hex.encode(root)
            cp.algorithm = settings.algorithm.rawValue
            cp.note = try note.signed(keyName: settings.keyName, key: try settings.signingKey())
            cp.createdAt = time
            try await cp.create(on: tx)
            return cp
        }
    }

    /// The latest checkpoint, signing a new one first when the log grew and the latest is stale (or none exists).
    static func currentCheckpoint(settings: RecordSettings, now: Date, on db: any Database) async throws -> RecordCheckpoint {
        let latest = try await latestCheckpoint(on: db)
        let size = try await size(on: db)
        if let latest, latest.treeSize >= size || now.timeIntervalSince(latest.createdAt) < RecordSettings.checkpointInterval {
            return latest
        }
        return try await signCheckpoint(settings: settings, now: now, on: db)
    }
}
