import Foundation
import Plot
import QuanzeCore

/// 案卷评查 list: plans in scope, the current 评查标准, and for the 监督员 the forms for a new plan
/// and a new version of the standard.
struct FileReviewListPage {
    let principal: Principal
    let plans: [ReviewPlan]
    let standard: ReviewStandard?
    let agencies: [(id: UUID, name: String)]
    let reviewers: [(id: UUID, label: String)]
    let year: Int
    var error: String? = nil
    var message: String? = nil

    func render() -> HTML {
        Layout.console(title: "案卷评查", principal: principal, active: SiteURL.consoleFileReview, content: .div(
            .h1(.text("案卷评查")),
            .p(.text("年终评查与日常抽查相结合；在报送的案卷目录内随机抽取案卷，一卷一单，两名评查员签字确认。"),
               UI.source(FileReviewRules.kinds), .text(" "), UI.source(FileReviewRules.sheet)),
            UI.alert(error), UI.alert(message, kind: "success"),
            UI.table(caption: "评查方案（共 \(plans.count) 个）", headers: ["方案", "方式", "年度", "案卷期间", "每单位抽取", "状态"], rows: plans.map { plan in
                [.a(.href(SiteURL.consoleReviewPlan(plan.id!)), .text(plan.name)), .text(plan.kind.label), .text("\(plan.year)"),
                 .text("\(plan.periodFrom) 至 \(plan.periodTo)"), .text("\(plan.sampleSize) 卷"), .text(plan.status.label)]
            }, empty: "暂无评查方案"),
            .unwrap(standard) { FileReviewBits.standardTable($0) },
            .if(principal.has(.supervisor), newPlanForm()),
            .if(principal.has(.supervisor), standardForm())
        ))
    }

    private func newPlanForm() -> Node<HTML.BodyContext> {
        .section(.class("card"), .h2(.text("制定评查方案")),
                 .form(.method(.post), .action(SiteURL.consoleFileReview),
                       UI.csrfField(principal.csrfToken),
                       UI.field("方案名称", name: "name", required: true),
                       UI.select("评查方式", name: "kind", options: ReviewPlanKind.allCases.map { ($0.rawValue, $0.label) }, selected: "annual"),
                       UI.field("年度", name: "year", type: .number, value: "\(year)", required: true),
                       UI.field("案卷期间自", name: "periodFrom", type: .date, value: "\(year)-01-01", required: true),
                       UI.field("案卷期间至", name: "periodTo", type: .date, value: "\(year)-12-31", required: true),
                       UI.field("每个单位抽取案卷数", name: "sampleSize", type: .number, value: "3", required: true),
                       UI.field("不合格卷申辩截止日期（年度评查）", name: "contestUntil", type: .date, hint: "第十条(八)：组织存在不合格案卷的行政执法部门进行申辩"),
                       UI.select("抽样分层（平台规则）", name: "stratify", options: [("1", "按结案自动预审分层：每单位抽取数的一半（向上取整）从预审发现问题的案卷中抽取，其余从其他案卷中抽取"),
                                                                            ("0", "不分层：在全部案卷中抽取")], selected: "1"),
                       .fieldset(.element(named: "legend", text: "被评查的行政执法部门"),
                                 .forEach(agencies) { CaseBits.checkbox("agencyIds[]", value: $0.id.uuidString, label: $0.name, id: "ag-\($0.id)") }),
                       .fieldset(.element(named: "legend", text: "评查员（第十条(二)：通过测试择优选拔）"),
                                 .forEach(reviewers) { CaseBits.checkbox("reviewerIds[]", value: $0.id.uuidString, label: $0.label, id: "rv-\($0.id)") }),
                       .button(.type(.submit), .text("保存方案"))))
    }

