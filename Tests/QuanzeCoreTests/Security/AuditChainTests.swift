import Foundation
import Testing
@testable import QuanzeCore

@Suite("AuditChain")
struct AuditChainTests {
    typealias Entry = (record: AuditRecord, prevHash: String, hash: String)

    static let t0 = Date(timeIntervalSince1970: 1_750_000_000.123)

    static func records(_ n: Int) -> [AuditRecord] {
        (1...n).map { (i: Int) -> AuditRecord in
            let offset: TimeInterval = Double(i) * 61.007
            let name: String? = i == 2 ? nil : "安全管理员\(i)"
            return AuditRecord(
                seq: Int64(i), occurredAt: t0.addingTimeInterval(offset), actorID: "u\(i)",
                actorName: name, ip: "10.0.0.\(i)", action: "role.grant",
                target: "user:\(i + 100)", outcome: i == 4 ? "failure" : "success", detail: "授予 执法人员 角色")
        }
    }

    static func chain(_ records: [AuditRecord]) -> [Entry] {
        var previous = AuditChain.genesis
        return records.map { r in
            let h = AuditChain.hash(previous: previous, record: r)
            defer { previous = h }
            return (r, previous, h)
        }
    }

    let entries = Self.chain(Self.records(5))
    var head: (seq: Int64, hash: String) { (5, entries[4].hash) }

    @Test func intactChainVerifies() {
        #expect(AuditChain.genesis == String(repeating: "0", count: 64))
        #expect(entries[0].prevHash == AuditChain.genesis)
        let v = AuditChain.verify(entries, head: head)
        #expect(v == AuditVerification(checked: 5, problem: nil))
        #expect(v.ok)
        #expect(AuditChain.verify(entries, head: nil).ok)
        #expect(AuditChain.verify([], head: nil).ok)
        #expect(AuditChain.verify([], head: (0, AuditChain.genesis)).ok)
    }

    @Test func editedFieldOfRow3() {
        var e = entries
        e[2].record.outcome = "failure"
        let v = AuditChain.verify(e, head: head)
        #expect(v.problem == .edited(seq: 3))
        #expect(v.checked == 2)
        #expect(!v.ok)
        #expect(v.problem?.description == "第 3 条审计记录的内容与其哈希值不符，记录可能被篡改")
    }

    @Test(arguments: [
        { (r: inout AuditRecord) in r.actorName = nil },
        { (r: inout AuditRecord) in r.detail = "" },
        { (r: inout AuditRecord) in r.occurredAt += 0.001 },
        { (r: inout AuditRecord) in r.ip = "10.0.0.33" },
    ] as [@Sendable (inout AuditRecord) -> Void])
    func anyFieldEditIsDetected(_ edit: @Sendable (inout AuditRecord) -> Void) {
        var e = entries
        edit(&e[2].record)
        #expect(AuditChain.verify(e, head: head).problem == .edited(seq: 3))
    }

    @Test func deletedRow3IsAGap() {
        var e = entries
        e.remove(at: 2)
        let v = AuditChain.verify(e, head: head)
        #expect(v.problem == .gap(afterSeq: 2, missingSeq: 3))
        #expect(v.checked == 2)
    }

    @Test func deletedFirstRowIsAGap() {
        let v = AuditChain.verify(Array(entries.dropFirst()), head: head)
        #expect(v.problem == .gap(afterSeq: 0, missingSeq: 1))
    }

    @Test func deletedLastRowIsTruncation() {
        let e = Array(entries.dropLast())
        #expect(AuditChain.verify(e, head: head).problem == .truncated(expectedHeadSeq: 5))
        #expect(AuditChain.verify(e, head: nil).ok, "without a head a truncation is invisible")
        #expect(AuditChain.verify([], head: head).problem == .truncated(expectedHeadSeq: 5))
    }

    @Test func changedPrevHashBreaksTheLink() {
        var e = entries
        e[2].prevHash = String(repeating: "a", count: 64)
        #expect(AuditChain.verify(e, head: head).problem == .brokenLink(seq: 3))
    }

