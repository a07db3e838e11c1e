import Fluent
import Foundation

/// Demo 权责清单 entries for 长春市市场监督管理局, published, with basis articles and flows
/// (简易程序 / 普通程序 branches), so that the list, the flowchart and the 需调整 warning have data.
enum DemoPowerItems {
    static func load(on db: any Database, now: Date) async throws {
        let amr = DemoIDs.uuid("agency:amr")
        let penaltySteps: [FlowStep] = [
            FlowStep(name: "立案", role: "承办人", limit: nil, branch: nil),
            FlowStep(name: "当场处罚决定", role: "执法人员（两人）", limit: nil, branch: "简易程序"),
            FlowStep(name: "调查取证", role: "承办人", limit: nil, branch: "普通程序"),
            FlowStep(name: "法制审核", role: "法制审核人员", limit: TimeLimit(value: 5, unit: "工作日"), branch: "普通程序"),
            FlowStep(name: "告知陈述申辩、听证", role: "承办人", limit: TimeLimit(value: 5, unit: "工作日"), branch: "普通程序"),
            FlowStep(name: "作出决定", role: "批准人", limit: TimeLimit(value: 90, unit: "日"), branch: "普通程序", limitFrom: .filing),
            FlowStep(name: "送达", role: "承办人", limit: TimeLimit(value: 7, unit: "工作日"), branch: nil),
            FlowStep(name: "执行与归档", role: "承办人", limit: nil, branch: nil),
        ]
        let items: [(String, String, PowerCategory, [String], TimeLimit?, [FlowStep])] = [
            ("XZCF-001", "对未取得食品生产经营许可从事食品生产经营活动的处罚", .penalty,
             ["article:foodsafety:第一百二十二条", "article:penalty2021:第五十八条"], TimeLimit(value: 90, unit: "日"), penaltySteps),
            ("XZXK-001", "食品经营许可", .licensing, ["article:licensing:第四十二条"], TimeLimit(value: 20, unit: "工作日"), [
                FlowStep(name: "受理", role: "窗口人员", limit: TimeLimit(value: 5, unit: "工作日"), branch: nil),
                FlowStep(name: "审查", role: "审核人", limit: TimeLimit(value: 10, unit: "工作日"), branch: nil),
                FlowStep(name: "决定", role: "批准人", limit: TimeLimit(value: 5, unit: "工作日"), branch: nil),
                FlowStep(name: "送达", role: "窗口人员", limit: nil, branch: nil),
            ]),
            ("XZQZ-001", "查封、扣押与违法生产经营有关的食品", .coercion, ["article:coercion:第二十五条"], TimeLimit(value: 30, unit: "日"), [
                FlowStep(name: "报告负责人批准", role: "承办人", limit: nil, branch: nil),
                FlowStep(name: "实施查封扣押", role: "执法人员（两人）", limit: nil, branch: nil),
                FlowStep(name: "作出处理决定", role: "批准人", limit: TimeLimit(value: 30, unit: "日"), branch: nil, limitFrom: .filing),
            ]),
        ]
        for (code, name, category, bases, limit, flow) in items {
            let item = PowerItem(agencyID: amr, code: code)
            item.id = DemoIDs.uuid("power:amr:\(code)")
            try await item.create(on: db)
            let v = PowerItemVersion()
            v.id = DemoIDs.uuid("power:amr:\(code):v1")
            v.$item.id = item.id!
            v.version = 1
            v.name = name
            v.category = category
            v.responsibilities = ["不履行或者不正确履行职责，造成严重后果的", "违反法定程序实施的"]
            v.statutoryLimit = limit
            v.promisedLimit = nil
            v.majorCriteria = ["罚款数额较大（单位十万元以上、个人一万元以上）的", "经过听证程序的"]
            v.flow = flow
            v.status = .published
            v.publishedAt = now
            v.needsAdjustment = false
            try await v.create(on: db)
            for key in bases { try await PowerItemBasis(versionID: v.id!, articleID: DemoIDs.uuid(key)).create(on: db) }
        }
    }
}
