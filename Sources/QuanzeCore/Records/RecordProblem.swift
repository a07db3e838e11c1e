/// One thing `RecordLogCheck` (and the server's evidence check) found wrong with the 全过程记录.
/// Each names the entry (leaf index), stream position, checkpoint size or file it concerns.
public enum RecordProblem: Sendable, Equatable, CustomStringConvertible {
    /// The entry's content no longer hashes to its stored entry hash.
    case edited(index: Int64)
    /// The stored leaf hash is not H(0x00 ‖ entry hash).
    case leafMismatch(index: Int64)
    /// No entry has this leaf index (deleted from the middle or the start).
    case missing(index: Int64)
    /// Two rows claim one leaf index.
    case duplicate(index: Int64)
    /// A stream's sequence skips `seq`.
    case streamGap(stream: String, seq: Int64)
    /// The entry's previous hash is not the hash of the stream's previous entry.
    case brokenLink(index: Int64, stream: String, seq: Int64)
    /// The two entries exchanged their positions (index and stream sequence).
    case reordered(first: Int64, second: Int64)
    /// Entries from `from` on are gone: a checkpoint or the log head says the log reached `expectedSize`.
    case truncated(from: Int64, expectedSize: Int64)
    /// The Merkle root of the first `size` entries differs from the signed checkpoint.
    case rootMismatch(size: Int64)
    /// The checkpoint's signed note does not verify or disagrees with its row.
    case badCheckpoint(size: Int64)
    /// An evidence file's bytes are gone.
    case evidenceMissing(sha256: String)
    /// An evidence file's bytes no longer hash to its name (changed or swapped).
    case evidenceChanged(sha256: String)
    /// An entry names an evidence file that has no row.
    case evidenceUnknown(sha256: String, index: Int64)

    public var code: String {
        switch self {
        case .edited: "edited"
        case .leafMismatch: "leaf_mismatch"
        case .missing: "missing"
        case .duplicate: "duplicate"
        case .streamGap: "stream_gap"
        case .brokenLink: "broken_link"
        case .reordered: "reordered"
        case .truncated: "truncated"
        case .rootMismatch: "root_mismatch"
        case .badCheckpoint: "bad_checkpoint"
        case .evidenceMissing: "evidence_missing"
        case .evidenceChanged: "evidence_changed"
        case .evidenceUnknown: "evidence_unknown"
        }
    }

    public var description: String {
        switch self {
        case .edited(let i): "记录条目 #\(i) 的内容与其哈希不符：内容被修改（edited index=\(i)）"
        case .leafMismatch(let i): "记录条目 #\(i) 的叶哈希与条目哈希不符（leaf_mismatch index=\(i)）"
        case .missing(let i): "记录条目 #\(i) 缺失：条目被删除（missing index=\(i)）"
        case .duplicate(let i): "记录条目序号 #\(i) 重复出现（duplicate index=\(i)）"
        case .streamGap(let s, let q): "记录流 \(s) 缺少第 \(q) 条（stream_gap stream=\(s) seq=\(q)）"
        case .brokenLink(let i, let s, let q): "记录条目 #\(i)（\(s) 第 \(q) 条）的前序哈希与上一条不符，哈希链断裂（broken_link index=\(i)）"
        case .reordered(let a, let b): "记录条目 #\(a) 与 #\(b) 的顺序被调换（reordered index=\(a),\(b)）"
        case .truncated(let from, let size): "记录末尾自 #\(from) 起被删除：检查点或日志头记载共 \(size) 条（truncated from=\(from) size=\(size)）"
        case .rootMismatch(let size): "前 \(size) 条记录的默克尔树根与已签名检查点不符（root_mismatch size=\(size)）"
        case .badCheckpoint(let size): "树大小为 \(size) 的检查点签名无效或与其记录不符（bad_checkpoint size=\(size)）"
        case .evidenceMissing(let sha): "证据文件 \(sha) 缺失（evidence_missing sha256=\(sha)）"
        case .evidenceChanged(let sha): "证据文件 \(sha) 的内容与其 SHA-256 不符：文件被修改或替换（evidence_changed sha256=\(sha)）"
        case .evidenceUnknown(let sha, let i): "记录条目 #\(i) 引用的证据文件 \(sha) 没有登记（evidence_unknown sha256=\(sha) index=\(i)）"
        }
    }
}
