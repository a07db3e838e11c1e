import Foundation
import Plot
import QuanzeCore

/// One officer: masked personal data, derived qualification with its unmet conditions, training,
/// exams, fault records, and the certificate with its actions and timeline (电子档案).
struct OfficerDetailPage {
    let principal: Principal
    let summary: OfficerSummary
    let trainings: [TrainingRecord]
    let exams: [ExamRecord]
    let faults: [FaultRecord]
    let certificates: [Certificate]
    let events: [UUID: [CertificateEvent]]
    let today: LocalDate
    /// 责任追究: consequences in force and matters not yet closed that concern the officer (issue 6 item 6).
    var liability: [LiabilityConsequence] = []
    var openMatters: [LiabilityMatter] = []
    var message: String? = nil
    var error: String? = nil

    private var officer: Officer { summary.officer }
    private var path: String { SiteURL.consoleOfficer(officer.id!) }
    private var canManage: Bool { OfficerAccess.canManage(summary.agency, principal) }
    private var csrf: String? { principal.csrfToken }

    func render() -> HTML {
        let f = summary.facts
        let rules = summary.rules
        return Layout.console(title: officer.name, principal: principal, active: SiteURL.consoleOfficers, content: .div(
            .h1(.text("执法人员：\(officer.name)")),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .section(.class("card"),
                     .dl(.dt(.text("执法主体")), .dd(.a(.href(SiteURL.consoleAgency(summary.agency.id!)), .text(summary.agency.name))),
                         .dt(.text("公民身份号码")), .dd(.text(PersonalDataMasker.maskIDNumber(officer.idNumber))),
                         .dt(.text("联系电话")), .dd(.text(officer.phone.map(PersonalDataMasker.maskPhone) ?? "—")),
                         .dt(.text("用工性质")), .dd(.text(officer.employment.label)),
                         .dt(.text("状态")), .dd(.text(officer.status.label)),
                         .dt(.text("入职日期")), .dd(.text(officer.hiredOn)),
                         .dt(.text("法律职业资格")), .dd(.text(officer.legalProfessionQualified ? "有" : "无")))),
            .h2(.text("执法资格")),
            summary.qualification.qualified
                ? .p(.span(.class("badge ok"), .text("具备执法资格")), .text("（在编、本年度考核合格、培训学时达标）"))
                : .div(.p(.span(.class("badge warn"), .text("不具备执法资格"))), .ul(.forEach(summary.qualification.unmet) { .li(.text($0)) })),
            .p(.text("培训：累计 \(f.totalTrainingHours) 学时，\(today.year) 年 \(f.trainingHoursThisYear) 学时。"),
               .unwrap(rules.newStaffTrainingHours) { r in .group(.text(" 新录用人员不少于\(r.display)；"), UI.source(r.source)) },
               .unwrap(rules.yearlyTrainingHours) { r in .group(.text(" 在岗人员每年不少于\(r.display)；"), UI.source(r.source)) },
               .if(rules.newStaffTrainingHours == nil && rules.yearlyTrainingHours == nil, .text(" 本辖区规则配置未规定培训学时标准。"))),
            liabilitySection,
            certificateSection,
            recordsSection
        ))
    }

    private var liabilitySection: Node<HTML.BodyContext> {
        guard !liability.isEmpty || !openMatters.isEmpty else { return .empty }
        return .group(
            .h2(.text("责任追究处理")),
            .forEach(openMatters) { m in
                UI.alert("\(LiabilityConsequenceQueries.describe(m))尚未办结：执法过错未经处理，不予年审（通州区行政执法人员管理办法 第十三条）。", kind: "warn")
            },
            .if(!liability.isEmpty, UI.table(caption: "正在执行的责任追究处理", headers: ["处理", "处理决定书", "自", "执行情况"], rows: liability.map { c in
                [.text(c.sanctionName), .text("\(c.documentNumber)（\(c.decidedOn)）"), .text(c.appliedOn ?? "—"), .text(c.note ?? c.reason)]
            }))
        )
    }

