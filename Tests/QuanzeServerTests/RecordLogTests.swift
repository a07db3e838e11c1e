import Crypto
import Fluent
import Foundation
import Plot
import QuanzeCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 全过程记录: appends, append-only triggers, concurrency, tamper detection, proofs, evidence.
@Suite("全过程记录 (RecordLog)")
struct RecordLogTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]) + Data("IHDR fake image".utf8)
    static let pdf = Data("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)

    @discardableResult
    static func append(_ app: Application, _ stream: String, _ payload: [String: String], kind: String = "step",
                       corrects: Int64? = nil) async throws -> RecordEntry {
        try await RecordLog.append(stream: stream, kind: kind, payload: payload, actor: "officer.amr1", corrects: corrects,
                                   algorithm: app.services.records.algorithm, now: app.services.clock.now(), on: app.db)
    }

    /// Six entries alternating between two streams (case:a gets 0, 2, 4; case:b gets 1, 3, 5) and a checkpoint of all six.
    static func sixEntries(_ app: Application) async throws {
        for i in 0..<6 { try await append(app, i % 2 == 0 ? "case:a" : "case:b", ["step": "第 \(i) 步"]) }
        _ = try await RecordLog.signCheckpoint(settings: app.services.records, now: app.services.clock.now(), on: app.db)
    }

    static func verify(_ app: Application) async throws -> [RecordProblem] {
        try await RecordVerifier.verify(settings: app.services.records, on: app.db).problems
    }

    /// Runs `statements` as an attacker with database access would: with the append-only triggers off.
    static func tamper(_ app: Application, _ statements: [String]) async throws {
        let sql = app.db as! any SQLDatabase
        let pg = sql.dialect.name == "postgresql"
        for t in RecordTriggers.tables {
            try await sql.raw(SQLQueryString(pg ? "ALTER TABLE \(t) DISABLE TRIGGER USER" : "DROP TRIGGER \(t)_no_update")).run()
            if !pg { try await sql.raw(SQLQueryString("DROP TRIGGER \(t)_no_delete")).run() }
        }
        for s in statements { try await sql.raw(SQLQueryString(s)).run() }
    }

    @Test("appends get gap-free indexes, per-stream sequences and linked hashes; verify passes")
    func appendAndChain() async throws {
        try await withTestApp(demoData: false) { app, _ in
            try await Self.sixEntries(app)
            let correction = try await Self.append(app, "case:a", ["reason": "笔误"], kind: "correction", corrects: 2)
            #expect(correction.leafIndex == 6 && correction.streamSeq == 4 && correction.corrects == 2)
            let a = try await RecordLog.entries(stream: "case:a", on: app.db)
            #expect(a.map(\.leafIndex) == [0, 2, 4, 6])
            #expect(a.map(\.streamSeq) == [1, 2, 3, 4])
            #expect(a[0].prevHash == RecordChain.genesisHex)
            for (prev, next) in zip(a, a.dropFirst()) { #expect(next.prevHash == prev.entryHash) }
            #expect(try await Self.verify(app).isEmpty)
            let integrity = try await RecordVerifier.integrity(stream: "case:a", on: app.db)
            #expect(integrity.ok && integrity.entries == 4 && integrity.checkpointed == 3 && integrity.checkpointSize == 6)
            await #expect(throws: AppError.self) { try await Self.append(app, "case:a", [:], corrects: 99) }
            await #expect(throws: AppError.self) { try await Self.append(app, "no stream", [:]) }
        }
    }

    @Test("the database refuses UPDATE and DELETE on entries, checkpoints and evidence rows")
    func triggers() async throws {
        try await withTestApp(demoData: false) { app, _ in
            try await Self.sixEntries(app)
            let sql = app.db as! any SQLDatabase
            for statement in [
                "UPDATE record_entries SET payload = '{}' WHERE leaf_index = 1",
                "DELETE FROM record_entries WHERE leaf_index = 5",
                "UPDATE record_checkpoints SET tree_size = 1",
                "DELETE FROM record_checkpoints",
            ] {
                await #expect(throws: (any Error).self, "\(statement)") { try await sql.raw(SQLQueryString(statement)).run() }
            }
            #expect(try await RecordEntry.query(on: app.db).count() == 6)
            #expect(try await Self.verify(app).isEmpty)
        }
    }

    @Test("50 concurrent appends get unique, gap-free indexes and sequences")
    func concurrentAppends() async throws {
        try await withTestApp(demoData: false) { app, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<50 {
                    group.addTask { try await Self.append(app, i % 3 == 0 ? "case:c" : "inspection:d", ["n": "\(i)"]) }
                }
                try await group.waitForAll()
            }
            let all = try await RecordEntry.query(on: app.db).sort(\.$leafIndex).all()
            #expect(all.map(\.leafIndex) == Array(0..<50))
            let c = all.filter { $0.stream == "case:c" }.map(\.streamSeq)
            #expect(c == Array(1...Int64(c.count)))
            #expect(try await RecordLog.size(on: app.db) == 50)
            #expect(try await Self.verify(app).isEmpty)
        }
    }

    enum Tampering: String, CaseIterable, Sendable {
        case edit, delete, reorder, truncate, swapFile, removeFile, checkpoint
    }

    @Test("verify names exactly what direct database or file tampering changed", arguments: Tampering.allCases)
    func tampering(_ kind: Tampering) async throws {
        try await withTestApp(demoData: false) { app, _ in
            try await Self.sixEntries(app)
            let store = EvidenceStore(settings: app.services.records)
            let a = try await store.store(Self.chunks(Self.png), declaredLength: nil, originalName: "a.png", uploader: nil, now: Date(), on: app.db).file.id!
            let b = try await store.store(Self.chunks(Self.pdf), declaredLength: nil, originalName: "b.pdf", uploader: nil, now: Date(), on: app.db).file.id!
            try await Self.append(app, "case:a", ["sha256": a], kind: "evidence")
            _ = try await RecordLog.signCheckpoint(settings: app.services.records, now: Date(), on: app.db)
            #expect(try await Self.verify(app).isEmpty)
            switch kind {
            case .edit:
                try await Self.tamper(app, [#"UPDATE record_entries SET payload = '{"step":"改过"}' WHERE leaf_index = 1"#])
                #expect(try await Self.verify(app) == [.edited(index: 1)])
            case .delete:
                try await Self.tamper(app, ["DELETE FROM record_entries WHERE leaf_index = 3"])
                let problems = try await Self.verify(app)
                #expect(problems.contains(.missing(index: 3)))
                #expect(problems.contains(.streamGap(stream: "case:b", seq: 2)))
                #expect(problems.allSatisfy { [.missing(index: 3), .streamGap(stream: "case:b", seq: 2)].contains($0) }, "\(problems)")
            case .reorder:
                try await Self.tamper(app, [
                    "UPDATE record_entries SET leaf_index = -1, stream_seq = -1 WHERE leaf_index = 0",
                    "UPDATE record_entries SET leaf_index = 0, stream_seq = 1 WHERE leaf_index = 2",
                    "UPDATE record_entries SET leaf_index = 2, stream_seq = 2 WHERE leaf_index = -1",
                ])
                #expect(try await Self.verify(app) == [.reordered(first: 0, second: 2)])
            case .truncate:
                try await Self.tamper(app, ["DELETE FROM record_entries WHERE leaf_index >= 5", "UPDATE record_head SET size = 5"])
                #expect(try await Self.verify(app) == [.truncated(from: 5, expectedSize: 7)])
            case .swapFile:
                try Self.pdf.write(to: URL(fileURLWithPath: store.path(a)))
                #expect(try await Self.verify(app) == [.evidenceChanged(sha256: a)])
            case .checkpoint:
                try await Self.tamper(app, ["UPDATE record_checkpoints SET root_hash = '\(String(repeating: "0", count: 64))' WHERE tree_size = 7"])
                #expect(try await Self.verify(app) == [.badCheckpoint(size: 7)])
            case .removeFile:
                try FileManager.default.removeItem(atPath: store.path(b))
                try await Self.tamper(app, ["DELETE FROM evidence_files WHERE sha256 = '\(a)'"])
                #expect(try await Self.verify(app) == [.evidenceMissing(sha256: b), .evidenceUnknown(sha256: a, index: 6)])
            }
        }
    }

    static func chunks(_ data: Data) -> AsyncStream<ByteBuffer> {
        AsyncStream { c in
            var rest = data[...]
            while !rest.isEmpty {
                c.yield(ByteBuffer(bytes: rest.prefix(7)))
                rest = rest.dropFirst(7)
            }
            c.finish()
        }
    }

    static func upload(_ app: Application, _ token: String, _ body: Data, name: String? = nil) async throws -> TestingHTTPResponse {
        var out: TestingHTTPResponse?
        var headers = HTTPHeaders.bearer(token)
        headers.contentType = .binary
        let path = "/api/v1/evidence" + (name.map { "?name=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? "")
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(data: body)) { out = $0 }
        return try #require(out)
    }

    @Test("the signing key: generated once with mode 0600 and reused; QUANZE_RECORD_KEY wins")
    func signingKey() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quanze-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = AppOptions(storage: .postgres(url: "postgres://unused"))
        options.dataDirectory = dir
        let first = RecordSettings(options: options)
        let key = try first.signingKey()
        let mode = try FileManager.default.attributesOfItem(atPath: first.keyFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try RecordSettings(options: options).signingKey().rawRepresentation == key.rawRepresentation)
        let other = Curve25519.Signing.PrivateKey()
        options.recordKey = other.rawRepresentation.base64EncodedString()
        #expect(try RecordSettings(options: options).signingKey().rawRepresentation == other.rawRepresentation)
        options.recordKey = "not base64"
        #expect(throws: RecordKeyError.self) { try RecordSettings(options: options).signingKey() }
    }

    @Test("views: a case page's integrity and a decision's inclusion proof render")
    func views() async throws {
        try await withTestApp(demoData: false) { app, _ in
            try await Self.sixEntries(app)
            let integrity = try await RecordVerifier.integrity(stream: "case:b", on: app.db)
            let html = Node<HTML.BodyContext>.div(RecordViews.integrity(integrity),
                                                  RecordViews.entries(try await RecordLog.entries(stream: "case:b", on: app.db))).render()
            #expect(html.contains("完整") && html.contains("#5"))
            let published = try await RecordLog.publishedInclusion(index: 5, algorithm: .sha256, on: app.db)
            #expect(RecordViews.inclusion(published).render().contains("树大小为 6"))
            #expect(try await RecordLog.publishedInclusion(index: 6, algorithm: .sha256, on: app.db) == nil)
        }
    }

    @Test("evidence: stored by SHA-256, deduplicated, downloadable by case roles; type and size refused with 415/413")
    func evidence() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("officer.amr1")
            let first = try await Self.upload(app, token, Self.png, name: "现场照片.png")
            #expect(first.status == .created)
            let sha = try first.content.get(String.self, at: "sha256")
            #expect(sha == Hex.encode(RecordHashAlgorithm.sha256.hash(Self.png)))
            #expect(try first.content.get(String.self, at: "mediaType") == "image/png")
            #expect(try await Self.upload(app, token, Self.png).status == .ok)
            #expect(try await EvidenceFile.query(on: app.db).count() == 1)
            #expect(FileManager.default.fileExists(atPath: EvidenceStore(settings: app.services.records).path(sha)))
            #expect(sha.hasPrefix(String(EvidenceStore.relativePath(sha).dropFirst(9).prefix(2))))
            #expect(try await app.audits(.evidenceUpload).count == 1)

            let reader = try await app.token("reviewer1")
            try await app.testing().test(.GET, SiteURL.evidence(sha), headers: .bearer(reader)) { res in
                #expect(res.status == .ok)
                #expect(Data(res.body.readableBytesView) == Self.png)
                #expect(res.headers.first(name: .contentType) == "image/png")
            }
            try await app.testing().test(.GET, SiteURL.evidence(sha)) { res in #expect(res.status == .unauthorized) }
            try await app.testing().test(.GET, SiteURL.evidence(String(repeating: "0", count: 64)), headers: .bearer(reader)) { res in
                #expect(res.status == .notFound)
            }

            let html = try await Self.upload(app, token, Data("<html><script>alert(1)</script></html>".utf8))
            #expect(html.status == .unsupportedMediaType && html.errorCode == "EVIDENCE_TYPE_REFUSED")
            #expect(try await Self.upload(app, token, Data()).errorCode == "EVIDENCE_TYPE_REFUSED")
            var big = Data([0xFF, 0xD8, 0xFF, 0xE0])
            big.append(Data(count: 20 * 1_048_576))
            let tooBig = try await Self.upload(app, token, big)
            #expect(tooBig.status == .payloadTooLarge && tooBig.errorCode == "EVIDENCE_TOO_LARGE")
            #expect(try await EvidenceFile.query(on: app.db).count() == 1)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: app.services.records.evidenceDirectory + "/tmp")
            #expect(leftovers.isEmpty)
        }
    }

    @Test("public proofs verify with the Core verifier; queries are validated strictly")
    func proofs() async throws {
        try await withTestApp(demoData: false) { app, clock in
            for i in 0..<5 { try await Self.append(app, "case:p", ["n": "\(i)"]) }
            var old: RecordCheckpointDTO?
            try await app.testing().test(.GET, SiteURL.publicRecordsCheckpoint) { res in
                #expect(res.status == .ok)
                old = try res.content.decode(RecordCheckpointDTO.self)
            }
            let cp = try #require(old)
            #expect(cp.treeSize == 5)
            let key = try app.services.records.publicKey()
            let note = try RecordCheckpointNote.verify(cp.note, keyName: app.services.records.keyName, publicKey: key)
            #expect(Hex.encode(note.rootHash) == cp.rootHash)
            try await app.testing().test(.GET, SiteURL.publicRecordsCheckpointNote) { res in
                #expect(res.body.string == cp.note)
                #expect(res.headers.first(name: .contentDisposition)?.contains("checkpoint-5.txt") == true)
            }

            for i in 5..<8 { try await Self.append(app, "case:q", ["n": "\(i)"]) }
            // Not yet stale: the same checkpoint; 10 minutes later a new one covering all eight.
            try await app.testing().test(.GET, SiteURL.publicRecordsCheckpoint) { res in
                #expect((try? res.content.get(Int64.self, at: "treeSize")) == 5)
            }
            clock.advance(by: 601)
            var newRoot = ""
            try await app.testing().test(.GET, SiteURL.publicRecordsCheckpoint) { res in
                #expect(try res.content.get(Int64.self, at: "treeSize") == 8)
                newRoot = try res.content.get(String.self, at: "rootHash")
            }

            let tree = MerkleTree(algorithm: .sha256)
            try await app.testing().test(.GET, "/api/v1/public/records/consistency?from=5&to=8") { res in
                #expect(res.status == .ok)
                let p = try res.content.decode(RecordConsistencyDTO.self)
                #expect(p.fromRoot == cp.rootHash && p.toRoot == newRoot)
                #expect(tree.verifyConsistency(oldSize: 5, newSize: 8, oldRoot: Hex.decode(cp.rootHash)!, newRoot: Hex.decode(newRoot)!,
                                               proof: p.proof.map { Hex.decode($0)! }))
            }
            let entry = try #require(try await RecordLog.entry(index: 2, on: app.db))
            try await app.testing().test(.GET, SiteURL.publicRecordInclusion(2, size: 8)) { res in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains("\"n\""))   // no payload
                let p = try res.content.decode(RecordInclusionDTO.self)
                #expect(p.leafHash == entry.leafHash && p.rootHash == newRoot && p.checkpoint != nil)
                #expect(tree.verifyInclusion(index: 2, treeSize: 8, leafHash: Hex.decode(p.leafHash)!,
                                             proof: p.auditPath.map { Hex.decode($0)! }, root: Hex.decode(newRoot)!))
            }
            let published = try #require(try await RecordLog.publishedInclusion(index: 7, algorithm: .sha256, on: app.db))
            #expect(published.checkpoint.treeSize == 8 && Hex.encode(published.proof.root) == newRoot)

            for bad in ["from=&to=8", "from=abc&to=8", "to=8", "from=5&to=9", "from=6&to=5", "from=0&to=5", "from=-1&to=5", "from=1.5&to=5"] {
                try await app.testing().test(.GET, "/api/v1/public/records/consistency?\(bad)") { res in
                    #expect(res.status == .unprocessableEntity && res.errorCode == "VALIDATION_FAILED", "\(bad) → \(res.status)")
                }
            }
            for bad in ["entries/8/inclusion?size=8", "entries/2/inclusion?size=", "entries/2/inclusion?size=9", "entries/2/inclusion?size=x"] {
                try await app.testing().test(.GET, "/api/v1/public/records/\(bad)") { res in
                    #expect(res.status == .unprocessableEntity, "\(bad) → \(res.status)")
                }
            }
            try await app.testing().test(.GET, "/api/v1/public/records/entries/x/inclusion") { res in #expect(res.status == .notFound) }
            try await app.testing().test(.GET, "/api/v1/public/records/checkpoint?format=xml") { res in #expect(res.status == .unprocessableEntity) }
            try await app.testing().test(.GET, "/records?from=5&to=8") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("执法全过程记录存证") && res.body.string.contains(newRoot))
            }
            try await app.testing().test(.GET, "/records?from=9&to=8") { res in #expect(res.status == .unprocessableEntity) }
        }
    }

    @Test("an SM3 deployment hashes entries and checkpoints with SM3 and verifies")
    func sm3Deployment() async throws {
        try await withTestApp(demoData: false, recordHash: .sm3) { app, _ in
            try await Self.sixEntries(app)
            let e = try #require(try await RecordLog.entry(index: 3, on: app.db))
            #expect(e.algorithm == "sm3")
            #expect(e.entryHash == Hex.encode(SM3.hash(Hex.decode(e.prevHash)! + RecordChain.canonical(e.content))))
            let cp = try #require(try await RecordLog.latestCheckpoint(on: app.db))
            #expect(cp.note.contains("\nhash sm3\n") && cp.algorithm == "sm3")
            #expect(try await Self.verify(app).isEmpty)
            try await Self.tamper(app, [#"UPDATE record_entries SET actor = 'someone' WHERE leaf_index = 4"#])
            #expect(try await Self.verify(app) == [.edited(index: 4)])
        }
    }
}

@Suite("全过程记录: Encodable payloads")
struct RecordPayloadTests {
    struct Decision: Encodable {
        var title: String
        var amount: Int
        var approved: Bool
        var note: String?
        var articles: [String]
    }

    @Test("top-level properties become string values; nested values their sorted JSON; nil left out")
    func flatten() throws {
        let p = try RecordPayload.from(Decision(title: "行政处罚决定", amount: 5000, approved: true, note: nil, articles: ["第十条", "第二十条"]))
        #expect(p == ["title": "行政处罚决定", "amount": "5000", "approved": "true", "articles": #"["第十条","第二十条"]"#])
        #expect(throws: RecordPayloadError.self) { try RecordPayload.from(["a", "b"]) }
    }
}
