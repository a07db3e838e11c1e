import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 行政复议 and 行政诉讼 against a decision: the application, checked against its statutory window
/// (行政复议法 第二十条: 60 日 from knowing the act; 行政诉讼法 第四十五、四十六条: 6 个月, or 15 日
/// from a 复议 decision), and the result. A late application is recorded and marked, not refused:
/// whether it is admissible (正当理由 may extend the window) is for the 复议机关 or the court, and the
/// body must still answer it. A result other than 维持/驳回 opens a liability intake item and counts
/// in assessment (`RemedyStatistics`); a fine it takes away may be refunded by application.
enum CaseRemedyService {
    static let reconsiderationWindow = SourceRef(document: "行政复议法", article: "第二十条")
    static let litigationWindow = SourceRef(document: "行政诉讼法", article: "第四十六条")
    static let litigationAfterReconsideration = SourceRef(document: "行政诉讼法", article: "第四十五条")

    struct ApplyInput: Sendable {
        var kind: RemedyKind
        var organ: String
        var appliedOn: String
        var receivedOn: String
    }

    struct ResultInput: Sendable {
        var result: RemedyResult
        var decidedOn: String
        var documentNumber: String
        var newSanction: PenaltySanction?
    }

    /// The last day to apply and the rule: counted from the day the party knew the decision (送达).
    static func window(_ kind: RemedyKind, ledger: CaseCollection.Ledger) -> (due: LocalDate, source: SourceRef)? {
        guard let known = ledger.servedOn ?? ledger.decision.flatMap({ LocalDate(iso: $0.decidedOn) }) else { return nil }
        switch kind {
        case .reconsideration: return (known.adding(days: 60), reconsiderationWindow)
        case .litigation:
            if let after = ledger.remedies.last(where: { $0.kind == .reconsideration && $0.resultOn != nil }),
               let on = after.resultOn.flatMap(LocalDate.init(iso:)) {
                return (on.adding(days: 15), litigationAfterReconsideration)
            }
            return (known.adding(months: 6), litigationWindow)
        }
    }

    @discardableResult
    static func apply(_ c: EnforcementCase, _ input: ApplyInput, req: Request) async throws -> CaseRemedy {
        let p = try req.principal()
        let today = req.today
        let caseID = try c.requireID()
        let organ = try TextInput.name(input.organ, field: "organ", max: 100)
        guard let applied = LocalDate(iso: input.appliedOn) else { throw AppError.validation("appliedOn", "须为有效日期（YYYY-MM-DD）", code: "date") }
        guard let received = LocalDate(iso: input.receivedOn) else { throw AppError.validation("receivedOn", "须为有效日期（YYYY-MM-DD）", code: "date") }
        guard applied <= today else { throw AppError.validation("appliedOn", "不能晚于今天", code: "future") }
        guard received <= today else { throw AppError.validation("receivedOn", "不能晚于今天", code: "future") }
        guard received >= applied else { throw AppError.validation("receivedOn", "收到日期不能早于申请（起诉）日期", code: "too_early") }
        let remedy = CaseRemedy()
        try await req.db.transaction { tx in
            try await CaseCollection.lock(caseID, on: tx)
            let ledger = try await CaseCollection.ledger(caseID: caseID, on: tx)
            guard let decision = ledger.decision else { throw AppError.conflict("NO_DECISION", "尚未作出决定，不能登记复议或诉讼") }
            guard applied >= LocalDate(iso: decision.decidedOn)! else {
                throw AppError.validation("appliedOn", "不能早于决定日期 \(decision.decidedOn)", code: "too_early")
            }
            if ledger.remedies.contains(where: { $0.result == nil }) {
                throw AppError.conflict("REMEDY_PENDING", "本案已有尚未审结的复议或诉讼，审结后再登记")
            }
            let window = Self.window(input.kind, ledger: ledger)!
            remedy.$enforcementCase.id = caseID
            remedy.decisionID = try decision.requireID()
            remedy.agencyID = c.$agency.id
            remedy.kind = input.kind
            remedy.organ = organ
            remedy.appliedOn = applied.iso
            remedy.receivedOn = received.iso
            remedy.windowDue = window.due.iso
            remedy.late = applied > window.due
            remedy.removedFen = 0
            remedy.recordedByName = p.displayName
            try await remedy.create(on: tx)
            let summary = "当事人申请\(input.kind.label)（\(organ)，\(applied.iso) 申请，\(received.iso) 收到）；申请期限至 \(window.due.iso)（\(window.source)）"
                + (remedy.late ? "，已逾期，是否受理由\(input.kind == .reconsideration ? "复议机关" : "人民法院")决定" : "")
                + "；期间加处罚款不予计算（\(CaseCollection.pauseSource)）"
            try await CaseJournal.write(c, kind: "remedy", stage: nil, on: today, summary: summary, actor: p.displayName, req: req, db: tx)
            try await req.audit(.caseRemedyApply, .success, target: c.number, detail: summary, on: tx)
        }
        return remedy
    }

