import Foundation
import Plot
import QuanzeCore

/// The matter page's findings / proposal / decision / service / appeal sections, and the printable 责任追究决定书.
enum LiabilityDecisionPages {
    typealias Card = LiabilityPages

    static func rule(_ r: LiabilityRuleDTO) -> Node<HTML.BodyContext> {
        LiabilityPages.deadline(r.due, rule: r.source == nil ? nil : r.period, source: r.source, overdue: r.overdue)
    }

    static func cite(_ r: RuleCitation?) -> String {
        guard let r else { return "—" }
        return "\(r.name)（\(r.source)）"
    }

    static func codes(_ list: [String], _ profile: EffectiveProfile?) -> String {
        list.isEmpty ? "不予处理" : list.map { profile?.sanction($0)?.entry.name ?? $0 }.joined(separator: "、")
    }

    static func section(_ p: Principal, _ m: LiabilityMatterDTO, profile: EffectiveProfile?, ownPersonID: UUID?) -> Node<HTML.BodyContext> {
        guard let o = m.outcome else { return .empty }
        let latest = o.findings.last
        let action = { (name: String) in SiteURL.consoleLiabilityMatterAction(m.id, name) }
        let investigating = m.status == "investigating"
        let sanctionHint = "处理方式代码，用逗号分隔；可选：" + ((profile?.catalogs.personSanctions ?? []) + (profile?.catalogs.agencySanctions ?? []))
            .map { "\($0.entry.code)（\($0.entry.name)）" }.joined(separator: "、")
        let shareOptions: [(value: String, label: String)] = ["全部", "主要", "次要", "共同", "相应", "不承担", "—"].map { ($0, $0) }
        return .div(.id("liability-outcome"),
            .h2(.text("陈述申辩（听取情况）")),
            UI.table(caption: "听取陈述申辩", headers: ["被调查人员", "已陈述申辩", "告知后放弃"], rows: o.hearing.map { h in
                [.text(h.name), .text(h.stated ? "是" : "否"), .text(h.waived ? "是" : "否")]
            }, empty: "无被调查人员。"),
            .h2(.text("认定与处理建议")),
            .unwrap(latest, { f in
                .div(.id("proposal"),
                     .p(.text("第 \(f.seq) 次认定（\(f.foundOn)，\(f.foundBy)）：过错情形 \(cite(f.proposal.faultSituation))"
                              + (f.gravityLevel.map { "；情节档次 \($0)" } ?? "") + "；当时已陈述申辩 \(f.stated.count) 人"
                              + (o.findings.count > 1 ? "；此前的处理建议均已保存（共 \(o.findings.count) 次）" : ""))),
                     .if(m.canAct, UI.table(caption: "责任划分（系统建议）", headers: ["人员", "角色", "责任", "依据", "理由"],
                                            rows: f.proposal.apportionment.lines.map { l in
                         [.text(l.personName), .text(l.roles.map(\.rawValue).joined(separator: "、")), .text(l.share.rawValue),
                          .text(cite(l.rule)), .text(l.reason)]
                     })),
                     UI.table(caption: "处理建议", headers: ["处理对象", "责任", "情节", "处理建议", "拟处理意见"], rows: f.proposal.targets.map { t in
                         let circ = t.circumstances.findings.map { "\($0.kind.rawValue)：\($0.item.name)" + ($0.detected.map { "（系统检测：\($0)）" } ?? "") }
                         return [.text(t.name), .text(t.share), .text(circ.isEmpty ? "—" : circ.joined(separator: "；")),
                                 .text(t.sanction.summary), .span(.class("proposed"), .text(codes(t.proposedSanctions, profile)))]
                     }))
            }, else: .p(.class("muted"), .text("尚未认定。"))),
            .unwrap(o.document) { d in
                .section(.class("card"), .id("decision-document"),
                    .h2(.text("责任追究决定")),
                    .dl(.dt(.text("文号")), .dd(.a(.href(SiteURL.consoleLiabilityMatterAction(m.id, "document")), .span(.id("decision-number"), .text(d.number)))),
                        .dt(.text("决定日期")), .dd(.text("\(d.decidedOn)（\(d.decidedBy)）")),
                        .dt(.text("申诉（复核）")), .dd(.text(d.appealRights)),
                        .unwrap(d.collectiveDecision) { c in .group(.dt(.text("集体讨论决定")), .dd(rule(c))) },
                        .dt(.text("备案期限")), .dd(.span(.id("filing-deadline"), rule(d.filing))),
                        .dt(.text("备案")), .dd(.text(d.filedOn.map { "\($0) 报 \(d.filedWith ?? "")" } ?? "未备案")),
                        .dt(.text("执行情况")), .dd(.span(.id("execution"), .text(d.executionOutcome.map { ($0 == "executed" ? "已执行" : "拒不执行") + "（\(d.executionOn ?? "")）：\(d.executionText ?? "")" } ?? "未反馈"))),
                        .unwrap(d.escalationIntakeId) { id in .group(.dt(.text("拒不执行转线索")), .dd(.a(.href(SiteURL.consoleLiabilityIntakeItem(id)), .text("查看线索")))) },
                        .dt(.text("结案")), .dd(.text(d.closedOn.map { "\($0)：\(d.closingReport ?? "")" } ?? "未结案"))))
            },
            UI.table(caption: "处理决定（逐一处理对象）", headers: ["处理对象", "建议", "决定", "与建议不同的理由", "状态", "送达", "申诉（复核）期限", "复核（申诉）", "处理后果"],
                     rows: o.decisions.map { d in
                         let appeal: String = d.appeal.map { a in
                             "\(a.lodgedOn) 提出；受理：\(a.reviewingBody)；决定期限 \(a.decisionDeadline.due ?? "未规定")"
                                 + (a.outcomeLabel.map { "；结果：\($0)" + (a.outcomeReason.map { "（\($0)）" } ?? "") } ?? "")
                         } ?? "—"
                         return [.text(d.name), .text("\(d.proposedShare)；\(codes(d.proposedSanctions, profile))"),
                                 .text("\(d.share)；\(d.sanctionNames)"), .text(d.differsReason ?? "—"),
                                 .span(.class("badge decision-status"), .text(d.statusLabel)),
                                 .text(d.servedOn.map { "\($0)，\(d.serviceManner ?? "")，\(d.serviceRecipient ?? "")" } ?? "未送达"),
                                 rule(d.appealWindow), .text(appeal),
                                 .text(d.consequences.isEmpty ? "—" : d.consequences.map { "\($0.sanction)：\($0.state)（\($0.reason)）" }.joined(separator: "；"))]
                     }, empty: "尚未作出决定。"),
            .if(m.canAct && investigating, .group(
                Card.card("findings", "认定过错、生成处理建议", action("findings"), csrf: p.csrfToken, submit: "认定并计算建议", .group(
                    UI.select("过错情形", name: "faultSituation", options: (profile?.catalogs.faultSituations ?? []).map { ($0.entry.code, "\($0.entry.name)（\($0.entry.source)）") },
                              selected: latest?.faultSituation, required: true),
                    UI.field("认定的情形（代码，逗号分隔）", name: "established", value: latest?.established.joined(separator: ","),
                             hint: "例如 reviewer_changed_correct、handler_concealed_facts；本配置的分责情形：" + Array(Set((profile?.apportionment ?? []).compactMap { $0.entry.when?.rawValue })).sorted().joined(separator: "、")),
                    UI.select("是否应当审核或批准", name: "reviewDue", options: [("false", "否"), ("true", "是")], selected: latest.map { $0.reviewDue ? "true" : "false" }),
                    UI.field("情节（代码，逗号分隔）", name: "circumstances", value: latest?.circumstances.joined(separator: ","),
                             hint: "可选：" + (profile.map { c in (c.catalogs.circumstances.aggravating + c.catalogs.circumstances.lenient + c.catalogs.circumstances.mitigated + c.catalogs.circumstances.exempt).map { "\($0.entry.code)（\($0.entry.name)）" }.joined(separator: "、") } ?? "")),
                    .if(!(profile?.gravity.isEmpty ?? true), UI.select("情节档次", name: "gravityLevel",
                        options: (profile?.gravity ?? []).map { ("\($0.entry.level)", "\($0.entry.level)：\($0.entry.name)（\($0.entry.source)）") }, selected: latest?.gravityLevel.map(String.init))),
                    .forEach(m.persons) { x in
                        UI.select("\(x.name)在集体决策中的意见（如有）", name: "view_\(x.id.uuidString.lowercased())",
                                  options: [("", "无集体决策")] + CollectiveView.allCases.map { ($0.rawValue, $0.rawValue) }, selected: latest?.views[x.id.uuidString.lowercased()] ?? "")
                    },
                    .forEach((latest?.proposal.targets ?? [])) { t in
                        UI.field("对\(t.name)的拟处理意见（不填按系统建议）", name: "proposed_\(t.key)", value: t.proposedSanctions.joined(separator: ","), hint: sanctionHint)
                    })),
                Card.card("waiver", "记录告知后放弃陈述申辩", action("hearing-waivers"), csrf: p.csrfToken, submit: "记录", .group(
                    UI.select("被调查人员", name: "personId", options: m.persons.map { ($0.id.uuidString, $0.name) }, selected: nil, required: true),
                    UI.field("日期", name: "recordedOn", type: .date), CaseBits.textarea("note", "说明"))),
                Card.card("extension", "延长决定期限（须经批准）", action("extension"), csrf: p.csrfToken, submit: "延长", .group(
                    .p(.text(o.extensionValue.map { "已批准延长 \($0)（\(o.extensionApprovedBy ?? "")：\(o.extensionReason ?? "")）" } ?? "未延长")),
                    UI.field("延长（总计，按规则的单位）", name: "value", type: .number, required: true),
                    UI.field("批准人", name: "approvedBy", required: true), CaseBits.textarea("reason", "理由", required: true))),
                .unwrap(latest) { f in
                    Card.card("decide", "作出责任追究决定", action("decision"), csrf: p.csrfToken, submit: "作出决定", .group(
                        CaseBits.textarea("facts", "事实", required: true, rows: 4), CaseBits.textarea("reasons", "理由", required: true, rows: 4),
                        .forEach(f.proposal.targets) { t in
                            .div(.class("decision-target"), .h3(.text("\(t.name)（建议：\(t.share)；\(codes(t.proposedSanctions, profile))）")),
                                      UI.select("是否决定", name: "include_\(t.key)", options: [("", "不作决定"), ("on", "作出决定")], selected: t.kind == "person" ? "on" : ""),
                                      UI.select("责任", name: "share_\(t.key)", options: shareOptions, selected: t.share),
                                      UI.field("处理方式", name: "sanctions_\(t.key)", value: t.proposedSanctions.joined(separator: ","), hint: sanctionHint),
                                      UI.field("与建议不同的理由", name: "reason_\(t.key)"))
                        }))
                })),
            .if(m.canAct && o.document != nil && m.status != "closed", .group(
                .forEach(o.decisions) { d in
                    .group(
                        .if(d.status == "decided", Card.card("service-\(d.id)", "送达：\(d.name)", SiteURL.consoleLiabilityMatterAction(m.id, "decisions/\(d.id)/service"),
                            csrf: p.csrfToken, submit: "记录送达", .group(UI.field("送达日期", name: "servedOn", type: .date),
                                UI.field("送达方式", name: "manner", value: "直接送达", required: true), UI.field("受送达人", name: "recipient", value: d.name, required: true)))),
                        .if(d.appeal != nil && d.appeal?.outcome == nil, .group(
                            Card.card("appeal-extension-\(d.id)", "延长复核（申诉）决定期限：\(d.name)", SiteURL.consoleLiabilityMatterAction(m.id, "decisions/\(d.id)/appeal-extension"),
                                csrf: p.csrfToken, submit: "延长", .group(UI.field("延长", name: "value", type: .number, required: true),
                                    UI.field("批准人", name: "approvedBy", required: true), CaseBits.textarea("reason", "理由", required: true))),
                            Card.card("appeal-decision-\(d.id)", "复核（申诉）决定：\(d.name)", SiteURL.consoleLiabilityMatterAction(m.id, "decisions/\(d.id)/appeal-decision"),
                                csrf: p.csrfToken, submit: "作出复核（申诉）决定", .group(
                                    UI.select("结果", name: "outcome", options: LiabilityDecisionService.AppealOutcome.allCases.map { ($0.rawValue, $0.label) }, selected: nil, required: true),
                                    UI.field("变更后的处理方式", name: "sanctions", hint: sanctionHint), CaseBits.textarea("reason", "理由（变更、撤销必填）"))))))
                },
                Card.card("filing", "备案", action("filing"), csrf: p.csrfToken, submit: "记录备案", .group(
                    UI.field("备案日期", name: "filedOn", type: .date), UI.field("备案机关", name: "office", required: true))),
                Card.card("execution", "执行情况反馈", action("execution"), csrf: p.csrfToken, submit: "记录", .group(
                    UI.select("执行情况", name: "outcome", options: LiabilityDecisionService.ExecutionOutcome.allCases.map { ($0.rawValue, $0.label) }, selected: nil, required: true),
                    UI.field("日期", name: "date", type: .date), CaseBits.textarea("text", "情况说明", required: true))),
                Card.card("close", "结案报告", action("close"), csrf: p.csrfToken, submit: "结案", CaseBits.textarea("report", "结案报告", required: true, rows: 4)))),
            .forEach(o.decisions.filter { $0.status == "served" && $0.appeal == nil && (m.canAct || ownPersonID?.uuidString.lowercased() == $0.target) }) { d in
                Card.card("appeal-\(d.id)", "提出复核（申诉）：\(d.name)", SiteURL.consoleLiabilityMatterAction(m.id, "decisions/\(d.id)/appeal"), csrf: p.csrfToken,
                          submit: "提出", .group(.p(.text("申诉（复核）期限："), rule(d.appealWindow)),
                                                UI.field("提出日期", name: "lodgedOn", type: .date), CaseBits.textarea("grounds", "理由", required: true, rows: 4)))
            })
    }

