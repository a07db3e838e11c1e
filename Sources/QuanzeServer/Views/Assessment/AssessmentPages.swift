import Foundation
import Plot
import QuanzeCore

enum AssessmentText {
    static func rate(_ f: FindingDTO) -> String {
        guard let n = f.numerator, let d = f.denominator else { return "—" }
        if f.kind == IndicatorKind.external.rawValue {
            return d == 0 ? "无评议" : String(format: "平均 %.2f 分（%d 份）", Double(n) / Double(d) * 5, d / 5)
        }
        guard d > 0, let r = f.rate else { return "0/0（无适用数据）" }
        var s = String(format: "%d/%d = %.1f%%", n, d, r * 100)
        if let lo = f.intervalLower, let hi = f.intervalUpper {
            s += String(format: "（95%% 区间 %.1f%%–%.1f%%%@）", lo * 100, hi * 100, d < 30 ? "，样本少" : "")
        }
        return s
    }

    static func points(_ v: Double) -> String { String(format: "%.2f", v) }

    static func kindLabel(_ f: FindingDTO) -> String {
        if let a = f.automatic.flatMap(AutomaticIndicator.init(rawValue:)) { return "自动：\(a.name)" }
        return IndicatorKind(rawValue: f.kind)?.label ?? f.kind
    }

    /// The default indicator system offered in the form: one line per node, `代码|名称|分值|类型`;
    /// a code with a dot is a child of the code before its last dot; 类型 is 录入, 外部 or an automatic code.
    static func template(_ target: AssessmentTargetKind) -> String {
        switch target {
        case .agency:
            return """
            A|执法质量|50|
            A.1|按期作出决定|15|on_time_decisions
            A.2|重大决定法制审核|15|major_legal_review
            A.3|复议诉讼纠错|20|remedy_reversals
            B|履职与分解职权|20|
            B.1|职权行使（零执法）|10|powers_exercised
            B.2|职权分解覆盖|10|powers_covered
            C|执法人员管理|10|certificate_compliance
            D|专项检查|10|录入
            E|外部评议|10|外部
            """
        case .officer:
            return """
            A|按期作出决定|30|on_time_decisions
            B|复议诉讼纠错|20|remedy_reversals
            C|持证及年检|10|certificate_compliance
            D|法律素养测试|30|录入
            E|外部评议|10|外部
            """
        case .unit:
            return """
            A|执法规范|60|录入
            B|案卷质量|40|录入
            """
        }
    }

    /// Parses the lines of `template` into a tree (INDICATOR_LINE_INVALID on a bad line).
    static func parse(_ text: String) throws -> [IndicatorNode] {
        var flat: [(code: String, node: IndicatorNode)] = []
        for (i, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, let weight = Int(cells[2]) else {
                throw AppError("INDICATOR_LINE_INVALID", .unprocessableEntity, "第 \(i + 1) 行须为“代码|名称|分值|类型”，分值为整数")
            }
            let type = cells.count > 3 ? cells[3] : ""
            var node = IndicatorNode(code: cells[0], name: cells[1], weight: weight)
            switch type {
            case "", "录入": node.kind = .entered
            case "外部", "外部评议": node.kind = .external
            default: node.kind = .automatic; node.automatic = type
            }
            flat.append((cells[0], node))
        }
        // Build bottom-up: attach each node to the nearest earlier node whose code is its prefix.
        func children(of parent: String?) -> [IndicatorNode] {
            flat.filter { item in
                let p = item.code.contains(".") ? String(item.code[..<item.code.lastIndex(of: ".")!]) : nil
                return p == parent
            }.map { item in
                var n = item.node
                let kids = children(of: item.code)
                if !kids.isEmpty { n.children = kids; n.kind = nil; n.automatic = nil }
                return n
            }
        }
        return children(of: nil)
    }
}

struct AssessmentListPage {
    let principal: Principal
    let plans: [AssessmentPlanDTO]
    let year: Int
    var message: String? = nil
    var error: String? = nil
    var indicatorsText: String? = nil

