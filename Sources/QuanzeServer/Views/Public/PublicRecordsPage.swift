import Foundation
import Plot
import QuanzeCore

/// 全过程记录公示: the latest checkpoint, the verifier key, and how anyone checks that the record
/// only grew (004 篇十二：探索成本低、效果好、易保存、不能删改的记录方式).
struct PublicRecordsPage {
    let checkpoint: RecordCheckpoint
    let verifierKey: String
    let algorithm: RecordHashAlgorithm
    var from = ""
    var to = ""
    var proof: RecordConsistencyDTO?
    var error: String?

    func render() -> HTML {
        Layout.publicPage(title: "执法全过程记录存证", content: .div(
            .h1(.text("执法全过程记录存证")),
            .p(.text("每起案件和检查的每个步骤、文书、决定和证据都记入只增不改的全过程记录。记录按 RFC 6962 默克尔树组织，平台定期以其密钥签发检查点（记录总数和树根哈希）。持有旧检查点的任何人都可以索取一致性证明，确认记录只增加、未被删改。")),
            .h2(.text("最新检查点")),
            .dl(
                .dt(.text("记录总数（树大小）")), .dd(.text("\(checkpoint.treeSize)")),
                .dt(.text("树根哈希")), .dd(.code(.text(checkpoint.rootHash))),
                .dt(.text("哈希算法")), .dd(.text(algorithm.label)),
                .dt(.text("签发时间")), .dd(.text(UI.dateTime(checkpoint.createdAt))),
                .dt(.text("平台公钥（Ed25519，签名便笺验证密钥格式）")), .dd(.code(.text(verifierKey)))
            ),
            .pre(.code(.text(checkpoint.note))),
            .p(.a(.href(SiteURL.publicRecordsCheckpointNote), .text("下载检查点文件")), .text("（JSON 格式："),
               .a(.href(SiteURL.publicRecordsCheckpoint), .text("checkpoint")), .text("）")),
            .h2(.text("一致性证明")),
            .p(.text("输入您保存的旧检查点的记录总数和新的记录总数，获取证明新树包含旧树的一致性证明（RFC 9162 第 2.1.4 节）。")),
            UI.alert(error),
            .form(.method(.get), .action(SiteURL.publicRecords), .class("search"),
                  UI.field("旧记录总数（from）", name: "from", value: from),
                  UI.field("新记录总数（to）", name: "to", value: to),
                  .button(.type(.submit), .text("获取证明"))),
            .unwrap(proof) { p in
                .div(.class("proof"),
                     .p(.text("树大小 \(p.from) 的根：")), .pre(.code(.text(p.fromRoot))),
                     .p(.text("树大小 \(p.to) 的根：")), .pre(.code(.text(p.toRoot))),
                     .p(.text("证明（\(p.proof.count) 个哈希）：")), .pre(.code(.text(p.proof.joined(separator: "\n")))))
            },
            .h2(.text("如何验证")),
            .ol(
                .li(.text("下载检查点文件，用上面的平台公钥按签名便笺（signed note）格式验证 Ed25519 签名。")),
                .li(.text("索取您保存的旧检查点到新检查点的一致性证明，按 RFC 9162 第 2.1.4.2 节验证：旧树根和新树根都能由证明算出。")),
                .li(.text("公布的执法决定附有包含证明：用叶哈希和审计路径按 RFC 9162 第 2.1.3.2 节算出树根，与已签名检查点的树根比对。")),
                .li(.text("叶哈希 = H(0x00 ‖ 条目哈希)，内部节点 = H(0x01 ‖ 左 ‖ 右)；H 为 SHA-256 或 SM3（国密）。"))
            ),
            .p(.class("hint"), .text("依据：《法治政府建设实施纲要》及 004 篇十二“建立健全行政执法全过程记录制度……探索成本低、效果好、易保存、不能删改的记录方式”。"))
        ))
    }
}
