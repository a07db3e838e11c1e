import Foundation
import QuanzeCore
import Vapor

/// 执行 of a case's fine: the figures as of today with their sources, payments, enforcement steps,
/// 复议/诉讼 and refunds (`GET /api/v1/cases/:caseID/payments`). Amounts in 分 and as text in 元.
struct CollectionDTO: Content, Sendable {
    var caseId: UUID
    var hasFine: Bool
    var collectingBank: String?
    var originalFineFen: Int
    var fineFen: Int
    var paidFineFen: Int
    var paidLateFeeFen: Int
    var refundedFen: Int
    var outstandingFen: Int
    var due: String?
    var lateDays: Int
    var lateFeeFen: Int
    var lateFeeAsOf: String
    var paidOffOn: String?
    var pausedDays: Int
    var text: [String: String]
    var sources: [String: String]
    var payments: [PaymentDTO]
    var steps: [EnforcementStepDTO]
    var remedies: [RemedyDTO]
    var refunds: [RefundDTO]

    /// `-12.30` style 元 (signed, two decimals).
    static func yuan(_ fen: Int) -> String {
        (fen < 0 ? "-" : "") + String(abs(fen) / 100) + "." + String(format: "%02d", abs(fen) % 100)
    }

    init(caseID: UUID, ledger: CaseCollection.Ledger, today: LocalDate) {
        let s = ledger.status(today: today)
        caseId = caseID
        hasFine = ledger.hasFine
        collectingBank = ledger.decision?.collectingBank
        originalFineFen = s.originalFineFen
        fineFen = s.fineFen
        paidFineFen = s.paidFineFen
        paidLateFeeFen = s.paidLateFeeFen
        refundedFen = s.refundedFen
        outstandingFen = s.outstandingFen
        due = s.due?.iso
        lateDays = s.lateDays
        lateFeeFen = s.lateFeeFen
        lateFeeAsOf = (s.paidOffOn ?? today).iso
        paidOffOn = s.paidOffOn?.iso
        if let due = s.due {
            let end = s.paidOffOn ?? today
            pausedDays = end > due ? (due.dayNumber + 1...end.dayNumber).filter { d in s.pauses.contains { $0.contains(LocalDate(dayNumber: d)) } }.count : 0
        } else { pausedDays = 0 }
        text = ["fine": Self.yuan(s.fineFen), "paid": Self.yuan(s.paidFen), "lateFee": Self.yuan(s.lateFeeFen),
                "outstanding": Self.yuan(s.outstandingFen), "refunded": Self.yuan(s.refundedFen)]
        sources = ["payment": CaseCollection.paymentSource.description, "lateFee": LateFee.source.description,
                   "pause": CaseCollection.pauseSource.description, "reconsideration": CaseRemedyService.reconsiderationWindow.description,
                   "litigation": CaseRemedyService.litigationWindow.description]
        let reversed = Set(ledger.payments.compactMap(\.correctsID))
        payments = ledger.payments.map { p in
            PaymentDTO(id: p.id!, amountFen: p.amountFen, fineFen: p.fineFen, lateFeeFen: p.lateFeeFen, amount: Self.yuan(p.amountFen),
                       paidOn: p.paidOn, receiptNumber: p.receiptNumber, channel: p.channel,
                       channelLabel: PaymentChannel(rawValue: p.channel)?.label ?? p.channel, correctsId: p.correctsID, reason: p.reason,
                       reversed: reversed.contains(p.id!), recordedBy: p.recordedByName)
        }
        steps = ledger.steps.map { EnforcementStepDTO(kind: $0.kind, kindLabel: EnforcementStepKind(rawValue: $0.kind)?.label ?? $0.kind,
                                                      takenOn: $0.takenOn, note: $0.note, recordedBy: $0.recordedByName) }
        remedies = ledger.remedies.map(RemedyDTO.init)
        refunds = ledger.refunds.map { RefundDTO(id: $0.id!, remedyId: $0.remedyID, applicant: $0.applicant, amountFen: $0.amountFen,
                                                 amount: Self.yuan($0.amountFen), appliedOn: $0.appliedOn, paidOn: $0.paidOn,
                                                 approvedBy: $0.approvedByName) }
    }
}

struct PaymentDTO: Content, Sendable {
    var id: UUID
    var amountFen: Int
    var fineFen: Int
    var lateFeeFen: Int
    var amount: String
    var paidOn: String
    var receiptNumber: String?
    var channel: String
    var channelLabel: String
    var correctsId: UUID?
    var reason: String?
    var reversed: Bool
    var recordedBy: String
}

struct EnforcementStepDTO: Content, Sendable {
    var kind: String
    var kindLabel: String
    var takenOn: String
    var note: String
    var recordedBy: String
}