    func render() -> HTML {
        let canCreate = principal.hasAny([.supervisor, .legalOfficer])
        let kinds: [AssessmentTargetKind] = principal.has(.supervisor) ? [.agency] : [.officer, .unit]
        return Layout.console(title: "评议考核", principal: principal, active: SiteURL.consoleAssessments, content: .div(
            .h1(.text("评议考核")),
            .p(.class("hint"), .text("百分制；自动指标由办案数据按公式计算并列出所涉案件，被考核方可在期限内确认或申辩（税收执法责任制考核评议办法 第十四条）。")),
            UI.alert(message, kind: "ok"), UI.alert(error),
            UI.table(caption: "考核方案", headers: ["年度", "方案", "考核对象", "状态", "外部评议权重"], rows: plans.map { p in
                [.text("\(p.year)"), .a(.href(SiteURL.consoleAssessment(p.id)), .text(p.name)),
                 .text(AssessmentTargetKind(rawValue: p.targetKind)?.label ?? p.targetKind), .text(p.statusLabel), .text("\(p.externalWeight) 分")]
            }, empty: "暂无考核方案。"),
            .if(canCreate, .section(.class("card"), .attribute(named: "aria-labelledby", value: "new-h"),
                .h2(.id("new-h"), .text("制定考核方案")),
                .form(.method(.post), .action(SiteURL.consoleAssessments),
                      UI.csrfField(principal.csrfToken),
                      UI.field("年度", name: "year", type: .number, value: "\(year)", required: true),
                      UI.field("方案名称", name: "name", value: "\(year) 年度行政执法评议考核", required: true),
                      UI.select("考核对象", name: "targetKind", options: kinds.map { ($0.rawValue, $0.label) }, selected: kinds.first?.rawValue),
                      .div(.class("field"),
                           .label(.for("indicators"), .text("指标体系（每行“代码|名称|分值|类型”；代码含点的为下级指标；类型为 录入、外部 或自动指标代码）")),
                           .textarea(.name("indicators"), .id("indicators"), .attribute(named: "rows", value: "12"),
                                     .text(indicatorsText ?? AssessmentText.template(kinds.first ?? .agency))),
                           .p(.class("hint"), .text("一级指标合计 100 分，下级指标合计等于上级分值。自动指标："
                               + AutomaticIndicator.allCases.map { "\($0.rawValue)（\($0.name)）" }.joined(separator: "、")))),
                      UI.field("优秀线", name: "excellentMin", type: .number, value: "90", required: true),
                      UI.field("合格线", name: "qualifiedMin", type: .number, value: "60", required: true),
                      UI.field("确认、申辩期限（日）", name: "contestDays", type: .number, value: "10", required: true),
                      .button(.type(.submit), .text("保存方案")))))
        ))
    }
}

struct AssessmentPlanPage {
    let principal: Principal
    let plan: AssessmentPlanDTO
    let canManage: Bool
    var message: String? = nil
    var error: String? = nil

    func render() -> HTML {
        let id = plan.id
        let leaves = plan.indicators.flatMap(\.leaves)
        return Layout.console(title: plan.name, principal: principal, active: SiteURL.consoleAssessments, content: .div(
            .h1(.text(plan.name)),
            .p(.a(.href(SiteURL.consoleAssessments), .text("返回考核方案"))),
            UI.alert(message, kind: "ok"), UI.alert(error),
            .section(.class("card"), .dl(
                .dt(.text("考核对象")), .dd(.text(AssessmentTargetKind(rawValue: plan.targetKind)?.label ?? "")),
                .dt(.text("状态")), .dd(.text(plan.statusLabel)),
                .dt(.text("档次")), .dd(.text("优秀 ≥ \(plan.excellentMin) 分；合格 ≥ \(plan.qualifiedMin) 分；其余不合格")),
                .dt(.text("外部评议")), .dd(.text("\(plan.externalWeight) 分（外部评议情况要作为最终考核意见的重要根据）")),
                .dt(.text("确认、申辩截止")), .dd(.text(plan.contestDue ?? "计算后确定（计算日起 \(plan.contestDays) 日）"))),
                UI.source(SourceRef(seed: "003_70cd4ff1a2ae84d9.txt", part: "篇4", document: "税收执法责任制考核评议办法", article: "第十四条"))),
            UI.table(caption: "指标体系", headers: ["代码", "指标", "分值", "类型", "公式"], rows: rows(plan.indicators, depth: 0)),
            .if(canManage && plan.status != "published", .form(.method(.post), .action(SiteURL.consoleAssessmentAction(id, "compute")),
                UI.csrfField(principal.csrfToken), .button(.type(.submit), .text(plan.status == "draft" ? "按数据计算得分" : "重新计算")))),
            .if(canManage && plan.status == "computed", .form(.method(.post), .action(SiteURL.consoleAssessmentAction(id, "publish")),
                UI.csrfField(principal.csrfToken), .button(.type(.submit), .text(plan.targetKind == "agency" ? "公布结果（门户网站）" : "公布结果")))),
            .h2(.text("结果与排名")),
            .p(.class("hint"), .text("总分为各末级指标得分之和。排名按“排名分”：各自动指标的比率向全体平均值收缩（相当于另加 10 件平均水平的案件），"
                + "案件少的单位不因偶然的一两件而排名靠后；比率旁列出 95% Wilson 置信区间。")),
            UI.table(caption: "结果", headers: ["排名", "被考核对象", "总分", "排名分", "档次", "建议处理（依据）"] + leaves.map(\.name),
                     rows: plan.results.map(resultRow), empty: "尚未计算。"),
            .if(canManage && plan.targetKind == "agency", .section(.class("card"), .attribute(named: "aria-labelledby", value: "ext-h"),
                .h2(.id("ext-h"), .text("外部评议：监督评议员评分、问卷调查导入")),
                .form(.method(.post), .action(SiteURL.consoleAssessmentAction(id, "evaluations")),
                      UI.csrfField(principal.csrfToken),
                      UI.select("执法部门", name: "agencyId", options: plan.results.map { ($0.targetId.uuidString, $0.targetName) }, selected: nil),
                      UI.field("监督评议员", name: "evaluatorName", required: true),
                      UI.select("评分", name: "rating", options: (1...5).reversed().map { ("\($0)", "\($0) 分") }, selected: "4"),
                      UI.field("意见", name: "comment"),
                      .button(.type(.submit), .text("登记评分"))),
                .form(.method(.post), .action(SiteURL.consoleAssessmentAction(id, "survey")),
                      UI.csrfField(principal.csrfToken),
                      .div(.class("field"), .label(.for("csv"), .text("问卷调查结果（CSV：执法部门名称,评分1–5,意见）")),
                           .textarea(.name("csv"), .id("csv"), .attribute(named: "rows", value: "4"))),
                      .button(.type(.submit), .text("导入"))))),
        ))
    }

