import Foundation
import Plot
import QuanzeCore

/// The benchmark form (create and revise): violation, basis article, power, five level rows with
/// their kinds and range, and the listed 情节.
struct DiscretionForm {
    let form: DiscretionPagesController.Form
    let items: [(String, String)]
    let articles: [(String, String)]

    func node(action: String, csrf: String?, submit: String) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(action), UI.csrfField(csrf),
              UI.field("违法行为", name: "violation", value: form.violation, required: true),
              UI.select("法定依据条文", name: "articleId", options: [("", "请选择")] + articles.map { ($0.0, $0.1) }, selected: form.articleId, required: true),
              UI.select("职权事项（可选）", name: "powerItemId", options: [("", "不限")] + items.map { ($0.0, $0.1) }, selected: form.powerItemId),
              .forEach(Array(0..<DiscretionScale.maxLevels)) { (i: Int) -> Node<HTML.FormContext> in
                  let l = i < form.levels.count ? form.levels[i] : nil
                  return .fieldset(.element(named: "legend", text: "情节 \(i + 1)" + (i == 0 ? "（至少一档）" : "（可空）")),
                      UI.field("情节名称（如 轻微、一般、较重、严重）", name: "c\(i)", value: l?.circumstance),
                      UI.field("处罚表述", name: "s\(i)", value: l?.sanction),
                      .div(.class("checks"), .p(.text("可以给予的处罚种类：")), .forEach(PenaltyKind.allCases) { k in
                          CaseBits.checkbox("k\(i)[]", value: k.rawValue, label: k.label, id: "k\(i)-\(k.rawValue)",
                                            checked: l?.allowedKinds.contains(k.rawValue) ?? false)
                      }),
                      UI.field("罚款下限（元，含）", name: "min\(i)", type: .number, value: l?.minAmount.map(String.init)),
                      UI.field("罚款上限（元，含）", name: "max\(i)", type: .number, value: l?.maxAmount.map(String.init)))
              },
              CaseBits.textarea("mitigating", "从轻、减轻情节（每行一项，可写“情节｜依据”）", form.mitigating, rows: 4),
              CaseBits.textarea("aggravating", "从重情节（每行一项，可写“情节｜依据”）", form.aggravating, rows: 4),
              .p(.class("hint"), .text("相邻情节只能共用端点金额；罚款幅度只写在可以罚款的情节上。依据：\(DiscretionSources.quantified)；\(DiscretionSources.kindsAndRange)")),
              .button(.type(.submit), .text(submit)))
    }
}

enum DiscretionViews {
    static func levels(_ b: DiscretionBenchmark) -> Node<HTML.BodyContext> {
        UI.table(caption: "裁量阶次", headers: ["情节", "处罚", "可以给予的处罚种类", "罚款幅度"],
                 rows: b.tiers.map { [.text($0.circumstance), .text($0.sanction), .text($0.kindsText), .text($0.rangeText)] })
    }

    static func factors(_ b: DiscretionBenchmark) -> Node<HTML.BodyContext> {
        .dl(.dt(.text("从轻、减轻情节")), .dd(.unwrap(b.mitigatingFactors.isEmpty ? nil : b.mitigatingFactors, { l in .ul(.forEach(l) { .li(.text($0.citation)) }) }, else: .text("未列明"))),
            .dt(.text("从重情节")), .dd(.unwrap(b.aggravatingFactors.isEmpty ? nil : b.aggravatingFactors, { l in .ul(.forEach(l) { .li(.text($0.citation)) }) }, else: .text("未列明"))))
    }
}

/// 裁量基准 in scope, with the 法制员's form to record one.
struct DiscretionListPage {
    let principal: Principal
    let rows: [(DiscretionBenchmark, String)]
    var editor: DiscretionForm?
    var error: String?

