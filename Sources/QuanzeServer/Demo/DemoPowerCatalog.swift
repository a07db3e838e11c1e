import Fluent
import Foundation

/// The bulk of the demo 权责清单: for every announced body, published powers over the subjects
/// of its field (处罚、检查, and 许可/强制 where the field has them), ~20 per body. Their bases
/// are the general articles of the demo catalog (行政处罚法、行政许可法、行政强制法); the curated
/// powers of 市场监督管理局 (`DemoPowerItems`) carry the specific ones.
enum DemoPowerCatalog {
    /// Subjects per body key: (subject, has 许可, has 强制).
    static let fields: [String: [(String, Bool, Bool)]] = [
        "eco": [("排污许可管理", true, true), ("大气污染防治", false, true), ("水污染防治", false, true), ("固体废物污染防治", false, true),
                ("建设项目环境影响评价", true, false), ("噪声污染防治", false, false), ("危险废物经营", true, true), ("辐射安全", true, false)],
        "trans": [("道路旅客运输经营", true, false), ("道路货物运输经营", true, false), ("机动车维修经营", false, false), ("出租汽车经营", true, false),
                  ("超限运输车辆行驶公路", true, true), ("公路路政管理", false, true), ("水路运输经营", true, false), ("驾驶员培训", true, false)],
        "urban": [("城市市容和环境卫生", false, true), ("户外广告设置", true, true), ("城市绿化", false, false), ("占道经营", false, true),
                  ("建筑垃圾处置", true, true), ("违法建设", false, true), ("城市道路挖掘", true, false), ("餐饮油烟排放", false, false)],
        "housing": [("建筑工程施工许可", true, false), ("建筑市场", false, false), ("房地产开发经营", false, false), ("物业服务", false, false),
                    ("建设工程质量", false, true), ("建筑施工安全生产", false, true), ("燃气经营", true, true), ("商品房预售", true, false)],
        "land": [("土地管理", false, true), ("矿产资源开采", true, true), ("测绘活动", false, false), ("城乡规划", true, false),
                 ("不动产登记", false, false), ("地质灾害防治", false, false), ("耕地保护", false, true)],
        "health": [("医疗机构执业", true, false), ("公共场所卫生", true, false), ("生活饮用水卫生", true, false), ("职业病防治", false, true),
                   ("传染病防治", false, true), ("母婴保健技术服务", true, false), ("放射诊疗", true, false)],
        "emergency": [("安全生产", false, true), ("危险化学品经营", true, true), ("烟花爆竹经营", true, true), ("非煤矿山安全", true, true),
                      ("工贸企业安全生产", false, false), ("应急预案管理", false, false)],
        "culture": [("娱乐场所经营", true, false), ("互联网上网服务营业场所", true, false), ("演出经营", true, false), ("旅行社经营", true, false),
                    ("文物保护", false, true), ("出版物经营", true, true), ("广播电视设施", false, false)],
        "agri": [("农药经营", true, true), ("兽药经营", true, true), ("种子生产经营", true, true), ("动物防疫", false, true),
                 ("农产品质量安全", false, true), ("渔业", true, false), ("肥料登记", false, false)],
        "water": [("取水许可", true, false), ("河道管理", true, true), ("水土保持", true, false), ("水利工程保护", false, true),
                  ("河道采砂", true, true), ("节约用水", false, false)],
        "hrss": [("劳动保障监察", false, false), ("人力资源服务", true, false), ("职业技能培训", true, false), ("工资支付", false, false),
                 ("社会保险基金", false, true), ("劳务派遣", true, false)],
        "edu": [("民办学校办学", true, false), ("校外培训机构", true, false), ("教师资格", true, false), ("学校安全", false, false),
                ("中外合作办学", true, false)],
        "commerce": [("成品油经营", true, true), ("单用途商业预付卡", false, false), ("拍卖经营", true, false), ("再生资源回收", false, false),
                     ("报废机动车回收", true, true), ("商业特许经营", false, false)],
        "police": [("治安管理", false, true), ("消防安全", true, true), ("道路交通安全", true, true), ("出入境管理", true, false),
                   ("枪支弹药管理", true, true), ("保安服务", true, false), ("旅馆业治安", true, false)],
        "tax": [("税务登记", false, false), ("发票管理", true, true), ("纳税申报", false, false), ("税款征收", false, true), ("税务检查", false, true)],
        "tobacco": [("烟草专卖零售", true, true), ("烟草专卖批发", true, true), ("烟草制品运输", true, true), ("卷烟市场", false, false)],
        "fund": [("住房公积金缴存", false, false), ("住房公积金提取", false, false), ("住房公积金单位登记", false, false)],
        "tzamr": [("食品经营", true, true), ("特种设备安全", true, true), ("计量", false, true), ("产品质量", false, true),
                  ("广告", false, true), ("价格", false, false), ("市场主体登记", true, false), ("药品经营", true, true)],
        "tzurban": [("市容环境卫生", false, true), ("户外广告设施", true, true), ("施工现场扬尘", false, true), ("违法建设", false, true),
                    ("园林绿化", false, false), ("非法小广告", false, false), ("生活垃圾分类", false, false)],
    ]

