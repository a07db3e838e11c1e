import Fluent
import Foundation
import QuanzeCore

/// Demo 执法依据: national laws with the articles the platform's rules cite (text as promulgated),
/// a repealed earlier version, and a 规范性文件 that may be catalogued but
/// never used as an enforcement basis.
enum DemoLegalNorms {
    struct Norm {
        let key: String, title: String, level: NormLevel, issuer: String, number: String, promulgated: String, effective: String
        var status: NormStatus = .inForce
        let articles: [(String, String)]
    }

    static let norms: [Norm] = [
        Norm(key: "penalty2021", title: "中华人民共和国行政处罚法", level: .law, issuer: "全国人民代表大会常务委员会",
             number: "中华人民共和国主席令第七十号", promulgated: "2021-01-22", effective: "2021-07-15", articles: [
                ("第三十六条", "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。法律另有规定的除外。前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。"),
                ("第四十二条", "行政处罚应当由具有行政执法资格的执法人员实施。执法人员不得少于两人，法律另有规定的除外。执法人员应当文明执法，尊重和保护当事人合法权益。"),
                ("第五十一条", "违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。法律另有规定的，从其规定。"),
                ("第五十八条", "有下列情形之一，在行政机关负责人作出行政处罚的决定之前，应当由从事行政处罚决定法制审核的人员进行法制审核；未经法制审核或者审核未通过的，不得作出决定：（一）涉及重大公共利益的；（二）直接关系当事人或者第三人重大权益，经过听证程序的；（三）案件情况疑难复杂、涉及多个法律关系的；（四）法律、法规规定应当进行法制审核的其他情形。行政机关中初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格。"),
                ("第六十条", "行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章另有规定的，从其规定。"),
                ("第六十一条", "行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，行政机关应当在七日内依照《中华人民共和国民事诉讼法》的有关规定，将行政处罚决定书送达当事人。当事人同意并签订确认书的，行政机关可以采用传真、电子邮件等方式，将行政处罚决定书等送达当事人。"),
                ("第六十七条", "作出罚款决定的行政机关应当与收缴罚款的机构分离。除依照本法第六十八条、第六十九条的规定当场收缴的罚款外，作出行政处罚决定的行政机关及其执法人员不得自行收缴罚款。当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款。银行应当收受罚款，并将罚款直接上缴国库。"),
             ]),
        Norm(key: "penalty1996", title: "中华人民共和国行政处罚法", level: .law, issuer: "全国人民代表大会",
             number: "中华人民共和国主席令第六十三号", promulgated: "1996-03-17", effective: "1996-10-01", status: .repealed, articles: [
                ("第二十九条", "违法行为在二年内未被发现的，不再给予行政处罚。法律另有规定的除外。"),
             ]),
        Norm(key: "licensing", title: "中华人民共和国行政许可法", level: .law, issuer: "全国人民代表大会常务委员会",
             number: "中华人民共和国主席令第七号", promulgated: "2003-08-27", effective: "2004-07-01", articles: [
                ("第四十二条", "除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人。但是，法律、法规另有规定的，依照其规定。"),
             ]),
        Norm(key: "coercion", title: "中华人民共和国行政强制法", level: .law, issuer: "全国人民代表大会常务委员会",
             number: "中华人民共和国主席令第四十九号", promulgated: "2011-06-30", effective: "2012-01-01", articles: [
                ("第二十五条", "查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日。法律、行政法规另有规定的除外。"),
             ]),
        Norm(key: "foodsafety", title: "中华人民共和国食品安全法", level: .law, issuer: "全国人民代表大会常务委员会",
             number: "中华人民共和国主席令第二十一号", promulgated: "2015-04-24", effective: "2015-10-01", articles: [
                ("第一百二十二条", "违反本法规定，未取得食品生产经营许可从事食品生产经营活动，或者未取得食品添加剂生产许可从事食品添加剂生产活动的，由县级以上人民政府食品安全监督管理部门没收违法所得和违法生产经营的食品、食品添加剂以及用于违法生产经营的工具、设备、原料等物品；违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款。"),
             ]),
        Norm(key: "discretion", title: "长春市市场监督管理局行政处罚裁量基准（试行）", level: .normativeDocument, issuer: "长春市市场监督管理局",
             number: "长市监规〔2024〕3号", promulgated: "2024-05-10", effective: "2024-06-01", articles: [
                ("第五条", "当事人有下列情形之一的，可以依法从轻或者减轻行政处罚：（一）主动消除或者减轻违法行为危害后果的；（二）受他人胁迫或者诱骗实施违法行为的。"),
             ]),
    ]

    static func load(on db: any Database) async throws {
        for n in norms {
            let id = DemoIDs.uuid("norm:\(n.key)")
            try await LegalNorm(id: id, title: n.title, level: n.level, issuer: n.issuer, documentNumber: n.number,
                                promulgatedOn: n.promulgated, effectiveOn: n.effective, status: n.status).create(on: db)
            try await LegalNormEvent(normID: id, kind: "catalogued", effectiveOn: n.effective,
                                     summary: "收录：\(n.level.label)，\(n.number)", actor: "supervisor1").create(on: db)
            for (number, text) in n.articles {
                let a = LegalArticle(normID: id, number: number, ordinal: ArticleNumber.ordinal(number) ?? 0, text: text)
                a.id = DemoIDs.uuid("article:\(n.key):\(number)")
                try await a.create(on: db)
            }
            if n.status == .repealed {
                try await LegalNormEvent(normID: id, kind: "status", effectiveOn: "2021-07-15",
                                         summary: "已废止：由2021年修订的行政处罚法（主席令第七十号）取代", actor: "supervisor1").create(on: db)
            }
        }
    }
}

