import Crypto
import Foundation

/// Hash chain over the security audit (等级保护 安全审计: 对审计记录进行保护，避免受到未预期的
/// 删除、修改或覆盖). Row n stores `prevHash` = hash of row n−1 (`genesis` for row 1) and
/// `hash = SHA-256(prevHash as UTF-8 ‖ canonical(record))` in lowercase hex. A separate head
/// (last seq and hash, updated in the same transaction as each insert) detects truncation.
///
/// Storage contract for the server: store `occurredAt` as the integer
/// `AuditChain.milliseconds(occurredAt)` and rebuild it with `AuditChain.date(milliseconds:)`;
/// store strings byte-for-byte and keep nil distinct from "". A timestamp column would not do:
/// PostgreSQL keeps microseconds and SQLite keeps text, and either may shift a sub-millisecond
/// `Date`; the canonical form hashes only whole milliseconds.
public enum AuditChain {
    /// `prevHash` of the first record.
    public static let genesis = String(repeating: "0", count: 64)

    /// Format version, the first byte of every canonical encoding.
    public static let canonicalVersion: UInt8 = 1

    /// Deterministic bytes of `record`: version byte; seq and occurredAt (milliseconds) as
    /// 8-byte big-endian signed integers; then actorID, actorName, ip, action, target, outcome,
    /// detail in that order, each as 0x00 for nil or 0x01 + 4-byte big-endian byte length +
    /// UTF-8 bytes (no Unicode normalization).
    public static func canonical(_ record: AuditRecord) -> Data {
        var data = Data([canonicalVersion])
        append(record.seq, to: &data)
        append(milliseconds(record.occurredAt), to: &data)
        for field in [record.actorID, record.actorName, record.ip, record.action,
                      record.target, record.outcome, record.detail] {
            guard let field else { data.append(0); continue }
            let bytes = Data(field.utf8)
            data.append(1)
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { data.append(contentsOf: $0) }
            data.append(bytes)
        }
        return data
    }

    /// Lowercase hex SHA-256 over the UTF-8 bytes of `previous` followed by `canonical(record)`.
    public static func hash(previous: String, record: AuditRecord) -> String {
        TokenDigest.sha256Hex(bytes: Data(previous.utf8) + canonical(record))
    }

    /// `date` as whole milliseconds since 1970, rounded to nearest.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    public static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// Verifies `entries`, which must be the whole log in ascending seq order starting at 1,
    /// against the stored `head` (nil when no head is kept). Stops at the first problem.
    /// A head older than the last entry is accepted when its hash matches the entry it names
    /// (rows appended after the head was read).
    public static func verify(
        _ entries: [(record: AuditRecord, prevHash: String, hash: String)],
        head: (seq: Int64, hash: String)?
    ) -> AuditVerification {
        var expectedSeq: Int64 = 1
        var previous = genesis
        var hashAtHead: String? = head?.seq == 0 ? genesis : nil
        for (index, entry) in entries.enumerated() {
            let seq = entry.record.seq
            if seq > expectedSeq {
                return AuditVerification(checked: index, problem: .gap(afterSeq: expectedSeq - 1, missingSeq: expectedSeq))
            }
            if seq < expectedSeq || entry.prevHash != previous {
                return AuditVerification(checked: index, problem: .brokenLink(seq: seq))
            }
            if hash(previous: entry.prevHash, record: entry.record) != entry.hash {
                return AuditVerification(checked: index, problem: .edited(seq: seq))
            }
            if seq == head?.seq { hashAtHead = entry.hash }
            previous = entry.hash
            expectedSeq += 1
        }
        if let head {
            if head.seq > expectedSeq - 1 {
                return AuditVerification(checked: entries.count, problem: .truncated(expectedHeadSeq: head.seq))
            }
            if hashAtHead != head.hash {
                return AuditVerification(checked: entries.count, problem: .headMismatch)
            }
        }
        return AuditVerification(checked: entries.count, problem: nil)
    }

    private static func append(_ value: Int64, to data: inout Data) {
        withUnsafeBytes(of: value.bigEndian) { data.append(contentsOf: $0) }
    }
}
