import Foundation
import Plot
import QuanzeCore

/// The 法制员's forms on a plan page.
enum InspectionPlanForms {
    static func pool(_ id: UUID, csrf: String?) -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "pool-h"),
            .h2(.id("pool-h"), .text("录入检查对象")),
            .form(.method(.post), .action(SiteURL.consoleInspectionPlanAction(id, "objects")),
                  UI.csrfField(csrf),
                  UI.field("统一社会信用代码", name: "code", required: true),
                  UI.field("名称", name: "name", required: true),
                  UI.field("地址", name: "address"),
                  .button(.type(.submit), .text("添加"))),
            .form(.method(.post), .action(SiteURL.consoleInspectionPlanAction(id, "objects/import")), .enctype(.multipartData),
                  UI.csrfField(csrf),
                  .div(.class("field"), .label(.for("csv"), .text("粘贴 CSV（首行表头：\(InspectionObjectCSV.template.trimmingCharacters(in: .newlines))）")),
                       .textarea(.name("csv"), .id("csv"), .attribute(named: "rows", value: "6"))),
                  .div(.class("field"), .label(.for("file"), .text("或上传 CSV 文件（UTF-8）")),
                       .input(.type(.file), .name("file"), .id("file"), .attribute(named: "accept", value: ".csv,text/csv"))),
                  .button(.type(.submit), .text("导入"))))
    }

    static func conflict(_ id: UUID, csrf: String?, candidates: [InspectionEligibility.Candidate], objects: [InspectionObject]) -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "conflict-h"),
            .h2(.id("conflict-h"), .text("登记回避")),
            .form(.method(.post), .action(SiteURL.consoleInspectionPlanAction(id, "conflicts")),
                  UI.csrfField(csrf),
                  UI.select("执法人员", name: "officerId", options: candidates.map { ($0.officerID.uuidString, "\($0.name)（\($0.certificateNumber ?? "无证")）") },
                            selected: nil, required: true),
                  UI.select("检查对象", name: "objectId", options: objects.map { ($0.id!.uuidString, "\($0.name)（\($0.code)）") }, selected: nil, required: true),
                  UI.field("回避事由", name: "reason", required: true, hint: "如：近亲属在该企业任职"),
                  .button(.type(.submit), .text("登记"))))
    }

    static func action(_ id: UUID, _ action: String, _ label: String, csrf: String?, note: String) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(SiteURL.consoleInspectionPlanAction(id, action)),
              UI.csrfField(csrf), .p(.class("hint"), .text(note)), .button(.type(.submit), .text(label)))
    }

    static func result(_ id: UUID, csrf: String?, view: InspectionQueries.View) -> Node<HTML.BodyContext> {
        let open = view.drawn.filter { d in d.object.id.map { view.results[$0] == nil } ?? false }
        return .if(!open.isEmpty, .section(.class("card"), .attribute(named: "aria-labelledby", value: "result-h"),
            .h2(.id("result-h"), .text("登记检查结果")),
            .form(.method(.post), .action(SiteURL.consoleInspectionPlanAction(id, "results")),
                  UI.csrfField(csrf),
                  UI.select("检查对象", name: "objectId", options: open.map { ($0.object.id!.uuidString, "\($0.object.name)（\($0.object.code)）") },
                            selected: nil, required: true),
                  UI.select("检查结果", name: "kind", options: InspectionResultKind.allCases.map { ($0.rawValue, $0.label) }, selected: nil, required: true),
                  UI.field("检查情况", name: "summary", required: true),
                  UI.field("检查日期", name: "inspectedOn", type: .date, required: true),
                  .button(.type(.submit), .text("登记")))))
    }
}