    private func resultRow(_ r: AssessmentResultDTO) -> [Node<HTML.BodyContext>] {
        let liability: [Node<HTML.ListContext>] = r.liability.map { f in
            .li(.span(.class("badge warn"), .text("责任追究")), .text(" \(f.sanctionName)（处理决定 \(f.documentNumber)，\(f.since ?? f.decidedOn) 起）"))
        }
        let consequences: Node<HTML.BodyContext> = r.consequences.isEmpty && r.liability.isEmpty ? .text("—") : .ul(.forEach(r.consequences) { c in
            .li(.text("\(c.name)\(c.years > 1 ? "（连续 \(c.years) 年）" : "")：\(c.sanctions.joined(separator: "或"))"), .text(" "),
                .span(.class("source"), .text("依据：\(c.source.document) \(c.source.article)（\(c.origin)）")))
        }, .group(liability))
        var row: [Node<HTML.BodyContext>] = [
            .text("\(r.rank)"), .text(r.targetName), .text(AssessmentText.points(r.total)), .text(AssessmentText.points(r.rankScore)),
            .span(.class(r.grade == "unqualified" ? "badge warn" : "badge ok"), .text(r.gradeLabel)), consequences,
        ]
        for f in r.findings {
            let label = "\(AssessmentText.points(f.points))/\(f.weight)" + (f.status == "pending" ? "" : "（\(f.statusLabel)）")
            row.append(.a(.href(SiteURL.consoleFinding(f.id)), .text(label)))
        }
        return row
    }

    private func rows(_ nodes: [IndicatorNode], depth: Int) -> [[Node<HTML.BodyContext>]] {
        nodes.flatMap { n -> [[Node<HTML.BodyContext>]] in
            let a = n.automatic.flatMap(AutomaticIndicator.init(rawValue:))
            let type = n.isLeaf ? (a.map { "自动：\($0.rawValue)" } ?? (n.kind?.label ?? "")) : "分组"
            let row: [Node<HTML.BodyContext>] = [.text(n.code), .text(String(repeating: "　", count: depth) + n.name), .text("\(n.weight)"), .text(type),
                                                 .unwrap(a, { .group(.text($0.formula), .text(" "), UI.source($0.source)) }, else: .text("—"))]
            return [row] + rows(n.children, depth: depth + 1)
        }
    }
}

struct FindingPage {
    let principal: Principal
    let plan: AssessmentPlanDTO
    let targetName: String
    let finding: FindingDTO
    let canManage: Bool
    let isParty: Bool
    var message: String? = nil
    var error: String? = nil

