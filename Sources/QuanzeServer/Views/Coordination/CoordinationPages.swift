import Foundation
import Plot
import QuanzeCore

/// 执法协调 and 典型案例 pages (docs/coordination.md).
enum CoordinationPages {
    static let statusOptions: [(value: String, label: String)] = [("", "全部")] + CoordinationStatus.allCases.map { ($0.rawValue, $0.label) }
    static let kindOptions: [(value: String, label: String)] = CoordinationKind.allCases.map { ($0.rawValue, $0.label) }
    static let officeOptions: [(value: String, label: String)] = CoordinationOffice.allCases.map { ($0.rawValue, $0.label) }

    static func card(_ id: String, _ title: String, _ action: String, csrf: String?, submit: String,
                     _ fields: Node<HTML.FormContext>) -> Node<HTML.BodyContext> {
        LiabilityPages.card(id, title, action, csrf: csrf, submit: submit, fields)
    }

    static func list(_ p: Principal, rows: [CoordinationSummaryDTO], status: String?, kind: String?, others: [Agency],
                     form: [String: String], error: String?) -> HTML {
        Layout.console(title: "执法协调", principal: p, active: SiteURL.consoleCoordination, content: .div(
            .h1(.text("执法协调")),
            .p(.text("行政执法部门之间的职责边界、执法依据、联合执法、移交衔接等争议，先由各部门自行协调，最先发现问题的部门负有主动协调责任；达成一致的，协调意见于协调结束后3个工作日内报区政府法制办备案；不能达成一致的，向区编办（职责界定）、区政府法制办（执法依据、联合执法、衔接配合）或区政府提出协调申请。"),
               .span(.class("source"), .text("依据：通州区关于行政执法协调工作的若干规定 第六条、第九条、第十条（\(CoordinationRules.seed) 篇十一）"))),
            UI.alert(error),
            .form(.method(.get), .action(SiteURL.consoleCoordination), .class("filters"),
                  UI.select("状态", name: "status", options: statusOptions, selected: status ?? ""),
                  UI.select("种类", name: "kind", options: [("", "全部")] + kindOptions, selected: kind ?? ""),
                  .button(.type(.submit), .text("筛选"))),
            UI.table(caption: "执法协调事项", headers: ["提起日期", "事项", "种类", "主动协调部门", "相关部门", "协调机关", "状态", "提示"],
                     rows: rows.map { r in
                         [.text(r.raisedOn), .a(.href(SiteURL.consoleCoordinationItem(r.id)), .text(r.subject)), .text(r.kindLabel),
                          .text(r.initiatorName), .text(r.parties.joined(separator: "、")), .text(CoordinationOffice.label(r.currentOffice)),
                          .text(r.statusLabel),
                          .group(.if(r.filingLate, .span(.class("badge red"), .text("逾期备案 "))),
                                 .if(r.executionOverdue, .span(.class("badge red"), .text("执行逾期"))))]
                     }, empty: "没有符合条件的执法协调事项。"),
            .if(p.has(.legalOfficer) && !others.isEmpty, card("raise", "提起执法协调（本部门负有主动协调责任）", SiteURL.consoleCoordination,
                csrf: p.csrfToken, submit: "提起协调", .group(
                    UI.select("协调事项种类（第四条）", name: "kind", options: kindOptions, selected: form["kind"], required: true),
                    UI.field("协调事项", name: "subject", value: form["subject"], required: true),
                    CaseBits.textarea("description", "争议或问题说明", form["description"] ?? "", required: true),
                    .fieldset(.element(named: "legend", text: "相关行政执法部门"),
                              .forEach(others) { a in
                                  CaseBits.checkbox("partyAgencyIds[]", value: a.id!.uuidString, label: a.name, id: "party-\(a.id!.uuidString)")
                              }))))
        ))
    }

    static func deadlineRow(_ d: CoordinationDeadlineDTO) -> [Node<HTML.BodyContext>] {
        [.text(d.name),
         .text(d.dueOn ?? "未规定（本辖区规则配置未规定此期限，不计算期限）"),
         .text(d.met ?? "—"),
         .group(.if(d.late, .span(.class("badge red"), .text("逾期"))), .if(!d.late, .text("—"))),
         .span(.class("source"), .text("\(d.rule ?? "未规定")\(d.source.map { "；依据：\($0)" } ?? "")"))]
    }