    /// Records the result of a 复议 or 诉讼 — the one place where a decision is found changed, revoked
    /// or unlawful. Whatever must follow such a result is done here, in the same transaction:
    /// the liability intake item, and (wired at merge) the withdrawal of a published decision within
    /// 3 工作日 (行政处罚法 第四十八条) — see `decisionAltered`.
    @discardableResult
    static func recordResult(_ c: EnforcementCase, remedyID: UUID, _ input: ResultInput, req: Request) async throws -> CaseRemedy {
        let p = try req.principal()
        let today = req.today
        let caseID = try c.requireID()
        guard let decidedOn = LocalDate(iso: input.decidedOn) else { throw AppError.validation("decidedOn", "须为有效日期（YYYY-MM-DD）", code: "date") }
        guard decidedOn <= today else { throw AppError.validation("decidedOn", "不能晚于今天", code: "future") }
        let number = try TextInput.name(input.documentNumber, field: "documentNumber", max: 60)
        if input.result == .changed {
            guard let s = input.newSanction, !s.kinds.isEmpty else {
                throw AppError.validation("newSanction", "变更决定须写明变更后的处罚", code: "required")
            }
            try CaseSanction.validate(s)
        } else if input.newSanction != nil {
            throw AppError.validation("newSanction", "只有“变更”须写明变更后的处罚", code: "inconsistent")
        }
        return try await req.db.transaction { tx -> CaseRemedy in
            try await CaseCollection.lock(caseID, on: tx)
            guard let r = try await CaseRemedy.find(remedyID, on: tx), r.$enforcementCase.id == caseID else { throw AppError.notFound }
            guard r.result == nil else { throw AppError.conflict("REMEDY_ALREADY_DECIDED", "该\(r.kind.label)已登记结果（\(r.result!.label)）") }
            guard decidedOn >= LocalDate(iso: r.receivedOn)! else {
                throw AppError.validation("decidedOn", "不能早于收到申请的日期 \(r.receivedOn)", code: "too_early")
            }
            let ledger = try await CaseCollection.ledger(caseID: caseID, on: tx)
            let fineBefore = ledger.fineFen
            r.result = input.result
            r.resultOn = decidedOn.iso
            r.resultNumber = number
            r.newSanctionText = input.newSanction.map(JSONText.init)
            r.removedFen = switch input.result {
            case .revoked: fineBefore
            case .changed: max(0, fineBefore - (input.newSanction?.fineAmount ?? 0) * 100)
            default: 0
            }
            try await r.save(on: tx)
            var summary = "\(r.kind.label)结果：\(input.result.label)（\(number)，\(decidedOn.iso)）"
            if let s = input.newSanction { summary += "，变更为：\(s.text)" }
            if r.removedFen > 0 { summary += "；减少罚款 \(LateFee.yuan(r.removedFen))" }
            if input.result.isReversal {
                let item = LiabilityIntake()
                item.sourceKind = "remedy_result"
                item.sourceID = try r.requireID()
                item.caseID = caseID
                item.agencyID = c.$agency.id
                item.openedOn = today.iso
                item.summary = "\(c.number)：\(r.kind.label)（\(r.organ)）\(input.result.label)原决定（\(number)）"
                item.status = "pending"
                try await item.create(on: tx)
                summary += "；已转责任追究待处理"
            }
            var after = ledger
            after.remedies = after.remedies.map { $0.id == r.id ? r : $0 }
            if after.status(today: today).outstandingFen == 0 {
                try await CaseDeadlines.meet(["fine_payment"], caseID: caseID, on: today, db: tx)
            }
            try await CaseJournal.write(c, kind: "remedy_result", stage: nil, on: today, summary: summary, actor: p.displayName, req: req, db: tx)
            try await req.audit(.caseRemedyResult, .success, target: c.number, detail: summary, on: tx)
            if input.result.isReversal { try await decisionAltered(c, remedy: r, req: req, on: tx) }
            return r
        }
    }

    /// Called once a decision has been changed, revoked or found unlawful (in the result's transaction).
    /// The publication of decisions hooks in here to withdraw the published decision within 3 工作日
    /// (行政处罚法 第四十八条).
    static func decisionAltered(_ c: EnforcementCase, remedy: CaseRemedy, req: Request, on db: any Database) async throws {
        guard let result = remedy.result, result.altersDecision, let resultOn = remedy.resultOn.flatMap(LocalDate.init(iso:)) else { return }
        let caseID = try c.requireID()
        guard let pub = try await DecisionPublication.query(on: db).filter(\.$enforcementCase.$id == caseID).first(), pub.status != .withdrawn else { return }
        try await DecisionPublicityService.withdraw(caseID: caseID, reason: "\(remedy.kind.label)结果：\(result.label)（\(remedy.resultNumber ?? "")）",
                                                    basis: String("\(remedy.organ) \(remedy.resultNumber ?? "")".prefix(100)), on: resultOn, req: req, db: db)
    }

    // MARK: refunds

    struct RefundInput: Sendable {
        var remedyID: UUID
        var applicant: String
        var amount: String
        var appliedOn: String
        var paidOn: String
    }

