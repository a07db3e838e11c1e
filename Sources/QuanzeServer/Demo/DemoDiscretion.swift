import Fluent
import Foundation
import QuanzeCore

/// Demo 裁量基准 of 长春市市场监督管理局 under the penalty articles its powers cite, so that an
/// amendment of those articles flags them on the 需调整 list together with the powers. The levels
/// list the kinds they allow and share only their end figures; the factors cite their basis.
enum DemoDiscretion {
    static let foodKinds: [PenaltyKind] = [.fine, .confiscation]
    /// 食品安全法 第一百二十二条 (货值金额不足一万元的，并处五万元以上十万元以下罚款), in four levels.
    static let foodLevels: [DiscretionTier] = [
        DiscretionTier(circumstance: "轻微", sanction: "没收违法所得，并处罚款", allowedKinds: foodKinds, minAmount: 50_000, maxAmount: 60_000),
        DiscretionTier(circumstance: "一般", sanction: "没收违法所得，并处罚款", allowedKinds: foodKinds, minAmount: 60_000, maxAmount: 80_000),
        DiscretionTier(circumstance: "较重", sanction: "没收违法所得，并处罚款", allowedKinds: foodKinds, minAmount: 80_000, maxAmount: 90_000),
        DiscretionTier(circumstance: "严重", sanction: "没收违法所得，并处罚款；情节严重的，吊销许可证",
                       allowedKinds: foodKinds + [.revokeLicence], minAmount: 90_000, maxAmount: 100_000),
    ]
    static let mitigating = DiscretionFactor(kind: .mitigating, text: "主动消除或者减轻违法行为危害后果", basis: "行政处罚法 第三十二条(一)")
    static let aggravating = DiscretionFactor(kind: .aggravating, text: "违法行为持续时间长、涉案食品数量大")
    static let foodFactors: [DiscretionFactor] = [
        mitigating,
        DiscretionFactor(kind: .mitigating, text: "配合行政机关查处违法行为有立功表现", basis: "行政处罚法 第三十二条(四)"),
        aggravating,
        DiscretionFactor(kind: .aggravating, text: "被责令改正后拒不改正"),
    ]

    static func load(on db: any Database) async throws {
        let amr = DemoIDs.uuid("agency:amr")
        let rows: [(String, String?, String, String, [DiscretionTier], [DiscretionFactor])] = [
            ("discretion:amr:1", "power:amr:XZCF-001", "article:foodsafety:第一百二十二条", "未取得食品经营许可从事食品经营活动（货值金额不足一万元）",
             foodLevels, foodFactors),
            ("discretion:amr:2", "power:amr:XZCF-001", "article:penalty2021:第五十一条", "违法事实确凿、情节轻微的当场处罚", [
                DiscretionTier(circumstance: "初次违法", sanction: "警告", allowedKinds: [.warning], minAmount: nil, maxAmount: nil),
                DiscretionTier(circumstance: "再次违法", sanction: "罚款（法人或者其他组织）", allowedKinds: [.fine], minAmount: 500, maxAmount: 3_000),
            ], [DiscretionFactor(kind: .mitigating, text: "当场改正违法行为")]),
        ]
        for (key, item, article, violation, tiers, factors) in rows {
            try await DiscretionBenchmark(id: DemoIDs.uuid(key), agencyID: amr, powerItemID: item.map(DemoIDs.uuid), articleID: DemoIDs.uuid(article),
                                          violation: violation, tiers: tiers, factors: factors).create(on: db)
        }
    }
}
