import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 重大行政处罚备案审查. A major decision — the same notion as 重大执法决定法制审核 (the case's
/// `legal_review_required`: 行政处罚法 第五十八条, the power's criteria, a fine outside its discretion
/// level), since the seeds define no other — of a 行政处罚 or 行政许可 case creates a filing obligation
/// when it is made (杭州市行政执法责任制规定 第二十三条(三): 重大行政处罚、重大行政许可决定 上报备案;
/// 永政办〔2015〕98号 五(二): 重大行政处罚备案审查). The body files it (report + documents), the
/// government's legal office (监督员 of the jurisdiction) reviews it and records 通过 or 不通过 with
/// reasons; 不通过 opens a liability intake item (`filing_review`).
///
/// The filing period is the profile rule `major_decision_filing` where the jurisdiction has one; no
/// seed sets a period for major penalties, so without it the filing has no due day (shown as such).
enum MajorFilingService {
    static let ruleCode = "major_decision_filing"
    static let obligationSource = SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇六", document: "杭州市行政执法责任制规定", article: "第二十三条(三)")
    static let reviewSource = SourceRef(seed: "002_e33f53bb2a1e2b48.txt", document: "永政办〔2015〕98号", article: "五(二)")
    static let noPeriod = "本辖区规则未规定备案期限（种子文件均未规定重大行政处罚的备案期限）"

    /// Whether a decided case must be filed.
    static func applies(_ c: EnforcementCase) -> Bool {
        c.legalReviewRequired && (c.procedure.isPenalty || c.procedure == .licensing)
    }

    /// Opens the obligation in the decision's transaction.
    @discardableResult
    static func open(_ c: EnforcementCase, decision: CaseDecision, clocks: CaseDeadlines) async throws -> MajorDecisionFiling? {
        guard applies(c), let decided = LocalDate(iso: decision.decidedOn) else { return nil }
        let agency = try await Agency.find(c.$agency.id, on: clocks.db)
        let f = MajorDecisionFiling()
        f.caseID = try c.requireID()
        f.decisionID = try decision.requireID()
        f.agencyID = c.$agency.id
        f.jurisdictionID = agency?.$jurisdiction.id ?? UUID()
        f.decidedOn = decided.iso
        f.majorReasonsText = JSONText(c.majorReasons)
        f.provisional = false
        if let rule = clocks.profile?.deadline(ruleCode)?.entry, let unit = rule.unit.deadlineUnit {
            let due = try CaseClock(start: decided, value: rule.value, unit: unit).due(calendar: clocks.calendar)
            f.due = due.date.iso
            f.provisional = due.provisional
            f.dueSource = "\(rule.value)\(unit.label)，\(rule.source)"
        } else {
            f.due = nil
            f.dueSource = noPeriod
        }
        f.status = .pending
        try await f.create(on: clocks.db)
        return f
    }

    struct FileInput: Sendable {
        var report: String
        var documents: [String]
    }

    /// The body files: once, with a report and the list of documents sent.
    static func file(_ f: MajorDecisionFiling, _ input: FileInput, req: Request) async throws {
        let p = try req.principal()
        let report = try CaseText.paragraph(input.report, field: "report", max: 2000)
        let docs = try input.documents.enumerated().map { i, d in try TextInput.name(d, field: "documents[\(i)]", max: 100) }
        guard !docs.isEmpty else { throw AppError.validation("documents", "须列明报送备案的材料", code: "required") }
        guard docs.count <= 20 else { throw AppError.validation("documents", "材料不超过 20 项", code: "too_many") }
        guard Set(docs).count == docs.count else { throw AppError.validation("documents", "材料不能重复", code: "duplicate") }
        let today = req.today
        try await req.db.transaction { tx in
            guard let fresh = try await lock(f, on: tx) else { throw AppError.notFound }
            guard fresh.status == .pending else {
                throw AppError.conflict("FILING_ALREADY_FILED", "本决定已于 \(fresh.filedOn ?? "") 报送备案，不能重复备案")
            }
            fresh.status = .filed
            fresh.filedOn = today.iso
            fresh.report = report
            fresh.documentsText = JSONText(docs)
            fresh.filedBy = p.displayName
            try await fresh.save(on: tx)
            f.status = fresh.status
            f.filedOn = fresh.filedOn
            guard let c = try await EnforcementCase.find(fresh.caseID, on: tx) else { throw AppError.notFound }
            let late = fresh.filedLate ? "（逾期：应于 \(fresh.due ?? "") 前备案）" : ""
            let summary = "重大执法决定报送备案\(late)：\(report)；材料：\(docs.joined(separator: "、"))"
            try await CaseJournal.write(c, kind: "major_filing", stage: nil, on: today, summary: summary, actor: p.displayName, req: req, db: tx)
            try await req.audit(.majorFilingFile, .success, target: c.number, detail: summary, on: tx)
        }
    }

    /// The legal office concludes: 通过, or 不通过 with reasons (which opens a liability intake item).
    static func review(_ f: MajorDecisionFiling, conclusion: MajorFilingConclusion, reasons raw: String?, req: Request) async throws {
        let p = try req.principal()
        let reasons = try raw.map { try CaseText.paragraph($0, field: "reasons", max: 2000) }
        if conclusion == .failed && reasons == nil {
            throw AppError.validation("reasons", "审查不通过须写明理由", code: "required")
        }
        let today = req.today
        try await req.db.transaction { tx in
            guard let fresh = try await lock(f, on: tx) else { throw AppError.notFound }
            switch fresh.status {
            case .pending: throw AppError.conflict("FILING_NOT_FILED", "本决定尚未报送备案，不能审查")
            case .passed, .failed: throw AppError.conflict("FILING_ALREADY_REVIEWED", "本备案已审查（\(fresh.status.label)），不能重复审查")
            case .filed: break
            }
            guard let c = try await EnforcementCase.find(fresh.caseID, on: tx) else { throw AppError.notFound }
            fresh.status = conclusion == .passed ? .passed : .failed
            fresh.conclusion = conclusion
            fresh.reasons = reasons
            fresh.reviewedOn = today.iso
            fresh.reviewedBy = p.displayName
            if conclusion == .failed {
                let item = LiabilityIntake()
                item.sourceKind = "filing_review"
                item.sourceID = try fresh.requireID()
                item.caseID = fresh.caseID
                item.agencyID = fresh.agencyID
                item.openedOn = today.iso
                item.summary = "\(c.number)：重大执法决定备案审查不通过：\(reasons ?? "")"
                item.status = "pending"
                try await item.create(on: tx)
                fresh.intakeID = item.id
            }
            try await fresh.save(on: tx)
            f.status = fresh.status
            let summary = "重大执法决定备案审查\(conclusion.label)" + (reasons.map { "：\($0)" } ?? "")
            try await CaseJournal.write(c, kind: "major_filing_review", stage: nil, on: today, summary: summary, actor: p.displayName, req: req, db: tx)
            try await req.audit(.majorFilingReview, .success, target: c.number, detail: summary, on: tx)
        }
    }

    private static func lock(_ f: MajorDecisionFiling, on tx: any Database) async throws -> MajorDecisionFiling? {
        let id = try f.requireID()
        if let sql = tx as? any SQLDatabase {
            try await sql.update(MajorDecisionFiling.schema).set("status", to: SQLIdentifier("status")).where("id", .equal, id).run()
        }
        return try await MajorDecisionFiling.find(id, on: tx)
    }
}