    func render() -> HTML {
        let f = finding
        let a = f.automatic.flatMap(AutomaticIndicator.init(rawValue:))
        let open = plan.status == "computed"
        return Layout.console(title: f.indicatorName, principal: principal, active: SiteURL.consoleAssessments, content: .div(
            .h1(.text("\(targetName)：\(f.indicatorName)")),
            .p(.a(.href(SiteURL.consoleAssessment(plan.id)), .text("返回 \(plan.name)"))),
            UI.alert(message, kind: "ok"), UI.alert(error),
            .section(.class("card"), .dl(
                .dt(.text("类型")), .dd(.text(AssessmentText.kindLabel(f))),
                .dt(.text("得分")), .dd(.strong(.text("\(AssessmentText.points(f.points)) / \(f.weight) 分"))),
                .unwrap(a) { a in .group(.dt(.text("公式")), .dd(.text(a.formula))) },
                .dt(.text("数据")), .dd(.text(AssessmentText.rate(f))),
                .unwrap(f.note) { .group(.dt(.text("说明")), .dd(.text($0))) },
                .unwrap(f.evidence) { .group(.dt(.text("评分依据")), .dd(.text($0))) },
                .dt(.text("状态")), .dd(.text(f.statusLabel)),
                .unwrap(f.responseGrounds) { .group(.dt(.text("被考核方意见")), .dd(.text("\($0)（\(f.respondedOn ?? "")）"))) },
                .unwrap(f.decisionReason) { .group(.dt(.text("处理意见")), .dd(.text("\($0)（\(f.decidedOn ?? "")）"))) }),
                .unwrap(a) { UI.source($0.source) }),
            .if(a != nil, .group(
                .h2(.text("考核路径：计入扣分的\(a?.unitLabel == "件" ? "案件" : (a?.unitLabel == "项" ? "权责事项" : "人员"))")),
                UI.table(caption: "扣分所涉", headers: ["对象", "情况"], rows: f.against.map { item in
                    [.a(.href(link(item)), .text(item.label)), .text(item.note ?? (a == .powersExercised ? "未说明理由" : ""))]
                }, empty: "没有扣分所涉的对象。"),
                .if(f.againstMore > 0, .p(.class("hint"), .text("另有 \(f.againstMore) 项未列出。"))))),
            .if(a == .powersExercised && principal.has(.legalOfficer) && principal.agencyID == f.targetId, .section(.class("card"),
                .h2(.text("说明零执法理由")),
                .form(.method(.post), .action(SiteURL.consoleFindingAction(f.id, "zero-reason")),
                      UI.csrfField(principal.csrfToken),
                      UI.select("权责事项", name: "powerItemId", options: f.against.map { ($0.id.uuidString, $0.label) }, selected: nil),
                      UI.field("理由", name: "reason", required: true),
                      .button(.type(.submit), .text("保存理由"))))),
            .if(canManage && open && f.kind == "entered" && f.status == "pending", .section(.class("card"),
                .h2(.text("录入得分")),
                .form(.method(.post), .action(SiteURL.consoleFindingAction(f.id, "enter")),
                      UI.csrfField(principal.csrfToken),
                      UI.field("得分（0–\(f.weight)）", name: "points", required: true),
                      UI.field("依据（检查记录、测试成绩等）", name: "evidence", required: true),
                      .button(.type(.submit), .text("录入"))))),
            .if(isParty && open && f.status == "pending", .section(.class("card"), .attribute(named: "aria-labelledby", value: "respond-h"),
                .h2(.id("respond-h"), .text("确认或申辩（截止 \(plan.contestDue ?? "")）")),
                .form(.method(.post), .action(SiteURL.consoleFindingAction(f.id, "respond")),
                      UI.csrfField(principal.csrfToken),
                      UI.select("答复", name: "action", options: [("confirm", "确认"), ("contest", "申辩")], selected: "confirm"),
                      UI.field("理由（申辩必填）", name: "grounds"),
                      .button(.type(.submit), .text("提交"))))),
            .if(canManage && f.status == "contested", .section(.class("card"),
                .h2(.text("处理申辩")),
                .form(.method(.post), .action(SiteURL.consoleFindingAction(f.id, "decide")),
                      UI.csrfField(principal.csrfToken),
                      UI.select("结论", name: "outcome", options: [("upheld", "申辩不成立，维持"), ("revised", "申辩成立，改分")], selected: "upheld"),
                      UI.field("改定得分（改分时必填）", name: "points"),
                      UI.field("理由", name: "reason", required: true),
                      .button(.type(.submit), .text("处理")))))
        ))
    }

    private func link(_ item: FindingDTO.Item) -> String {
        switch item.kind {
        case "case": "/console/cases/\(item.id)"
        case "power": "/console/power-items/\(item.id)"
        case "complaint": SiteURL.consoleComplaint(item.id)
        default: "/console/officers/\(item.id)"
        }
    }
}
