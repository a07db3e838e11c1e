import Fluent
import Foundation
import QuanzeCore
import Vapor

extension ReviewCriterion: Content {}
extension ReviewDeduction: Content {}
extension FileReviewDraw.Pick: Content {}

struct ReviewStandardDTO: Content {
    var id: UUID
    var name: String
    var version: Int
    var passMark: Double
    var criteria: [ReviewCriterion]
    var createdBy: String
    init(_ s: ReviewStandard) {
        id = s.id!; name = s.name; version = s.version; passMark = s.passMark; criteria = s.criteria; createdBy = s.createdBy
    }
}

struct ReviewStandardInput: Content, StrictInput {
    var name: String
    var passMark: Double
    var criteria: [ReviewCriterion]
    enum CodingKeys: String, CodingKey, CaseIterable { case name, passMark, criteria }
    typealias Keys = CodingKeys
}

struct ReviewPlanInput: Content, StrictInput {
    var name: String
    var kind: ReviewPlanKind
    var year: Int
    var periodFrom: String
    var periodTo: String
    var sampleSize: Int
    var agencyIds: [UUID]
    var reviewerIds: [UUID]
    var standardId: UUID?
    var contestUntil: String?
    /// Draw from the pre-check strata (platform rule); omitted = true.
    var stratifyByFindings: Bool?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, kind, year, periodFrom, periodTo, sampleSize, agencyIds, reviewerIds, standardId, contestUntil, stratifyByFindings
    }
    typealias Keys = CodingKeys
    var draft: FileReviewPlanService.Draft {
        .init(name: name, kind: kind, year: year, periodFrom: periodFrom, periodTo: periodTo, sampleSize: sampleSize, agencyIDs: agencyIds,
              reviewerIDs: reviewerIds, standardID: standardId, contestUntil: contestUntil, stratified: stratifyByFindings ?? true)
    }
}

struct ReviewCatalogInput: Content, StrictInput {
    var caseNumbers: [String]?
    var count: Int?
    var explanation: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case caseNumbers, count, explanation }
    typealias Keys = CodingKeys
}

struct ReviewResolveInput: Content, StrictInput {
    var resolution: String
    enum CodingKeys: String, CodingKey, CaseIterable { case resolution }
    typealias Keys = CodingKeys
}

struct ReviewScoreInput: Content, StrictInput {
    var deductions: [ReviewDeduction]
    var doubtful: Bool?
    enum CodingKeys: String, CodingKey, CaseIterable { case deductions, doubtful }
    typealias Keys = CodingKeys
}

struct ReviewDeliberationInput: Content, StrictInput {
    var participants: [String]
    var conclusion: String
    enum CodingKeys: String, CodingKey, CaseIterable { case participants, conclusion }
    typealias Keys = CodingKeys
}

struct ReviewConfirmInput: Content, StrictInput {
    var score: Double?
    var note: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case score, note }
    typealias Keys = CodingKeys
}

struct ReviewContestInput: Content, StrictInput {
    var grounds: String
    enum CodingKeys: String, CodingKey, CaseIterable { case grounds }
    typealias Keys = CodingKeys
}

struct ReviewContestOutcomeInput: Content, StrictInput {
    var outcome: ContestOutcome
    var score: Double?
    var reason: String
    enum CodingKeys: String, CodingKey, CaseIterable { case outcome, score, reason }
    typealias Keys = CodingKeys
}

struct ReviewPlanBodyDTO: Content {
    var agencyId: UUID
    var agencyName: String
    var reportedCount: Int?
    var reportedNumbers: [String]?
    var reportedOn: String?
    var systemCount: Int?
    var matches: Bool
    var explanation: String?
    var resolution: String?
    var drawn: Int
    var scored: Int
    var meanScore: Double?
}

struct ReviewReviewerDTO: Content {
    var userId: UUID
    var name: String
    var agencyId: UUID?
}

struct ReviewDeliberationDTO: Content {
    var id: UUID
    var heldOn: String
    var participants: [String]
    var conclusion: String
    var recordedBy: String
}

