import Foundation
import Plot
import QuanzeCore

/// 责任追究 pages: the intake list, one item, one matter (docs/liability-procedure.md).
enum LiabilityPages {
    static func card(_ id: String, _ title: String, _ action: String, csrf: String?, submit: String,
                     _ fields: Node<HTML.FormContext>) -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "\(id)-h"),
                 .h2(.id("\(id)-h"), .text(title)),
                 .form(.method(.post), .action(action), UI.csrfField(csrf), fields,
                       .button(.type(.submit), .id("\(id)-submit"), .text(submit))))
    }

    static func deadline(_ due: String?, rule: String?, source: String?, overdue: Bool) -> Node<HTML.BodyContext> {
        guard let rule else { return .span(.class("muted"), .text("未规定（本辖区规则配置未规定此期限，不计算期限）")) }
        return .span(.text("\(rule)；届满日 \(due ?? "—")"), .if(overdue, .span(.class("badge red"), .text(" 已逾期"))),
                     .unwrap(source) { .span(.class("source"), .text(" 依据：\($0)")) })
    }

    // MARK: list

    static func list(_ p: Principal, items: [LiabilityIntakeDTO], filter: LiabilityIntakeQueries.Filter, agencies: [Agency],
                     matters: [LiabilityMatterSummaryDTO], form: [String: String], message: String?, error: String?) -> HTML {
        let statusOptions: [(value: String, label: String)] = [("", "全部")] + LiabilityIntakeStatus.allCases.map { ($0.rawValue, $0.label) }
        let sourceOptions: [(value: String, label: String)] = [("", "全部")] + LiabilitySourceKind.allCases.map { ($0.rawValue, $0.label) }
        let overdueOptions: [(value: String, label: String)] = [("", "全部"), ("true", "已逾期"), ("false", "未逾期")]
        let agencyOptions: [(value: String, label: String)] = [("", "请选择")] + agencies.map { ($0.id!.uuidString, $0.name) }
        let overdueValue = filter.overdue.map { $0 ? "true" : "false" } ?? ""
        return Layout.console(title: "责任追究线索", principal: p, active: SiteURL.consoleLiabilityIntake, content: .div(
            .h1(.text("责任追究线索")),
            .p(.text("复议、诉讼结果为撤销、变更、确认违法或责令履行的，重大执法决定备案审查不通过的，投诉举报经核查属实的，复查认定应受理未受理、应追究未追究的投诉举报（责任倒查），案卷评查确认不合格的，自动列入此处；执法检查、媒体报道、自查等线索由法制办登记。追究机关在规则配置规定的期限内决定立案或者不予立案（不予立案须说明理由）；逾期的，按规则配置转为对追究机关的线索。")),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .form(.method(.get), .action(SiteURL.consoleLiabilityIntake), .class("filters"),
                  UI.select("状态", name: "status", options: statusOptions, selected: filter.status?.rawValue ?? ""),
                  UI.select("来源", name: "source", options: sourceOptions, selected: filter.source?.rawValue ?? ""),
                  UI.select("期限", name: "overdue", options: overdueOptions, selected: overdueValue),
                  .button(.type(.submit), .text("筛选"))),
            UI.table(caption: "责任追究线索", headers: ["登记日期", "执法主体", "案件或投诉", "来源", "摘要", "追究机关", "立案期限", "状态"],
                     rows: items.map { i in
                         let link: Node<HTML.BodyContext> = if let caseID = i.caseId, !i.caseNumber.isEmpty {
                             .a(.href(SiteURL.consoleCase(caseID)), .text(i.caseNumber))
                         } else if let number = i.complaintNumber {
                             .a(.href(SiteURL.consoleComplaint(i.sourceId)), .text(number))
                         } else { .text("—") }
                         return [.text(i.openedOn), .text(i.agencyName), link, .text(i.sourceKindLabel),
                                 .a(.href(SiteURL.consoleLiabilityIntakeItem(i.id)), .text(i.summary)), .text(i.pursuingBody ?? "—"),
                                 deadline(i.dueOn, rule: i.dueRule, source: i.dueSource, overdue: i.overdue), .text(i.statusLabel)]
                     }, empty: "没有符合条件的责任追究线索。"),
            .h2(.text("责任追究案件（已立案）")),
            UI.table(caption: "责任追究案件", headers: ["立案日期", "被追究主体", "摘要", "追究机关", "决定期限届满日", "状态"], rows: matters.map { m in
                [.text(m.filedOn), .text(m.subjectAgencyName), .a(.href(SiteURL.consoleLiabilityMatter(m.id)), .text(m.summary)),
                 .text(m.pursuingBody), .text(m.decisionDueOn ?? "未规定"), .text(m.statusLabel)]
            }, empty: "暂无责任追究案件。"),
            .if(p.has(.supervisor) || p.has(.legalOfficer), card("enter", "登记线索（执法检查、媒体报道、自查、其他）", SiteURL.consoleLiabilityIntake,
                csrf: p.csrfToken, submit: "登记", .group(
                    UI.select("来源", name: "sourceKind", options: LiabilitySourceKind.manualKinds.map { ($0.rawValue, $0.label) },
                              selected: form["sourceKind"], required: true),
                    UI.select("执法主体", name: "agencyId", options: agencyOptions,
                              selected: form["agencyId"], required: true),
                    UI.field("案号（可选）", name: "caseNumber", value: form["caseNumber"]),
                    UI.field("发现日期", name: "discoveredOn", type: .date, value: form["discoveredOn"], hint: "立案期限自发现之日起计算；不填为今天"),
                    CaseBits.textarea("summary", "线索摘要", form["summary"] ?? "", required: true),
                    CaseBits.textarea("sourceDetail", "来源说明（检查名称、媒体及报道日期等）", form["sourceDetail"] ?? ""))))
        ))
    }

    // MARK: item

    static func intake(_ p: Principal, _ i: LiabilityIntakeDTO, canAct: Bool, message: String?, error: String?) -> HTML {
        let pending = i.status == LiabilityIntakeStatus.pending.rawValue
        return Layout.console(title: "责任追究线索", principal: p, active: SiteURL.consoleLiabilityIntake, content: .div(
            .h1(.text("责任追究线索")),
            .p(.a(.href(SiteURL.consoleLiabilityIntake), .text("返回责任追究线索"))),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .section(.class("card"),
                .dl(.dt(.text("状态")), .dd(.span(.id("intake-status"), .class("badge"), .text(i.statusLabel))),
                    .dt(.text("来源")), .dd(.text(i.sourceKindLabel)),
                    .unwrap(i.sourceDetail) { .group(.dt(.text("来源说明")), .dd(.text($0))) },
                    .dt(.text("执法主体")), .dd(.text(i.agencyName)),
                    .if(!i.caseNumber.isEmpty, .group(.dt(.text("案件")), .dd(.text(i.caseNumber)))),
                    .dt(.text("发现（登记）日期")), .dd(.text(i.openedOn)),
                    .dt(.text("摘要")), .dd(.text(i.summary)),
                    .dt(.text("追究机关")), .dd(.text(i.pursuingBody ?? "—")),
                    .dt(.text("规则配置")), .dd(.text(i.profileId ?? "—")),
                    .dt(.text("立案期限")), .dd(.span(.id("intake-deadline"), deadline(i.dueOn, rule: i.dueRule, source: i.dueSource, overdue: i.overdue))),
                    .unwrap(i.enteredBy) { .group(.dt(.text("登记人")), .dd(.text($0))) },
                    .unwrap(i.decidedOn) { .group(.dt(.text("处理日期")), .dd(.text("\($0)（\(i.decidedBy ?? "")）"))) },
                    .unwrap(i.outcomeReason) { .group(.dt(.text("不予立案理由")), .dd(.span(.id("decline-reason"), .text($0)))) },
                    .unwrap(i.matterId) { .group(.dt(.text("责任追究案件")), .dd(.a(.href(SiteURL.consoleLiabilityMatter($0)), .text("查看立案")))) })),
            .if(pending && canAct, .group(
                card("file", "立案", SiteURL.consoleLiabilityIntakeAction(i.id, "file"), csrf: p.csrfToken, submit: "立案", .group(
                    .p(.text("立案后，案件的承办人（主办、协办）、法制审核人和批准人按案件记录列为被调查人员，责任追究决定期限自立案之日起计算。")),
                    CaseBits.textarea("summary", "立案摘要（不填沿用线索摘要）"))),
                card("decline", "不予立案", SiteURL.consoleLiabilityIntakeAction(i.id, "decline"), csrf: p.csrfToken, submit: "不予立案",
                     CaseBits.textarea("reason", "不予立案的理由（必填，记入全过程记录）", required: true))))
        ))
    }

    // MARK: matter

    static func matter(_ p: Principal, _ m: LiabilityMatterDTO, candidates: [User], ownPersonID: UUID?, message: String?, error: String?,
                       profile: EffectiveProfile? = nil) -> HTML {
        let users: [(value: String, label: String)] = candidates.map { ($0.id!.uuidString, "\($0.displayName)（\($0.username)）") }
        let minimum: Node<HTML.BodyContext> = if let n = m.investigatorsMinimum {
            .span(.text("不少于 \(n) 人"), .unwrap(m.investigatorsMinimumSource) { .span(.class("source"), .text(" 依据：\($0)")) })
        } else {
            .span(.class("muted"), .text("未规定（本辖区规则配置未规定调查人员人数）"))
        }
        return Layout.console(title: "责任追究案件", principal: p, active: SiteURL.consoleLiabilityIntake, content: .div(
            .h1(.text("责任追究案件")),
            .p(.a(.href(SiteURL.consoleLiabilityIntake), .text("返回责任追究线索"))),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .section(.class("card"),
                .dl(.dt(.text("状态")), .dd(.span(.id("matter-status"), .class("badge"), .text(m.statusLabel))),
                    .dt(.text("摘要")), .dd(.text(m.summary)),
                    .dt(.text("被追究主体")), .dd(.text(m.subjectAgencyName)),
                    .unwrap(m.caseNumber) { .group(.dt(.text("案件")), .dd(.text($0))) },
                    .dt(.text("追究机关")), .dd(.text(m.pursuingBody)),
                    .dt(.text("规则配置")), .dd(.text(m.profileId)),
                    .dt(.text("立案")), .dd(.text("\(m.filedOn)（\(m.filedBy)）")),
                    .dt(.text("决定期限")), .dd(.span(.id("decision-deadline"), deadline(m.decisionDeadline.due, rule: m.decisionDeadline.source == nil ? nil : m.decisionDeadline.period,
                                                                                   source: m.decisionDeadline.source, overdue: m.decisionDeadline.overdue))),
                    .dt(.text("调查人员人数")), .dd(.span(.id("investigators-minimum"), minimum)))),
            .h2(.text("被调查人员")),
            UI.table(caption: "被调查人员", headers: ["姓名", "在案件中的角色", "单位", "身份证号", "来源", "说明"], rows: m.persons.map { x in
                [.text(x.name), .text(x.roleLabel), .text(x.agencyName), .text(x.idNumberMasked ?? "—"),
                 .text(x.origin == "manual" ? "人工添加" : "案件记录"), .text(x.note)]
            }, empty: "暂无被调查人员。"),
            .h2(.text("调查人员")),
            UI.table(caption: "调查人员", headers: ["姓名", "状态", "指定日期", "指定人"], rows: m.investigators.map { x in
                [.text(x.name), .text(x.status == "active" ? "在任" : "已回避"), .text(x.appointedOn), .text(x.appointedBy)]
            }, empty: "尚未指定调查人员。"),
            .h2(.text("回避")),
            UI.table(caption: "回避", headers: ["人员", "方式", "理由", "日期", "记录人"], rows: m.recusals.map { x in
                [.text(x.name), .text(x.kindLabel), .text(x.reason), .text(x.recordedOn), .text(x.recordedBy)]
            }, empty: "无回避记录。"),
            .h2(.text("陈述申辩")),
            UI.table(caption: "陈述申辩", headers: ["被调查人员", "日期", "内容", "提交人"], rows: m.statements.map { x in
                [.text(x.personName), .text(x.statedOn), .text(x.text), .text(x.submittedBy)]
            }, empty: "暂无陈述申辩。"),
            LiabilityDecisionPages.section(p, m, profile: profile, ownPersonID: ownPersonID),
            .if(m.canAct, .group(
                .h2(.text("调查记录（全过程记录，防篡改）")),
                UI.table(caption: "调查记录", headers: ["序号", "事项", "内容", "记录人", "哈希"], rows: m.log.map { e in
                    let body = e.payload.sorted { $0.key < $1.key }.map { "\($0.key)：\($0.value)" }.joined(separator: "；")
                    return [.text("\(e.index)"), .text(e.kindLabel), .text(body), .text(e.actor ?? "—"), .code(.text(String(e.entryHash.prefix(12))))]
                }),
                card("investigator", "指定调查人员", SiteURL.consoleLiabilityMatterAction(m.id, "investigators"), csrf: p.csrfToken, submit: "指定",
                     .group(.p(.text("与被调查人员同一单位，或曾承办、审核、批准本案的，应当回避，系统将拒绝指定并记录。")),
                            UI.select("人员", name: "investigatorUserId", options: users, selected: nil, required: true))),
                card("recusal", "记录回避（申请回避或自行回避）", SiteURL.consoleLiabilityMatterAction(m.id, "recusals"), csrf: p.csrfToken, submit: "记录回避",
                     .group(UI.select("人员", name: "recusalUserId", options: users, selected: nil, required: true),
                            CaseBits.textarea("reason", "回避理由", required: true))),
                card("person", "添加被调查人员", SiteURL.consoleLiabilityMatterAction(m.id, "persons"), csrf: p.csrfToken, submit: "添加",
                     .group(UI.select("人员", name: "personUserId", options: users, selected: nil, required: true),
                            CaseBits.textarea("note", "说明"))),
                card("evidence", "记录证据或询问笔录", SiteURL.consoleLiabilityMatterAction(m.id, "evidence"), csrf: p.csrfToken, submit: "记入全过程记录",
                     .group(UI.select("类别", name: "kind", options: LiabilityMatterService.EvidenceKind.allCases.map { ($0.rawValue, $0.label) }, selected: nil, required: true),
                            UI.field("标题", name: "title", required: true),
                            UI.field("日期", name: "date", type: .date),
                            CaseBits.textarea("content", "内容", required: true, rows: 5))),
                card("statement-record", "代为记录陈述申辩", SiteURL.consoleLiabilityMatterAction(m.id, "statements"), csrf: p.csrfToken, submit: "记录",
                     .group(UI.select("被调查人员", name: "personId", options: m.persons.map { ($0.id.uuidString, "\($0.name)（\($0.roleLabel)）") }, selected: nil, required: true),
                            UI.field("日期", name: "statedOn", type: .date),
                            CaseBits.textarea("text", "陈述申辩内容", required: true, rows: 5))))),
            .if(!m.canAct && ownPersonID != nil,
                card("statement", "提交陈述申辩", SiteURL.consoleLiabilityMatterAction(m.id, "statements"), csrf: p.csrfToken, submit: "提交",
                     .group(.p(.text("您是本案的被调查人员，有权陈述和申辩（国办发〔2005〕37号 四）。")),
                            CaseBits.textarea("text", "陈述申辩内容", required: true, rows: 6))))
        ))
    }
}
