import Crypto
import Foundation

/// An entry as stored: its content plus the hashes kept beside it (lowercase hex).
public struct StoredRecordEntry: Sendable {
    public var content: RecordEntryContent
    public var prevHash: String
    public var entryHash: String
    public var leafHash: String

    public init(content: RecordEntryContent, prevHash: String, entryHash: String, leafHash: String) {
        self.content = content
        self.prevHash = prevHash
        self.entryHash = entryHash
        self.leafHash = leafHash
    }
}

/// A checkpoint as stored: its columns and the signed note.
public struct StoredCheckpoint: Sendable {
    public var treeSize: Int64
    public var rootHash: String
    public var note: String

    public init(treeSize: Int64, rootHash: String, note: String) {
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.note = note
    }
}

/// Checks the whole record log: every entry's hash and leaf, every stream's chain, the global
/// index (gap-free from 0), the tail against the log head and the checkpoints, and each
/// checkpoint's signature and Merkle root. Reports every problem found, each naming what changed.
public struct RecordLogCheck: Sendable {
    public var algorithm: RecordHashAlgorithm
    public var keyName: String
    /// The 32-byte raw Ed25519 public key that signs the checkpoints.
    public var publicKey: Data

    public init(algorithm: RecordHashAlgorithm, keyName: String, publicKey: Curve25519.Signing.PublicKey) {
        self.algorithm = algorithm
        self.keyName = keyName
        self.publicKey = publicKey.rawRepresentation
    }

    /// Checks one stream's entries alone (hashes, leaves, chain): what a case page shows.
    public static func stream(_ entries: [StoredRecordEntry]) -> [RecordProblem] {
        let unused = Curve25519.Signing.PrivateKey().publicKey
        return RecordLogCheck(algorithm: .sha256, keyName: "", publicKey: unused).check(entries: entries, checkpoints: [], headSize: nil, global: false)
    }

    public func run(entries: [StoredRecordEntry], checkpoints: [StoredCheckpoint], headSize: Int64?) -> [RecordProblem] {
        check(entries: entries, checkpoints: checkpoints, headSize: headSize, global: true)
    }

    private func check(entries: [StoredRecordEntry], checkpoints: [StoredCheckpoint], headSize: Int64?, global: Bool) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        let sorted = entries.sorted { $0.content.index < $1.content.index }
        var faulty = Set<Int64>()

        // Global index: 0…n−1, each once.
        var seen = Set<Int64>()
        var next: Int64 = 0
        for e in sorted where global {
            let i = e.content.index
            if !seen.insert(i).inserted { problems.append(.duplicate(index: i)); faulty.insert(i); continue }
            while next < i { problems.append(.missing(index: next)); faulty.insert(next); next += 1 }
            next = i + 1
        }
        let expected = max(headSize ?? 0, checkpoints.map(\.treeSize).max() ?? 0)
        if next < expected {
            problems.append(.truncated(from: next, expectedSize: expected))
            for i in next..<expected { faulty.insert(i) }
        }

        // Each entry's hash and leaf; then swapped pairs among the failures.
        var edited: [StoredRecordEntry] = []
        for e in sorted {
            let recomputed = RecordChain.entryHash(previous: Hex.decode(e.prevHash) ?? Data(), content: e.content)
            if Hex.encode(recomputed) != e.entryHash {
                edited.append(e)
            } else if let h = Hex.decode(e.entryHash),
                      Hex.encode(RecordChain.leafHash(entryHash: h, algorithm: e.content.algorithm)) != e.leafHash {
                problems.append(.leafMismatch(index: e.content.index))
                faulty.insert(e.content.index)
            }
        }
        var swapped = Set<Int64>()
        for (n, a) in edited.enumerated() {
            for b in edited[(n + 1)...] where !swapped.contains(b.content.index) && !swapped.contains(a.content.index) {
                if matches(a, at: b.content) && matches(b, at: a.content) {
                    problems.append(.reordered(first: a.content.index, second: b.content.index))
                    swapped.formUnion([a.content.index, b.content.index])
                }
            }
        }
        for e in edited where !swapped.contains(e.content.index) { problems.append(.edited(index: e.content.index)) }
        faulty.formUnion(edited.map(\.content.index))

        // Each stream's chain.
        for (stream, list) in Dictionary(grouping: sorted, by: \.content.stream) {
            let chain = list.sorted { $0.content.streamSeq < $1.content.streamSeq }
            var expectedSeq: Int64 = 1
            var previous: StoredRecordEntry?
            for e in chain {
                var gap = false
                while expectedSeq < e.content.streamSeq {
                    problems.append(.streamGap(stream: stream, seq: expectedSeq))
                    expectedSeq += 1
                    gap = true
                }
                let prevHash = previous?.entryHash ?? RecordChain.genesisHex
                let involved = swapped.contains(e.content.index) || previous.map { swapped.contains($0.content.index) } == true
                if !gap && !involved && e.prevHash != prevHash {
                    problems.append(.brokenLink(index: e.content.index, stream: stream, seq: e.content.streamSeq))
                    faulty.insert(e.content.index)
                }
                expectedSeq = max(expectedSeq, e.content.streamSeq + 1)
                previous = e
            }
        }

        guard global else { return problems }
        // Checkpoints: signature, row agreement, and the root over the stored leaves.
        let leaves = sorted.map { Hex.decode($0.leafHash) ?? Data() }
        let contiguous = Int64(leaves.count) == next && !problems.contains { if case .duplicate = $0 { true } else { false } }
        let tree = MerkleTree(algorithm: algorithm)
        for cp in checkpoints.sorted(by: { $0.treeSize < $1.treeSize }) {
            guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey),
                  let note = try? RecordCheckpointNote.verify(cp.note, keyName: keyName, publicKey: key),
                  note.treeSize == cp.treeSize, Hex.encode(note.rootHash) == cp.rootHash else {
                problems.append(.badCheckpoint(size: cp.treeSize))
                continue
            }
            guard contiguous, cp.treeSize <= Int64(leaves.count) else { continue }   // already reported
            if faulty.contains(where: { $0 < cp.treeSize }) { continue }              // explained above
            if Hex.encode(tree.root(leaves[0..<Int(cp.treeSize)])) != cp.rootHash {
                problems.append(.rootMismatch(size: cp.treeSize))
            }
        }
        return problems
    }

    /// Whether `e`'s stored hash is what its content gives at `other`'s position.
    private func matches(_ e: StoredRecordEntry, at other: RecordEntryContent) -> Bool {
        var moved = e.content
        moved.index = other.index
        moved.streamSeq = other.streamSeq
        return Hex.encode(RecordChain.entryHash(previous: Hex.decode(e.prevHash) ?? Data(), content: moved)) == e.entryHash
    }
}