struct ReviewSheetDTO: Content {
    var id: UUID
    var planId: UUID
    var agencyId: UUID
    var caseId: UUID
    var caseNumber: String
    var caseTitle: String
    var decisionNumber: String?
    var drawOrder: Int
    var stratum: String
    var standardId: UUID
    var stage: ReviewSheetStage
    var deductions: [ReviewDeduction]
    var score: Double?
    var doubtful: Bool
    var revision: Int
    var signers: [String]
    var passMark: Double
    var failing: Bool?
    var secondReviewedBy: String?
    var confirmedScore: Double?
    var confirmedBy: String?
    var confirmationNote: String?
    var sentOn: String?
    var contestDue: String?
    var contestGrounds: String?
    var contestedOn: String?
    var contestOutcome: ContestOutcome?
    var outcomeReason: String?
    var finalScore: Double?
    var deliberations: [ReviewDeliberationDTO]
    /// The two 评查员 assigned at the draw (names); empty for files drawn before assignments.
    var assignedReviewers: [String]
    var assignedReviewerIds: [UUID]
    /// The day the 初评 got its second signature (the sheet is made).
    var firstSignedOn: String?

    static func make(_ s: ReviewSheet, on db: any Database) async throws -> ReviewSheetDTO {
        let std = try await ReviewStandard.find(s.standardID, on: db)
        let ds = try await ReviewDeliberation.query(on: db).filter(\.$sheetID == s.requireID()).sort(\.$createdAt).all()
        let pass = std?.passMark ?? ReviewStandardCheck.defaultPassMark
        let current = s.finalScore ?? s.score
        return ReviewSheetDTO(id: s.id!, planId: s.planID, agencyId: s.agencyID, caseId: s.caseID, caseNumber: s.caseNumber, caseTitle: s.caseTitle,
                              decisionNumber: s.decisionNumber, drawOrder: s.drawOrder, stratum: s.stratum, standardId: s.standardID, stage: s.stage,
                              deductions: s.deductions, score: s.score, doubtful: s.doubtful, revision: s.revision,
                              signers: [s.signer1Name, s.signer2Name].compactMap { $0 }, passMark: pass, failing: current.map { $0 < pass },
                              secondReviewedBy: s.secondReviewedBy, confirmedScore: s.confirmedScore, confirmedBy: s.confirmedBy,
                              confirmationNote: s.confirmationNote, sentOn: s.sentOn, contestDue: s.contestDue, contestGrounds: s.contestGrounds,
                              contestedOn: s.contestedOn, contestOutcome: s.contestOutcome, outcomeReason: s.outcomeReason, finalScore: s.finalScore,
                              deliberations: ds.map { ReviewDeliberationDTO(id: $0.id!, heldOn: $0.heldOn, participants: $0.participantsText.value,
                                                                            conclusion: $0.conclusion, recordedBy: $0.recordedBy) },
                              assignedReviewers: [s.reviewerAName, s.reviewerBName].compactMap { $0 }, assignedReviewerIds: s.assignedReviewers,
                              firstSignedOn: s.firstSignedOn)
    }
}

struct ReviewPlanDTO: Content {
    var id: UUID
    var name: String
    var kind: ReviewPlanKind
    var year: Int
    var periodFrom: String
    var periodTo: String
    var sampleSize: Int
    var standard: ReviewStandardDTO?
    var contestUntil: String?
    var status: ReviewPlanStatus
    var algorithm: String
    var seed: String?
    var drawnOn: String?
    var drawInput: FileReviewDraw.Input?
    var sheetDue: String?
    var sheetDueSource: SourceDTO?
    /// Whether the draw uses the pre-check strata (platform rule, not a seed rule).
    var stratified: Bool
    var bodies: [ReviewPlanBodyDTO]
    var reviewers: [ReviewReviewerDTO]
    var sheets: [ReviewSheetDTO]

