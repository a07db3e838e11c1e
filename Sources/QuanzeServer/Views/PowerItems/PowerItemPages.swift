import Foundation
import Plot
import QuanzeCore

/// 职权事项 page: the current version (一单一表), its flowchart (一图), lifecycle actions and versions.
struct PowerItemPage {
    let principal: Principal
    let item: PowerItem
    let agency: Agency
    let versions: [PowerItemVersion]
    let bases: [(LegalArticle, LegalNorm)]
    let citable: [(LegalArticle, LegalNorm)]
    var message: String? = nil
    var error: String? = nil

    var latest: PowerItemVersion { versions[0] }
    var isOwnLegalOfficer: Bool { principal.has(.legalOfficer) && principal.agencyID == agency.id }
    var isSupervisor: Bool { principal.has(.supervisor) && principal.jurisdictionID == agency.$jurisdiction.id }

    func render() -> HTML {
        let v = latest
        let path = SiteURL.consolePowerItem(item.id!)
        return Layout.console(title: v.name, principal: principal, active: SiteURL.consoleAgencies, content: .div(
            .h1(.text("\(v.name)")),
            .p(.a(.href(SiteURL.consoleAgency(agency.id!)), .text("← \(agency.name) 权责清单"))),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .if(v.needsAdjustment, .div(.class("alert warn"), .attribute(named: "role", value: "status"),
                .text("需调整：\(v.adjustmentReason ?? "")；应于 \(v.adjustmentDue ?? "（未规定期限）") 前调整并重新公布。"))),
            .section(.class("card"),
                     .dl(.dt(.text("事项编码")), .dd(.text(item.code)),
                         .dt(.text("职权类别")), .dd(.text(v.category.label)),
                         .dt(.text("版本")), .dd(.text("v\(v.version)（\(v.status.label)）")),
                         .dt(.text("法定期限")), .dd(.text(v.statutoryLimit.map(limitText) ?? "—")),
                         .dt(.text("承诺期限")), .dd(.text(v.promisedLimit.map(limitText) ?? "—")),
                         .dt(.text("执法依据")), .dd(.ul(.forEach(bases) { a, n in
                             .li(.a(.href(SiteURL.consoleLegalNorm(n.id!)), .text("《\(n.title)》\(a.number)")),
                                 .if(!a.citable(in: n), .span(.class("badge err"), .text(" 已不可引用"))))
                         })),
                         .dt(.text("追责情形")), .dd(.ul(.forEach(v.responsibilities) { .li(.text($0)) })),
                         .dt(.text("重大执法决定标准（须法制审核）")), .dd(.ul(.forEach(v.majorCriteria) { .li(.text($0)) })))),
            .h2(.text("流程图")),
            .img(.src(path + "/flowchart.svg"), .alt("\(v.name)流程图：" + v.flow.map(\.name).joined(separator: "→")), .class("flowchart")),
            actions(path),
            .if(isOwnLegalOfficer && v.status == .draft, .section(.class("card"), .attribute(named: "aria-labelledby", value: "ed-h"),
                .h2(.id("ed-h"), .text("修改草拟版本")),
                PowerItemForm.node(action: path + "/draft", version: v, code: nil, bases: bases.map { $0.0.id! }, citable: citable,
                                   csrf: principal.csrfToken, submit: "保存草拟"))),
            .h2(.text("版本")),
            UI.table(caption: "版本记录", headers: ["版本", "状态", "公布时间", "需调整"], rows: versions.map { x in
                [.text("v\(x.version)"), .text(x.status.label), .text(UI.dateTime(x.publishedAt)), .text(x.needsAdjustment ? "是（\(x.adjustmentDue ?? "")）" : "否")]
            })
        ))
    }

    private func actions(_ path: String) -> Node<HTML.BodyContext> {
        let v = latest
        var buttons: [(String, String)] = []
        if isOwnLegalOfficer && v.status == .draft { buttons.append(("submit", "送审")) }
        if isOwnLegalOfficer && v.status == .published { buttons.append(("new-version", "新建版本")) }
        if isSupervisor && v.status == .submitted { buttons += [("approve", "审核通过"), ("return", "退回修改")] }
        if isSupervisor && v.status == .approved { buttons.append(("publish", "公布")) }
        guard !buttons.isEmpty else { return .empty }
        return .section(.class("card"), .h2(.text("办理")),
                        .forEach(buttons) { action, label in
                            .form(.method(.post), .action(path + "/" + action), .class("inline"),
                                  UI.csrfField(principal.csrfToken), .button(.type(.submit), .text(label)))
                        })
    }

    private func limitText(_ l: TimeLimit) -> String { "\(l.value)\(l.unit == "工作日" ? "个工作日" : "日")" }
}

