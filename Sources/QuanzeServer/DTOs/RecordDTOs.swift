import Foundation
import QuanzeCore
import Vapor

/// A stored evidence file.
struct EvidenceDTO: Content {
    var sha256: String
    var size: Int64
    var mediaType: String
    var mediaTypeLabel: String
    var originalName: String?
    var createdAt: Date

    init(_ f: EvidenceFile) {
        sha256 = f.id ?? ""
        size = f.size
        mediaType = f.mediaType
        mediaTypeLabel = EvidenceMediaType(rawValue: f.mediaType)?.label ?? f.mediaType
        originalName = f.originalName
        createdAt = f.createdAt
    }
}

/// A published checkpoint (hashes in lowercase hex; `note` is the signed note, byte for byte).
struct RecordCheckpointDTO: Content {
    var treeSize: Int64
    var rootHash: String
    var algorithm: String
    var createdAt: Date
    var note: String
    var verifierKey: String

    init(_ cp: RecordCheckpoint, verifierKey: String) {
        treeSize = cp.treeSize
        rootHash = cp.rootHash
        algorithm = cp.algorithm
        createdAt = cp.createdAt
        note = cp.note
        self.verifierKey = verifierKey
    }
}

/// A consistency proof between two tree sizes.
struct RecordConsistencyDTO: Content {
    var from: Int64
    var to: Int64
    var algorithm: String
    var fromRoot: String
    var toRoot: String
    var proof: [String]
}

/// An inclusion proof (audit path) of one leaf; the entry's content is not public.
struct RecordInclusionDTO: Content {
    var index: Int64
    var treeSize: Int64
    var algorithm: String
    var leafHash: String
    var auditPath: [String]
    var rootHash: String
    /// The signed checkpoint of `treeSize`, when one was published.
    var checkpoint: String?

    init(_ p: RecordLog.InclusionProof, algorithm: RecordHashAlgorithm, checkpoint: RecordCheckpoint?) {
        index = p.index
        treeSize = p.treeSize
        self.algorithm = algorithm.rawValue
        leafHash = Hex.encode(p.leafHash)
        auditPath = p.path.map(Hex.encode)
        rootHash = Hex.encode(p.root)
        self.checkpoint = checkpoint?.note
    }
}
