import Foundation
import Plot
import QuanzeCore

/// 双随机抽查公示: the published plans.
struct PublicInspectionsPage {
    let plans: [(InspectionPlan, Agency)]

    func render() -> HTML {
        Layout.publicPage(title: "双随机抽查", content: .div(
            .h1(.text("双随机一公开抽查公示")),
            .p(.text("随机抽取检查对象，随机选派执法检查人员，抽查情况及查处结果向社会公开。每个计划公布检查对象库、随机种子和抽取算法，任何人均可重新抽取验证。"),
               UI.source(InspectionRules.doubleRandom.source)),
            UI.table(caption: "已公布的抽查计划（共 \(plans.count) 个）", headers: ["计划", "执法主体", "年度/期间", "抽取对象", "状态", "公布时间"],
                     rows: plans.map { plan, agency in
                         [.a(.href(SiteURL.publicInspection(plan.id!)), .text(plan.name)), .text(agency.name), .text("\(plan.year) \(plan.period)"),
                          .text("\(plan.objectCount) 个"), .text(plan.status.label), .text(UI.dateTime(plan.publishedAt))]
                     }, empty: "暂无已公布的抽查计划")
        ))
    }
}

/// One published plan; with `verification`, the re-run of its draw beside the stored result.
struct PublicInspectionPlanPage {
    let view: InspectionQueries.View
    let verification: InspectionQueries.Verification?

    func render() -> HTML {
        let id = view.plan.id!
        return Layout.publicPage(title: view.plan.name, content: .div(
            .h1(.text(view.plan.name)),
            .p(.a(.href(SiteURL.publicInspections), .text("返回抽查公示"))),
            InspectionPlanFacts.card(view, publicLink: false),
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "verify-h"),
                     .h2(.id("verify-h"), .text("重新抽取验证")),
                     .p(.text("以公布的随机种子、检查对象库和执法人员名单，按 \(view.plan.algorithm) 算法重新抽取，结果应与公布的抽取结果完全一致。也可下载公示数据，用命令 "),
                        .code(.text("quanze draw run --input plan.json")), .text(" 或按算法说明自行计算。")),
                     .form(.method(.get), .action(SiteURL.publicInspectionRedraw(id)), .button(.type(.submit), .text("重新抽取验证"))),
                     .p(.a(.href(SiteURL.publicInspectionJSON(id)), .text("下载公示数据（JSON）"))),
                     .unwrap(verification) { v in verdict(v) }),
            UI.table(caption: "检查对象库（\(view.objects.count) 个）", headers: ["统一社会信用代码", "名称", "地址"], rows: view.objects.map {
                [.text($0.code), .text($0.name), .text($0.address ?? "—")]
            }),
            UI.table(caption: "执法人员名单（抽取时符合条件的 \(view.plan.inspectors.count) 名）", headers: ["姓名", "执法证件号"],
                     rows: view.plan.inspectors.map { [.text($0.name), .text($0.key)] }),
            InspectionPlanFacts.assignments(view),
            InspectionPlanFacts.results(view)
        ))
    }

    private func verdict(_ v: InspectionQueries.Verification) -> Node<HTML.BodyContext> {
        .div(.id("redraw-result"),
             UI.alert(v.matches ? "验证一致：重新抽取的结果与公布的抽取结果完全相同，对象库摘要一致。"
                                : "验证不一致：\(v.error ?? (v.poolDigestMatches ? "重新抽取的结果与公布的不同" : "对象库摘要不一致"))",
                      kind: v.matches ? "ok" : "error"),
             UI.table(caption: "重新抽取的结果", headers: ["顺序", "检查对象", "执法证件号"], rows: v.recomputed.map {
                 [.text("\($0.order)"), .text($0.object), .text($0.inspectors.joined(separator: "、"))]
             }))
    }
}
