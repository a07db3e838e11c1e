import Foundation
import Plot
import QuanzeCore

/// 执行 on the case page: the fine, paid so far, outstanding, the due date and the 加处罚款 as of
/// today with their sources; payments (append-only, 冲正 by a reversing entry), enforcement steps,
/// 复议/诉讼 with their results, and refunds — with the forms the caller may use.
struct CasePaymentSection {
    let principal: Principal
    let summary: CaseSummaryDTO
    let collection: CollectionDTO

    private var own: Bool { principal.agencyID == summary.agencyId }
    private var staff: Bool { own && principal.hasAny([.officer, .legalOfficer]) }
    private var legal: Bool { own && principal.has(.legalOfficer) }
    private var action: String { SiteURL.consoleCase(summary.id) }
    private func y(_ fen: Int) -> String { CollectionDTO.yuan(fen) + "元" }

    func render() -> Node<HTML.BodyContext> {
        let c = collection
        return .section(.class("collection"), .id("collection"),
            .h2(.text("执行（罚缴分离）")),
            .if(c.hasFine, .dl(.class("facts"),
                .dt(.text("罚款")), .dd(.text(y(c.fineFen) + (c.fineFen != c.originalFineFen ? "（原决定 \(y(c.originalFineFen))，经复议或诉讼变更）" : ""))),
                .dt(.text("代收银行")), .dd(.text(c.collectingBank ?? "—"), .text(" "), .span(.class("source"), .text("依据：\(c.sources["payment"] ?? "")"))),
                .dt(.text("缴款期限")), .dd(.text(c.due.map { "\($0) 届满" } ?? "送达后起算（十五日）")),
                .dt(.text("已缴")), .dd(.text("罚款 \(y(c.paidFineFen))，加处罚款 \(y(c.paidLateFeeFen))" + (c.refundedFen > 0 ? "；已退还 \(y(c.refundedFen))" : ""))),
                .dt(.text("加处罚款")), .dd(.text("\(y(c.lateFeeFen))（截至 \(c.lateFeeAsOf)，逾期 \(c.lateDays) 日，每日按罚款数额的3%，不超过罚款数额"
                                                + (c.pausedDays > 0 ? "；复议、诉讼期间 \(c.pausedDays) 日不计" : "") + "）"),
                                          .text(" "), .span(.class("source"), .text("依据：\(c.sources["lateFee"] ?? "")、\(c.sources["pause"] ?? "")"))),
                .dt(.text("尚欠")), .dd(.strong(.text(c.outstandingFen == 0 ? "已缴清" + (c.paidOffOn.map { "（\($0)）" } ?? "") : y(c.outstandingFen)))))),
            .if(!c.hasFine, .p(.text("本案决定没有罚款。"))),
            .if(c.hasFine, .group(
                .h3(.text("缴款记录")),
                UI.table(caption: "缴款记录", headers: ["缴款日期", "金额", "其中加处罚款", "方式", "凭证号", "说明", "登记人"],
                         rows: c.payments.map { p in
                             [.text(p.paidOn), .text(p.amount + "元"), .text(CollectionDTO.yuan(p.lateFeeFen) + "元"), .text(p.channelLabel),
                              .text(p.receiptNumber ?? "—"),
                              .text(p.correctsId != nil ? "冲正：\(p.reason ?? "")" : (p.reversed ? "已冲正" : "")), .text(p.recordedBy)]
                         }, empty: "尚无缴款。"),
                .if(!c.steps.isEmpty, UI.table(caption: "执行措施", headers: ["日期", "措施", "说明", "登记人"],
                                               rows: c.steps.map { [.text($0.takenOn), .text($0.kindLabel), .text($0.note), .text($0.recordedBy)] })),
                .if(staff, forms()))),
            .h3(.text("行政复议、行政诉讼")),
            UI.table(caption: "行政复议、行政诉讼", headers: ["类别", "机关", "申请日期", "收到日期", "申请期限", "结果", "文书编号"],
                     rows: c.remedies.map { r in
                         [.text(r.kindLabel), .text(r.organ), .text(r.appliedOn), .text(r.receivedOn),
                          .text(r.windowDue + (r.late ? "（逾期申请）" : "")),
                          .text(r.resultLabel.map { "\($0)（\(r.resultOn ?? "")）" + (r.newSanction.map { "：\($0.text)" } ?? "") } ?? "审理中"),
                          .text(r.resultNumber ?? "—")]
                     }, empty: "没有复议或诉讼。"),
            .p(.class("source"), .text("申请期限：\(c.sources["reconsideration"] ?? "")（知道之日起六十日）；\(c.sources["litigation"] ?? "")（六个月）、行政诉讼法 第四十五条（复议决定后十五日）。逾期申请照常登记并标明，是否受理由复议机关或人民法院决定。")),
            .if(!c.refunds.isEmpty, UI.table(caption: "退还罚款", headers: ["申请人", "金额", "申请日期", "批准人", "退款日期"],
                                             rows: c.refunds.map { [.text($0.applicant), .text($0.amount + "元"), .text($0.appliedOn), .text($0.approvedBy), .text($0.paidOn)] })),
            .if(legal, remedyForms()))
    }