    private func standardForm() -> Node<HTML.BodyContext> {
        let lines = (standard?.criteria ?? ReviewStandardCheck.defaultCriteria).map { "\($0.code)|\($0.group)|\($0.title)|\(ReviewScore.format($0.points))" }
        return .section(.class("card"), .h2(.text("修订评查标准（新版本）")),
                        .p(.text("各项分值合计须为 100 分；已评的评查单保留评分时的标准版本。"), UI.source(FileReviewRules.hundredPoints)),
                        .form(.method(.post), .action(SiteURL.consoleFileReview + "/standards"),
                              UI.csrfField(principal.csrfToken),
                              UI.field("标准名称", name: "name", value: standard?.name ?? ReviewStandardCheck.defaultName, required: true),
                              UI.field("合格分数", name: "passMark", type: .number, value: ReviewScore.format(standard?.passMark ?? 60), required: true),
                              CaseBits.textarea("criteria", "评查内容（每行：编号|类别|内容|分值）", lines.joined(separator: "\n"), required: true, rows: 9),
                              .button(.type(.submit), .text("保存新版本"))))
    }
}

enum FileReviewBits {
    static func standardTable(_ s: ReviewStandard) -> Node<HTML.BodyContext> {
        .section(.class("card"), .h2(.text("评查标准：\(s.name)（第\(s.version)版，合格 \(ReviewScore.format(s.passMark)) 分）")),
                 UI.table(caption: "评查内容", headers: ["编号", "类别", "内容", "分值"], rows: s.criteria.map {
                     [.text($0.code), .text($0.group), .text($0.title), .text(ReviewScore.format($0.points))]
                 }))
    }

    static func score(_ v: Double?) -> String { v.map(ReviewScore.format) ?? "—" }

    /// The pre-check allocation, stated as a platform rule (the seed, 第十条(四), only says 随机抽取规定数量).
    static let stratifiedRule = "按结案自动预审分层：每单位抽取数的一半（向上取整）从预审发现问题的案卷中抽取（不足时全部抽取），其余从其他案卷中抽取；"
        + "各层均以公布的随机种子抽取，可重新抽取验证。此分配是本平台的规则，不是评查规范的规定（第十条(四)只规定随机抽取规定数量）。"

    /// 日常抽查 sheet deadline state: made on time, made late, or overdue while not yet made.
    static func sheetLateness(due: LocalDate, madeOn: String?, today: LocalDate) -> String? {
        if let madeOn, let made = LocalDate(iso: madeOn) { return made > due ? "逾期制作（\(madeOn) 完成初评签字）" : nil }
        return today > due ? "已逾期，尚未完成初评签字" : nil
    }
}

/// One plan: catalogs against the system, the draw, the sheets and each body's score.
struct ReviewPlanPage {
    let principal: Principal
    let plan: ReviewPlan
    let dto: ReviewPlanDTO
    let notices: [SupervisionNotice]
    var verification: FileReviewPlanService.Verification? = nil
    var error: String? = nil
    var message: String? = nil

