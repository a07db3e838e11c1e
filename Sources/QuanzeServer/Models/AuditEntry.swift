import Fluent
import Foundation

/// One row of the append-only, hash-chained security audit (安全审计日志).
/// `occurred_ms` is stored as integer milliseconds so the hash survives any database's time precision.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?

    @Field(key: "seq") var seq: Int64
    @Field(key: "occurred_ms") var occurredMs: Int64
    @OptionalField(key: "actor_id") var actorID: String?
    @OptionalField(key: "actor_name") var actorName: String?
    @OptionalField(key: "ip") var ip: String?
    @Field(key: "action") var action: String
    @OptionalField(key: "target") var target: String?
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "detail") var detail: String?
    @Field(key: "prev_hash") var prevHash: String
    @Field(key: "hash") var hash: String

    init() {}
}

/// The chain's head: the last sequence number and hash, updated in the same transaction as each
/// append. It detects rows deleted from the end of the chain and serialises writers.
final class AuditHead: Model, @unchecked Sendable {
    static let schema = "audit_head"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "seq") var seq: Int64
    @Field(key: "hash") var hash: String

    init() {}

    init(seq: Int64, hash: String) {
        self.id = 1
        self.seq = seq
        self.hash = hash
    }
}