    /// 责任追究决定书, printable.
    static func document(_ p: Principal, _ m: LiabilityMatterDTO, profile: EffectiveProfile?) -> HTML {
        let d = m.outcome?.document
        return Layout.console(title: "责任追究决定书", principal: p, active: SiteURL.consoleLiabilityIntake, content: .div(.class("printable"),
            .p(.a(.href(SiteURL.consoleLiabilityMatter(m.id)), .text("返回责任追究案件"))),
            .unwrap(d, { d in
                .article(.id("liability-document"),
                    .h1(.text("\(m.pursuingBody)责任追究决定书")),
                    .p(.class("doc-number"), .text(d.number)),
                    .h2(.text("被处理对象")),
                    .ul(.forEach(m.outcome?.decisions ?? []) { x in .li(.text("\(x.name)：\(x.share)；\(x.sanctionNames)")) }),
                    .h2(.text("事实")), .p(.text(d.facts)),
                    .h2(.text("理由")), .p(.text(d.reasons)),
                    .h2(.text("依据")), .ul(.forEach(d.basis) { .li(.text($0)) }),
                    .h2(.text("申诉（复核）权利")), .p(.id("appeal-rights"), .text(d.appealRights)),
                    .p(.text("\(m.pursuingBody)　\(d.decidedOn)")))
            }, else: .p(.text("本案尚未作出决定。")))))
    }
}