    @Test func rewrittenRowBreaksTheNextLink() {
        var e = entries
        e[2].record.detail = "改写"
        e[2].hash = AuditChain.hash(previous: e[2].prevHash, record: e[2].record)
        #expect(AuditChain.verify(e, head: head).problem == .brokenLink(seq: 4))
    }

    @Test func duplicatedRowBreaksTheLink() {
        var e = entries
        e.insert(e[2], at: 3)
        #expect(AuditChain.verify(e, head: head).problem == .brokenLink(seq: 3))
    }

    @Test func headMismatch() {
        let bad = (seq: Int64(5), hash: String(repeating: "f", count: 64))
        #expect(AuditChain.verify(entries, head: bad).problem == .headMismatch)
        // Rewriting the whole tail without updating the head is caught too.
        var e = entries
        e[4].record.detail = "改写"
        e[4].hash = AuditChain.hash(previous: e[4].prevHash, record: e[4].record)
        #expect(AuditChain.verify(e, head: head).problem == .headMismatch)
    }

    @Test func olderHeadAcceptedWhenItMatches() {
        #expect(AuditChain.verify(entries, head: (3, entries[2].hash)).ok)
        #expect(AuditChain.verify(entries, head: (3, entries[3].hash)).problem == .headMismatch)
    }

    @Test func canonicalFormIsPinned() {
        let r = AuditRecord(seq: 1, occurredAt: Date(timeIntervalSince1970: 1), action: "a", outcome: "ok")
        let hex = AuditChain.canonical(r).map { String(format: "%02x", $0) }.joined()
        #expect(hex == "01000000000000000100000000000003e80000000100000001610001000000026f6b00")
        #expect(AuditChain.hash(previous: AuditChain.genesis, record: r)
            == "07bb973234bd74d9e3312f59c6cfde83e1e1b1ade3917faf9a533cc270fed82a")
    }

    @Test func nilAndEmptyDiffer() {
        var a = AuditRecord(seq: 1, occurredAt: Self.t0, action: "x", outcome: "y")
        let nilHash = AuditChain.hash(previous: AuditChain.genesis, record: a)
        a.detail = ""
        #expect(AuditChain.hash(previous: AuditChain.genesis, record: a) != nilHash)
        // Field boundaries are unambiguous: moving text between fields changes the hash.
        let b = AuditRecord(seq: 1, occurredAt: Self.t0, action: "xy", outcome: "")
        let c = AuditRecord(seq: 1, occurredAt: Self.t0, action: "x", outcome: "y")
        #expect(AuditChain.canonical(b) != AuditChain.canonical(c))
    }

    /// The server stores `occurredAtMilliseconds` and rebuilds the Date: the hash must survive.
    @Test func millisecondRoundTripKeepsTheHash() {
        for micro in stride(from: 0.0, to: 0.002, by: 0.000_037) {
            let original = AuditRecord(seq: 7, occurredAt: Self.t0 + micro, action: "login", outcome: "success")
            var stored = original
            stored.occurredAt = AuditChain.date(milliseconds: original.occurredAtMilliseconds)
            #expect(AuditChain.hash(previous: AuditChain.genesis, record: stored)
                == AuditChain.hash(previous: AuditChain.genesis, record: original))
            #expect(original.roundedToMilliseconds() == stored)
        }
        for ms: Int64 in [0, 1, 999, 1_750_000_000_123, 4_102_444_800_999, -1] {
            #expect(AuditChain.milliseconds(AuditChain.date(milliseconds: ms)) == ms)
        }
    }

    @Test func descriptionsAreChinese() {
        #expect(AuditVerification.Problem.gap(afterSeq: 2, missingSeq: 3).description.contains("第 2 条之后缺少第 3 条"))
        #expect(AuditVerification.Problem.truncated(expectedHeadSeq: 5).description.contains("第 5 条"))
        #expect(AuditVerification(checked: 5, problem: nil).description == "审计日志完整，共校验 5 条")
    }
}
