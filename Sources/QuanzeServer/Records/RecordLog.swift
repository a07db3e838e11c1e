import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// The 全过程记录: an append-only log of every step, document, decision and attachment of a case or
/// inspection. Each entry is a link in its stream's hash chain and a leaf of the whole log's
/// RFC 6962 Merkle tree (see docs/records.md). There is no update or delete; a correction is a new
/// entry whose `corrects` names the leaf index it corrects.
enum RecordLog {
    /// Appends one entry. Callable inside the caller's transaction (it then joins it); otherwise it
    /// opens its own. Appends lock the head row first, so concurrent appends from any number of
    /// instances on one database get unique, gap-free leaf indexes and stream sequences.
    @discardableResult
    static func append(stream: String, kind: String, payload: [String: String], actor: String?, corrects: Int64? = nil,
                       algorithm: RecordHashAlgorithm, now: Date, on db: any Database) async throws -> RecordEntry {
        try validate(stream: stream, kind: kind, payload: payload)
        return try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { throw RecordLogError.notSQL }
            try await sql.raw("UPDATE record_head SET size = size WHERE id = 1").run()
            guard let head = try await RecordHead.find(1, on: tx) else { throw RecordLogError.missingHead }
            if let corrects {
                guard corrects >= 0, corrects < head.size else {
                    throw AppError.validation("corrects", "须为已有记录条目的序号（0 至 \(head.size - 1)）")
                }
            }
            let last = try await RecordEntry.query(on: tx).filter(\.$stream == stream).sort(\.$streamSeq, .descending).first()
            let content = RecordEntryContent(
                index: head.size, stream: stream, streamSeq: (last?.streamSeq ?? 0) + 1, kind: kind, payload: payload,
                actor: actor, recordedAtMs: AuditChain.milliseconds(now), corrects: corrects, algorithm: algorithm)
            let previous = last.flatMap { Hex.decode($0.entryHash) } ?? RecordChain.genesis
            let entryHash = RecordChain.entryHash(previous: previous, content: content)
            let entry = RecordEntry()
            entry.leafIndex = content.index
            entry.stream = stream
            entry.streamSeq = content.streamSeq
            entry.kind = kind
            entry.payload = CanonicalJSON.encodeString(payload)
            entry.actor = actor
            entry.recordedMs = content.recordedAtMs
            entry.corrects = corrects
            entry.algorithm = algorithm.rawValue
            entry.prevHash = Hex.encode(previous)
            entry.entryHash = Hex.encode(entryHash)
            entry.leafHash = Hex.encode(RecordChain.leafHash(entryHash: entryHash, algorithm: algorithm))
            try await entry.create(on: tx)
            head.size += 1
            try await head.update(on: tx)
            return entry
        }
    }

    /// A stream's entries in order.
    static func entries(stream: String, on db: any Database) async throws -> [RecordEntry] {
        try await RecordEntry.query(on: db).filter(\.$stream == stream).sort(\.$streamSeq).all()
    }

    static func entry(index: Int64, on db: any Database) async throws -> RecordEntry? {
        try await RecordEntry.query(on: db).filter(\.$leafIndex == index).first()
    }

    /// The number of leaves (the head's count).
    static func size(on db: any Database) async throws -> Int64 {
        try await RecordHead.find(1, on: db)?.size ?? 0
    }

    /// Streams are `<kind>:<id>`; kinds are lowercase identifiers; payload keys and values are text.
    static func validate(stream: String, kind: String, payload: [String: String]) throws {
        let identifier = #"^[a-z][a-z0-9_.-]{0,49}$"#
        guard stream.range(of: #"^[a-z][a-z0-9_-]{0,29}:[A-Za-z0-9_.:-]{1,100}$"#, options: .regularExpression) != nil else {
            throw AppError.validation("stream", "记录流名称须为“类别:标识”，如 case:<uuid>")
        }
        guard kind.range(of: identifier, options: .regularExpression) != nil else {
            throw AppError.validation("kind", "记录类别须为小写英文标识")
        }
        for key in payload.keys where key.range(of: #"^[A-Za-z][A-Za-z0-9_.-]{0,49}$"#, options: .regularExpression) == nil {
            throw AppError.validation("payload", "记录内容的键“\(key)”须为英文标识")
        }
    }
}

enum RecordLogError: Error, CustomStringConvertible {
    case notSQL
    case missingHead
    /// Leaves below the requested size are missing or unreadable: run `quanze records verify`.
    case damagedLog
    case proofOutOfRange

    var description: String {
        switch self {
        case .notSQL: "全过程记录需要 SQL 数据库"
        case .missingHead: "全过程记录缺少日志头"
        case .damagedLog: "全过程记录的叶哈希不完整，请运行 quanze records verify"
        case .proofOutOfRange: "证明的序号或树大小超出范围"
        }
    }
}

extension Request {
    /// Appends to the 全过程记录 as the signed-in caller, at the injected clock's time, with the
    /// deployment's hash. Pass the caller's transaction as `db` to make the entry part of it.
    @discardableResult
    func record(stream: String, kind: String, payload: [String: String], corrects: Int64? = nil,
                on db: (any Database)? = nil) async throws -> RecordEntry {
        let p = auth.get(Principal.self)
        return try await RecordLog.append(stream: stream, kind: kind, payload: payload, actor: p?.username,
                                          corrects: corrects, algorithm: services.records.algorithm, now: now, on: db ?? self.db)
    }
}