struct RemedyDTO: Content, Sendable {
    var id: UUID
    var caseId: UUID
    var kind: RemedyKind
    var kindLabel: String
    var organ: String
    var appliedOn: String
    var receivedOn: String
    var windowDue: String
    var late: Bool
    var result: RemedyResult?
    var resultLabel: String?
    var resultOn: String?
    var resultNumber: String?
    var newSanction: PenaltySanction?
    var removedFen: Int
    var recordedBy: String

    init(_ r: CaseRemedy) {
        id = r.id!
        caseId = r.$enforcementCase.id
        kind = r.kind
        kindLabel = r.kind.label
        organ = r.organ
        appliedOn = r.appliedOn
        receivedOn = r.receivedOn
        windowDue = r.windowDue
        late = r.late
        result = r.result
        resultLabel = r.result?.label
        resultOn = r.resultOn
        resultNumber = r.resultNumber
        newSanction = r.newSanction
        removedFen = r.removedFen
        recordedBy = r.recordedByName
    }
}

struct RefundDTO: Content, Sendable {
    var id: UUID
    var remedyId: UUID
    var applicant: String
    var amountFen: Int
    var amount: String
    var appliedOn: String
    var paidOn: String
    var approvedBy: String
}

struct LiabilityIntakeDTO: Content, Sendable {
    var id: UUID
    var sourceKind: String
    var sourceKindLabel: String
    var sourceId: UUID
    /// Absent for an item without a case (a complaint about a body or an officer).
    var caseId: UUID?
    var caseNumber: String
    /// The complaint's 登记编号 for `complaint` and `complaint_dropped` items.
    var complaintNumber: String?
    var subjectOfficerId: UUID?
    var agencyId: UUID
    var agencyName: String
    var openedOn: String
    var summary: String
    var status: String
    var statusLabel: String
    // 019: the intake handling (absent on items opened before 019).
    var pursuingBody: String? = nil
    var profileId: String? = nil
    /// The intake deadline (`liability_intake`); absent when the profile is silent (未规定).
    var dueOn: String? = nil
    var dueRule: String? = nil
    var dueSource: String? = nil
    var overdue: Bool = false
    var sourceDetail: String? = nil
    var enteredBy: String? = nil
    var outcomeReason: String? = nil
    var decidedOn: String? = nil
    var decidedBy: String? = nil
    var matterId: UUID? = nil
}

// MARK: inputs

struct PaymentInputDTO: Content, StrictInput {
    var amount: String
    var paidOn: String
    var receiptNumber: String
    var channel: PaymentChannel
    enum CodingKeys: String, CodingKey, CaseIterable { case amount, paidOn, receiptNumber, channel }
    typealias Keys = CodingKeys
    var service: CaseCollection.PaymentInput { .init(amount: amount, paidOn: paidOn, receiptNumber: receiptNumber, channel: channel) }
}

struct PaymentReversalInput: Content, StrictInput {
    var reason: String
    enum CodingKeys: String, CodingKey, CaseIterable { case reason }
    typealias Keys = CodingKeys
}

struct EnforcementStepInput: Content, StrictInput {
    var kind: EnforcementStepKind
    var takenOn: String
    var note: String
    enum CodingKeys: String, CodingKey, CaseIterable { case kind, takenOn, note }
    typealias Keys = CodingKeys
}

struct RemedyInput: Content, StrictInput {
    var kind: RemedyKind
    var organ: String
    var appliedOn: String
    var receivedOn: String
    enum CodingKeys: String, CodingKey, CaseIterable { case kind, organ, appliedOn, receivedOn }
    typealias Keys = CodingKeys
    var service: CaseRemedyService.ApplyInput { .init(kind: kind, organ: organ, appliedOn: appliedOn, receivedOn: receivedOn) }
}

struct RemedyResultInput: Content, StrictInput {
    var result: RemedyResult
    var decidedOn: String
    var documentNumber: String
    var newSanction: SanctionInput?
    enum CodingKeys: String, CodingKey, CaseIterable { case result, decidedOn, documentNumber, newSanction }
    typealias Keys = CodingKeys
    var service: CaseRemedyService.ResultInput { .init(result: result, decidedOn: decidedOn, documentNumber: documentNumber, newSanction: newSanction?.sanction) }
}

struct RefundInputDTO: Content, StrictInput {
    var remedyId: UUID
    var applicant: String
    var amount: String
    var appliedOn: String
    var paidOn: String
    enum CodingKeys: String, CodingKey, CaseIterable { case remedyId, applicant, amount, appliedOn, paidOn }
    typealias Keys = CodingKeys
    var service: CaseRemedyService.RefundInput { .init(remedyID: remedyId, applicant: applicant, amount: amount, appliedOn: appliedOn, paidOn: paidOn) }
}