    /// 退还罚款 after a 复议/诉讼 result that took the fine away, by the party's application, approved
    /// by the body's 法制员 (the 退库 itself goes through the 政府法制部门 and 财政, 长春 实施意见 罚缴分离).
    /// Never more than paid, nor more than the result removed.
    @discardableResult
    static func refund(_ c: EnforcementCase, _ input: RefundInput, req: Request) async throws -> CaseRefund {
        let p = try req.principal()
        let today = req.today
        let caseID = try c.requireID()
        let applicant = try TextInput.name(input.applicant, field: "applicant", max: 100)
        let amount = try CaseCollection.fen(input.amount, field: "amount")
        guard let applied = LocalDate(iso: input.appliedOn) else { throw AppError.validation("appliedOn", "须为有效日期（YYYY-MM-DD）", code: "date") }
        guard let paid = LocalDate(iso: input.paidOn) else { throw AppError.validation("paidOn", "须为有效日期（YYYY-MM-DD）", code: "date") }
        guard applied <= today, paid <= today else { throw AppError.validation(applied > today ? "appliedOn" : "paidOn", "不能晚于今天", code: "future") }
        guard paid >= applied else { throw AppError.validation("paidOn", "退款日期不能早于申请日期", code: "too_early") }
        let refund = CaseRefund()
        try await req.db.transaction { tx in
            try await CaseCollection.lock(caseID, on: tx)
            let ledger = try await CaseCollection.ledger(caseID: caseID, on: tx)
            guard let remedy = ledger.remedies.first(where: { $0.id == input.remedyID }) else {
                throw AppError.validation("remedyId", "须为本案的复议或诉讼", code: "invalid")
            }
            guard let result = remedy.result, result == .revoked || remedy.removedFen > 0, let resultOn = remedy.resultOn else {
                throw AppError.conflict("REFUND_NOT_APPLICABLE", "该\(remedy.kind.label)的结果没有撤销或减少罚款，不能申请退款")
            }
            guard applied >= LocalDate(iso: resultOn)! else {
                throw AppError.validation("appliedOn", "不能早于\(remedy.kind.label)结果日期 \(resultOn)", code: "too_early")
            }
            let status = ledger.status(today: today)
            let refundable = status.paidFen - status.refundedFen
            guard amount <= refundable else {
                throw AppError.badRequest("REFUND_EXCEEDS_PAID", "退款 \(LateFee.yuan(amount)) 超过实缴未退金额 \(LateFee.yuan(max(0, refundable)))", field: "amount")
            }
            // 撤销 takes away everything paid (the fine and its 加处罚款); 变更 the difference in the fine.
            let removed = ledger.remedies.contains { $0.result == .revoked } ? Int.max
                : ledger.remedies.reduce(0) { $0 + $1.removedFen } + max(0, status.paidLateFeeFen - status.lateFeeFen)
            guard amount <= removed - status.refundedFen else {
                throw AppError.badRequest("REFUND_EXCEEDS_REMOVED", "退款 \(LateFee.yuan(amount)) 超过复议、诉讼结果减少的金额（尚可退 \(LateFee.yuan(max(0, removed - status.refundedFen)))）", field: "amount")
            }
            refund.$enforcementCase.id = caseID
            refund.remedyID = input.remedyID
            refund.agencyID = c.$agency.id
            refund.applicant = applicant
            refund.amountFen = amount
            refund.appliedOn = applied.iso
            refund.paidOn = paid.iso
            refund.approvedByID = p.userID
            refund.approvedByName = p.displayName
            try await refund.create(on: tx)
            let summary = "退还罚款 \(LateFee.yuan(amount))：\(applicant) \(applied.iso) 申请，\(p.displayName) 批准，\(paid.iso) 退款（依据\(remedy.kind.label)结果：\(result.label)）"
            try await CaseJournal.write(c, kind: "refund", stage: nil, on: today, summary: summary, actor: p.displayName, req: req, db: tx)
            try await req.audit(.caseRefund, .success, target: c.number, detail: summary, on: tx)
        }
        return refund
    }
}

/// 复议/诉讼 results per body and year, for assessment (考核: 复议和诉讼结果; a high rate of decisions
/// found unlawful, changed or revoked counts against the body).
enum RemedyStatistics {
    struct Counts: Sendable, Codable, Equatable {
        var decided: Int
        var reversals: Int
        var byResult: [String: Int]
    }

    /// Results dated in `year` for the body's decisions: all decided, and those other than 维持/驳回.
    static func reversals(agencyID: UUID, year: Int, on db: any Database) async throws -> Counts {
        let rows = try await CaseRemedy.query(on: db).filter(\.$agencyID == agencyID)
            .filter(\.$resultOn >= "\(year)-01-01").filter(\.$resultOn <= "\(year)-12-31").all(\.$result)
        var by: [String: Int] = [:]
        for case let r? in rows { by[r.rawValue, default: 0] += 1 }
        let decided = rows.compactMap { $0 }
        return Counts(decided: decided.count, reversals: decided.filter(\.isReversal).count, byResult: by)
    }
}
