import Foundation
import Plot
import QuanzeCore

/// A case: its power and version, parties (身份证号 masked), team, path through the procedure,
/// time limits with their sources and warning level, the deadline history, the record of steps,
/// 法制审核 and the decision — and the forms for what the caller may do next.
struct CaseDetailPage {
    let principal: Principal
    let detail: CaseDetailDTO
    var benchmarks: [DiscretionBenchmark] = []
    var integrity: RecordVerifier.Integrity?
    var entries: [RecordEntry] = []
    /// 执行, 复议/诉讼 and refunds (`CasePaymentSection`), once a decision is made.
    var collection: CollectionDTO?
    var message: String?
    var error: String?
    /// 移送 and 决定公开 (`CaseTransferPages.section`).
    var transferSection: Node<HTML.BodyContext>?
    /// 结案自动预审 findings and 重大行政处罚备案 (`CaseCheckPages.section`).
    var checksSection: Node<HTML.BodyContext>?
    /// 投诉举报 about the case (`CaseComplaints.section`).
    var complaintsSection: Node<HTML.BodyContext>?
    /// 执法评议码 issued for the case (`EvaluationCodeBits.section`).
    var evaluationSection: Node<HTML.BodyContext>?

    private var s: CaseSummaryDTO { detail.summary }
    private var mayAct: Bool { principal.hasAny([.officer, .legalOfficer]) && principal.agencyID == s.agencyId && s.stage != .closed }
    private var action: String { SiteURL.consoleCase(s.id) }

    func render() -> HTML {
        Layout.console(title: s.number, principal: principal, active: SiteURL.consoleCases, content: .div(
            .h1(.text("\(s.number) \(s.title)")),
            UI.alert(message, kind: "success"), UI.alert(error),
            .dl(.class("facts"),
                .dt(.text("执法主体")), .dd(.text(s.agencyName)),
                .dt(.text("职权事项")), .dd(.text("\(detail.powerCode) \(detail.powerName)（立案时第\(detail.powerVersion)版）")),
                .dt(.text("程序")), .dd(.text(s.procedureLabel)),
                .dt(.text("案件来源")), .dd(.text(detail.sourceLabel)),
                .dt(.text("立案日期")), .dd(.text(s.filedOn)),
                .dt(.text("当前环节")), .dd(.text(s.stageLabel), .text(" "), CaseBits.level(s.warning, suspended: s.suspended)),
                .dt(.text("案情")), .dd(.text(detail.facts))),
            .p(.text("文书："), .forEach(CaseDocumentKind.allCases) { k in
                .group(.a(.href("\(SiteURL.consoleCase(s.id))/documents/\(k.rawValue)"), .text(k.title)), .text(" "))
            }),
            .h2(.text("办案流程")),
            .ol(.class("steps"), .forEach(detail.path) { stage in
                let done = (detail.path.firstIndex(of: stage) ?? 0) <= (detail.path.firstIndex(of: s.stage) ?? 0)
                return .li(.class(stage == s.stage ? "current" : (done ? "done" : "todo")), .text(stage.label(in: s.procedure)))
            }),
            .if(detail.legalReviewRequired, .div(.class("alert warn"), .attribute(named: "role", value: "status"),
                .p(.text("本案须经法制审核（应审未审或审核未通过的，不得作出执法决定；吉政办发〔2016〕91号 四(一)、行政处罚法 第五十八条）：")),
                .ul(.forEach(detail.majorReasons) { .li(.text($0)) }))),
            .unwrap(detail.hearingRight) { right in
                .p(.text("听证权利：\(right)。" + (detail.hearingRequested ? "当事人已申请听证。" : "")))
            },
            .h2(.text("当事人")),
            UI.table(caption: "当事人", headers: ["类型", "名称或姓名", "证件号码", "地址"],
                     rows: detail.parties.map { [.text($0.kind.label), .text($0.name), .text($0.identifier), .text($0.address ?? "")] }),
            .h2(.text("承办人员")),
            UI.table(caption: "承办人员", headers: ["姓名", "角色"], rows: detail.officers.map { [.text($0.name), .text($0.roleLabel)] }),
            .h2(.text("期限")),
            UI.table(caption: "期限及依据", headers: ["期限", "起算日", "届满日", "状态", "依据"], rows: detail.deadlines.map(deadlineRow),
                     empty: "本案暂无计算中的期限。"),
            .unwrap(detail.decision) { d in decision(d) },
            .unwrap(collection) { CasePaymentSection(principal: principal, summary: s, collection: $0).render() },
            .if(mayAct, actions()),
            .unwrap(transferSection) { $0 },
            .unwrap(checksSection) { $0 },
            .unwrap(complaintsSection) { $0 },
            .unwrap(evaluationSection) { $0 },
            .h2(.text("期限变更记录")),
            UI.table(caption: "期限变更记录", headers: ["期限", "变更", "原届满日", "新届满日", "理由", "依据", "经办人"],
                     rows: detail.deadlineHistory.map { h in
                         [.text(h.deadlineCode), .text(h.kindLabel), .text(h.oldDue ?? "—"), .text(h.newDue), .text(h.reason), .text(h.rule), .text(h.actor)]
                     }),
            .h2(.text("办案记录")),
            UI.table(caption: "办案记录", headers: ["日期", "事项", "经办人"],
                     rows: detail.events.map { [.text($0.onDate), .text($0.summary), .text($0.actor)] }),
            .unwrap(integrity) { RecordViews.integrity($0) },
            .if(!entries.isEmpty, RecordViews.entries(entries)),
            .if(!detail.reviews.isEmpty, .group(
                .h2(.text("法制审核")),
                UI.table(caption: "法制审核", headers: ["审核人", "日期", "结论", "意见"],
                         rows: detail.reviews.map { [.text($0.reviewerName), .text($0.reviewedOn), .text($0.passed ? "通过" : "未通过"), .text($0.opinion)] })))
        ))
    }