    func render() -> HTML {
        Layout.console(title: "裁量基准", principal: principal, active: SiteURL.consoleDiscretion, content: .div(
            .h1(.text("裁量基准")),
            UI.alert(error),
            .p(.a(.href(SiteURL.consoleDiscretionConsistency), .text("裁量一致性报告")), .text("：按裁量基准和情节统计决定的罚款并标出异常值。")),
            UI.table(caption: "裁量基准（共 \(rows.count) 项）", headers: ["违法行为", "依据", "情节及幅度", "列明情节", "状态"], rows: rows.map { b, basis in
                [.a(.href(SiteURL.consoleDiscretionBenchmark(b.id!)), .text(b.violation)), .text(basis),
                 .text(b.tiers.map { "\($0.circumstance) \($0.rangeText)" }.joined(separator: "；")),
                 .text("从轻、减轻 \(b.mitigatingFactors.count) 项，从重 \(b.aggravatingFactors.count) 项"),
                 b.needsAdjustment ? .span(.class("badge warn"), .text("需调整（\(b.adjustmentDue ?? "")前）")) : .text("有效")]
            }, empty: "暂无裁量基准。"),
            .unwrap(editor) { e in
                .section(.class("card"), .h2(.text("制定裁量基准")), e.node(action: SiteURL.consoleDiscretion, csrf: principal.csrfToken, submit: "保存裁量基准"))
            }))
    }
}

/// One benchmark: levels, factors, and the 法制员's form to revise it.
struct DiscretionDetailPage {
    let principal: Principal
    let benchmark: DiscretionBenchmark
    let basis: String
    let agency: Agency
    var editor: DiscretionForm?
    var message: String?
    var error: String?

    func render() -> HTML {
        let b = benchmark
        return Layout.console(title: "裁量基准", principal: principal, active: SiteURL.consoleDiscretion, content: .div(
            .h1(.text("裁量基准：\(b.violation)")),
            UI.alert(message, kind: "success"), UI.alert(error),
            .dl(.class("facts"), .dt(.text("执法主体")), .dd(.text(agency.name)), .dt(.text("法定依据")), .dd(.text(basis)),
                .if(b.needsAdjustment, .group(.dt(.text("需调整")), .dd(.text("\(b.adjustmentReason ?? "")（\(b.adjustmentDue ?? "")前）"))))),
            DiscretionViews.levels(b),
            DiscretionViews.factors(b),
            .p(.class("source"), .text("依据：\(DiscretionSources.kindsAndRange)；\(DiscretionSources.factors)")),
            .p(.a(.href(SiteURL.consoleDiscretionConsistency + "?agencyID=\(agency.id!.uuidString)"), .text("本主体裁量一致性报告"))),
            .unwrap(editor) { e in
                .section(.class("card"), .h2(.text("修改裁量基准")),
                         e.node(action: SiteURL.consoleDiscretionBenchmark(b.id!), csrf: principal.csrfToken, submit: "保存修改"))
            }))
    }
}

/// 裁量一致性: per benchmark and level the decided fines, a box plot drawn on the server, and the
/// outliers with their cases and written reasons.
struct DiscretionConsistencyPage {
    let principal: Principal
    let report: DiscretionConsistencyDTO
    let agencies: [Agency]

    func render() -> HTML {
        Layout.console(title: "裁量一致性", principal: principal, active: SiteURL.consoleDiscretion, content: .div(
            .h1(.text("裁量一致性（\(report.year)年）")),
            .form(.method(.get), .action(SiteURL.consoleDiscretionConsistency),
                  UI.select("执法主体", name: "agencyID", options: [("", "范围内全部")] + agencies.map { ($0.id!.uuidString, $0.name) },
                            selected: report.agencyId?.uuidString),
                  UI.field("年度", name: "year", type: .number, value: String(report.year)),
                  .button(.type(.submit), .text("查看"))),
            .p(.text(report.definition)),
            .p(.class("source"), .text("依据：\(report.source)（同类违法行为处罚种类和幅度基本相同）")),
            .if(report.groups.isEmpty, .p(.class("empty"), .text("该年度没有适用裁量基准的罚款决定。"))),
            .forEach(report.groups) { g in group(g) }))
    }

    private func amount(_ v: Double) -> String {
        v.rounded() == v ? String(Int(v)) : String(format: "%.1f", v)
    }

