import Foundation
import Plot
import QuanzeCore

/// 双随机抽查计划 list; the body's 法制员 also gets the form for a new plan.
struct InspectionPlanListPage {
    let principal: Principal
    let plans: [(InspectionPlan, String)]
    /// The body's published 行政检查 powers (code, name), for the new-plan form.
    let powers: [(id: UUID, label: String)]
    let year: Int
    var error: String? = nil

    func render() -> HTML {
        Layout.console(title: "双随机抽查", principal: principal, active: SiteURL.consoleInspectionPlans, content: .div(
            .h1(.text("双随机一公开抽查计划")),
            .p(.text("随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开。"), UI.source(InspectionRules.doubleRandom.source)),
            UI.alert(error),
            UI.table(caption: "抽查计划（共 \(plans.count) 个）", headers: ["计划", "执法主体", "年度/期间", "抽取", "状态"], rows: plans.map { plan, agency in
                [.a(.href(SiteURL.consoleInspectionPlan(plan.id!)), .text(plan.name)), .text(agency), .text("\(plan.year) \(plan.period)"),
                 .text("\(plan.objectCount) 个对象 × \(plan.inspectorsPerObject) 人"), .text(plan.status.label)]
            }, empty: "暂无抽查计划"),
            .if(principal.has(.legalOfficer), newPlanForm())
        ))
    }

    private func newPlanForm() -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "new-h"),
                 .h2(.id("new-h"), .text("制定抽查计划")),
                 .if(powers.isEmpty, .p(.class("empty"), .text("本主体没有已公布的行政检查事项，不能制定双随机抽查计划。"))),
                 .form(.method(.post), .action(SiteURL.consoleInspectionPlans),
                       UI.csrfField(principal.csrfToken),
                       UI.field("计划名称", name: "name", required: true),
                       UI.select("执行的行政检查事项", name: "powerItemId", options: powers.map { ($0.id.uuidString, $0.label) }, selected: nil, required: true),
                       UI.field("年度", name: "year", type: .number, value: "\(year)", required: true),
                       UI.field("期间", name: "period", value: "全年", required: true, hint: "如：全年、第四季度"),
                       UI.field("抽取对象数量", name: "objectCount", type: .number, required: true),
                       UI.field("每个对象的执法人员数", name: "inspectorsPerObject", type: .number, value: "2", required: true,
                                hint: "不少于两人（\(InspectionRules.twoOfficers)）"),
                       .button(.type(.submit), .text("保存计划"))))
    }
}
