import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 执行 of a fine: 罚缴分离 payments into the collecting bank the decision names (行政处罚法 第六十七条),
/// the 加处罚款 accrued after the due date (第七十二条; the days a 复议/诉讼 is pending do not count,
/// 第七十三条), enforcement steps, and the rule that a case is not closed with a fine outstanding
/// unless an enforcement step (e.g. 申请人民法院强制执行) is recorded.
enum CaseCollection {
    static let paymentSource = CaseSources.penaltyLaw("第六十七条")
    static let pauseSource = CaseSources.penaltyLaw("第七十三条")

    /// What a fine stands at on a day. Amounts in 分.
    struct Status: Sendable {
        var originalFineFen: Int
        /// After a 变更 or 撤销 in 复议/诉讼.
        var fineFen: Int
        var paidFineFen: Int
        var paidLateFeeFen: Int
        var refundedFen: Int
        var due: LocalDate?
        var lateDays: Int
        /// Accrued up to the day the fine was paid off, or up to today.
        var lateFeeFen: Int
        var paidOffOn: LocalDate?
        var pauses: [ClosedRange<LocalDate>]
        var fineOutstandingFen: Int { max(0, fineFen - paidFineFen) }
        var lateFeeOutstandingFen: Int { max(0, lateFeeFen - paidLateFeeFen) }
        var outstandingFen: Int { fineOutstandingFen + lateFeeOutstandingFen }
        var paidFen: Int { paidFineFen + paidLateFeeFen }
    }

    /// Everything about a case's fine, read once.
    struct Ledger: Sendable {
        var decision: CaseDecision?
        var payments: [CasePayment]
        var remedies: [CaseRemedy]
        var refunds: [CaseRefund]
        var steps: [CaseEnforcementStep]
        var due: LocalDate?
        /// The day the party knew the decision (送达), for the 复议/诉讼 windows.
        var servedOn: LocalDate?

        var hasFine: Bool { (decision?.sanction?.fineAmount ?? 0) > 0 }

        /// The fine in force: the decision's, or what the latest 变更/撤销 left.
        var fineFen: Int {
            var fine = (decision?.sanction?.fineAmount ?? 0) * 100
            for r in remedies.filter({ $0.result != nil }).sorted(by: { ($0.resultOn ?? "") < ($1.resultOn ?? "") }) {
                switch r.result {
                case .revoked?: fine = 0
                case .changed?: fine = (r.newSanction?.fineAmount ?? fine / 100) * 100
                default: break
                }
            }
            return fine
        }

        func status(today: LocalDate) -> Status {
            let reversed = Set(payments.compactMap(\.correctsID))
            let effective = payments.filter { $0.correctsID == nil && !reversed.contains($0.id!) }.sorted { $0.paidOn < $1.paidOn }
            let fine = fineFen
            var running = 0
            var paidOff: LocalDate?
            for p in effective {
                running += p.fineFen
                if running >= fine, fine > 0 { paidOff = LocalDate(iso: p.paidOn); break }
            }
            let pauses = remedies.compactMap { $0.pause(today: today) }
            let fee = due.map { LateFee.amount(fineYuan: fine / 100, due: $0, asOf: paidOff ?? today, pauses: pauses) } ?? (days: 0, fen: 0)
            return Status(originalFineFen: (decision?.sanction?.fineAmount ?? 0) * 100, fineFen: fine,
                          paidFineFen: payments.reduce(0) { $0 + $1.fineFen }, paidLateFeeFen: payments.reduce(0) { $0 + $1.lateFeeFen },
                          refundedFen: refunds.reduce(0) { $0 + $1.amountFen }, due: due, lateDays: fee.days, lateFeeFen: fee.fen,
                          paidOffOn: paidOff, pauses: pauses)
        }
    }