    private func deadlineRow(_ d: CaseDeadlineDTO) -> [Node<HTML.BodyContext>] {
        let state: Node<HTML.BodyContext> = d.metOn.map { .text("已于 \($0) 完成") } ?? CaseBits.level(d.level, suspended: d.suspended)
        return [.text(d.name + (d.extendedBy > 0 ? "（已延长\(d.extendedBy)）" : "")), .text(d.start),
                .text(d.due + (d.provisional ? "（暂定：跨入尚未公布放假安排的年度）" : "")), state, .span(.class("source"), .text("依据：\(d.source)"))]
    }

    private func decision(_ d: CaseDecisionDTO) -> Node<HTML.BodyContext> {
        .section(.class("decision"),
                 .h2(.text("行政执法决定书 \(d.number)")),
                 .dl(.dt(.text("（一）当事人")), .dd(.text(d.document.parties)),
                     .dt(.text("（二）事实和证据")), .dd(.text(d.document.factsAndEvidence)),
                     .dt(.text("（三）适用依据")), .dd(.text(d.document.basis)),
                     .dt(.text("（四）决定内容")), .dd(.text(d.document.content + (d.sanction.map { "（\($0.text)）" } ?? ""))),
                     .dt(.text("（五）履行方式和期限")), .dd(.text(d.document.performance + (d.collectingBank.map { "；代收银行：\($0)" } ?? ""))),
                     .dt(.text("（六）复议、诉讼途径和期限")), .dd(.text(d.document.remedies)),
                     .dt(.text("（七）行政机关和日期")), .dd(.text("\(d.document.agencyName) \(d.decidedOn)")),
                     .dt(.text("批准人")), .dd(.text(d.approverName))),
                 .unwrap(d.discretion) { CaseBits.discretion($0, reason: d.outsideRangeReason) },
                 .p(.class("source"), .text("决定书应当载明事项：黑龙江省行政执法责任制规定 第三十一条（004_cacaddb37daf54c4.txt 篇二）")))
    }