    private func group(_ g: DiscretionConsistencyGroupDTO) -> Node<HTML.BodyContext> {
        let range = DiscretionRange(circumstance: g.circumstance, minAmount: g.minAmount, maxAmount: g.maxAmount)
        return .section(.class("card consistency"),
            .h2(.a(.href(SiteURL.consoleDiscretionBenchmark(g.benchmarkId)), .text(g.violation)), .text(" — \(g.circumstance)")),
            .p(.text("\(g.agencyName)" + (g.powerCode.map { "，职权 \($0)" } ?? "") + "；该情节幅度："
                     + (g.levelInBenchmark ? range.text : "（裁量基准已无此情节）"))),
            UI.table(caption: "\(g.circumstance)情节的罚款（元）", headers: ["件数", "最低", "中位数", "最高", "平均", "Q1", "Q3", "异常值"],
                     rows: [[.text("\(g.count)"), .text("\(g.min)"), .text(amount(g.median)), .text("\(g.max)"), .text(amount(g.mean)),
                             .text(amount(g.q1)), .text(amount(g.q3)), .text("\(g.outlierCount)")]]),
            .raw(DiscretionBoxPlot.svg(g)),
            UI.table(caption: "异常值" + (g.outlierCount > g.outliers.count ? "（列出偏离中位数最大的 \(g.outliers.count) 件）" : ""),
                     headers: ["案件", "决定书", "决定日期", "罚款（元）", "异常原因", "书面理由"],
                     rows: g.outliers.map { o in
                         [.a(.href(SiteURL.consoleCase(o.caseId)), .text(o.caseNumber)), .text(o.decisionNumber), .text(o.decidedOn),
                          .text("\(o.amount)"), .text(o.reasons.map(\.label).joined(separator: "；")),
                          .text(o.outsideRangeReason ?? "未说明")]
                     }, empty: "无异常值。"))
    }
}

/// A horizontal box plot as inline SVG (no script): the level's range shaded, the whisker from min to
/// max clamped at Tukey's fences, the box Q1–Q3 with the median, the listed outliers as dots.
enum DiscretionBoxPlot {
    static let width = 640.0, height = 70.0, margin = 20.0

    static func svg(_ g: DiscretionConsistencyGroupDTO) -> String {
        var values = [Double(g.min), Double(g.max)] + g.outliers.map { Double($0.amount) }
        if let lo = g.minAmount { values.append(Double(lo)) }
        if let hi = g.maxAmount { values.append(Double(hi)) }
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        let span = max(hi - lo, 1)
        func x(_ v: Double) -> Double { margin + (v - lo) / span * (width - 2 * margin) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let mid = 35.0
        let whiskerLow = max(Double(g.min), g.lowFence ?? -Double.infinity)
        let whiskerHigh = min(Double(g.max), g.highFence ?? Double.infinity)
        var s = #"<svg xmlns="http://www.w3.org/2000/svg" class="boxplot" role="img" viewBox="0 0 \#(Int(width)) \#(Int(height))" width="\#(Int(width))" height="\#(Int(height))">"#
        s += "<title>\(escape(g.circumstance))：中位数 \(f(g.median)) 元，Q1 \(f(g.q1)) 元，Q3 \(f(g.q3)) 元，异常值 \(g.outlierCount) 件</title>"
        if g.levelInBenchmark, g.minAmount != nil || g.maxAmount != nil {
            let a = x(Double(g.minAmount ?? Int(lo))), b = x(Double(g.maxAmount ?? Int(hi)))
            s += #"<rect x="\#(f(a))" y="8" width="\#(f(max(b - a, 1)))" height="54" fill="rgb(232,241,251)" stroke="rgb(155,188,224)"/>"#
        }
        s += #"<line x1="\#(f(x(whiskerLow)))" y1="\#(f(mid))" x2="\#(f(x(whiskerHigh)))" y2="\#(f(mid))" stroke="rgb(51,51,51)"/>"#
        s += #"<rect x="\#(f(x(g.q1)))" y="22" width="\#(f(max(x(g.q3) - x(g.q1), 1)))" height="26" fill="white" stroke="rgb(51,51,51)"/>"#
        s += #"<line x1="\#(f(x(g.median)))" y1="22" x2="\#(f(x(g.median)))" y2="48" stroke="rgb(204,0,0)" stroke-width="2"/>"#
        for o in g.outliers {
            s += #"<circle cx="\#(f(x(Double(o.amount))))" cy="\#(f(mid))" r="4" fill="rgb(204,0,0)"><title>\#(escape(o.caseNumber))：\#(o.amount) 元</title></circle>"#
        }
        s += #"<text x="\#(f(margin))" y="68" font-size="10">\#(f(lo))</text><text x="\#(f(width - margin))" y="68" font-size="10" text-anchor="end">\#(f(hi))</text>"#
        return s + "</svg>"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
