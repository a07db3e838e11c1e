import Fluent
import Foundation
import QuanzeCore

/// Demo 双随机一公开 for 长春市市场监督管理局: a published 行政检查 power (XZJC-001), a 双随机检查岗
/// holding it with officers in several states (valid, 辅助人员, 暂扣, 未年审 — only the valid ones are
/// drawn), and three plans: one completed (drawn, published, every result recorded), one published
/// with one result, one draft with its pool and a 回避. Fixed seeds keep the draws deterministic.
enum DemoInspections {
    static let powerCode = "XZJC-001"
    /// Officer indexes of the body on the 双随机检查岗 (see `DemoOfficers`: 9 is 辅助人员, 12 未年审, 14 暂扣).
    static let postOfficers = [0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 14]

    static let companies: [(name: String, address: String)] = [
        ("长春市南关区鑫源食品超市", "南关区民康路 218 号"), ("长春市朝阳区福满楼餐饮有限公司", "朝阳区西安大路 1055 号"),
        ("长春市宽城区惠民粮油商行", "宽城区长新街 76 号"), ("长春市二道区禾香烘焙坊", "二道区东盛大街 402 号"),
        ("长春市绿园区百味熟食店", "绿园区青年路 511 号"), ("长春市净月区家乐生鲜超市有限公司", "净月区生态大街 3366 号"),
        ("长春市南关区老街坊饺子馆", "南关区亚泰大街 1218 号"), ("长春市朝阳区清泉桶装水经销部", "朝阳区红旗街 88 号"),
        ("长春市宽城区好运来便利店", "宽城区凯旋路 1600 号"), ("长春市二道区吉顺肉类批发部", "二道区吉林大路 2888 号"),
        ("长春市绿园区春城豆制品厂", "绿园区皓月大路 966 号"), ("长春市高新区优品快餐有限公司", "高新区硅谷大街 4000 号"),
    ]

    /// A valid 统一社会信用代码 for demo company `n`.
    static func code(_ n: Int) -> String {
        let first17 = String(format: "91220102MA1%06d", 300 + n * 7)
        return first17 + String(UnifiedSocialCreditCode.checkCharacter(for: first17)!)
    }

    struct PlanRow {
        let key: String
        let name: String
        let period: String
        let companies: Range<Int>
        let objectCount: Int
        let daysAgo: Int?
        let seed: String?
        let results: Int
    }

    static let plans: [PlanRow] = [
        PlanRow(key: "amr:1", name: "第三季度食品经营者双随机抽查", period: "第三季度", companies: 0..<8, objectCount: 3, daysAgo: 80,
                seed: "6f1d0c2a9b8e47c35d2a1f0e9c8b7a6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a09", results: 3),
        PlanRow(key: "amr:2", name: "第四季度食品经营者双随机抽查", period: "第四季度", companies: 4..<12, objectCount: 4, daysAgo: 12,
                seed: "a3c5e7f90b1d2e4f6a8c0e2f4a6c8e0f1b3d5f7a9c1e3f5b7d9f1a3c5e7f9b1d", results: 1),
        PlanRow(key: "amr:3", name: "第一季度食品经营者双随机抽查", period: "第一季度", companies: 2..<8, objectCount: 3, daysAgo: nil,
                seed: nil, results: 0),
    ]

    static let findings: [(InspectionResultKind, String)] = [
        (.noProblem, "经营许可证照齐全，进货查验记录完整，未发现问题。"),
        (.rectification, "部分预包装食品超过保质期仍陈列销售，已责令立即下架并限期整改。"),
        (.noProblem, "从业人员健康证明有效，后厨卫生状况良好。"),
    ]

    static func load(on db: any Database, now: Date) async throws {
        let amr = DemoIDs.uuid("agency:amr")
        let today = LocalDate(instant: now)
        try await loadPower(agencyID: amr, now: now, on: db)
        let postID = DemoIDs.uuid("post:amr:random")
        try await EnforcementPost(id: postID, agencyID: amr, unitID: DemoIDs.uuid("unit:amr:food"), name: "双随机检查岗", duties: [.inspect]).create(on: db)
        try await PostPower(postID: postID, itemID: DemoIDs.uuid("power:amr:\(powerCode)"), overlapReason: nil).create(on: db)
        for i in postOfficers {
            let officerID = DemoIDs.uuid("officer:amr:\(i)")
            guard let officer = try await Officer.find(officerID, on: db) else { continue }
            try await PostAssignment(id: DemoIDs.uuid("assignment:amr:random:\(i)"), postID: postID, officerID: officerID,
                                     startDate: max("\(today.year - 1)-01-01", officer.hiredOn)).create(on: db)
        }
        for row in plans { try await load(row, agencyID: amr, today: today, now: now, on: db) }
    }

