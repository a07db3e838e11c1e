import Foundation
import Plot
import QuanzeCore

/// 评议考核结果公开 (`001_*` 吉政办发〔2016〕91号 六(三): 对行政执法部门的考核结果……应在一定范围内公开).
struct PublicAssessmentsPage {
    let plans: [AssessmentPlanDTO]

    func render() -> HTML {
        Layout.publicPage(title: "评议考核结果", content: .div(
            .h1(.text("行政执法评议考核结果")),
            .p(.text("对行政执法部门的考核结果在此公开。总分为各项指标得分之和；自动指标的比率旁列出 95% 置信区间，案件少的部门排名按收缩后的比率，不因偶然的一两件而靠后。"),
               .span(.class("source"), .text("依据：吉政办发〔2016〕91号 六(三)"))),
            .if(plans.isEmpty, .p(.class("empty"), .text("暂无已公布的考核结果。"))),
            .forEach(plans) { plan in
                .section(.class("card"),
                    .h2(.text("\(plan.name)（\(plan.publishedOn ?? "") 公布）")),
                    UI.table(caption: plan.name, headers: ["排名", "执法部门", "总分", "档次", "各项指标"], rows: plan.results.map { r in
                        [.text("\(r.rank)"), .text(r.targetName), .text(AssessmentText.points(r.total)), .text(r.gradeLabel),
                         .ul(.forEach(r.findings) { f in .li(.text("\(f.indicatorName)：\(AssessmentText.points(f.points))/\(f.weight)；\(AssessmentText.rate(f))")) })]
                    }))
            }
        ))
    }
}

/// 执法评议卡: rate a body, or a case with the one-time code its party received.
struct EvaluationCardPage {
    let agencies: [Agency]
    var message: String? = nil
    var error: String? = nil
    var code: String = ""

    private var agencyOptions: [(value: String, label: String)] {
        [(value: "", label: "请选择")] + agencies.map { (value: $0.id!.uuidString, label: $0.name) }
    }

    func render() -> HTML {
        Layout.publicPage(title: "执法评议卡", content: .div(
            .h1(.text("执法评议卡")),
            .p(.text("请对执法部门的执法情况评分（1 分很不满意，5 分很满意）。办理案件时收到评议码的当事人，填写评议码即可评议该案件，每个评议码只能使用一次。"),
               .span(.class("source"), .text("依据：国办发〔2005〕37号 三(四)（发放执法评议卡）"))),
            UI.alert(message, kind: "ok"), UI.alert(error),
            .form(.method(.post), .action(SiteURL.publicEvaluate), .id("evaluation-card"),
                  UI.field("评议码（有则填写）", name: "code", value: code, hint: "形如 ABCD-EFGH-JKMN"),
                  UI.select("执法部门（无评议码时选择）", name: "agencyId", options: agencyOptions, selected: ""),
                  UI.select("评分", name: "rating", options: (1...5).reversed().map { ("\($0)", "\($0) 分") }, selected: "5", required: true),
                  .div(.class("field"), .label(.for("comment"), .text("意见建议（选填，不超过 500 字）")),
                       .textarea(.name("comment"), .id("comment"), .attribute(named: "rows", value: "4"))),
                  .button(.type(.submit), .id("submit-evaluation"), .text("提交评议")))
        ))
    }
}