    static func detail(_ a: CoordinationAccess.DisputeAccess, _ d: CoordinationDTO, message: String?, error: String?) -> HTML {
        let p = a.principal
        let csrf = p.csrfToken
        let status = CoordinationStatus(rawValue: d.status)
        return Layout.console(title: d.subject, principal: p, active: SiteURL.consoleCoordination, content: .div(
            .h1(.text("执法协调：\(d.subject)")),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .dl(.class("facts"),
                .dt(.text("状态")), .dd(.id("coordination-status"), .text(d.statusLabel)),
                .dt(.text("种类")), .dd(.text(d.kindLabel)),
                .dt(.text("提起")), .dd(.text("\(d.raisedOn) \(d.raisedBy)")),
                .dt(.text("说明")), .dd(.text(d.description)),
                .dt(.text("应受理的协调机关")),
                .dd(.text(d.competentOffice.map { CoordinationOffice.label($0) } ?? "未规定"),
                    .unwrap(d.competentSource) { .span(.class("source"), .text(" 依据：\($0)")) }),
                .dt(.text("现由")), .dd(.text(CoordinationOffice.label(d.currentOffice))),
                .unwrap(d.opinion) { .group(.dt(.text("协调意见")), .dd(.text($0))) },
                .unwrap(d.application) { .group(.dt(.text("协调申请")), .dd(.text($0))) },
                .unwrap(d.resolutionText) { .group(.dt(.text("协调机关意见")), .dd(.text($0))) },
                .unwrap(d.decisionText) { .group(.dt(.text("区政府协调决定")), .dd(.text($0))) }),
            .h2(.text("期限")),
            UI.table(caption: "期限", headers: ["期限", "届满日", "办理日", "是否逾期", "规则与依据"], rows: d.deadlines.map(deadlineRow)),
            .h2(.text("相关部门与执行情况")),
            UI.table(caption: "相关部门", headers: ["部门", "角色", "执行情况报告"], rows: d.parties.map { party in
                [.text(party.agencyName), .text(party.role == "initiator" ? "主动协调" : "配合协调"),
                 .group(.text(party.reportedOn.map { "\($0) \(party.reportText ?? "")" } ?? "未报告"),
                        .if(party.overdue, .span(.class("badge red"), .text(" 逾期未报告"))))]
            }),
            .h2(.text("办理过程")),
            .ol(.id("coordination-timeline"), .forEach(d.steps) { s in
                .li(.text("\(s.day) \(s.actor)：\(s.text)"), .unwrap(s.source) { .span(.class("source"), .text(" 依据：\($0)")) })
            }),
            .p(.class("muted"), .text("记录日志：\(d.recordStream)")),
            .if(status == .selfCoordination && a.isInitiator, .group(
                card("opinion", "报送协调意见（协调达成一致，第八条、第九条）", SiteURL.consoleCoordinationAction(d.id, "opinion"), csrf: csrf, submit: "报送备案", .group(
                    UI.field("协调结束日期", name: "endedOn", type: .date, required: true),
                    CaseBits.textarea("opinion", "协调意见（协调事项、时间、部门、依据、一致意见、实施方案）", required: true),
                    UI.field("执行期限（实施方案所定，可不填）", name: "executeBy", type: .date))),
                card("escalate", "提出协调申请（自行协调不成，第十条、第十一条）", SiteURL.consoleCoordinationAction(d.id, "escalate"), csrf: csrf, submit: "提出申请", .group(
                    UI.select("协调机关", name: "office", options: officeOptions, selected: d.competentOffice, required: true),
                    UI.field("自行协调结束日期", name: "escalateEndedOn", type: .date),
                    CaseBits.textarea("application", "协调申请（争议、自行协调过程、处理意见）", required: true))))),
            .if(status == .escalated && a.isSupervisor, .group(
                card("forward", "移送有权协调的机关（第十二条）", SiteURL.consoleCoordinationAction(d.id, "forward"), csrf: csrf, submit: "移送", .group(
                    UI.select("移送至", name: "forwardOffice", options: officeOptions, selected: d.competentOffice, required: true))),
                card("resolve", "协调机关的协调结果（第十五条）", SiteURL.consoleCoordinationAction(d.id, "resolve"), csrf: csrf, submit: "记录", .group(
                    UI.select("协调机关", name: "office", options: officeOptions, selected: d.currentOffice, required: true),
                    UI.select("结果", name: "outcome", options: [("agreed", "达成一致，印发协调意见"), ("proposed", "未达成一致，报请区政府决定")],
                              selected: "agreed", required: true),
                    CaseBits.textarea("text", "协调意见或报请区政府的意见", required: true),
                    UI.field("执行期限（可不填）", name: "executeBy", type: .date))))),
            .if(status == .awaitingGovernment && a.isSupervisor,
                card("decision", "区政府协调决定（第十六条）", SiteURL.consoleCoordinationAction(d.id, "decision"), csrf: csrf, submit: "记录决定", .group(
                    CaseBits.textarea("text", "行政执法协调决定", required: true),
                    UI.field("执行期限（可不填）", name: "executeBy", type: .date)))),
            .if(status == .executing && (a.ownParty?.reportedOn == nil && a.ownParty != nil || a.isSupervisor),
                card("execution", "报告执行情况（第二十条）", SiteURL.consoleCoordinationAction(d.id, "execution"), csrf: csrf, submit: "报告", .group(
                    .if(a.isSupervisor && a.ownParty == nil, UI.select("部门", name: "agencyId",
                        options: d.parties.filter { $0.reportedOn == nil }.map { ($0.agencyId.uuidString, $0.agencyName) }, selected: nil)),
                    CaseBits.textarea("text", "执行情况", required: true)))),
            .if(status == .executing && a.isSupervisor,
                card("close", "办结", SiteURL.consoleCoordinationAction(d.id, "close"), csrf: csrf, submit: "办结", .group()))
        ))
    }