/// The 职权事项 form (new item or draft): lists as one entry per line, flow steps as
/// “名称|角色|期限|单位|分支|起算” per line.
enum PowerItemForm {
    static func node(action: String, version: PowerItemVersion?, code: String?, bases: [UUID], citable: [(LegalArticle, LegalNorm)],
                     csrf: String?, submit: String) -> Node<HTML.BodyContext> {
        let flowText = (version?.flow ?? []).map { s in
            ([s.name, s.role, s.limit.map { "\($0.value)" } ?? "", s.limit?.unit ?? "", s.branch ?? ""] + (s.limitFrom.map { [$0.word] } ?? []))
                .joined(separator: "|")
        }.joined(separator: "\n")
        return .form(.method(.post), .action(action),
                     UI.csrfField(csrf),
                     .if(code != nil, UI.field("事项编码", name: "code", value: code, required: true, hint: "如 XZCF-002")),
                     UI.field("事项名称", name: "name", value: version?.name, required: true),
                     UI.select("职权类别", name: "category", options: PowerCategory.allCases.map { ($0.rawValue, $0.label) },
                               selected: version?.category.rawValue),
                     .div(.class("field"),
                          .label(.for("basis"), .text("执法依据条款（可多选；仅列出可引用的条款）")),
                          .select(.attribute(named: "name", value: "basisArticleIds[]"), .id("basis"), .attribute(named: "multiple", value: "multiple"),
                                  .attribute(named: "size", value: "6"),
                                  .forEach(citable) { a, n in UI.option(a.id!.uuidString, "《\(n.title)》\(a.number)", selected: bases.contains(a.id!)) })),
                     UI.field("法定期限（数值）", name: "statutoryValue", type: .number, value: version?.statutoryLimit.map { "\($0.value)" }),
                     UI.select("法定期限单位", name: "statutoryUnit", options: [("日", "日"), ("工作日", "工作日")], selected: version?.statutoryLimit?.unit),
                     UI.field("承诺期限（数值）", name: "promisedValue", type: .number, value: version?.promisedLimit.map { "\($0.value)" }),
                     UI.select("承诺期限单位", name: "promisedUnit", options: [("日", "日"), ("工作日", "工作日")], selected: version?.promisedLimit?.unit),
                     textarea("responsibilities", "追责情形（每行一项）", (version?.responsibilities ?? []).joined(separator: "\n")),
                     textarea("majorCriteria", "重大执法决定标准（每行一项）", (version?.majorCriteria ?? []).joined(separator: "\n")),
                     textarea("flow", "流程步骤（每行：名称|角色|期限|单位|分支|起算，如 法制审核|法制审核人员|5|工作日|普通程序；起算可写“立案”，表示期限自立案之日计算，默认自进入本环节计算）", flowText),
                     .button(.type(.submit), .text(submit)))
    }

    private static func textarea<C: HTML.BodyContext>(_ name: String, _ label: String, _ value: String) -> Node<C> {
        .div(.class("field"), .label(.for(name), .text(label)),
             .textarea(.name(name), .id(name), .rows(5), .cols(60), .text(value)))
    }
}

/// 需调整 warning list.
struct AdjustmentsPage {
    let principal: Principal
    let rows: [(PowerItemVersion, PowerItem, Agency)]
    var benchmarks: [(DiscretionBenchmark, String, Agency)] = []

    func render() -> HTML {
        Layout.console(title: "需调整预警", principal: principal, active: SiteURL.consolePowerAdjustments, content: .div(
            .h1(.text("需调整预警")),
            .p(.text("执法依据修改或废止后，引用该依据的职权事项须在规则配置规定的期限内调整并重新公布。")),
            UI.table(caption: "需调整的职权事项（共 \(rows.count) 项）", headers: ["执法主体", "事项", "版本", "原因", "调整期限"], rows: rows.map { v, item, agency in
                [.text(agency.name), .a(.href(SiteURL.consolePowerItem(item.id!)), .text("\(item.code) \(v.name)")),
                 .text("v\(v.version)（\(v.status.label)）"), .text(v.adjustmentReason ?? ""), .text(v.adjustmentDue ?? "未规定")]
            }, empty: "没有需要调整的职权事项。"),
            .p(.class("hint"), .text("各事项的办理流程（流程图）随事项一并调整，见事项详情。")),
            UI.table(caption: "依赖同一条文、需调整的裁量基准（共 \(benchmarks.count) 项）", headers: ["执法主体", "违法行为", "依据", "原因", "调整期限"],
                     rows: benchmarks.map { b, basis, agency in
                         [.text(agency.name), .text(b.violation), .text(basis), .text(b.adjustmentReason ?? ""), .text(b.adjustmentDue ?? "未规定")]
                     }, empty: "没有需要调整的裁量基准。")
        ))
    }
}
