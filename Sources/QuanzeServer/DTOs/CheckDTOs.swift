import Fluent
import Foundation
import QuanzeCore
import Vapor

/// One finding of the automatic pre-check.
struct CaseCheckFindingDTO: Content, Sendable {
    var caseId: UUID
    var caseNumber: String
    var agencyId: UUID
    var agencyName: String
    var year: Int
    var rule: String
    var ruleName: String
    var severity: CheckSeverity
    var severityLabel: String
    var message: String
    var source: String
    var checkedAt: Date
}

/// The pre-check of one case: when it was checked (nil: not yet) and its findings.
struct CaseChecksDTO: Content, Sendable {
    var caseId: UUID
    var checkedAt: Date?
    var findings: [CaseCheckFindingDTO]
}

/// The per-body list: the summary (closed cases, checked, with findings, per rule) and the findings.
struct CaseCheckListDTO: Content, Sendable {
    var summary: CaseCheckStatistics.Summary
    var findings: [CaseCheckFindingDTO]
    /// At most `limit` findings are listed; `total` counts them all.
    var total: Int
    var limit: Int
}

struct CaseCheckRunDTO: Content, Sendable {
    var year: Int
    var agencyId: UUID?
    var cases: Int
    var findings: Int
    var casesWithFindings: Int
}

struct CaseCheckRunInputDTO: StrictInput {
    enum CodingKeys: String, CodingKey, CaseIterable { case year, agencyId }
    typealias Keys = CodingKeys
    var year: Int
    var agencyId: UUID?
}

/// 重大行政处罚备案 as the API shows it.
struct MajorFilingDTO: Content, Sendable {
    var id: UUID
    var caseId: UUID
    var caseNumber: String
    var caseTitle: String
    var agencyId: UUID
    var agencyName: String
    var decidedOn: String
    var majorReasons: [String]
    /// nil where the jurisdiction's rules set no filing period.
    var due: String?
    var dueSource: String
    var provisional: Bool
    /// yellow/red while unfiled (like the case limits); none once filed or without a period.
    var warning: WarningLevel
    var status: MajorFilingStatus
    var statusLabel: String
    var filedOn: String?
    var filedLate: Bool
    var report: String?
    var documents: [String]
    var filedBy: String?
    var reviewedOn: String?
    var conclusion: MajorFilingConclusion?
    var reasons: String?
    var reviewedBy: String?
    var intakeId: UUID?
    var source: String

    init(_ f: MajorDecisionFiling, c: EnforcementCase?, agencyName: String, today: LocalDate, window: Int) {
        id = f.id!
        caseId = f.caseID
        caseNumber = c?.number ?? ""
        caseTitle = c?.title ?? ""
        agencyId = f.agencyID
        self.agencyName = agencyName
        decidedOn = f.decidedOn
        majorReasons = f.majorReasons
        due = f.due
        dueSource = f.dueSource
        provisional = f.provisional
        warning = f.status == .pending ? (f.due.flatMap(LocalDate.init(iso:)).map { WarningLevel.of(due: $0, today: today, window: window) } ?? .none) : .none
        status = f.status
        statusLabel = f.status.label
        filedOn = f.filedOn
        filedLate = f.filedLate
        report = f.report
        documents = f.documents
        filedBy = f.filedBy
        reviewedOn = f.reviewedOn
        conclusion = f.conclusion
        reasons = f.reasons
        reviewedBy = f.reviewedBy
        intakeId = f.intakeID
        source = "\(MajorFilingService.obligationSource)；\(MajorFilingService.reviewSource)"
    }
}

struct MajorFilingFileInputDTO: StrictInput {
    enum CodingKeys: String, CodingKey, CaseIterable { case report, documents }
    typealias Keys = CodingKeys
    var report: String
    var documents: [String]
}

struct MajorFilingReviewInputDTO: StrictInput {
    enum CodingKeys: String, CodingKey, CaseIterable { case conclusion, reasons }
    typealias Keys = CodingKeys
    var conclusion: MajorFilingConclusion
    var reasons: String?
}
