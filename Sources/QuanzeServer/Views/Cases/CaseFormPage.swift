import Foundation
import Plot
import QuanzeCore

/// 立案 form: the power (published items of the body), procedure, source, facts, one party, the
/// handling team (主办, 协办, optional 辅助) and the 第五十八条 situations that make it major.
struct CaseFormPage {
    let principal: Principal
    var items: [(PowerItem, PowerItemVersion)] = []
    var officers: [Officer] = []
    var values: [String: String] = [:]
    var error: String?

    func render() -> HTML {
        let officerOptions = [("", "请选择")] + officers.map { ($0.id!.uuidString, "\($0.name)（\($0.employment.label)）") }
        return Layout.console(title: "立案", principal: principal, active: SiteURL.consoleCases, content: .div(
            .h1(.text("立案")),
            .p(.text("只能依据本机关已公布（或经备案委托）的职权事项立案；承办人员不得少于两人，须持有效执法证件并在承担该职权的岗位上，辅助人员只能协助（行政处罚法 第四十二条）。")),
            UI.alert(error),
            .form(.method(.post), .action(SiteURL.consoleCasesNew),
                  UI.csrfField(principal.csrfToken),
                  UI.select("职权事项", name: "powerItemId", options: [("", "请选择")] + items.map { ($0.0.id!.uuidString, "\($0.0.code) \($0.1.name)（\($0.1.category.label)）") },
                            selected: values["powerItemId"], required: true),
                  UI.select("程序", name: "procedure", options: CaseProcedure.allCases.map { ($0.rawValue, $0.label) }, selected: values["procedure"]),
                  UI.select("案件来源", name: "source", options: CaseSource.allCases.map { ($0.rawValue, $0.label) }, selected: values["source"]),
                  UI.field("案件名称", name: "title", value: values["title"], required: true),
                  CaseBits.textarea("facts", "案情摘要", values["facts"] ?? "", required: true, rows: 4),
                  UI.field("立案日期", name: "filedOn", type: .date, value: values["filedOn"], hint: "不填为今天"),
                  .fieldset(.element(named: "legend", text: "当事人"),
                            UI.select("类型", name: "partyKind", options: PartyKind.allCases.map { ($0.rawValue, $0.label) }, selected: values["partyKind"] ?? PartyKind.organization.rawValue),
                            UI.field("名称或姓名", name: "partyName", value: values["partyName"], required: true),
                            UI.field("统一社会信用代码或身份证号", name: "partyIdentifier", value: values["partyIdentifier"], required: true),
                            UI.field("地址", name: "partyAddress", value: values["partyAddress"])),
                  .fieldset(.element(named: "legend", text: "承办人员"),
                            UI.select("主办", name: "lead", options: officerOptions, selected: values["lead"], required: true),
                            UI.select("协办", name: "assist", options: officerOptions, selected: values["assist"], required: true),
                            UI.select("辅助人员（可选）", name: "auxiliary", options: officerOptions, selected: values["auxiliary"])),
                  .fieldset(.element(named: "legend", text: "重大执法决定情形（行政处罚法 第五十八条，须法制审核）"),
                            .forEach(StatutoryMajorCriterion.allCases) { c in
                                CaseBits.checkbox("majorCriteria[]", value: c.rawValue, label: c.label, id: "major-\(c.rawValue)")
                            }),
                  .button(.type(.submit), .text("立案")))
        ))
    }
}
