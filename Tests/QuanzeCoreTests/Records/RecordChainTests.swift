import Crypto
import Foundation
import QuanzeCore
import Testing

@Suite("全过程记录: canonical entry, chain, checkpoint note, log check")
struct RecordChainTests {
    static func content(_ index: Int64, stream: String = "case:a", seq: Int64, payload: [String: String] = [:]) -> RecordEntryContent {
        RecordEntryContent(index: index, stream: stream, streamSeq: seq, kind: "step", payload: payload, actor: "张三",
                           recordedAtMs: 1_795_140_000_000 + index, corrects: nil, algorithm: .sha256)
    }

    /// A small log: two interleaved streams, hashed as the server does.
    static func log(_ n: Int = 6) -> [StoredRecordEntry] {
        var last: [String: Data] = [:]
        var seqs: [String: Int64] = [:]
        return (0..<Int64(n)).map { i in
            let stream = i % 2 == 0 ? "case:a" : "case:b"
            let seq = (seqs[stream] ?? 0) + 1
            seqs[stream] = seq
            let c = content(i, stream: stream, seq: seq, payload: ["step": "第 \(i) 步"])
            let prev = last[stream] ?? RecordChain.genesis
            let h = RecordChain.entryHash(previous: prev, content: c)
            last[stream] = h
            return StoredRecordEntry(content: c, prevHash: Hex.encode(prev), entryHash: Hex.encode(h),
                                     leafHash: Hex.encode(RecordChain.leafHash(entryHash: h, algorithm: .sha256)))
        }
    }

    @Test("canonical encoding: sorted keys, no whitespace, minimal escaping, raw UTF-8")
    func canonical() {
        let c = RecordEntryContent(index: 3, stream: "case:x", streamSeq: 2, kind: "decision",
                                   payload: ["b": "引号\"\\\n", "a": "1"], actor: nil, recordedAtMs: 5, corrects: 1, algorithm: .sm3)
        let text = String(decoding: RecordChain.canonical(c), as: UTF8.self)
        #expect(text == #"{"actor":null,"alg":"sm3","corrects":1,"index":3,"kind":"decision","payload":{"a":"1","b":"引号\"\\\u000a"},"recordedAt":5,"stream":"case:x","streamSeq":2,"v":1}"#)
    }

    @Test("checkpoint note: signs, verifies, and refuses a changed body or another key")
    func note() throws {
        let key = Curve25519.Signing.PrivateKey()
        let note = RecordCheckpointNote(origin: "quanze.test/records", treeSize: 8, rootHash: Hex.decode(MerkleTreeTests.roots[7])!,
                                        algorithm: .sha256, time: Date(timeIntervalSince1970: 1_795_140_000))
        let text = try note.signed(keyName: "quanze.test", key: key)
        #expect(text.hasPrefix("quanze.test/records\n8\n\(note.rootHash.base64EncodedString())\nhash sha256\ntime 2026-11-20T02:00:00Z\n\n— quanze.test "))
        #expect(try RecordCheckpointNote.verify(text, keyName: "quanze.test", publicKey: key.publicKey) == note)
        let changed = text.replacingOccurrences(of: "\n8\n", with: "\n9\n")
        #expect(throws: RecordCheckpointNote.ParseError.badSignature) {
            try RecordCheckpointNote.verify(changed, keyName: "quanze.test", publicKey: key.publicKey)
        }
        #expect(throws: RecordCheckpointNote.ParseError.badSignature) {
            try RecordCheckpointNote.verify(text, keyName: "quanze.test", publicKey: Curve25519.Signing.PrivateKey().publicKey)
        }
    }

    func check(_ entries: [StoredRecordEntry], checkpoints: [StoredCheckpoint] = [], head: Int64? = nil, key: Curve25519.Signing.PrivateKey = .init()) -> [RecordProblem] {
        RecordLogCheck(algorithm: .sha256, keyName: "k", publicKey: key.publicKey).run(entries: entries, checkpoints: checkpoints, headSize: head)
    }

    @Test("an intact log has no problems; edits, deletions, swaps and truncation are each named")
    func logCheck() throws {
        let log = Self.log()
        #expect(check(log, head: 6).isEmpty)

        var edited = log
        edited[2].content.payload["step"] = "改过"
        #expect(check(edited, head: 6) == [.edited(index: 2)])

        var deleted = log
        deleted.remove(at: 3)
        #expect(check(deleted, head: 6).contains(.missing(index: 3)))
        #expect(check(deleted, head: 6).contains(.streamGap(stream: "case:b", seq: 2)))

        var swapped = log
        (swapped[0].content.index, swapped[2].content.index) = (2, 0)
        (swapped[0].content.streamSeq, swapped[2].content.streamSeq) = (2, 1)
        #expect(check(swapped, head: 6) == [.reordered(first: 0, second: 2)])

        #expect(check(Array(log.prefix(4)), head: 6) == [.truncated(from: 4, expectedSize: 6)])
    }

    @Test("checkpoint roots: a consistent rewrite of an entry is caught by the signed root")
    func checkpointRoot() throws {
        let key = Curve25519.Signing.PrivateKey()
        let log = Self.log()
        let tree = MerkleTree(algorithm: .sha256)
        let root = tree.root(log.map { Hex.decode($0.leafHash)! })
        let note = try RecordCheckpointNote(origin: "o", treeSize: 6, rootHash: root, algorithm: .sha256, time: Date()).signed(keyName: "k", key: key)
        let cp = StoredCheckpoint(treeSize: 6, rootHash: Hex.encode(root), note: note)
        #expect(check(log, checkpoints: [cp], head: 6, key: key).isEmpty)

        // Rewrite entry 5 (last of stream b) with recomputed hashes: only the root can tell.
        var rewritten = log
        rewritten[5].content.payload["step"] = "伪造"
        let h = RecordChain.entryHash(previous: Hex.decode(rewritten[5].prevHash)!, content: rewritten[5].content)
        rewritten[5].entryHash = Hex.encode(h)
        rewritten[5].leafHash = Hex.encode(RecordChain.leafHash(entryHash: h, algorithm: .sha256))
        #expect(check(rewritten, checkpoints: [cp], head: 6, key: key) == [.rootMismatch(size: 6)])

        var forged = cp
        forged.rootHash = Hex.encode(tree.root(rewritten.map { Hex.decode($0.leafHash)! }))
        #expect(check(rewritten, checkpoints: [forged], head: 6, key: key) == [.badCheckpoint(size: 6)])
    }

    @Test("evidence types are recognised by content and carry their limits")
    func sniff() {
        #expect(EvidenceMediaType.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(EvidenceMediaType.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == .png)
        #expect(EvidenceMediaType.sniff(Array("%PDF-1.7".utf8)) == .pdf)
        #expect(EvidenceMediaType.sniff(Array("ID3\u{4}".utf8)) == .mp3)
        #expect(EvidenceMediaType.sniff(Array("RIFF\0\0\0\0WAVE".utf8)) == .wav)
        #expect(EvidenceMediaType.sniff(Array("\0\0\0\u{18}ftypmp42".utf8)) == .mp4)
        #expect(EvidenceMediaType.sniff(Array("#!AMR\n".utf8)) == .amr)
        #expect(EvidenceMediaType.sniff(Array("OggS".utf8)) == .ogg)
        #expect(EvidenceMediaType.sniff(Array("<html>".utf8)) == nil)
        #expect(EvidenceMediaType.sniff([UInt8]()) == nil)
        #expect(EvidenceMediaType.jpeg.maxSize == 20 * 1_048_576 && EvidenceMediaType.mp4.maxSize == EvidenceMediaType.maxSize)
    }
}