    private func actions() -> Node<HTML.BodyContext> {
        let next = detail.nextStage
        let penalty = s.procedure == .penaltySimple || s.procedure == .penaltyOrdinary
        return .section(.class("actions"), .h2(.text("办理")),
            .unwrap(next.flatMap { $0 == .decision ? nil : $0 }) { stage in
                .form(.method(.post), .action(action + "/advance"), UI.csrfField(principal.csrfToken),
                      .input(.type(.hidden), .name("to"), .value(stage.rawValue)),
                      .if(stage == .notice && penalty, CaseBits.sanctionFields(detail.proposedSanction)),
                      .if(stage == .hearing, UI.field("听证日期（须在七个工作日后，行政处罚法 第六十四条）", name: "hearingOn", type: .date, required: true)),
                      CaseBits.textarea("note", "说明（可选）"),
                      .button(.type(.submit), .text("进入“\(stage.label(in: s.procedure))”环节")))
            },
            .if(s.stage == .notice && detail.hearingRight != nil && !detail.hearingRequested,
                .form(.method(.post), .action(action + "/hearing-request"), UI.csrfField(principal.csrfToken),
                      .button(.type(.submit), .text("登记当事人申请听证")))),
            .if(s.stage == .legalReview && principal.has(.legalOfficer),
                .form(.method(.post), .action(action + "/legal-review"), UI.csrfField(principal.csrfToken),
                      .h3(.text("法制审核")),
                      UI.select("结论", name: "passed", options: [("true", "通过"), ("false", "未通过，退回")], selected: "true"),
                      CaseBits.textarea("opinion", "审核意见", required: true),
                      .button(.type(.submit), .text("提交审核意见")))),
            .if(next == .decision, decisionForm(penalty: penalty)),
            clockForms())
    }

    private func decisionForm(penalty: Bool) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(action + "/decision"), UI.csrfField(principal.csrfToken),
              .h3(.text("作出决定（批准人不得为承办人或法制审核人）")),
              CaseBits.textarea("factsAndEvidence", "事实和证据", detail.facts, required: true),
              CaseBits.textarea("basis", "适用依据", required: true),
              CaseBits.textarea("content", "决定内容", required: true),
              CaseBits.textarea("performance", "履行方式和期限", penalty ? "自收到本决定书之日起十五日内缴纳罚款" : "", required: true),
              CaseBits.textarea("remedies", "复议、诉讼途径和期限（不填使用标准表述）"),
              .if(penalty, .group(
                  CaseBits.sanctionFields(detail.proposedSanction),
                  UI.field("代收罚款银行（罚缴分离）", name: "collectingBank"),
                  CaseBits.discretionFields(benchmarks),
                  CaseBits.textarea("outsideRangeReason", "超出所选情节裁量幅度的理由（超出时必填，并须经法制审核）"))),
              .button(.type(.submit), .text("批准并作出决定")))
    }

    private func clockForms() -> Node<HTML.BodyContext> {
        let open = detail.deadlines.filter { $0.metOn == nil && $0.extensionCap != nil }
        return .group(
            .form(.method(.post), .action(action + "/clock"), UI.csrfField(principal.csrfToken),
                  .h3(.text(s.suspended ? "恢复办理" : "中止（期限停止计算）")),
                  .input(.type(.hidden), .name("action"), .value(s.suspended ? "resume" : "suspend")),
                  CaseBits.textarea("reason", "理由（如 等待鉴定结论、当事人下落不明）", required: true),
                  .button(.type(.submit), .text(s.suspended ? "恢复" : "中止"))),
            .if(principal.has(.legalOfficer) && !open.isEmpty,
                .form(.method(.post), .action(action + "/clock"), UI.csrfField(principal.csrfToken),
                      .h3(.text("经批准延长期限")),
                      .input(.type(.hidden), .name("action"), .value("extend")),
                      UI.select("期限", name: "deadlineCode", options: open.map { ($0.code, "\($0.name)（最多延长\($0.extensionCap ?? 0)）") }, selected: nil),
                      UI.field("延长天数", name: "days", type: .number, required: true),
                      CaseBits.textarea("reason", "理由及批准情况", required: true),
                      .button(.type(.submit), .text("登记延长")))))
    }
}
