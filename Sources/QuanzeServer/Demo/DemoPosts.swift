import Fluent
import Foundation
import QuanzeCore

/// Demo 分解职权 for 长春市市场监督管理局 (the demo body with power items): four units, five posts.
/// Deliberately: XZQZ-001 is held by no post (未分解), XZCF-001 is held by two parallel 检查 posts
/// of different units with a written reason (交叉重复), and 法制审核岗 has no officer.
/// Officers are assigned only if the body has serving officers (they come from the officer demo
/// data, which must load first); otherwise every post stays without officer.
enum DemoPosts {
    struct PostRow {
        let key: String
        let unit: String
        let name: String
        let duties: Set<PostDuty>
        let powers: [(code: String, reason: String?)]
        /// Start date of the demo assignment, or nil to leave the post empty.
        let since: String?
    }

    static let units: [(key: String, name: String, description: String)] = [
        ("licensing", "行政审批科", "食品经营许可的受理、审查和决定"),
        ("inspect", "执法稽查科", "案件查办"),
        ("food", "食品安全监督管理科", "食品生产经营日常监督检查"),
        ("legal", "法规科", "重大执法决定法制审核"),
    ]

    static let posts: [PostRow] = [
        PostRow(key: "accept", unit: "licensing", name: "许可受理审查岗", duties: [.handle, .review], powers: [("XZXK-001", nil)], since: "2024-06-01"),
        PostRow(key: "decide", unit: "licensing", name: "许可决定岗", duties: [.approve], powers: [("XZXK-001", nil)], since: "2022-03-15"),
        PostRow(key: "case", unit: "inspect", name: "案件承办岗", duties: [.handle, .inspect], powers: [("XZCF-001", nil)], since: "2019-03-01"),
        PostRow(key: "patrol", unit: "food", name: "日常检查岗", duties: [.inspect],
                powers: [("XZCF-001", "日常检查中当场发现的无证经营由检查岗立案查处，其余案件移交执法稽查科；按案件来源分工，经局务会议确定")],
                since: "2021-09-01"),
        PostRow(key: "review", unit: "legal", name: "法制审核岗", duties: [.legalReview], powers: [("XZCF-001", nil)], since: nil),
    ]

    static func load(on db: any Database) async throws {
        let amr = DemoIDs.uuid("agency:amr")
        for u in units {
            try await EnforcementUnit(id: DemoIDs.uuid("unit:amr:\(u.key)"), agencyID: amr, name: u.name, description: u.description).create(on: db)
        }
        let officers = try await Officer.query(on: db).filter(\.$agency.$id == amr).filter(\.$status == .serving).sort(\.$hiredOn).all()
        var next = 0
        for row in posts {
            let postID = DemoIDs.uuid("post:amr:\(row.key)")
            try await EnforcementPost(id: postID, agencyID: amr, unitID: DemoIDs.uuid("unit:amr:\(row.unit)"), name: row.name,
                                      duties: row.duties).create(on: db)
            for power in row.powers {
                try await PostPower(postID: postID, itemID: DemoIDs.uuid("power:amr:\(power.code)"), overlapReason: power.reason).create(on: db)
            }
            guard let since = row.since, !officers.isEmpty else { continue }
            let officer = officers[next % officers.count]
            next += 1
            let start = max(since, officer.hiredOn)
            try await PostAssignment(id: DemoIDs.uuid("assignment:amr:\(row.key)"), postID: postID, officerID: officer.requireID(),
                                     startDate: start).create(on: db)
        }
    }
}
