import Foundation
import Plot
import QuanzeCore

/// The filter form shared by the statistics and dashboard pages: a year or a period, a body in
/// scope, a category.
enum StatisticsFilterForm {
    static func node(action: String, filter f: EnforcementStatistics.Filter, agencies: [Agency], withYear: Bool) -> Node<HTML.BodyContext> {
        .form(.method(.get), .action(action), .class("filters"),
              .if(withYear, UI.field("年度", name: "year", type: .number, value: f.year.map(String.init) ?? "")),
              UI.field(withYear ? "或期间自" : "期间自", name: "from", type: .date, value: f.year == nil ? f.from.iso : ""),
              UI.field("至", name: "to", type: .date, value: f.year == nil ? f.to.iso : ""),
              UI.select("执法主体", name: "agencyId", options: [("", "范围内全部")] + agencies.map { ($0.id!.uuidString, $0.name) },
                        selected: f.agencyID?.uuidString),
              UI.select("类别", name: "category", options: [("", "全部类别")] + EnforcementStatistics.categories.map { ($0.rawValue, $0.label) },
                        selected: f.category?.rawValue),
              .button(.type(.submit), .text("查询")))
    }
}

/// 执法统计报表: body × category, the category totals and the grand total, with CSV and XLSX downloads.
struct StatisticsPage {
    let principal: Principal
    let report: EnforcementStatistics.Report
    let filter: EnforcementStatistics.Filter
    let agencies: [Agency]

    func render() -> HTML {
        let r = report
        let y = ExportCell.yuan
        return Layout.console(title: "执法统计", principal: principal, active: SiteURL.consoleStatistics, content: .div(
            .h1(.text(EnforcementStatistics.title(r))),
            StatisticsFilterForm.node(action: SiteURL.consoleStatistics, filter: filter, agencies: agencies, withYear: true),
            .p(.text("下载："), .a(.href("\(SiteURL.consoleStatistics)/csv?\(filter.query)"), .text("CSV")), .text(" · "),
               .a(.href("\(SiteURL.consoleStatistics)/xlsx?\(filter.query)"), .text("XLSX（Excel）"))),
            .p(.text("统计期间 \(r.from) 至 \(r.to)。类别按案件所用程序归类（行政处罚含简易、普通程序）；件数按立案（受理）、决定、结案日期计入期间；"
                     + "罚款、没收金额按决定日期，收缴罚没款按缴款日期（含加处罚款，冲正相抵）；复议诉讼按申请日期、审结按结果日期计。")),
            UI.table(caption: "执法统计（金额：元）", headers: EnforcementStatistics.headers,
                     rows: (r.rows + r.categoryTotals + [r.total]).map { row in
                         [.text(row.agencyName), .text(row.categoryLabel), .text("\(row.filedCount)"), .text("\(row.decidedCount)"),
                          .text("\(row.closedCount)"), .text(y(row.fineFen)), .text(y(row.confiscationFen)), .text(y(row.collectedFen)),
                          .text("\(row.reconsiderationCount)"), .text("\(row.litigationCount)"), .text("\(row.remedyDecidedCount)"),
                          .text("\(row.reversalCount)")]
                     }),
            .section(.class("card analysis"), .h2(.text(StatisticsAnalysis.label)),
                     .forEach(r.analysis) { .p(.text($0)) }),
            .p(.class("source"), .text("各行政执法部门每年度作出的行政许可、行政处罚、行政强制等具体行政行为的数量及涉案款项数额，报经法制办公室汇总后上报；"
                                       + "行政处罚、行政许可、行政复议、行政诉讼案件统计报表。依据：" + r.sources.joined(separator: "；")))))
    }
}

/// 执法监督看板: the figures now, then each trend as an SVG chart with the same numbers in a table beside it.
struct DashboardPage {
    let principal: Principal
    let board: DashboardStatistics.Board
    let filter: EnforcementStatistics.Filter
    let agencies: [Agency]

