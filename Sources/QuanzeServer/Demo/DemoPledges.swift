import Fluent
import Foundation
import QuanzeCore

/// Demo 责任书: the city government ↔ 市场监督管理局 for 2026 on the model of `003_*` 篇2 (five
/// sections of 200 points, signed), and the bureau ↔ its 执法稽查科 (a draft).
enum DemoPledges {
    static func load(jurisdictionID: UUID, on db: any Database) async throws {
        let amr = DemoIDs.uuid("agency:amr")
        let targets = [
            "贯彻依法行政决定，落实行政执法责任制和评议考核制，强化执法监督检查",
            "加强法制机构建设，法制机构配备 2 名以上工作人员，依法办理行政复议",
            "执法主体资格明确，职权分解到机构和岗位，层层签订行政执法责任书",
            "开展执法检查和案卷评查，发现问题及时查处",
            "未发生为本部门利益作出违法决定、重大执法错案等追究领导责任的情形",
        ]
        let sections = zip(PledgeRules.modelSections, targets).map { PledgeSection(title: $0.0.title, target: $0.1, points: $0.0.points) }
        let gov = Pledge(id: DemoIDs.uuid("pledge:amr:2026"), jurisdictionID: jurisdictionID, year: 2026, partyKind: .governmentBody,
                         agencyID: amr, unitID: nil, sections: sections)
        gov.firstPartySignedOn = "2026-02-10"
        gov.secondPartySignedOn = "2026-02-10"
        gov.status = .signed
        try await gov.create(on: db)
        let unit = Pledge(id: DemoIDs.uuid("pledge:amr:inspect:2026"), jurisdictionID: jurisdictionID, year: 2026, partyKind: .bodyUnit,
                          agencyID: amr, unitID: DemoIDs.uuid("unit:amr:inspect"), sections: [
                              PledgeSection(title: "案件查办", target: "案件按期办结，无超期未结案件", points: 400),
                              PledgeSection(title: "案卷质量", target: "案卷评查优良率 90% 以上", points: 300),
                              PledgeSection(title: "执法规范", target: "全过程记录，重大决定均经法制审核", points: 300),
                          ])
        try await unit.create(on: db)
    }
}