    private var certificateSection: Node<HTML.BodyContext> {
        .group(
            .h2(.text("行政执法证件")),
            .if(certificates.isEmpty, .p(.class("empty"), .text("尚未核发证件。"))),
            .forEach(certificates) { c in
                .section(.class("card"), .attribute(named: "aria-label", value: "证件 \(c.number)"),
                         .h3(.text("证件 \(c.number)")),
                         .dl(.dt(.text("状态")), .dd(.span(.class(c.status == .valid ? "badge ok" : "badge warn"), .text(c.status.label)),
                                                   .text(" 公示状态：\(CertificateView.publicStatus(c, today: today).rawValue)")),
                             .dt(.text("核发日期")), .dd(.text(c.issuedOn)),
                             .dt(.text("有效期至")), .dd(.text(c.validUntil)),
                             .dt(.text("最近年审")), .dd(.text(c.lastInspectionYear.map { "\($0)年" } ?? "—")),
                             .unwrap(c.decisionDue) { due in .group(.dt(.text("处理决定期限")), .dd(.text(due),
                                 .unwrap(summary.rules.suspensionDecision) { r in .group(.text(" "), UI.source(r.source)) },
                                 .if(SuspensionCheck.isOverdue(due: LocalDate(iso: due), today: today), .span(.class("badge warn"), .text("已逾期未作处理决定"))))) }),
                         .if(c.revocationProposed, UI.alert("暂扣次数已达核销标准，系统已自动提出核销建议。", kind: "warn")),
                         actions(c),
                         UI.table(caption: "证件电子档案", headers: ["序号", "日期", "事项", "说明", "文书编号", "经办"], rows: (events[c.id!] ?? []).map { e in
                             [.text("\(e.sequence)"), .text(e.occurredOn), .text(e.kind.label), .text(e.detail), .text(e.documentRef ?? "—"), .text(e.actorName ?? "—")]
                         }))
            },
            .if(principal.has(.supervisor) && OfficerAccess.canManage(summary.agency, principal) && !certificates.contains { !$0.status.isFinal },
                .form(.method(.post), .action(path + "/certificates"), .class("card"),
                      .h3(.text("核发执法证件")),
                      .p(.class("hint"), .text("只向具备执法资格的人员核发；证件编号全平台唯一。")),
                      UI.csrfField(csrf),
                      UI.field("证件编号", name: "number", required: true, hint: "6 至 30 位字母、数字或“-”"),
                      UI.field("有效期至", name: "validUntil", type: .date, value: today.adding(months: 60).iso, required: true),
                      .button(.type(.submit), .text("核发证件"))))
        )
    }

    private func actions(_ c: Certificate) -> Node<HTML.BodyContext> {
        let kinds: [CertificateEventKind] = [.inspect, .suspend, .restore, .revoke, .cancel].filter {
            CertificateAccess.may($0, principal, summary.agency) && (try? CertificateLifecycle.next(from: c.status, on: $0)) != nil
        }
        guard !kinds.isEmpty else { return .empty }
        return .form(.method(.post), .action(SiteURL.consoleCertificateAction(c.id!)),
                     UI.csrfField(csrf),
                     UI.select("证件操作", name: "kind", options: kinds.map { ($0.rawValue, $0.label) }, selected: nil, required: true),
                     UI.field("理由", name: "reason", hint: "暂扣、恢复、核销、注销须填写理由；注销如：调离、退休"),
                     UI.field("文书编号", name: "documentRef", hint: "暂扣须填写暂扣通知书编号"),
                     .button(.type(.submit), .text("办理")))
    }

