import Foundation

/// What a 全过程记录 entry says, exactly as hashed. The server stores these fields column by column;
/// `recordedAt` is whole milliseconds since 1970 (UTC) so that no database's time precision can
/// change the hash.
public struct RecordEntryContent: Sendable, Equatable {
    /// Global position in the Merkle log (the leaf index), from 0, gap-free.
    public var index: Int64
    /// The case or inspection the entry belongs to, e.g. `case:<uuid>`, `inspection:<uuid>`.
    public var stream: String
    /// Position in the stream's own hash chain, from 1, gap-free.
    public var streamSeq: Int64
    /// What the entry is: `step`, `document`, `decision`, `evidence`, `correction`, …
    public var kind: String
    public var payload: [String: String]
    public var actor: String?
    public var recordedAtMs: Int64
    /// Leaf index of the entry this one corrects (corrections never change the original).
    public var corrects: Int64?
    public var algorithm: RecordHashAlgorithm

    public init(index: Int64, stream: String, streamSeq: Int64, kind: String, payload: [String: String], actor: String?,
                recordedAtMs: Int64, corrects: Int64?, algorithm: RecordHashAlgorithm) {
        self.index = index
        self.stream = stream
        self.streamSeq = streamSeq
        self.kind = kind
        self.payload = payload
        self.actor = actor
        self.recordedAtMs = recordedAtMs
        self.corrects = corrects
        self.algorithm = algorithm
    }
}

/// The per-stream hash chain and the entry's leaf in the Merkle log.
///
/// - canonical bytes: `CanonicalJSON` of `{"actor", "alg", "corrects", "index", "kind", "payload",
///   "recordedAt", "stream", "streamSeq", "v": 1}` (absent actor/corrects as `null`);
/// - `entryHash = H(prevEntryHash ‖ canonical)` with the 32 raw bytes of the previous entry's hash
///   in the same stream (32 zero bytes for the first);
/// - Merkle leaf data = the 32 raw bytes of `entryHash`, so `leafHash = H(0x00 ‖ entryHash)`.
public enum RecordChain {
    public static let version: Int64 = 1
    public static let genesis = Data(repeating: 0, count: 32)
    public static let genesisHex = String(repeating: "0", count: 64)

    public static func canonical(_ c: RecordEntryContent) -> Data {
        CanonicalJSON.encode(.object([
            "v": .int(version),
            "index": .int(c.index),
            "stream": .string(c.stream),
            "streamSeq": .int(c.streamSeq),
            "kind": .string(c.kind),
            "payload": .object(c.payload.mapValues(CanonicalJSON.Value.string)),
            "actor": c.actor.map(CanonicalJSON.Value.string) ?? .null,
            "recordedAt": .int(c.recordedAtMs),
            "corrects": c.corrects.map(CanonicalJSON.Value.int) ?? .null,
            "alg": .string(c.algorithm.rawValue),
        ]))
    }

    public static func entryHash(previous: Data, content: RecordEntryContent) -> Data {
        var input = previous
        input.append(canonical(content))
        return content.algorithm.hash(input)
    }

    public static func leafHash(entryHash: Data, algorithm: RecordHashAlgorithm) -> Data {
        MerkleTree(algorithm: algorithm).leafHash(entryHash)
    }
}