    func render() -> HTML {
        let id = plan.id!
        return Layout.console(title: plan.name, principal: principal, active: SiteURL.consoleFileReview, content: .div(
            .p(.a(.href(SiteURL.consoleFileReview), .text("← 案卷评查"))),
            .h1(.text(plan.name)),
            UI.alert(error), UI.alert(message, kind: "success"),
            .dl(.dt(.text("评查方式")), .dd(.text(plan.kind.label), UI.source(FileReviewRules.kinds)),
                .dt(.text("年度 / 案卷期间")), .dd(.text("\(plan.year) / \(plan.periodFrom) 至 \(plan.periodTo)")),
                .dt(.text("每个单位抽取")), .dd(.text("\(plan.sampleSize) 卷"), UI.source(FileReviewRules.randomDraw)),
                .dt(.text("抽样分层")), .dd(.text(plan.stratified ? FileReviewBits.stratifiedRule : "不分层（在全部案卷中随机抽取）")),
                .dt(.text("评查标准")), .dd(.text(dto.standard.map { "\($0.name) 第\($0.version)版（合格 \(ReviewScore.format($0.passMark)) 分）" } ?? "—")),
                .dt(.text("评查员")), .dd(.text(dto.reviewers.map(\.name).joined(separator: "、"))),
                .dt(.text("状态")), .dd(.text(plan.status.label)),
                .unwrap(plan.contestUntil) { .group(.dt(.text("申辩截止")), .dd(.text($0), UI.source(FileReviewRules.source("第十条(八)")))) },
                .unwrap(dto.sheetDue) { due in .group(.dt(.text("评查单制作期限")), .dd(.text("\(due)（评查结束后3日内）"),
                                                                                  .unwrap(dto.sheetDueSource) { .span(.class("source"), .text("依据：\($0.text)")) })) },
                .unwrap(plan.seed) { seed in .group(.dt(.text("随机种子（\(plan.algorithm)）")), .dd(.code(.text(seed)), .text(" "),
                                                                                                    .a(.href(SiteURL.consoleReviewPlanAction(id, "redraw")), .text("重新抽取验证")))) }),
            .unwrap(verification) { v in
                UI.alert(v.matches ? "重新抽取结果与保存的抽取结果一致（\(v.files.count) 卷）。" : "重新抽取结果与保存的结果不一致！", kind: v.matches ? "success" : "error")
            },
            .h2(.text("案卷目录与单位成绩")),
            .p(.text("案卷目录中的案件数量应当与系统中的案件数量相符；不符的，须书面说明并经法制办认定后才能抽取。"), UI.source(FileReviewRules.catalog)),
            UI.table(caption: "被评查单位", headers: ["单位", "报送", "系统中结案", "相符", "说明 / 认定", "抽取", "已确认", "平均分（案卷总成绩）"], rows: dto.bodies.map { b in
                [.text(b.agencyName), .text(b.reportedCount.map { "\($0) 卷" } ?? "未报送"), .text(b.systemCount.map { "\($0) 件" } ?? "—"),
                 .text(b.reportedCount == nil ? "—" : (b.matches ? "相符" : "不符")),
                 .text([b.explanation, b.resolution.map { "法制办认定：\($0)" }].compactMap { $0 }.joined(separator: "；")),
                 .text("\(b.drawn)"), .text("\(b.scored)"), .text(FileReviewBits.score(b.meanScore))]
            }),
            .p(UI.source(FileReviewRules.stages)),
            .if(principal.has(.legalOfficer) && plan.status == .cataloging, catalogForm(id)),
            .if(principal.has(.supervisor) && plan.status == .cataloging, supervisorForms(id)),
            .h2(.text("案卷评查单")),
            UI.table(caption: "抽取的案卷", headers: ["单位", "序号", "抽取层", "案件编号", "案卷", "分配评查员", "环节", "评分", "签字", "最终成绩"], rows: dto.sheets.map { s in
                [.text(dto.bodies.first { $0.agencyId == s.agencyId }?.agencyName ?? ""), .text("\(s.drawOrder)"), .text(s.stratum),
                 .a(.href(SiteURL.consoleReviewSheet(s.id)), .text(s.caseNumber)), .text(s.caseTitle),
                 .text(s.assignedReviewers.isEmpty ? "—" : s.assignedReviewers.joined(separator: "、")), .text(s.stage.label),
                 .text(FileReviewBits.score(s.score) + (s.doubtful ? "（疑难）" : "")), .text(s.signers.joined(separator: "、")),
                 .text(FileReviewBits.score(s.finalScore) + ((s.finalScore.map { $0 < s.passMark } ?? false) ? " 不合格" : ""))]
            }, empty: "尚未抽取"),
            .h2(.text("整改文书")),
            UI.table(caption: "本方案的案卷评查单和政府法制建议书", headers: ["文书", "标题", "回复期限", "状态"], rows: notices.map { n in
                [.text(n.kind.label), .a(.href(SiteURL.consoleNotice(n.id!)), .text(n.title)), .text(n.replyDue), .text(n.status.label)]
            }, empty: "暂无"),
            .if(principal.has(.supervisor), .p(.a(.href(SiteURL.consoleNotices + "?plan=\(id)"), .text("制发案卷评查单或政府法制建议书")),
                                               UI.source(FileReviewRules.rectification)))
        ))
    }

    private func catalogForm(_ id: UUID) -> Node<HTML.BodyContext> {
        .section(.class("card"), .h2(.text("报送案卷目录")),
                 .form(.method(.post), .action(SiteURL.consoleReviewPlanAction(id, "catalog")),
                       UI.csrfField(principal.csrfToken),
                       CaseBits.textarea("caseNumbers", "案卷目录（每行一个立案编号；也可只填数量）", "", rows: 6),
                       UI.field("案卷数量", name: "count", type: .number),
                       CaseBits.textarea("explanation", "书面说明（与系统不符或无案卷时，第十二条）", ""),
                       .button(.type(.submit), .text("报送"))))
    }

