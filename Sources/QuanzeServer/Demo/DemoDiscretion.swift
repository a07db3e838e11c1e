import Fluent
import Foundation

/// Demo 裁量基准 of 长春市市场监督管理局 under the penalty articles its powers cite, so that an
/// amendment of those articles flags them on the 需调整 list together with the powers.
enum DemoDiscretion {
    static func load(on db: any Database) async throws {
        let amr = DemoIDs.uuid("agency:amr")
        let rows: [(String, String?, String, String, [DiscretionTier])] = [
            ("discretion:amr:1", "power:amr:XZCF-001", "article:foodsafety:第一百二十二条", "未取得食品经营许可从事食品经营活动（货值金额不足一万元）", [
                DiscretionTier(circumstance: "轻微", sanction: "没收违法所得，并处罚款", minAmount: 50_000, maxAmount: 65_000),
                DiscretionTier(circumstance: "一般", sanction: "没收违法所得，并处罚款", minAmount: 65_000, maxAmount: 85_000),
                DiscretionTier(circumstance: "严重", sanction: "没收违法所得，并处罚款", minAmount: 85_000, maxAmount: 100_000),
            ]),
            ("discretion:amr:2", "power:amr:XZCF-001", "article:penalty2021:第五十一条", "违法事实确凿、情节轻微的当场处罚", [
                DiscretionTier(circumstance: "初次违法", sanction: "警告", minAmount: nil, maxAmount: nil),
                DiscretionTier(circumstance: "再次违法", sanction: "罚款（法人或者其他组织）", minAmount: 500, maxAmount: 3_000),
            ]),
        ]
        for (key, item, article, violation, tiers) in rows {
            try await DiscretionBenchmark(id: DemoIDs.uuid(key), agencyID: amr, powerItemID: item.map(DemoIDs.uuid), articleID: DemoIDs.uuid(article),
                                          violation: violation, tiers: tiers).create(on: db)
        }
    }
}
