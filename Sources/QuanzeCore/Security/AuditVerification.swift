/// Result of `AuditChain.verify`: how many entries checked out, and the first problem found.
public struct AuditVerification: Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// The row's content no longer matches its stored hash.
        case edited(seq: Int64)
        /// The row's `prevHash` is not the previous row's hash (or seq repeats / goes backwards).
        case brokenLink(seq: Int64)
        /// Rows are missing in the middle (or at the start): `missingSeq` is the first absent one.
        case gap(afterSeq: Int64, missingSeq: Int64)
        /// Rows are missing at the end: the head says the log reaches `expectedHeadSeq`.
        case truncated(expectedHeadSeq: Int64)
        /// The head's hash differs from the hash of the row it names.
        case headMismatch

        public var code: String {
            switch self {
            case .edited: "edited"
            case .brokenLink: "broken_link"
            case .gap: "gap"
            case .truncated: "truncated"
            case .headMismatch: "head_mismatch"
            }
        }

        /// The seq the problem is anchored to, for linking in the UI.
        public var seq: Int64? {
            switch self {
            case .edited(let s), .brokenLink(let s): s
            case .gap(_, let missing): missing
            case .truncated(let head): head
            case .headMismatch: nil
            }
        }

        public var description: String {
            switch self {
            case .edited(let seq):
                "第 \(seq) 条审计记录的内容与其哈希值不符，记录可能被篡改"
            case .brokenLink(let seq):
                "第 \(seq) 条审计记录的前序哈希与上一条记录不符，哈希链断裂"
            case .gap(let after, let missing):
                after == 0
                    ? "审计记录缺少第 \(missing) 条（日志开头的记录被删除）"
                    : "审计记录在第 \(after) 条之后缺少第 \(missing) 条，记录可能被删除"
            case .truncated(let head):
                "审计日志末尾的记录被删除：日志头记载应至第 \(head) 条"
            case .headMismatch:
                "审计日志头的哈希值与对应记录不符，日志头或末尾记录可能被篡改"
            }
        }
    }

    /// Entries verified before the first problem (all of them when `ok`).
    public let checked: Int
    public let problem: Problem?

    public init(checked: Int, problem: Problem?) {
        self.checked = checked
        self.problem = problem
    }

    public var ok: Bool { problem == nil }

    public var description: String {
        problem.map { "审计日志校验未通过（已校验 \(checked) 条）：\($0.description)" }
            ?? "审计日志完整，共校验 \(checked) 条"
    }
}
