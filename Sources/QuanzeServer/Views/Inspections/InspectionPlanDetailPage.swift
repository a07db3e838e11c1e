import Foundation
import Plot
import QuanzeCore

/// One plan: its facts and seed, the pool, 回避, the candidates, the draw, results — with the
/// forms its state allows to the body's 法制员.
struct InspectionPlanDetailPage {
    let principal: Principal
    let view: InspectionQueries.View
    let candidates: [InspectionEligibility.Candidate]
    let canManage: Bool
    var message: String? = nil
    var error: String? = nil

    var plan: InspectionPlan { view.plan }
    var id: UUID { plan.id! }

    func render() -> HTML {
        Layout.console(title: plan.name, principal: principal, active: SiteURL.consoleInspectionPlans, content: .div(
            .h1(.text(plan.name)),
            .p(.a(.href(SiteURL.consoleInspectionPlans), .text("返回抽查计划列表"))),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            InspectionPlanFacts.card(view, publicLink: plan.status.isPublic),
            UI.table(caption: "检查对象库（\(view.objects.count) 个）", headers: ["统一社会信用代码", "名称", "地址"], rows: view.objects.map {
                [.text($0.code), .text($0.name), .text($0.address ?? "—")]
            }, empty: "检查对象库为空"),
            .if(canManage && plan.status == .draft, InspectionPlanForms.pool(id, csrf: principal.csrfToken)),
            UI.table(caption: "回避登记", headers: ["执法人员", "检查对象", "事由"], rows: view.conflicts.map {
                [.text($0.officerName), .text("\($0.object.code) \($0.object.name)"), .text($0.conflict.reason)]
            }, empty: "无回避登记"),
            .if(canManage && plan.status == .draft, InspectionPlanForms.conflict(id, csrf: principal.csrfToken, candidates: candidates, objects: view.objects)),
            .if(plan.status == .draft, candidateTable()),
            .if(canManage && plan.status == .draft, InspectionPlanForms.action(id, "draw", "随机抽取", csrf: principal.csrfToken,
                                                                               note: "抽取时由系统生成随机种子；抽取后检查对象库和回避不能再改变。")),
            InspectionPlanFacts.assignments(view),
            .if(canManage && plan.status == .drawn, InspectionPlanForms.action(id, "publish", "公布抽取结果", csrf: principal.csrfToken,
                                                                               note: "公布后，检查对象库、种子、算法和抽取结果向社会公开，任何人可重新抽取验证。")),
            InspectionPlanFacts.results(view, linkCases: true),
            .if(canManage && plan.status == .published, InspectionPlanForms.result(id, csrf: principal.csrfToken, view: view))
        ))
    }

    private func candidateTable() -> Node<HTML.BodyContext> {
        UI.table(caption: "可抽取的执法人员（持有该事项的岗位在岗人员，按今天的证件状态）", headers: ["姓名", "证件号", "岗位", "可否抽取"],
                 rows: candidates.map { c in
                     [.text(c.name), .text(c.certificateNumber ?? "—"), .text(c.posts.joined(separator: "、")),
                      .unwrap(c.refusal, { .span(.class("badge warn"), .text($0)) }, else: .span(.class("badge ok"), .text("可抽取")))]
                 }, empty: "没有持有该事项的岗位在岗人员")
    }
}
