import Foundation
import Plot
import QuanzeCore

/// 工作日历: a year's working days, the deadline calculator with its legal source, adding a notice.
struct CalendarPage {
    let principal: Principal
    let calendar: WorkCalendar
    let year: Int
    let years: [CalendarYearSummaryDTO]
    var calc: [String: String] = [:]
    var result: DeadlineResult? = nil
    var error: String? = nil
    var message: String? = nil

    func render() -> HTML {
        Layout.console(title: "工作日历", principal: principal, active: SiteURL.consoleCalendar, content: .div(
            .h1(.text("工作日历")),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .p(.text("按国务院办公厅每年发布的部分节假日安排计算工作日（含调休上班的周末）。期限起算日不计入；以日计的期限届满日为法定休假日的，顺延至其后第一个工作日。")),
            calculator,
            .h2(.text("已录入年度")),
            UI.table(caption: "年度放假安排", headers: ["年度", "通知", "来源", "放假天数", "调休上班天数"], rows: years.map { y in
                [.a(.href(SiteURL.consoleCalendar + "?year=\(y.year)"), .text("\(y.year)")), .text(y.notice),
                 .text(y.origin == "bundled" ? "平台内置" : "管理员录入"), .text("\(y.holidays)"), .text("\(y.workingWeekends)")]
            }),
            .h2(.text("\(year) 年")),
            calendar.covers(year)
                ? .div(.class("cal"), .forEach(1...12) { month($0) })
                : .p(.class("alert warn"), .text("\(year) 年放假安排尚未录入，涉及该年的期限将标注为“暂定”。")),
            .if(principal.has(.systemAdmin), addYearForm)
        ))
    }

    private var calculator: Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "calc-h"),
                 .h2(.id("calc-h"), .text("期限计算")),
                 .form(.method(.get), .action(SiteURL.consoleCalendar), .class("filters"),
                       UI.field("起算日", name: "start", type: .date, value: calc["start"], required: true),
                       UI.field("期限", name: "value", type: .number, value: calc["value"], required: true),
                       UI.select("单位", name: "unit", options: DeadlineUnit.allCases.map { ($0.rawValue, $0.label) }, selected: calc["unit"]),
                       .button(.type(.submit), .text("计算"))),
                 .unwrap(result) { r in
                     .div(.class(r.provisional ? "alert warn" : "alert ok"), .attribute(named: "role", value: "status"),
                          .p(.strong(.text("届满日：\(r.date.iso)\(r.provisional ? "（暂定）" : "")"))),
                          .p(.text(r.explanation)),
                          .p(UI.source(r.rule)))
                 })
    }

    private func month(_ m: Int) -> Node<HTML.BodyContext> {
        guard let first = LocalDate(year: year, month: m, day: 1) else { return .empty }
        let nextMonth = m == 12 ? LocalDate(year: year + 1, month: 1, day: 1)! : LocalDate(year: year, month: m + 1, day: 1)!
        let days = (first.dayNumber..<nextMonth.dayNumber).map(LocalDate.init(dayNumber:))
        let lead = first.isoWeekday - 1
        let cells: [LocalDate?] = Array(repeating: nil, count: lead) + days.map { Optional($0) }
        let weeks = stride(from: 0, to: cells.count, by: 7).map { Array(cells[$0..<min($0 + 7, cells.count)]) }
        return .table(.caption(.text("\(year) 年 \(m) 月")),
                      .thead(.tr(.forEach(["一", "二", "三", "四", "五", "六", "日"]) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                      .tbody(.forEach(weeks) { week in .tr(.forEach(week) { day in cell(day) }) }))
    }

    private func cell(_ day: LocalDate?) -> Node<HTML.TableRowContext> {
        guard let day else { return .td() }
        let kind = calendar.dayKind(day)
        let cls: String
        switch kind {
        case .holiday: cls = "d-holiday"
        case .adjustedWorkingDay: cls = "d-adjusted"
        case .weekend: cls = "d-weekend"
        default: cls = ""
        }
        return .td(.class(cls), .attribute(named: "title", value: "\(day.iso) \(kind.label)"), .text("\(day.day)"),
                   .span(.class("skip"), .text(" \(kind.label)")))
    }

    private var addYearForm: Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "add-h"),
                 .h2(.id("add-h"), .text("录入新年度放假安排")),
                 .p(.class("hint"), .text("国务院办公厅发布下一年度通知后，按与内置数据相同的 JSON 格式录入：{\"year\": 2027, \"notice\": \"国办发明电〔2026〕…号\", \"holidays\": [{\"date\": \"2027-01-01\", \"name\": \"元旦\"}], \"workingWeekends\": [...]}")),
                 .form(.method(.post), .action(SiteURL.consoleCalendar),
                       UI.csrfField(principal.csrfToken),
                       .div(.class("field"),
                            .label(.for("yearJSON"), .text("年度数据（JSON）")),
                            .textarea(.name("yearJSON"), .id("yearJSON"), .rows(8), .cols(60))),
                       .button(.type(.submit), .text("录入"))))
    }
}
