import Foundation
import Plot
import QuanzeCore

/// Building blocks for pages that show the 全过程记录: a case or inspection page's integrity
/// badge and entry list, and a published decision's inclusion proof.
enum RecordViews {
    /// The stream's integrity (`RecordVerifier.integrity(stream:)`), as a badge and a sentence.
    static func integrity(_ i: RecordVerifier.Integrity) -> Node<HTML.BodyContext> {
        .section(.class("record-integrity"),
                 .h2(.text("全过程记录")),
                 .p(.span(.class(i.ok ? "badge ok" : "badge warn"), .text(i.ok ? "完整" : "校验未通过")), .text(" "), .text(i.summary)))
    }

    /// The stream's entries, oldest first (index, time, kind, actor, entry hash).
    static func entries(_ list: [RecordEntry]) -> Node<HTML.BodyContext> {
        UI.table(caption: "记录条目（\(list.count) 条）", headers: ["序号", "时间", "类别", "记录人", "内容", "条目哈希"], rows: list.map { e in
            let content = e.payloadObject.sorted { $0.key < $1.key }.map { "\($0.key)：\($0.value)" }.joined(separator: "；")
            return [.text("#\(e.leafIndex)"), .text(UI.dateTime(e.recordedAt)), .text(e.kind + (e.corrects.map { "（更正 #\($0)）" } ?? "")),
                    .text(e.actor ?? "—"), .text(content), .code(.text(String(e.entryHash.prefix(16)) + "…"))]
        }, empty: "尚无记录。")
    }

    /// A published decision's proof that its entry is in a signed checkpoint
    /// (`RecordLog.publishedInclusion(index:algorithm:on:)`); nil → “not yet in a checkpoint”.
    static func inclusion(_ published: (proof: RecordLog.InclusionProof, checkpoint: RecordCheckpoint)?) -> Node<HTML.BodyContext> {
        guard let published else {
            return .p(.class("hint"), .text("该决定的记录尚未纳入已签名检查点，下一个检查点签发后可查验。"))
        }
        let (p, cp) = published
        return .details(.class("record-proof"),
                        .summary(.text("存证：记录 #\(p.index) 已纳入树大小为 \(cp.treeSize) 的已签名检查点")),
                        .p(.text("叶哈希：")), .pre(.code(.text(Hex.encode(p.leafHash)))),
                        .p(.text("审计路径（\(p.path.count) 个哈希，RFC 9162 2.1.3.2）：")),
                        .pre(.code(.text(p.path.map(Hex.encode).joined(separator: "\n")))),
                        .p(.text("检查点：")), .pre(.code(.text(cp.note))),
                        .p(.a(.href(SiteURL.publicRecords), .text("如何验证"))))
    }
}
