import Foundation
import Plot
import QuanzeCore

/// 行政执法责任书 list and the draft form (层层签订, `003_*` 篇2).
struct PledgeListPage {
    let principal: Principal
    let pledges: [PledgeQueries.View]
    let agencies: [Agency]
    let units: [EnforcementUnit]
    let year: Int
    var error: String? = nil
    var sectionsText: String? = nil

    static var template: String {
        PledgeRules.modelSections.map { "\($0.title)|（填写目标任务）|\($0.points)" }.joined(separator: "\n")
    }

    func render() -> HTML {
        Layout.console(title: "行政执法责任书", principal: principal, active: SiteURL.consolePledges, content: .div(
            .h1(.text("行政执法责任书")),
            .p(.class("hint"), .text("“\(PledgeRules.levels.quote)”"), .text(" "), UI.source(PledgeRules.levels.source)),
            .p(.class("hint"), .text("责任书总分折算计入年度考评：“\(PledgeRules.score.quote)”"), .text(" "), UI.source(PledgeRules.score.source)),
            UI.alert(error),
            UI.table(caption: "责任书（共 \(pledges.count) 份）", headers: ["年度", "类别", "甲方", "乙方", "总分", "状态"], rows: pledges.map { v in
                [.text("\(v.pledge.year)"), .text(v.pledge.partyKind.label), .text(v.firstParty),
                 .a(.href(SiteURL.consolePledge(v.pledge.id!)), .text(v.secondParty)), .text("\(v.pledge.totalPoints)"),
                 .span(.class(v.pledge.status == .signed ? "badge ok" : "badge"), .text(v.pledge.status.label))]
            }, empty: "尚无责任书。"),
            form()
        ))
    }

    private func form() -> Node<HTML.BodyContext> {
        let isSupervisor = principal.has(.supervisor)
        guard isSupervisor ? !agencies.isEmpty : !units.isEmpty else {
            return .p(.class("hint"), .text(isSupervisor ? "本辖区尚无执法主体。" : "本主体尚未设立执法机构，请先在“执法机构与岗位”中设立。"))
        }
        return .section(.class("card"), .attribute(named: "aria-labelledby", value: "new-h"),
            .h2(.id("new-h"), .text(isSupervisor ? "草拟政府与执法主体责任书" : "草拟执法主体与执法机构责任书")),
            .form(.method(.post), .action(SiteURL.consolePledges),
                  UI.csrfField(principal.csrfToken),
                  UI.field("年度", name: "year", type: .number, value: "\(year)", required: true),
                  isSupervisor
                      ? UI.select("执法主体（乙方）", name: "agencyId", options: agencies.map { ($0.id!.uuidString, $0.name) }, selected: nil, required: true)
                      : UI.select("执法机构（乙方）", name: "unitId", options: units.map { ($0.id!.uuidString, $0.name) }, selected: nil, required: true),
                  .div(.class("field"),
                       .label(.for("sections"), .text("责任项目（每行：标题|目标任务|分值；范本为五项各 200 分）")),
                       .textarea(.name("sections"), .id("sections"), .attribute(named: "rows", value: "6"), .text(sectionsText ?? Self.template))),
                  .button(.type(.submit), .text("保存草拟"))))
    }
}