    /// A 法制员 sees only his own body's catalog and sheets.
    static func make(_ plan: ReviewPlan, for p: Principal, req: Request) async throws -> ReviewPlanDTO {
        let db = req.db
        let planID = try plan.requireID()
        let own: UUID? = p.hasAny([.supervisor, .reviewer]) ? nil : p.agencyID
        var bodies = try await ReviewPlanBody.query(on: db).filter(\.$planID == planID).sort(\.$agencyName).all()
        var sheets = try await ReviewSheet.query(on: db).filter(\.$planID == planID).sort(\.$agencyID).sort(\.$drawOrder).all()
        if let own { bodies = bodies.filter { $0.agencyID == own }; sheets = sheets.filter { $0.agencyID == own } }
        let scores = Dictionary(uniqueKeysWithValues: try await FileReviewStatistics.bodyScores(plan: plan, on: db).map { ($0.agencyID, $0) })
        let reviewers = try await ReviewPlanReviewer.query(on: db).filter(\.$planID == planID).sort(\.$name).all()
        var sheetDTOs: [ReviewSheetDTO] = []
        for s in sheets { sheetDTOs.append(try await ReviewSheetDTO.make(s, on: db)) }
        let due = try await FileReviewDeadlines.sheetDue(plan, req: req)
        return ReviewPlanDTO(
            id: planID, name: plan.name, kind: plan.kind, year: plan.year, periodFrom: plan.periodFrom, periodTo: plan.periodTo,
            sampleSize: plan.sampleSize, standard: try await ReviewStandard.find(plan.standardID, on: db).map(ReviewStandardDTO.init),
            contestUntil: plan.contestUntil, status: plan.status, algorithm: plan.algorithm, seed: plan.seed, drawnOn: plan.drawnOn,
            drawInput: plan.drawInputText?.value, sheetDue: due?.date.iso, sheetDueSource: due.map { SourceDTO($0.source) },
            stratified: plan.stratified, bodies: bodies.map { b in
                let sc = scores[b.agencyID]
                return ReviewPlanBodyDTO(agencyId: b.agencyID, agencyName: b.agencyName, reportedCount: b.reportedCount, reportedNumbers: b.reportedNumbers,
                                         reportedOn: b.reportedOn, systemCount: b.systemCount, matches: b.matches, explanation: b.explanation,
                                         resolution: b.resolution, drawn: sc?.drawn ?? 0, scored: sc?.scored ?? 0, meanScore: sc?.mean)
            },
            reviewers: reviewers.map { ReviewReviewerDTO(userId: $0.userID, name: $0.name, agencyId: $0.agencyID) },
            sheets: sheetDTOs)
    }
}

struct NoticeInput: Content, StrictInput {
    var kind: NoticeKind
    var agencyId: UUID
    var title: String
    var content: String
    var replyDue: String
    var caseId: UUID?
    var reviewPlanId: UUID?
    var reviewSheetId: UUID?
    enum CodingKeys: String, CodingKey, CaseIterable { case kind, agencyId, title, content, replyDue, caseId, reviewPlanId, reviewSheetId }
    typealias Keys = CodingKeys
}

struct NoticeReplyInput: Content, StrictInput {
    var reply: String
    enum CodingKeys: String, CodingKey, CaseIterable { case reply }
    typealias Keys = CodingKeys
}

struct NoticeReviewInput: Content, StrictInput {
    var note: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case note }
    typealias Keys = CodingKeys
}

struct NoticeDTO: Content {
    var id: UUID
    var kind: NoticeKind
    var kindLabel: String
    var agencyId: UUID
    var agencyName: String
    var title: String
    var content: String
    var caseId: UUID?
    var reviewPlanId: UUID?
    var reviewSheetId: UUID?
    var issuedOn: String
    var issuedBy: String
    var replyDue: String
    var status: NoticeStatus
    var warning: WarningLevel
    var reply: String?
    var repliedOn: String?
    var repliedBy: String?
    var reviewNote: String?
    var reviewedOn: String?
    var source: SourceDTO

    static func make(_ n: SupervisionNotice, today: LocalDate, on db: any Database) async throws -> NoticeDTO {
        NoticeDTO(id: n.id!, kind: n.kind, kindLabel: n.kind.label, agencyId: n.agencyID,
                  agencyName: try await Agency.find(n.agencyID, on: db)?.name ?? "", title: n.title, content: n.content, caseId: n.caseID,
                  reviewPlanId: n.reviewPlanID, reviewSheetId: n.reviewSheetID, issuedOn: n.issuedOn, issuedBy: n.issuedBy, replyDue: n.replyDue,
                  status: n.status, warning: SupervisionNoticeService.warning(n, today: today), reply: n.reply, repliedOn: n.repliedOn,
                  repliedBy: n.repliedBy, reviewNote: n.reviewNote, reviewedOn: n.reviewedOn, source: SourceDTO(n.kind.source))
    }
}