    private var recordsSection: Node<HTML.BodyContext> {
        .group(
            .h2(.text("培训记录")),
            UI.table(caption: "培训记录", headers: ["日期", "培训内容", "学时"], rows: trainings.map { [.text($0.heldOn), .text($0.title), .text("\($0.hours)")] },
                     empty: "暂无培训记录。"),
            .if(canManage, .form(.method(.post), .action(path + "/trainings"), .class("inline"),
                                 UI.csrfField(csrf),
                                 UI.field("培训日期", name: "heldOn", type: .date, required: true),
                                 UI.field("培训内容", name: "title", required: true),
                                 UI.field("学时", name: "hours", type: .number, required: true),
                                 .button(.type(.submit), .text("添加培训记录")))),
            .h2(.text("考核记录")),
            UI.table(caption: "考核记录", headers: ["日期", "科目", "成绩", "结果"], rows: exams.map {
                [.text($0.takenOn), .text($0.subject), .text("\($0.score)"), .text($0.passed ? "合格" : "不合格")]
            }, empty: "暂无考核记录。"),
            .if(canManage, .form(.method(.post), .action(path + "/exams"), .class("inline"),
                                 UI.csrfField(csrf),
                                 UI.field("考核日期", name: "takenOn", type: .date, required: true),
                                 UI.field("科目", name: "subject", value: "公共法律知识", required: true),
                                 UI.field("成绩", name: "score", type: .number, required: true, hint: "百分制，60 分及以上为合格"),
                                 .button(.type(.submit), .text("添加考核记录")))),
            .h2(.text("执法过错记录")),
            UI.table(caption: "执法过错记录", headers: ["日期", "情况", "处理"], rows: faults.map { fault in
                [.text(fault.occurredOn), .text(fault.description),
                 .unwrap(fault.processedOn, { .text("\($0) 已处理：\(fault.outcome ?? "")") }, else: canManage
                    ? .form(.method(.post), .action(path + "/faults/\(fault.id!)/process"), .class("inline"),
                            UI.csrfField(csrf), UI.field("处理结果", name: "outcome", required: true), .button(.type(.submit), .text("登记处理")))
                    : .span(.class("badge warn"), .text("未处理")))]
            }, empty: "暂无执法过错记录。"),
            .if(canManage, .form(.method(.post), .action(path + "/faults"), .class("inline"),
                                 UI.csrfField(csrf),
                                 UI.field("发生日期", name: "occurredOn", type: .date, required: true),
                                 UI.field("过错情况", name: "description", required: true),
                                 .button(.type(.submit), .text("登记过错"))))
        )
    }
}

/// 证件预警.
struct CertificateWarningsPage {
    let principal: Principal
    let warnings: CertificateWarnings

    func render() -> HTML {
        func table(_ title: String, _ rows: [CertificateWarnings.Row], empty: String) -> Node<HTML.BodyContext> {
            .group(.h2(.text("\(title)（\(rows.count)）")),
                   UI.table(caption: title, headers: ["执法人员", "执法主体", "证件编号", "情况"], rows: rows.map { r in
                       [.a(.href(SiteURL.consoleOfficer(r.summary.officer.id!)), .text(r.summary.officer.name)), .text(r.summary.agency.name),
                        .text(r.certificate.number), .text(r.detail)]
                   }, empty: empty))
        }
        return Layout.console(title: "证件预警", principal: principal, active: SiteURL.consoleCertificateWarnings, content: .div(
            .h1(.text("证件预警")),
            table("暂扣逾期未作处理决定", warnings.overdueSuspensions, empty: "没有逾期未处理的暂扣证件（或本辖区规则配置未规定处理期限）。"),
            table("核销建议", warnings.revocationProposals, empty: "没有待核销的证件。"),
            table("本年度未年审", warnings.notInspected, empty: "有效证件均已完成本年度年审。"),
            table("责任追究案件尚未办结（不予年审）", warnings.faultUnprocessed, empty: "没有涉及未办结责任追究案件的持证人员。"),
            table("年度培训学时不足", warnings.trainingShort, empty: "持证人员本年度培训学时均已达标（或本辖区规则配置未规定）。")
        ))
    }
}