    private func supervisorForms(_ id: UUID) -> Node<HTML.BodyContext> {
        .div(
            .section(.class("card"), .h2(.text("认定案卷目录差异说明")),
                     .form(.method(.post), .action(SiteURL.consoleReviewPlanAction(id, "resolve")),
                           UI.csrfField(principal.csrfToken),
                           UI.select("单位", name: "agencyId", options: dto.bodies.filter { !$0.matches && $0.reportedCount != nil }.map { ($0.agencyId.uuidString, $0.agencyName) }, selected: nil),
                           CaseBits.textarea("resolution", "认定意见", "", required: true),
                           .button(.type(.submit), .text("认定")))),
            .section(.class("card"), .h2(.text("随机抽取案卷")),
                     .p(.text("在系统中本期间已结案的行政处罚案件内，按公布的随机种子抽取；抽取后任何人可重新抽取验证。"), UI.source(FileReviewRules.randomDraw)),
                     .form(.method(.post), .action(SiteURL.consoleReviewPlanAction(id, "draw")),
                           UI.csrfField(principal.csrfToken), .button(.type(.submit), .text("抽取")))))
    }
}

/// One 案卷评查单: per-criterion deductions, signatures, stages, 集体会商, 申辩.
struct ReviewSheetPage {
    let principal: Principal
    let plan: ReviewPlan
    let sheet: ReviewSheetDTO
    let standard: ReviewStandard
    let agencyName: String
    var contestSource: SourceRef
    var notices: [SupervisionNotice] = []
    var sheetDue: (date: LocalDate, source: SourceRef)? = nil
    var today: LocalDate? = nil
    var error: String? = nil
    var message: String? = nil