    static func ledger(caseID: UUID, on db: any Database) async throws -> Ledger {
        async let decisionQ = CaseDecision.query(on: db).filter(\.$enforcementCase.$id == caseID).first()
        async let paymentsQ = CasePayment.query(on: db).filter(\.$enforcementCase.$id == caseID).sort(\.$createdAt).all()
        async let remediesQ = CaseRemedy.query(on: db).filter(\.$enforcementCase.$id == caseID).sort(\.$appliedOn).sort(\.$createdAt).all()
        async let refundsQ = CaseRefund.query(on: db).filter(\.$enforcementCase.$id == caseID).sort(\.$createdAt).all()
        async let stepsQ = CaseEnforcementStep.query(on: db).filter(\.$enforcementCase.$id == caseID).sort(\.$createdAt).all()
        async let dueQ = CaseDeadline.query(on: db).filter(\.$enforcementCase.$id == caseID).filter(\.$code == "fine_payment").first()
        async let servedQ = CaseEvent.query(on: db).filter(\.$enforcementCase.$id == caseID).filter(\.$stage == .service).first()
        let (decision, payments, remedies, refunds, steps, due, served) = try await (decisionQ, paymentsQ, remediesQ, refundsQ, stepsQ, dueQ, servedQ)
        return Ledger(decision: decision, payments: payments, remedies: remedies, refunds: refunds, steps: steps,
                      due: due.flatMap { LocalDate(iso: $0.due) },
                      servedOn: served.flatMap { LocalDate(iso: $0.onDate) } ?? due?.clock.start)
    }

    /// Serialises writes to one case's money (payments, results, refunds): a no-op UPDATE of the case row.
    static func lock(_ caseID: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(EnforcementCase.schema).set("stage", to: SQLIdentifier("stage")).where("id", .equal, caseID).run()
    }

    // MARK: payments

    struct PaymentInput: Sendable {
        var amount: String
        var paidOn: String
        var receiptNumber: String
        var channel: PaymentChannel
    }