    func render() -> HTML {
        let b = board
        let labels = b.months.map(\.month)
        func rate(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0) } ?? "—" }
        let scope = principal.has(.supervisor) ? "本辖区各执法主体" : "本执法主体"
        return Layout.console(title: "执法监督看板", principal: principal, active: SiteURL.consoleDashboard, content: .div(
            .h1(.text("执法监督看板（\(scope)）")),
            StatisticsFilterForm.node(action: SiteURL.consoleDashboard, filter: filter, agencies: agencies, withYear: false),
            .p(.text("期间 \(b.from) 至 \(b.to)；当前数据截至 \(b.today)。")),
            .div(.class("stats"),
                 UI.stat("在办案件", b.open, href: SiteURL.consoleCases),
                 UI.stat("黄色预警（临近期限）", b.yellow, href: SiteURL.consoleCaseWarnings),
                 UI.stat("红色预警（已超期）", b.red, href: SiteURL.consoleCaseWarnings)),
            .p(.text("期间内按期办结率 \(rate(b.onTimeRate))（\(b.limitsMetOnTime)/\(b.limitsMet) 个期限按期完成）；"
                     + "复议诉讼纠错率 \(rate(b.reversalRate))（\(b.reversals)/\(b.remedyDecided) 件被撤销、变更、确认违法或责令履行）。")),
            .p(.class("source"), .text(b.warningSource)),
            chart(id: "workload", title: "工作量：每月立案与结案", kind: .bar, labels: labels,
                  series: [.init(name: "立案", values: b.months.map { Double($0.filed) }, color: SVGChart.palette[0]),
                           .init(name: "结案", values: b.months.map { Double($0.closed) }, color: SVGChart.palette[1])],
                  headers: ["月份", "立案", "结案"], rows: b.months.map { [$0.month, "\($0.filed)", "\($0.closed)"] }),
            chart(id: "ontime", title: "按期办结率（每月到期完成的期限中按期完成的比例）", kind: .line, labels: labels,
                  series: [.init(name: "按期办结率", values: b.months.map(\.onTimeRate), color: SVGChart.palette[2])], unit: "%", max: 100,
                  headers: ["月份", "完成的期限", "按期完成", "按期办结率"],
                  rows: b.months.map { [$0.month, "\($0.limitsMet)", "\($0.limitsMetOnTime)", rate($0.onTimeRate)] }),
            chart(id: "reversal", title: "复议诉讼纠错率（每月审结中被撤销、变更、确认违法或责令履行的比例）", kind: .line, labels: labels,
                  series: [.init(name: "纠错率", values: b.months.map(\.reversalRate), color: SVGChart.palette[3])], unit: "%", max: 100,
                  headers: ["月份", "审结", "被纠错", "纠错率"],
                  rows: b.months.map { [$0.month, "\($0.remedyDecided)", "\($0.reversals)", rate($0.reversalRate)] }),
            chart(id: "agencies", title: "各执法主体在办案件与预警", kind: .bar, labels: b.agencies.map(\.agencyName),
                  series: [.init(name: "在办", values: b.agencies.map { Double($0.open) }, color: SVGChart.palette[0]),
                           .init(name: "黄色预警", values: b.agencies.map { Double($0.yellow) }, color: "rgb(230,180,0)"),
                           .init(name: "红色预警", values: b.agencies.map { Double($0.red) }, color: SVGChart.palette[3])],
                  headers: ["执法主体", "在办", "黄色预警", "红色预警"],
                  rows: b.agencies.map { [$0.agencyName, "\($0.open)", "\($0.yellow)", "\($0.red)"] }),
            .section(.class("card"), .id("complaints"),
                     .h2(.text("投诉举报流转（每月收到、受理、办结）")),
                     .unwrap(b.complaints, { list in
                         chart(id: "complaints-chart", title: "投诉举报流转", kind: .bar, labels: list.map(\.month),
                               series: [.init(name: "收到", values: list.map { Double($0.received) }, color: SVGChart.palette[0]),
                                        .init(name: "受理", values: list.map { Double($0.accepted) }, color: SVGChart.palette[1]),
                                        .init(name: "办结", values: list.map { Double($0.closed) }, color: SVGChart.palette[2])],
                               headers: ["月份", "收到", "受理", "办结"], rows: list.map { [$0.month, "\($0.received)", "\($0.accepted)", "\($0.closed)"] })
                     }, else: .p(.class("empty"), .text("本期没有投诉举报数据。")))),
            .p(.a(.href(SiteURL.consoleStatistics), .text("年度执法统计报表")))))
    }

    private func chart(id: String, title: String, kind: SVGChart.Kind, labels: [String], series: [SVGChart.Series], unit: String = "",
                       max: Double? = nil, headers: [String], rows: [[String]]) -> Node<HTML.BodyContext> {
        .section(.class("card chart-card"), .id(id),
                 .h2(.text(title)),
                 .div(.class("chart-with-table"),
                      .raw(SVGChart.render(id: "\(id)-svg", kind: kind, title: title, labels: labels, series: series, unit: unit, maxValue: max)),
                      UI.table(caption: title, headers: headers, rows: rows.map { $0.map { .text($0) } })))
    }
}