    func render() -> HTML {
        let id = sheet.id
        let late = sheetDue.flatMap { due in today.flatMap { FileReviewBits.sheetLateness(due: due.date, madeOn: sheet.firstSignedOn, today: $0) } }
        let byCode = Dictionary(sheet.deductions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let editable = sheet.stage == .first || sheet.stage == .second
        return Layout.console(title: "案卷评查单 \(sheet.caseNumber)", principal: principal, active: SiteURL.consoleFileReview, content: .div(
            .p(.a(.href(SiteURL.consoleReviewPlan(plan.id!)), .text("← \(plan.name)"))),
            .h1(.text("案卷评查单")),
            .p(UI.source(FileReviewRules.sheet)),
            UI.alert(error), UI.alert(message, kind: "success"),
            .dl(.dt(.text("案卷")), .dd(.text("\(sheet.caseTitle)（\(sheet.caseNumber)）")),
                .dt(.text("单位")), .dd(.text(agencyName)),
                .dt(.text("处罚决定书文号")), .dd(.text(sheet.decisionNumber ?? "—")),
                .dt(.text("抽取层")), .dd(.text(sheet.stratum)),
                .dt(.text("分配评查员")), .dd(.text(sheet.assignedReviewers.isEmpty ? "本方案的评查员（未逐卷分配）" : sheet.assignedReviewers.joined(separator: "、")),
                                          .span(.class("source"), .text("只有分配的两名评查员可以评分和签字（平台规则）"))),
                .unwrap(sheetDue) { due in .group(.dt(.text("评查单制作期限")), .dd(.text("\(due.date.iso)（评查结束后3日内）"),
                                                                        .if(late != nil, .span(.class("badge err"), .text(late ?? ""))),
                                                                        UI.source(due.source))) },
                .dt(.text("环节")), .dd(.text(sheet.stage.label), UI.source(FileReviewRules.stages)),
                .dt(.text("评分")), .dd(.text("\(FileReviewBits.score(sheet.score))（第\(sheet.revision)稿）\(sheet.doubtful ? " 疑难" : "")")),
                .dt(.text("签字")), .dd(.text(sheet.signers.isEmpty ? "无" : sheet.signers.joined(separator: "、"))),
                .unwrap(sheet.confirmedScore) { .group(.dt(.text("法制办确认")), .dd(.text("\(ReviewScore.format($0)) 分 \(sheet.confirmedBy ?? "") \(sheet.confirmationNote ?? "")"))) },
                .unwrap(sheet.contestDue) { due in .group(.dt(.text("申辩期限")), .dd(.text("\(sheet.sentOn ?? "") 反馈，\(due) 届满"), UI.source(contestSource))) },
                .unwrap(sheet.contestedOn) { on in .group(.dt(.text("申辩")), .dd(.text("\(on)：\(sheet.contestGrounds ?? "")"))) },
                .unwrap(sheet.contestOutcome) { o in .group(.dt(.text("申辩结果")), .dd(.text("\(o.label)：\(sheet.outcomeReason ?? "")"), UI.source(FileReviewRules.contest))) },
                .dt(.text("最终成绩")), .dd(.text(FileReviewBits.score(sheet.finalScore) + ((sheet.finalScore.map { $0 < sheet.passMark } ?? false) ? "（不合格）" : "")))),
            UI.table(caption: "评查内容与扣分（\(standard.name) 第\(standard.version)版）", headers: ["编号", "内容", "分值", "扣分", "存在问题", "判定依据", "建议"],
                     rows: standard.criteria.map { c -> [Node<HTML.BodyContext>] in
                         let d = byCode[c.code]
                         return [.text(c.code), .text(c.title), .text(ReviewScore.format(c.points)), .text(d.map { ReviewScore.format($0.points) } ?? "0"),
                                 .text(d?.problem ?? ""), .text(d?.grounds ?? ""), .text(d?.advice ?? "")]
                     }),
            .h2(.text("整改文书")),
            UI.table(caption: "依据本评查单制发的监督文书", headers: ["文书", "标题", "回复期限", "状态"], rows: notices.map { n in
                [.text(n.kind.label), .a(.href(SiteURL.consoleNotice(n.id!)), .text(n.title)), .text(n.replyDue), .text(n.status.label)]
            }, empty: "暂无"),
            .if(principal.has(.supervisor) && sheet.stage == .confirmed,
                .p(.a(.href(SiteURL.consoleNotices + "?plan=\(plan.id!)&sheet=\(id)"), .text("依据本评查单制发案卷评查单或政府法制建议书")),
                   UI.source(FileReviewRules.rectification))),
            .h2(.text("集体会商")), .p(UI.source(FileReviewRules.deliberation)),
            UI.table(caption: "会商记录", headers: ["日期", "参加人", "结论", "记录人"], rows: sheet.deliberations.map {
                [.text($0.heldOn), .text($0.participants.joined(separator: "、")), .text($0.conclusion), .text($0.recordedBy)]
            }, empty: "暂无会商记录"),
            .if(principal.has(.reviewer) && editable, reviewerForms(id, byCode)),
            .if((principal.has(.reviewer) || principal.has(.supervisor)) && sheet.stage != .confirmed, form(id, "deliberation", "记录集体会商", [
                UI.field("参加人（用顿号或逗号分隔）", name: "participants", required: true),
                CaseBits.textarea("conclusion", "会商结论", "", required: true),
            ])),
            .if(principal.has(.supervisor) && sheet.stage == .recheck, form(id, "confirm", "法制办抽核：确认案卷成绩并反馈单位", [
                UI.field("修正后的分数（不修正请留空）", name: "score", type: .number),
                CaseBits.textarea("note", "复核意见", ""),
            ])),
            .if(principal.has(.legalOfficer) && sheet.stage == .confirmed && sheet.contestedOn == nil && (sheet.finalScore.map { $0 < sheet.passMark } ?? false),
                form(id, "contest", "不合格卷申辩（提供相关规定和依据）", [CaseBits.textarea("grounds", "申辩理由和依据", "", required: true)])),
            .if(principal.has(.supervisor) && sheet.contestedOn != nil && sheet.contestOutcome == nil, form(id, "outcome", "认定申辩结果", [
                UI.select("结果", name: "outcome", options: ContestOutcome.allCases.map { ($0.rawValue, $0.label) }, selected: "maintained"),
                UI.field("改分后的分数", name: "score", type: .number),
                CaseBits.textarea("reason", "认定理由", "", required: true),
            ]))
        ))
    }

    private func form(_ id: UUID, _ action: String, _ title: String, _ fields: [Node<HTML.FormContext>]) -> Node<HTML.BodyContext> {
        .section(.class("card"), .h2(.text(title)),
                 .form(.method(.post), .action(SiteURL.consoleReviewSheetAction(id, action)), UI.csrfField(principal.csrfToken),
                       .group(fields), .button(.type(.submit), .text(title))))
    }

    private var doubtfulBox: Node<HTML.FormContext> {
        CaseBits.checkbox("doubtful", value: "1", label: "疑难案卷（提交集体会商）", id: "doubtful", checked: sheet.doubtful)
    }

    private func reviewerForms(_ id: UUID, _ byCode: [String: ReviewDeduction]) -> Node<HTML.BodyContext> {
        .div(
            form(id, "score", "\(sheet.stage.label)评分（修改评分后原签字失效）", standard.criteria.map { c -> Node<HTML.FormContext> in
                let d = byCode[c.code]
                return .fieldset(.element(named: "legend", text: "\(c.code) \(c.title)（\(ReviewScore.format(c.points)) 分）"),
                                 UI.field("扣分", name: "points_\(c.code)", value: d.map { ReviewScore.format($0.points) } ?? ""),
                                 UI.field("存在问题", name: "problem_\(c.code)", value: d?.problem ?? ""),
                                 UI.field("判定依据", name: "grounds_\(c.code)", value: d?.grounds ?? ""),
                                 UI.field("建议", name: "advice_\(c.code)", value: d?.advice ?? ""))
            } + [doubtfulBox]),
            form(id, "sign", "评查员签字确认", []),
            form(id, "advance", sheet.stage == .first ? "初评完成，转入复评" : "复评完成，转入法制办抽核", [])
        )
    }
}

/// 监督文书 board and issue form.
struct NoticeListPage {
    let principal: Principal
    let notices: [NoticeDTO]
    let agencies: [(id: UUID, name: String)]
    let plans: [ReviewPlan]
    let selectedPlan: UUID?
    let today: LocalDate
    var sheet: ReviewSheet? = nil
    var error: String? = nil

