import Foundation
import Plot
import QuanzeCore

/// 投诉举报 board: the caller's complaints with their deadlines (受理情况告知, 核查处理并答复), warnings and
/// sources, filters, and the form to register a complaint received by phone, letter or mailbox.
struct ComplaintBoardPage {
    let principal: Principal
    let rows: [ComplaintDTO]
    let agencies: [Agency]
    let filter: ComplaintQueries.Filter
    var message: String? = nil
    var error: String? = nil
    var receipt: ComplaintReceiptDTO? = nil

    func render() -> HTML {
        let red = rows.filter { $0.level == .red }.count, yellow = rows.filter { $0.level == .yellow }.count
        return Layout.console(title: "投诉举报", principal: principal, active: SiteURL.consoleComplaints, content: .div(
            .h1(.text("投诉举报")),
            .p(.text("对接到的投诉举报编号登记；自收到之日起 5 个工作日内告知投诉举报人受理情况；受理的及时办理并反馈调查进展和结果；不予受理的说明理由并在登记中注明。"),
               UI.source(ComplaintRules.registration)),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .unwrap(receipt) { r in
                .div(.class("alert ok"), .attribute(named: "role", value: "status"),
                     .p(.text("已登记：\(r.number)。请将查询码告知投诉举报人（只显示这一次）：")),
                     .p(.strong(.id("tracking-code"), .text(r.trackingCode))))
            },
            .div(.class("stats"), UI.stat("已超期", red, href: "\(SiteURL.consoleComplaints)?level=red"),
                 UI.stat("临近期限", yellow, href: "\(SiteURL.consoleComplaints)?level=yellow"), UI.stat("全部（本页）", rows.count)),
            .form(.method(.get), .action(SiteURL.consoleComplaints), .class("search"),
                  UI.select("状态", name: "status", options: [("", "全部")] + ComplaintStatus.allCases.map { ($0.rawValue, $0.label) },
                            selected: filter.status?.rawValue),
                  UI.select("预警", name: "level", options: [("", "全部"), ("red", "已超期"), ("yellow", "临近期限"), ("none", "正常")],
                            selected: filter.level?.rawValue),
                  .button(.type(.submit), .text("筛选"))),
            UI.table(caption: "投诉举报", headers: ["登记编号", "收到日期", "被投诉", "渠道", "投诉举报人", "状态", "承办人", "期限", "预警"],
                     rows: rows.map { c in
                         [.a(.href(SiteURL.consoleComplaint(c.id)), .text(c.number)), .text(c.receivedOn),
                          .text(c.agencyName + (c.subjectKind == .agency ? "" : "（\(c.subjectKindLabel)：\(c.subjectText ?? "")）")),
                          .text(c.channelLabel), .text(c.complainant), .text(c.statusLabel), .text(c.handlerName ?? "—"),
                          .div(.forEach(c.deadlines) { d in
                              .p(.text("\(d.name)：\(d.due)\(d.metOn.map { "（\($0) 完成）" } ?? "")"), .text(" "), .span(.class("source"), .text("依据：\(d.source)")))
                          }),
                          CaseBits.level(c.level)]
                     }, empty: "暂无投诉举报。"),
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "register-h"),
                .h2(.id("register-h"), .text("登记投诉举报（电话、来信、意见箱）")),
                .form(.method(.post), .action(SiteURL.consoleComplaints), .enctype(.multipartData),
                      UI.csrfField(principal.csrfToken),
                      UI.select("渠道", name: "channel", options: [ComplaintChannel.phone, .letter, .mailbox].map { ($0.rawValue, $0.label) }, selected: nil),
                      UI.field("收到日期", name: "receivedOn", type: .date, hint: "默认今天"),
                      ComplaintForm.fields(agencies: agencies),
                      .button(.type(.submit), .text("登记"))))
        ))
    }
}

