import Fluent
import Foundation
import QuanzeCore
import SQLKit

/// Appends to the hash-chained audit log. Appends are serialised within the process by the actor
/// and across processes by taking the head row's write lock first (an UPDATE opens the write
/// transaction in SQLite and locks the row in PostgreSQL) before reading it.
/// Personal data (ID numbers, phones) is masked before it is written.
actor AuditWriter {
    func append(_ event: AuditEvent, on db: any Database, now: Date) async throws {
        try await db.transaction { tx in
            try await Self.append(event, on: tx, now: now)
        }
    }

    private static func append(_ event: AuditEvent, on tx: any Database, now: Date) async throws {
        guard let sql = tx as? any SQLDatabase else { throw AuditWriteError.notSQL }
        try await sql.raw("UPDATE audit_head SET seq = seq WHERE id = 1").run()
        guard let head = try await AuditHead.find(1, on: tx) else { throw AuditWriteError.missingHead }
        let millis = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        let record = AuditRecord(
            seq: head.seq + 1,
            occurredAt: Date(timeIntervalSince1970: Double(millis) / 1000),
            actorID: event.actorID,
            actorName: event.actorName.map(PersonalDataMasker.maskText),
            ip: event.ip,
            action: event.action.rawValue,
            target: event.target.map(PersonalDataMasker.maskText),
            outcome: event.outcome.rawValue,
            detail: event.detail.map(PersonalDataMasker.maskText)
        )
        let hash = AuditChain.hash(previous: head.hash, record: record)
        let entry = AuditEntry()
        entry.seq = record.seq
        entry.occurredMs = millis
        entry.actorID = record.actorID
        entry.actorName = record.actorName
        entry.ip = record.ip
        entry.action = record.action
        entry.target = record.target
        entry.outcome = record.outcome
        entry.detail = record.detail
        entry.prevHash = head.hash
        entry.hash = hash
        try await entry.create(on: tx)
        head.seq = record.seq
        head.hash = hash
        try await head.update(on: tx)
    }
}

enum AuditWriteError: Error {
    case notSQL
    case missingHead
}

extension AuditEntry {
    var record: AuditRecord {
        AuditRecord(seq: seq, occurredAt: Date(timeIntervalSince1970: Double(occurredMs) / 1000),
                    actorID: actorID, actorName: actorName, ip: ip, action: action, target: target,
                    outcome: outcome, detail: detail)
    }
}