    private static func load(_ row: PlanRow, agencyID: UUID, today: LocalDate, now: Date, on db: any Database) async throws {
        let planID = DemoIDs.uuid("inspection-plan:\(row.key)")
        let plan = InspectionPlan(id: planID, agencyID: agencyID, powerItemID: DemoIDs.uuid("power:amr:\(powerCode)"),
                                  name: "\(row.daysAgo == nil ? today.year + 1 : today.year) 年度\(row.name)", year: row.daysAgo == nil ? today.year + 1 : today.year,
                                  period: row.period, objectCount: row.objectCount, inspectorsPerObject: 2)
        try await plan.create(on: db)
        for n in row.companies {
            try await InspectionObject(id: DemoIDs.uuid("inspection-object:\(row.key):\(n)"), planID: planID, code: code(n),
                                       name: companies[n].name, address: companies[n].address).create(on: db)
        }
        // 回避: officer 2's relative works at the first company of the pool.
        try await InspectionConflict(planID: planID, officerID: DemoIDs.uuid("officer:amr:2"),
                                     objectID: DemoIDs.uuid("inspection-object:\(row.key):\(row.companies.lowerBound)"),
                                     reason: "近亲属在该企业任职").create(on: db)
        guard let daysAgo = row.daysAgo, let seed = row.seed else { return }
        let drawnOn = today.adding(days: -daysAgo)
        let drawnAt = now.addingTimeInterval(-Double(daysAgo) * 86_400)
        try await InspectionDrawService.perform(plan, seed: seed, day: drawnOn, now: drawnAt,
                                                actor: (DemoIDs.uuid("user:legal.amr"), "周审核"), on: db)
        plan.status = .published
        plan.publishedAt = drawnAt.addingTimeInterval(3600)
        try await plan.save(on: db)
        let drawn = try await InspectionAssignment.query(on: db).filter(\.$plan.$id == planID).filter(\.$seat == 1).sort(\.$position).all()
        for (i, a) in drawn.prefix(row.results).enumerated() {
            let (kind, summary) = findings[i % findings.count]
            try await InspectionResult(planID: planID, objectID: a.$object.id, kind: kind, summary: summary,
                                       inspectedOn: drawnOn.adding(days: 5 + i * 3).iso, recordedByID: DemoIDs.uuid("user:legal.amr"),
                                       recordedByName: "周审核").create(on: db)
        }
        if row.results >= row.objectCount {
            plan.status = .completed
            try await plan.save(on: db)
        }
    }

    /// 食品经营者日常监督检查, a published 行政检查 power with its basis (食品安全法 第一百一十条).
    private static func loadPower(agencyID: UUID, now: Date, on db: any Database) async throws {
        let articleID = DemoIDs.uuid("article:foodsafety:第一百一十条")
        let article = LegalArticle(normID: DemoIDs.uuid("norm:foodsafety"), number: "第一百一十条", ordinal: ArticleNumber.ordinal("第一百一十条") ?? 0,
                                   text: "县级以上人民政府食品安全监督管理部门履行食品安全监督管理职责，有权采取下列措施，对生产经营者遵守本法的情况进行监督检查：（一）进入生产经营场所实施现场检查；（二）对生产经营的食品、食品添加剂、食品相关产品进行抽样检验；（三）查阅、复制有关合同、票据、账簿以及其他有关资料；（四）查封、扣押有证据证明不符合食品安全标准或者有证据证明存在安全隐患以及用于违法生产经营的食品、食品添加剂、食品相关产品；（五）查封违法从事生产经营活动的场所。")
        article.id = articleID
        try await article.create(on: db)
        let item = PowerItem(agencyID: agencyID, code: powerCode)
        item.id = DemoIDs.uuid("power:amr:\(powerCode)")
        try await item.create(on: db)
        let v = PowerItemVersion()
        v.id = DemoIDs.uuid("power:amr:\(powerCode):v1")
        v.$item.id = item.id!
        v.version = 1
        v.name = "对食品生产经营者的监督检查"
        v.category = .inspection
        v.responsibilities = ["未按“双随机一公开”要求实施检查的", "检查中发现违法行为不依法处理的"]
        v.statutoryLimit = nil
        v.promisedLimit = nil
        v.majorCriteria = []
        v.flow = [
            FlowStep(name: "双随机抽取检查对象和执法人员", role: "法制员", limit: nil, branch: nil),
            FlowStep(name: "公布抽查计划和抽取结果", role: "法制员", limit: nil, branch: nil),
            FlowStep(name: "实施检查（两名执法人员）", role: "执法人员", limit: nil, branch: nil),
            FlowStep(name: "公布检查结果", role: "法制员", limit: nil, branch: nil),
        ]
        v.status = .published
        v.publishedAt = now
        v.needsAdjustment = false
        try await v.create(on: db)
        try await PowerItemBasis(versionID: v.id!, articleID: articleID).create(on: db)
    }
}