    static func load(on db: any Database, now: Date) async throws {
        let penaltyFlow: [FlowStep] = [
            FlowStep(name: "立案", role: "承办人", limit: TimeLimit(value: 15, unit: "日"), branch: nil),
            FlowStep(name: "当场处罚决定", role: "执法人员（两人）", limit: nil, branch: "简易程序"),
            FlowStep(name: "调查取证", role: "执法人员（两人）", limit: nil, branch: "普通程序"),
            FlowStep(name: "告知陈述申辩、听证", role: "承办人", limit: TimeLimit(value: 5, unit: "工作日"), branch: "普通程序"),
            FlowStep(name: "法制审核", role: "法制审核人员", limit: TimeLimit(value: 5, unit: "工作日"), branch: "普通程序"),
            FlowStep(name: "作出决定", role: "批准人", limit: TimeLimit(value: 90, unit: "日"), branch: "普通程序", limitFrom: .filing),
            FlowStep(name: "送达", role: "承办人", limit: TimeLimit(value: 7, unit: "日"), branch: nil),
            FlowStep(name: "执行与结案归档", role: "承办人", limit: nil, branch: nil),
        ]
        let inspectionFlow: [FlowStep] = [
            FlowStep(name: "制定检查计划（双随机抽取）", role: "承办人", limit: nil, branch: nil),
            FlowStep(name: "现场检查", role: "执法人员（两人）", limit: TimeLimit(value: 1, unit: "日"), branch: nil),
            FlowStep(name: "制作检查笔录", role: "执法人员（两人）", limit: nil, branch: nil),
            FlowStep(name: "处理（责令改正或移送立案）", role: "审核人", limit: TimeLimit(value: 5, unit: "工作日"), branch: nil),
        ]
        let licensingFlow: [FlowStep] = [
            FlowStep(name: "受理", role: "窗口人员", limit: TimeLimit(value: 5, unit: "工作日"), branch: nil),
            FlowStep(name: "审查", role: "审核人", limit: TimeLimit(value: 10, unit: "工作日"), branch: nil),
            FlowStep(name: "决定", role: "批准人", limit: TimeLimit(value: 5, unit: "工作日"), branch: nil),
            FlowStep(name: "送达", role: "窗口人员", limit: TimeLimit(value: 10, unit: "工作日"), branch: nil),
        ]
        let coercionFlow: [FlowStep] = [
            FlowStep(name: "报告负责人批准", role: "承办人", limit: TimeLimit(value: 24, unit: "日"), branch: nil),
            FlowStep(name: "实施查封、扣押（通知当事人到场）", role: "执法人员（两人）", limit: nil, branch: nil),
            FlowStep(name: "作出处理决定", role: "批准人", limit: TimeLimit(value: 30, unit: "日"), branch: nil, limitFrom: .filing),
        ]
        var items: [PowerItem] = [], versions: [PowerItemVersion] = [], bases: [PowerItemBasis] = []
        for (key, subjects) in fields.sorted(by: { $0.key < $1.key }) {
            let agencyID = DemoIDs.uuid("agency:\(key)")
            var serial: [PowerCategory: Int] = [:]
            func add(_ category: PowerCategory, _ name: String, _ flow: [FlowStep], _ limit: TimeLimit?, _ articles: [String]) {
                serial[category, default: 0] += 1
                let code = "\(category.codePrefix)-\(String(format: "%03d", serial[category]!))"
                let itemID = DemoIDs.uuid("power:\(key):\(code)")
                let item = PowerItem(agencyID: agencyID, code: code)
                item.id = itemID
                items.append(item)
                let v = PowerItemVersion()
                v.id = DemoIDs.uuid("power:\(key):\(code):v1")
                v.$item.id = itemID
                v.version = 1
                v.name = name
                v.category = category
                v.responsibilities = ["不履行或者不正确履行\(name)职责，造成不良后果的", "违反法定程序实施的", "滥用职权、玩忽职守、徇私舞弊的"]
                v.statutoryLimit = limit
                v.promisedLimit = limit.flatMap { $0.unit == "工作日" && $0.value > 5 ? TimeLimit(value: $0.value - 5, unit: "工作日") : nil }
                v.majorCriteria = category == .penalty ? ["罚款数额较大（单位十万元以上、个人一万元以上）的", "经过听证程序的", "案情疑难复杂、涉及多个法律关系的"] : []
                v.flow = flow
                v.status = .published
                v.publishedAt = now
                v.needsAdjustment = false
                versions.append(v)
                bases += articles.map { PowerItemBasis(versionID: v.id!, articleID: DemoIDs.uuid($0)) }
            }
            for (subject, licensing, coercion) in subjects {
                add(.penalty, "对违反\(subject)规定行为的行政处罚", penaltyFlow, TimeLimit(value: 90, unit: "日"),
                    ["article:penalty2021:第四十二条", "article:penalty2021:第六十条"])
                add(.inspection, "\(subject)监督检查", inspectionFlow, nil, ["article:penalty2021:第四十二条"])
                if licensing { add(.licensing, "\(subject)行政许可", licensingFlow, TimeLimit(value: 20, unit: "工作日"), ["article:licensing:第四十二条"]) }
                if coercion { add(.coercion, "\(subject)中查封、扣押涉案物品", coercionFlow, TimeLimit(value: 30, unit: "日"), ["article:coercion:第二十五条"]) }
            }
        }
        try await items.create(on: db)
        try await versions.create(on: db)
        try await bases.create(on: db)
    }
}

extension PowerCategory {
    /// The customary code prefix of a category in 权责清单 (拼音 initials): 行政处罚 → XZCF.
    var codePrefix: String {
        switch self {
        case .licensing: "XZXK"
        case .penalty: "XZCF"
        case .coercion: "XZQZ"
        case .levy: "XZZS"
        case .benefit: "XZGF"
        case .inspection: "XZJC"
        case .confirmation: "XZQR"
        case .adjudication: "XZCJ"
        case .reward: "XZJL"
        case .other: "QTZQ"
        }
    }
}
