import Foundation
import Plot
import QuanzeCore

/// 案件 list with filters (环节、程序、预警、编号或名称、本人承办) and each case's nearest limit.
struct CaseListPage {
    let principal: Principal
    let rows: [CaseRow]
    let total: Int
    /// More than `total` cases match (the count stops at `CaseQueries.totalCap`).
    var totalCapped = false
    let query: [String: String]

    func render() -> HTML {
        Layout.console(title: "案件", principal: principal, active: SiteURL.consoleCases, content: .div(
            .h1(.text("执法办案")),
            .p(.text("案件依已公布的职权事项办理，环节按程序顺序推进；期限依规则配置与法律规定计算，临近（黄）或超过（红）期限的案件列入预警。")),
            .if(principal.hasAny([.officer, .legalOfficer]), .p(.a(.class("button"), .href(SiteURL.consoleCasesNew), .text("立案")))),
            .form(.method(.get), .action(SiteURL.consoleCases), .class("filters"),
                  UI.select("环节", name: "stage", options: [("", "全部")] + CaseStage.allCases.map { ($0.rawValue, $0.label) }, selected: query["stage"]),
                  UI.select("程序", name: "procedure", options: [("", "全部")] + CaseProcedure.allCases.map { ($0.rawValue, $0.label) }, selected: query["procedure"]),
                  UI.select("预警", name: "warning", options: [("", "全部"), ("yellow", "临近期限及超期"), ("red", "已超期")], selected: query["warning"]),
                  UI.field("编号或名称", name: "q", value: query["q"]),
                  .if(principal.has(.officer), UI.select("范围", name: "mine", options: [("", "全部案件"), ("1", "本人承办")], selected: query["mine"])),
                  .button(.type(.submit), .text("筛选"))),
            UI.table(caption: totalCapped ? "案件（超过 \(total) 件，请用筛选缩小范围）" : "案件（共 \(total) 件）", headers: ["立案编号", "案件名称", "执法主体", "程序", "环节", "最近期限", "预警"],
                     rows: rows.map(row), empty: "暂无符合条件的案件。")
        ))
    }

    private func row(_ r: CaseRow) -> [Node<HTML.BodyContext>] {
        let c = r.c
        return [
            .a(.href(SiteURL.consoleCase(c.id!)), .text(c.number)),
            .text(c.title),
            .text(r.agency?.name ?? ""),
            .text(c.procedure.label),
            .text(c.stageLabel),
            .unwrap(r.next, { d in .group(.text("\(d.name) \(d.due)"), .span(.class("source"), .text(" 依据：\(d.source)"))) }, else: .text("—")),
            CaseBits.level(r.level, suspended: c.suspended),
        ]
    }
}

/// 预警看板: the body's (or the jurisdiction's) open limits at yellow or red, or the officer's own (待办).
struct CaseWarningsPage {
    let principal: Principal
    let rows: [WarningRow]
    let mine: Bool
    let window: Int

    func render() -> HTML {
        Layout.console(title: "期限预警", principal: principal, active: SiteURL.consoleCaseWarnings, content: .div(
            .h1(.text(mine ? "我的待办（期限预警）" : "期限预警看板")),
            .p(.text("期限届满前 \(window) 日内显示黄色预警，超过期限显示红色；已中止的案件不计入。每项期限列出其依据。")),
            .if(principal.has(.officer), .p(mine ? .a(.href(SiteURL.consoleCaseWarnings), .text("查看全部")) : .a(.href(SiteURL.consoleCaseWarnings + "?mine=1"), .text("只看本人承办")))),
            UI.table(caption: "预警（共 \(rows.count) 项）", headers: ["预警", "期限届满日", "期限", "案件", "执法主体", "当前环节", "依据"],
                     rows: rows.map { r in
                         [CaseBits.level(r.level), .text(r.due + (r.provisional ? "（暂定）" : "")), .text(r.deadline),
                          .a(.href(SiteURL.consoleCase(r.caseID)), .text("\(r.number) \(r.title)")), .text(r.agencyName), .text(r.stage),
                          .span(.class("source"), .text(r.source))]
                     }, empty: "没有临近或超过期限的案件。")
        ))
    }
}