    private func forms() -> Node<HTML.BodyContext> {
        let reversible = collection.payments.filter { $0.correctsId == nil && !$0.reversed }
        return .group(
            .if(collection.outstandingFen > 0, .form(.method(.post), .action(action + "/payments"), UI.csrfField(principal.csrfToken),
                .h3(.text("登记缴款（代收银行回单）")),
                UI.field("金额（元，最多两位小数）", name: "amount", required: true, hint: "应缴 \(y(collection.outstandingFen))（先抵罚款，再抵加处罚款）"),
                UI.field("缴款日期", name: "paidOn", type: .date, required: true),
                UI.field("缴款凭证号", name: "receiptNumber", required: true),
                UI.select("缴款方式", name: "channel", options: PaymentChannel.allCases.map { ($0.rawValue, $0.label) }, selected: "bank"),
                .button(.type(.submit), .text("登记缴款")))),
            .if(!reversible.isEmpty, .form(.method(.post), .action(action + "/payments/reversal"), UI.csrfField(principal.csrfToken),
                .h3(.text("冲正（登记有误的缴款，不删除原记录）")),
                UI.select("缴款", name: "paymentId", options: reversible.map { ($0.id.uuidString, "\($0.paidOn) \($0.amount)元 \($0.receiptNumber ?? "")") }, selected: nil),
                CaseBits.textarea("reversalReason", "冲正原因", required: true),
                .button(.type(.submit), .text("冲正")))),
            .if(collection.outstandingFen > 0, .form(.method(.post), .action(action + "/enforcement-steps"), UI.csrfField(principal.csrfToken),
                .h3(.text("登记执行措施（逾期不缴的，登记后方可结案）")),
                UI.select("措施", name: "stepKind", options: EnforcementStepKind.allCases.map { ($0.rawValue, $0.label) }, selected: "court_enforcement"),
                UI.field("日期", name: "takenOn", type: .date, required: true),
                CaseBits.textarea("stepNote", "说明（如 法院受理案号）", required: true),
                .button(.type(.submit), .text("登记执行措施")))))
    }

    private func remedyForms() -> Node<HTML.BodyContext> {
        let pending = collection.remedies.filter { $0.result == nil }
        let refundable = collection.remedies.filter { $0.result == .revoked || $0.removedFen > 0 }
        return .group(
            .if(pending.isEmpty, .form(.method(.post), .action(action + "/remedies"), UI.csrfField(principal.csrfToken),
                .h3(.text("登记复议申请或起诉")),
                UI.select("类别", name: "remedyKind", options: RemedyKind.allCases.map { ($0.rawValue, $0.label) }, selected: "reconsideration"),
                UI.field("复议机关或人民法院", name: "organ", required: true),
                UI.field("申请（起诉）日期", name: "appliedOn", type: .date, required: true),
                UI.field("收到日期", name: "receivedOn", type: .date, required: true),
                .button(.type(.submit), .text("登记")))),
            .forEach(pending) { r in
                .form(.method(.post), .action(action + "/remedies/\(r.id.uuidString)/result"), UI.csrfField(principal.csrfToken),
                      .h3(.text("登记\(r.kindLabel)结果（\(r.organ)）")),
                      UI.select("结果", name: "result", options: RemedyResult.allCases.map { ($0.rawValue, $0.label) }, selected: "upheld"),
                      UI.field("决定（裁判）日期", name: "decidedOn", type: .date, required: true),
                      UI.field("文书编号", name: "documentNumber", required: true),
                      UI.field("变更后的罚款（元，仅“变更”填写）", name: "newFineAmount", type: .number),
                      .button(.type(.submit), .text("登记结果")))
            },
            .if(!refundable.isEmpty && collection.paidFineFen + collection.paidLateFeeFen > collection.refundedFen,
                .form(.method(.post), .action(action + "/refunds"), UI.csrfField(principal.csrfToken),
                      .h3(.text("退还罚款（依申请，法制员批准）")),
                      UI.select("依据", name: "remedyId", options: refundable.map { ($0.id.uuidString, "\($0.kindLabel) \($0.resultLabel ?? "") \($0.resultNumber ?? "")") }, selected: nil),
                      UI.field("申请人", name: "applicant", required: true),
                      UI.field("退还金额（元）", name: "refundAmount", required: true),
                      UI.field("退款申请日期", name: "refundAppliedOn", type: .date, required: true),
                      UI.field("退款日期", name: "refundPaidOn", type: .date, required: true),
                      .button(.type(.submit), .text("登记退款")))))
    }
}