    // MARK: 典型案例

    static func typicalList(_ p: Principal, rows: [TypicalCase], matters: [LiabilityMatter], form: [String: String], error: String?) -> HTML {
        Layout.console(title: "典型案例", principal: p, active: SiteURL.consoleTypicalCases, content: .div(
            .h1(.text("典型案例通报")),
            .p(.text("从已作出处理的责任追究案件编写，或直接编写。系统将案件有关人员的姓名替换为“某某”形式（如“张某”），遮蔽身份证号和电话号码；仍含全名或未遮蔽号码的，不能发布。")),
            UI.alert(error),
            UI.table(caption: "典型案例", headers: ["编写日期", "标题", "状态", "发布日期"], rows: rows.map { t in
                [.text(t.composedOn), .a(.href(SiteURL.consoleTypicalCase(t.id!)), .text(t.title)),
                 .text(["draft": "草稿", "published": "已发布", "withdrawn": "已撤回"][t.status] ?? t.status), .text(t.publishedOn ?? "—")]
            }, empty: "暂无典型案例。"),
            card("compose", "编写典型案例", SiteURL.consoleTypicalCases, csrf: p.csrfToken, submit: "编写并匿名化", .group(
                UI.select("责任追究案件（可不选）", name: "matterId", options: [("", "不依据案件，直接编写")] + matters.map { ($0.id!.uuidString, $0.summary) },
                          selected: nil),
                UI.field("标题", name: "title", value: form["title"], required: true),
                CaseBits.textarea("body", "案情", form["body"] ?? "", required: true, rows: 6),
                CaseBits.textarea("ruleCited", "违反的规定", form["ruleCited"] ?? "", required: true),
                CaseBits.textarea("handling", "处理情况", form["handling"] ?? "", required: true),
                UI.field("需匿名的其他人员姓名（以顿号分隔）", name: "personNames", value: form["personNames"])))
        ))
    }

    static func typical(_ p: Principal, _ t: TypicalCase, message: String?, error: String?) -> HTML {
        let id = t.id!
        return Layout.console(title: t.title, principal: p, active: SiteURL.consoleTypicalCases, content: .div(
            .h1(.text("典型案例：\(t.title)")),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .p(.id("typical-status"), .text("状态：\(["draft": "草稿", "published": "已发布", "withdrawn": "已撤回"][t.status] ?? t.status)"),
               .unwrap(t.publishedOn) { .text("（发布于 \($0)）") }),
            .if(t.status != "published", card("edit", "修改（按原文保存，发布时检查匿名化）", SiteURL.consoleTypicalCaseAction(id, "edit"), csrf: p.csrfToken, submit: "保存", .group(
                UI.field("标题", name: "title", value: t.title, required: true),
                CaseBits.textarea("body", "案情", t.body, required: true, rows: 6),
                CaseBits.textarea("ruleCited", "违反的规定", t.ruleCited, required: true),
                CaseBits.textarea("handling", "处理情况", t.handling, required: true)))),
            .if(t.status != "published", card("publish", "发布到门户", SiteURL.consoleTypicalCaseAction(id, "publish"), csrf: p.csrfToken, submit: "发布", .group())),
            .if(t.status == "published", card("withdraw", "撤回", SiteURL.consoleTypicalCaseAction(id, "withdraw"), csrf: p.csrfToken, submit: "撤回", .group(
                CaseBits.textarea("reason", "撤回理由", required: true))))
        ))
    }

    static func publicList(_ rows: [PublicTypicalCaseDTO]) -> HTML {
        Layout.publicPage(title: "典型案例通报", content: .div(
            .h1(.text("行政执法责任追究典型案例通报")),
            .p(.text("有关人员姓名以“某某”形式表示，身份证号和电话号码已遮蔽。")),
            .if(rows.isEmpty, .p(.class("empty"), .text("暂无典型案例。"))),
            .ul(.id("typical-cases"), .forEach(rows) { r in
                .li(.a(.href(SiteURL.publicTypicalCase(r.id)), .text(r.title)), .text("（\(r.publishedOn)）"))
            })
        ))
    }

    static func publicDetail(_ r: PublicTypicalCaseDTO) -> HTML {
        Layout.publicPage(title: r.title, content: .div(
            .h1(.text(r.title)),
            .p(.class("muted"), .text("发布日期：\(r.publishedOn)")),
            .section(.class("card"), .h2(.text("案情")), .p(.id("typical-body"), .text(r.body))),
            .section(.class("card"), .h2(.text("违反的规定")), .p(.text(r.ruleCited))),
            .section(.class("card"), .h2(.text("处理情况")), .p(.text(r.handling))),
            .p(.a(.href(SiteURL.publicTypicalCases), .text("返回典型案例列表")))
        ))
    }
}
