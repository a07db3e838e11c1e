import Fluent
import Foundation
import QuanzeCore

/// One entry of the 全过程记录: a leaf of the append-only Merkle log and a link of its stream's
/// hash chain. Rows are never updated or deleted (database triggers refuse it); a correction is
/// a new entry whose `corrects` names the leaf index it corrects.
final class RecordEntry: Model, @unchecked Sendable {
    static let schema = "record_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "leaf_index") var leafIndex: Int64
    @Field(key: "stream") var stream: String
    @Field(key: "stream_seq") var streamSeq: Int64
    @Field(key: "kind") var kind: String
    /// `CanonicalJSON` of the payload (an object of strings).
    @Field(key: "payload") var payload: String
    @OptionalField(key: "actor") var actor: String?
    @Field(key: "recorded_ms") var recordedMs: Int64
    @OptionalField(key: "corrects") var corrects: Int64?
    @Field(key: "algorithm") var algorithm: String
    @Field(key: "prev_hash") var prevHash: String
    @Field(key: "entry_hash") var entryHash: String
    @Field(key: "leaf_hash") var leafHash: String

    init() {}

    var payloadObject: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(payload.utf8))) ?? [:]
    }

    var recordedAt: Date { Date(timeIntervalSince1970: Double(recordedMs) / 1000) }

    var content: RecordEntryContent {
        RecordEntryContent(index: leafIndex, stream: stream, streamSeq: streamSeq, kind: kind, payload: payloadObject, actor: actor,
                           recordedAtMs: recordedMs, corrects: corrects, algorithm: RecordHashAlgorithm(rawValue: algorithm) ?? .sha256)
    }

    var stored: StoredRecordEntry {
        StoredRecordEntry(content: content, prevHash: prevHash, entryHash: entryHash, leafHash: leafHash)
    }
}

/// The log head: how many leaves the log has. Every append locks this row first, so appends from
/// any number of instances are serialised and leaf indexes are unique and gap-free.
final class RecordHead: Model, @unchecked Sendable {
    static let schema = "record_head"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "size") var size: Int64

    init() {}

    init(size: Int64) {
        self.id = 1
        self.size = size
    }
}

/// A signed checkpoint (检查点): tree size and Merkle root, signed with the platform's key.
final class RecordCheckpoint: Model, @unchecked Sendable {
    static let schema = "record_checkpoints"

    @ID(key: .id) var id: UUID?
    @Field(key: "tree_size") var treeSize: Int64
    @Field(key: "root_hash") var rootHash: String
    @Field(key: "algorithm") var algorithm: String
    /// The signed note, byte for byte as published.
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var stored: StoredCheckpoint { StoredCheckpoint(treeSize: treeSize, rootHash: rootHash, note: note) }
}

/// An evidence file (证据文件): stored content-addressed under the data directory by its SHA-256.
final class EvidenceFile: Model, @unchecked Sendable {
    static let schema = "evidence_files"

    @ID(custom: "sha256", generatedBy: .user) var id: String?
    @Field(key: "size") var size: Int64
    @Field(key: "media_type") var mediaType: String
    @OptionalField(key: "original_name") var originalName: String?
    /// Relative to the data directory: `evidence/ab/cd/<sha256>`.
    @Field(key: "stored_path") var storedPath: String
    @OptionalField(key: "uploaded_by") var uploadedBy: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