/// The fields a complaint has, on the portal and in the console.
enum ComplaintForm {
    static func fields<C: HTML.BodyContext>(agencies: [Agency]) -> Node<C> {
        .group(
            UI.select("被投诉的执法主体", name: "agencyId", options: agencies.map { ($0.id!.uuidString, $0.name) }, selected: nil, required: true),
            UI.select("投诉举报对象", name: "subjectKind", options: ComplaintSubjectKind.allCases.map { ($0.rawValue, $0.label) }, selected: nil),
            UI.field("执法人员姓名或执法证号，或案件文号、案件编号", name: "subjectText", hint: "投诉执法人员或具体案件时填写"),
            CaseBits.textarea("content", "投诉举报内容（不超过 \(ComplaintRules.maxContent) 字）", required: true, rows: 6),
            CaseBits.checkbox("anonymous", value: "true", label: "匿名投诉举报（不填写姓名和电话）", id: "anonymous"),
            UI.field("姓名", name: "name", hint: "实名投诉举报时填写；仅承办人可见，对其他人员和公开信息一律隐去", autocomplete: "name"),
            UI.field("联系电话", name: "phone", hint: "实名投诉举报时填写；仅承办人可见", autocomplete: "tel"),
            .div(.class("field"), .label(.for("files"), .text("附件（PDF 或图片，最多 \(ComplaintRules.maxAttachments) 个，每个不超过 5 MB）")),
                 .input(.type(.file), .name("files[]"), .id("files"), .attribute(named: "multiple", value: "multiple"),
                        .attribute(named: "accept", value: "application/pdf,image/png,image/jpeg")))
        )
    }
}

/// One complaint: facts, complainant (masked unless the caller handles it), deadlines with sources, the
/// steps taken, attachments, 责任倒查 findings, and the forms of the moves allowed now.
struct ComplaintDetailPage {
    let principal: Principal
    let c: ComplaintDTO
    let candidates: [User]
    var message: String? = nil
    var error: String? = nil