    /// `1234.56` (元, at most two decimals) → 分.
    static func fen(_ raw: String, field: String) throws -> Int {
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let yuan = Int(parts[0]), parts[0].count <= 10, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 1 || ((1...2).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isNumber }) else {
            throw AppError.validation(field, "金额须为元，最多两位小数（如 1500.00）", code: "amount")
        }
        let cents = parts.count == 2 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
        let total = yuan * 100 + cents
        guard total > 0 else { throw AppError.validation(field, "金额须大于零", code: "amount") }
        return total
    }

    @discardableResult
    static func recordPayment(_ c: EnforcementCase, _ input: PaymentInput, req: Request) async throws -> CasePayment {
        let p = try req.principal()
        let today = req.today
        let caseID = try c.requireID()
        let amount = try fen(input.amount, field: "amount")
        let receipt = try TextInput.name(input.receiptNumber, field: "receiptNumber", max: 50)
        guard let paidOn = LocalDate(iso: input.paidOn) else { throw AppError.validation("paidOn", "须为有效日期（YYYY-MM-DD）", code: "date") }
        guard paidOn <= today else { throw AppError.validation("paidOn", "不能晚于今天", code: "future") }
        let payment = CasePayment()
        try await req.db.transaction { tx in
            try await lock(caseID, on: tx)
            let ledger = try await Self.ledger(caseID: caseID, on: tx)
            guard let decision = ledger.decision else {
                throw AppError.conflict("NO_DECISION", "尚未作出处罚决定，不能登记缴款")
            }
            guard ledger.hasFine else { throw AppError.conflict("NO_FINE", "本案决定没有罚款，不能登记缴款") }
            guard let decided = LocalDate(iso: decision.decidedOn), paidOn >= decided else {
                throw AppError.badRequest("PAYMENT_BEFORE_DECISION", "缴款日期早于处罚决定日期 \(decision.decidedOn)，不能登记", field: "paidOn")
            }
            if try await CasePayment.query(on: tx).filter(\.$agencyID == c.$agency.id).filter(\.$receiptNumber == receipt).count() > 0 {
                throw AppError.conflict("RECEIPT_DUPLICATE", "本主体已登记过缴款凭证号 \(receipt)")
            }
            let before = ledger.status(today: paidOn)
            let finePart = min(amount, before.fineOutstandingFen)
            let rest = amount - finePart
            var feeOutstanding = before.lateFeeOutstandingFen
            if rest > 0, finePart > 0 || before.fineOutstandingFen == 0 {
                // The fine is paid off by this payment (or was before): the fee stops on that day.
                let payoff = before.paidOffOn ?? paidOn
                let fee = ledger.due.map { LateFee.amount(fineYuan: ledger.fineFen / 100, due: $0, asOf: payoff, pauses: before.pauses).fen } ?? 0
                feeOutstanding = max(0, fee - before.paidLateFeeFen)
            }
            guard rest <= feeOutstanding else {
                throw AppError.badRequest("PAYMENT_EXCEEDS_OUTSTANDING",
                    "缴款 \(LateFee.yuan(amount)) 超过应缴金额 \(LateFee.yuan(before.fineOutstandingFen + feeOutstanding))（罚款 \(LateFee.yuan(before.fineOutstandingFen))，加处罚款 \(LateFee.yuan(feeOutstanding))），不能登记",
                    field: "amount")
            }
            payment.$enforcementCase.id = caseID
            payment.decisionID = try decision.requireID()
            payment.agencyID = c.$agency.id
            payment.fineFen = finePart
            payment.lateFeeFen = rest
            payment.paidOn = paidOn.iso
            payment.receiptNumber = receipt
            payment.channel = input.channel.rawValue
            payment.recordedByID = p.userID
            payment.recordedByName = p.displayName
            try await payment.create(on: tx)
            var after = ledger
            after.payments.append(payment)
            let status = after.status(today: today)
            if status.outstandingFen == 0 {
                try await CaseDeadlines.meet(["fine_payment"], caseID: caseID, on: status.paidOffOn ?? paidOn, db: tx)
            }
            let summary = "登记缴款 \(LateFee.yuan(amount))（罚款 \(LateFee.yuan(finePart))" + (rest > 0 ? "，加处罚款 \(LateFee.yuan(rest))" : "")
                + "），\(input.channel.label)，凭证号 \(receipt)，缴款日期 \(paidOn.iso)，代收银行 \(decision.collectingBank ?? "—")"
                + (status.outstandingFen == 0 ? "；已缴清" : "；尚欠 \(LateFee.yuan(status.outstandingFen))")
            try await CaseJournal.write(c, kind: "payment", stage: nil, on: today, summary: summary, actor: p.displayName, req: req, db: tx)
            try await req.audit(.casePayment, .success, target: c.number, detail: summary, on: tx)
        }
        return payment
    }

    /// A reversing entry for a wrongly recorded payment: the negative of it, pointing at it.
    @discardableResult
    static func reversePayment(_ c: EnforcementCase, paymentID: UUID, reason rawReason: String, req: Request) async throws -> CasePayment {
        let p = try req.principal()
        let today = req.today
        let caseID = try c.requireID()
        let reason = try CaseText.paragraph(rawReason, field: "reason", max: 500)
        let reversal = CasePayment()
        try await req.db.transaction { tx in
            try await lock(caseID, on: tx)
            guard let original = try await CasePayment.find(paymentID, on: tx), original.$enforcementCase.id == caseID else { throw AppError.notFound }
            guard original.correctsID == nil else { throw AppError.conflict("CANNOT_REVERSE_REVERSAL", "冲正记录不能再冲正；如有错误请重新登记缴款") }
            if try await CasePayment.query(on: tx).filter(\.$correctsID == paymentID).count() > 0 {
                throw AppError.conflict("PAYMENT_ALREADY_REVERSED", "该笔缴款已冲正")
            }
            let ledger = try await Self.ledger(caseID: caseID, on: tx)
            let status = ledger.status(today: today)
            guard status.paidFen - original.amountFen >= status.refundedFen else {
                throw AppError.conflict("REVERSAL_BELOW_REFUNDED", "冲正后实缴金额将少于已退还金额 \(LateFee.yuan(status.refundedFen))，不能冲正")
            }
            reversal.$enforcementCase.id = caseID
            reversal.decisionID = original.decisionID
            reversal.agencyID = original.agencyID
            reversal.fineFen = -original.fineFen
            reversal.lateFeeFen = -original.lateFeeFen
            reversal.paidOn = today.iso
            reversal.receiptNumber = nil
            reversal.channel = original.channel
            reversal.correctsID = paymentID
            reversal.reason = reason
            reversal.recordedByID = p.userID
            reversal.recordedByName = p.displayName
            try await reversal.create(on: tx)
            let summary = "冲正缴款 \(LateFee.yuan(original.amountFen))（凭证号 \(original.receiptNumber ?? "—")，\(original.paidOn)）：\(reason)"
            try await CaseJournal.write(c, kind: "payment_reversal", stage: nil, on: today, summary: summary, actor: p.displayName, req: req, db: tx)
            try await req.audit(.casePaymentReverse, .success, target: c.number, detail: summary, on: tx)
        }
        return reversal
    }

    // MARK: enforcement steps and closing

    @discardableResult
    static func recordStep(_ c: EnforcementCase, kind: EnforcementStepKind, takenOn raw: String, note rawNote: String,
                           req: Request) async throws -> CaseEnforcementStep {
        let p = try req.principal()
        let today = req.today
        let caseID = try c.requireID()
        let note = try CaseText.paragraph(rawNote, field: "note", max: 1000)
        guard let takenOn = LocalDate(iso: raw) else { throw AppError.validation("takenOn", "须为有效日期（YYYY-MM-DD）", code: "date") }
        guard takenOn <= today else { throw AppError.validation("takenOn", "不能晚于今天", code: "future") }
        let ledger = try await Self.ledger(caseID: caseID, on: req.db)
        guard let decision = ledger.decision, ledger.hasFine else { throw AppError.conflict("NO_FINE", "本案没有罚款决定，无须登记执行措施") }
        guard takenOn >= LocalDate(iso: decision.decidedOn)! else {
            throw AppError.validation("takenOn", "不能早于决定日期 \(decision.decidedOn)", code: "too_early")
        }
        guard ledger.status(today: today).outstandingFen > 0 else { throw AppError.conflict("NOTHING_OUTSTANDING", "罚款及加处罚款已缴清，无须登记执行措施") }
        let step = CaseEnforcementStep()
        try await req.db.transaction { tx in
            step.$enforcementCase.id = caseID
            step.kind = kind.rawValue
            step.takenOn = takenOn.iso
            step.note = note
            step.recordedByName = p.displayName
            try await step.create(on: tx)
            let summary = "执行措施：\(kind.label)（\(takenOn.iso)）：\(note)"
            try await CaseJournal.write(c, kind: "enforcement", stage: nil, on: today, summary: summary, actor: p.displayName, req: req, db: tx)
            try await req.audit(.caseEnforcementStep, .success, target: c.number, detail: summary, on: tx)
        }
        return step
    }

    /// 结案: a fine and its 加处罚款 are paid in full, or an enforcement step is on record (the case
    /// leaves the body's hands: the court enforces, or enforcement ended). Otherwise refused.
    static func checkClosable(_ c: EnforcementCase, today: LocalDate, on db: any Database) async throws {
        guard c.procedure.isPenalty else { return }
        let ledger = try await Self.ledger(caseID: try c.requireID(), on: db)
        guard ledger.hasFine, ledger.steps.isEmpty else { return }
        let status = ledger.status(today: today)
        guard status.outstandingFen > 0 else { return }
        throw AppError.conflict("FINE_OUTSTANDING",
            "罚款尚未缴清（尚欠 \(LateFee.yuan(status.outstandingFen))，其中加处罚款 \(LateFee.yuan(status.lateFeeOutstandingFen))），不能结案；当事人逾期不缴的，登记申请人民法院强制执行等执行措施后方可结案（行政处罚法 第七十二条）")
    }
}

/// Keeps `case_decisions.fine_fen` (the column the quarterly report sums) and `confiscation_fen` (018,
/// the annual statistics) equal to the sanction's fine and confiscated value.
struct DecisionFineMiddleware: AsyncModelMiddleware {
    func create(model: CaseDecision, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        model.fineFen = (model.sanction?.fineAmount ?? 0) * 100
        model.confiscationFen = (model.sanction?.confiscationAmount ?? 0) * 100
        try await next.create(model, on: db)
    }

    func update(model: CaseDecision, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        model.fineFen = (model.sanction?.fineAmount ?? 0) * 100
        model.confiscationFen = (model.sanction?.confiscationAmount ?? 0) * 100
        try await next.update(model, on: db)
    }
}