    func render() -> HTML {
        let red = notices.filter { $0.warning == .red }.count, yellow = notices.filter { $0.warning == .yellow }.count
        return Layout.console(title: "监督文书", principal: principal, active: SiteURL.consoleNotices, content: .div(
            .h1(.text("监督文书（纠正过错通知书、政府法制建议书、案卷评查单）")),
            .p(.text("执法部门应当按照案卷评查单和政府法制建议书的要求进行整改，并在规定期限内回复办理结果。"),
               UI.source(FileReviewRules.rectification), .text(" "), UI.source(NoticeKind.correction.source)),
            UI.alert(error),
            .div(.class("stats"), UI.stat("逾期未回复", red), UI.stat("三日内到期", yellow), UI.stat("全部", notices.count)),
            UI.table(caption: "文书（按回复期限）", headers: ["预警", "文书", "标题", "单位", "制发", "回复期限", "状态"], rows: notices.map { n in
                [NoticeBits.badge(n.warning), .text(n.kindLabel), .a(.href(SiteURL.consoleNotice(n.id)), .text(n.title)), .text(n.agencyName),
                 .text(n.issuedOn), .text(n.replyDue), .text(n.status.label)]
            }, empty: "暂无监督文书"),
            .if(principal.has(.supervisor), issueForm())
        ))
    }