    func render() -> HTML {
        let id = c.id
        func form(_ action: ComplaintAction, _ title: String, _ fields: Node<HTML.FormContext>) -> Node<HTML.BodyContext> {
            .if(c.actions.contains(action), .section(.class("card"), .attribute(named: "aria-labelledby", value: "\(action.rawValue)-h"),
                .h2(.id("\(action.rawValue)-h"), .text(title)),
                .form(.method(.post), .action(SiteURL.consoleComplaintAction(id, action.rawValue)),
                      UI.csrfField(principal.csrfToken), fields,
                      .button(.type(.submit), .id("\(action.rawValue)-submit"), .text(action.label)))))
        }
        return Layout.console(title: "投诉举报 \(c.number)", principal: principal, active: SiteURL.consoleComplaints, content: .div(
            .h1(.text("投诉举报 \(c.number)")),
            .p(.a(.href(SiteURL.consoleComplaints), .text("返回投诉举报"))),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .section(.class("card"),
                .dl(.dt(.text("状态")), .dd(.span(.id("complaint-status"), .class("badge"), .text(c.statusLabel)), .text(" "), CaseBits.level(c.level)),
                    .dt(.text("收到日期")), .dd(.text(c.receivedOn)),
                    .dt(.text("渠道")), .dd(.text(c.channelLabel)),
                    .dt(.text("被投诉")), .dd(.text(c.agencyName + (c.subjectKind == .agency ? "" : "（\(c.subjectKindLabel)：\(c.subjectText ?? "")）")),
                                             .unwrap(c.caseId) { .a(.href(SiteURL.consoleCase($0)), .text(" 查看案件")) }),
                    .dt(.text("投诉举报人")), .dd(.span(.id("complainant"), .text(c.complainant)),
                                             .text(c.complainantPhone.map { "，\($0)" } ?? ""),
                                             .if(!c.anonymous && !c.identityVisible, .span(.class("hint"), .text("（保密：仅承办人可见）")))),
                    .dt(.text("承办人")), .dd(.text(c.handlerName ?? "尚未指定")),
                    .dt(.text("登记人")), .dd(.text(c.registeredBy)),
                    .dt(.text("内容")), .dd(.p(.class("pre"), .text(c.content))),
                    .unwrap(c.refusalReason) { .group(.dt(.text("不予受理理由")), .dd(.text("\($0)（\(c.refusedBy ?? "")）"))) },
                    .unwrap(c.findingLabel) { .group(.dt(.text("核查结果")), .dd(.text("\($0)：\(c.findingText ?? "")（\(c.verifiedBy ?? "")）"))) },
                    .unwrap(c.replyText) { .group(.dt(.text("反馈内容")), .dd(.text("\($0)（\(c.repliedOn ?? "")）"))) },
                    .unwrap(c.reviewResultLabel) { .group(.dt(.text("复查")), .dd(.text("\($0)：\(c.reviewNote ?? "")（\(c.reviewedBy ?? "")，\(c.reviewedOn ?? "")）"))) })),
            UI.table(caption: "期限", headers: ["期限", "时限", "届满日", "完成日期", "预警", "依据"], rows: c.deadlines.map { d in
                [.text(d.name), .text(d.period), .text(d.due), .text(d.metOn ?? "—"), CaseBits.level(d.level), UI.source(d.sourceRef)]
            }, empty: "本辖区规则未规定期限。"),
            .h2(.text("附件")),
            UI.table(caption: "附件", headers: ["文件", "类型", "大小"], rows: c.attachments.map { a in
                [.a(.href(SiteURL.consoleComplaintAttachment(id, a.id)), .text(a.fileName)), .text(a.contentType), .text("\(a.size / 1024 + 1) KB")]
            }, empty: "无附件。"),
            .if(!c.findings.isEmpty, .group(.h2(.text("责任倒查")),
                UI.table(caption: "责任倒查", headers: ["人员", "情形", "认定日期", "复查人", "说明"], rows: c.findings.map { f in
                    [.text(f.personName), .text(f.stepLabel), .text(f.foundOn), .text(f.reviewerName), .text(f.note)]
                }), .p(UI.source(ComplaintRules.backtracking)))),
            form(.accept, "受理", .p(.text("受理后由您承办（已指定承办人的除外），并开始计算核查处理并答复的期限。"))),
            form(.refuse, "不予受理", CaseBits.textarea("reason", "不予受理的理由（向投诉举报人说明，并在登记中注明）", required: true)),
            .if(c.status.isOpen && !candidates.isEmpty, .section(.class("card"), .attribute(named: "aria-labelledby", value: "assign-h"),
                .h2(.id("assign-h"), .text("指定承办人")),
                .form(.method(.post), .action(SiteURL.consoleComplaintAction(id, "assign")), UI.csrfField(principal.csrfToken),
                      UI.select("承办人", name: "handlerId", options: candidates.map { ($0.id!.uuidString, "\($0.displayName)（\($0.username)）") },
                                selected: c.handlerId?.uuidString),
                      .button(.type(.submit), .text("指定"))))),
            form(.verify, "核查", .group(
                UI.select("核查结果", name: "finding", options: ComplaintFinding.allCases.map { ($0.rawValue, $0.label) }, selected: nil),
                CaseBits.textarea("findingText", "核查情况", required: true))),
            form(.reply, "反馈", CaseBits.textarea("replyText", "向投诉举报人反馈的调查进展或处理结果", required: true, rows: 4)),
            form(.close, "办结", CaseBits.textarea("note", "办结说明（可选）")),
            form(.review, "复查（责任倒查）", .group(
                UI.select("复查结论", name: "result", options: ComplaintReviewResult.allCases.map { ($0.rawValue, $0.label) }, selected: nil),
                CaseBits.textarea("note", "复查意见", required: true),
                .p(.class("hint"), .text("认定应受理未受理、应追究未追究的，记录不予受理或办结的人员，转责任追究线索，并重新受理。"), UI.source(ComplaintRules.backtracking)))),
            .h2(.text("办理记录")),
            UI.table(caption: "办理记录", headers: ["日期", "步骤", "经办人", "内容"], rows: c.events.map { e in
                [.text(e.onDate), .text(ComplaintQueries.stepLabels[e.kind] ?? e.kind), .text(e.actor), .text(e.summary)]
            })
        ))
    }
}
