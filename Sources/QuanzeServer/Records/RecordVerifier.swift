import Fluent
import Foundation
import QuanzeCore

/// `quanze records verify` and the case page's integrity: the whole log (`RecordLogCheck`) plus
/// every evidence file (present, and its bytes hash to its name) and every evidence reference.
enum RecordVerifier {
    struct Report: Sendable {
        var entries: Int
        var checkpoints: Int
        var evidenceFiles: Int
        var problems: [RecordProblem]

        var ok: Bool { problems.isEmpty }

        var summary: String {
            ok ? "全过程记录完整：\(entries) 条记录、\(checkpoints) 个检查点、\(evidenceFiles) 个证据文件均校验通过"
               : "全过程记录校验未通过，发现 \(problems.count) 个问题（共 \(entries) 条记录、\(checkpoints) 个检查点、\(evidenceFiles) 个证据文件）"
        }
    }

    static func verify(settings: RecordSettings, on db: any Database) async throws -> Report {
        // Head first: entries appended after this read only extend the log.
        let head = try await RecordHead.find(1, on: db)
        let checkpoints = try await RecordCheckpoint.query(on: db).all()
        let entries = try await RecordEntry.query(on: db).sort(\.$leafIndex).all()
        var problems = try settings.check().run(entries: entries.map(\.stored), checkpoints: checkpoints.map(\.stored), headSize: head?.size)
        let files = try await EvidenceFile.query(on: db).all()
        problems += try evidenceProblems(files: files, entries: entries, store: EvidenceStore(settings: settings))
        return Report(entries: entries.count, checkpoints: checkpoints.count, evidenceFiles: files.count, problems: problems)
    }

    /// Each file exists and hashes to its name; each `evidence` entry's `sha256` has a row.
    static func evidenceProblems(files: [EvidenceFile], entries: [RecordEntry], store: EvidenceStore) throws -> [RecordProblem] {
        var problems: [RecordProblem] = []
        var known = Set<String>()
        for file in files.sorted(by: { ($0.id ?? "") < ($1.id ?? "") }) {
            guard let sha = file.id else { continue }
            known.insert(sha)
            switch try store.digest(of: sha) {
            case nil: problems.append(.evidenceMissing(sha256: sha))
            case let digest? where digest != sha: problems.append(.evidenceChanged(sha256: sha))
            default: break
            }
        }
        for entry in entries {
            guard let sha = entry.payloadObject["sha256"], entry.kind == "evidence" else { continue }
            if !known.contains(sha) { problems.append(.evidenceUnknown(sha256: sha, index: entry.leafIndex)) }
        }
        return problems
    }

    /// What a case or inspection page shows: the stream's own chain, and how much of it a signed checkpoint covers.
    struct Integrity: Sendable {
        var entries: Int
        var problems: [RecordProblem]
        /// Entries with a leaf index below the latest checkpoint's size.
        var checkpointed: Int
        var checkpointSize: Int64?

        var ok: Bool { problems.isEmpty }

        var summary: String {
            guard ok else { return "记录完整性校验未通过：" + problems.map(\.description).joined(separator: "；") }
            let cover = checkpointSize.map { "，其中 \(checkpointed) 条已纳入树大小为 \($0) 的已签名检查点" } ?? "，尚无已签名检查点"
            return "记录完整：共 \(entries) 条，哈希链校验通过\(cover)"
        }
    }

    static func integrity(stream: String, on db: any Database) async throws -> Integrity {
        try await integrity(of: try await RecordLog.entries(stream: stream, on: db), on: db)
    }

    /// The integrity of a stream's entries already read (a page that also lists them).
    static func integrity(of entries: [RecordEntry], on db: any Database) async throws -> Integrity {
        let latest = try await RecordLog.latestCheckpoint(on: db)
        let problems = RecordLogCheck.stream(entries.map(\.stored))
        let covered = entries.filter { $0.leafIndex < (latest?.treeSize ?? 0) }.count
        return Integrity(entries: entries.count, problems: problems, checkpointed: covered, checkpointSize: latest?.treeSize)
    }
}