    private func issueForm() -> Node<HTML.BodyContext> {
        .section(.class("card"), .h2(.text("制发监督文书")),
                 .form(.method(.post), .action(SiteURL.consoleNotices),
                       UI.csrfField(principal.csrfToken),
                       UI.select("文书种类", name: "kind", options: NoticeKind.allCases.map { ($0.rawValue, $0.label) }, selected: selectedPlan == nil ? "correction" : "review_sheet"),
                       UI.select("执法主体", name: "agencyId", options: agencies.map { ($0.id.uuidString, $0.name) }, selected: nil),
                       UI.select("关联评查方案（可选）", name: "reviewPlanId", options: [("", "无")] + plans.map { ($0.id!.uuidString, $0.name) }, selected: selectedPlan?.uuidString ?? ""),
                       .unwrap(sheet) { s in .group(.input(.type(.hidden), .name("reviewSheetId"), .value(s.id!.uuidString)),
                                                     .p(.text("关联案卷评查单："), .a(.href(SiteURL.consoleReviewSheet(s.id!)), .text("\(s.caseNumber) \(s.caseTitle)")))) },
                       UI.field("关联案件 ID（可选）", name: "caseId", value: sheet?.caseID.uuidString ?? ""),
                       UI.field("标题", name: "title", required: true),
                       CaseBits.textarea("content", "内容（问题、依据、整改要求）", "", required: true, rows: 6),
                       UI.field("回复期限", name: "replyDue", type: .date, value: today.adding(days: 15).iso, required: true,
                                hint: "由制发机关规定（纠正过错通知书：在规定期限内回复办理结果）"),
                       .button(.type(.submit), .text("制发"))))
    }
}

enum NoticeBits {
    static func badge(_ w: WarningLevel) -> Node<HTML.BodyContext> {
        switch w {
        case .red: .span(.class("badge err"), .text("逾期"))
        case .yellow: .span(.class("badge warn"), .text("将到期"))
        case .none: .text("")
        }
    }
}

struct NoticePage {
    let principal: Principal
    let notice: NoticeDTO
    var error: String? = nil
    var message: String? = nil

    func render() -> HTML {
        let id = notice.id
        return Layout.console(title: notice.title, principal: principal, active: SiteURL.consoleNotices, content: .div(
            .p(.a(.href(SiteURL.consoleNotices), .text("← 监督文书"))),
            .h1(.text("\(notice.kindLabel)：\(notice.title)")),
            UI.alert(error), UI.alert(message, kind: "success"),
            .dl(.dt(.text("单位")), .dd(.text(notice.agencyName)),
                .dt(.text("制发")), .dd(.text("\(notice.issuedOn) \(notice.issuedBy)"), .span(.class("source"), .text("依据：\(notice.source.text)"))),
                .dt(.text("回复期限")), .dd(.text(notice.replyDue), NoticeBits.badge(notice.warning), .span(.class("source"), .text("期限由制发机关规定"))),
                .dt(.text("状态")), .dd(.text(notice.status.label)),
                .unwrap(notice.reviewPlanId) { .group(.dt(.text("评查方案")), .dd(.a(.href(SiteURL.consoleReviewPlan($0)), .text("查看")))) },
                .unwrap(notice.reviewSheetId) { .group(.dt(.text("来源案卷评查单")), .dd(.a(.href(SiteURL.consoleReviewSheet($0)), .text("查看本文书所依据的案卷评查单")))) },
                .dt(.text("内容")), .dd(.text(notice.content)),
                .unwrap(notice.reply) { r in .group(.dt(.text("整改情况")), .dd(.text("\(notice.repliedOn ?? "") \(notice.repliedBy ?? "")：\(r)"))) },
                .unwrap(notice.reviewNote) { r in .group(.dt(.text("审查意见")), .dd(.text("\(notice.reviewedOn ?? "")：\(r)"))) }),
            .if(principal.has(.legalOfficer) && (notice.status == .issued || notice.status == .returned),
                form(id, "reply", "回复整改情况", [CaseBits.textarea("reply", "整改情况", "", required: true, rows: 6)])),
            .if(principal.has(.supervisor) && notice.status == .replied, .div(
                form(id, "accept", "采纳回复", [CaseBits.textarea("note", "意见（可选）", "")]),
                form(id, "return", "退回重新整改", [CaseBits.textarea("note", "退回理由", "", required: true)])))
        ))
    }

    private func form(_ id: UUID, _ action: String, _ title: String, _ fields: [Node<HTML.FormContext>]) -> Node<HTML.BodyContext> {
        .section(.class("card"), .h2(.text(title)),
                 .form(.method(.post), .action(SiteURL.consoleNoticeAction(id, action)), UI.csrfField(principal.csrfToken),
                       .group(fields), .button(.type(.submit), .text(title))))
    }
}
