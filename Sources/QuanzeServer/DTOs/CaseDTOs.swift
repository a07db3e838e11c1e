import Foundation
import QuanzeCore
import Vapor

extension PenaltySanction: Content {}
extension WarningRow: Content {}

struct CaseSummaryDTO: Content, Sendable {
    var id: UUID
    var number: String
    var title: String
    var agencyId: UUID
    var agencyName: String
    var procedure: CaseProcedure
    var procedureLabel: String
    var stage: CaseStage
    var stageLabel: String
    var filedOn: String
    var suspended: Bool
    var warning: WarningLevel
    var nextDeadline: String?
    var nextDue: String?

    init(_ r: CaseRow) throws {
        let c = r.c
        id = try c.requireID()
        number = c.number
        title = c.title
        agencyId = c.$agency.id
        agencyName = r.agency?.name ?? ""
        procedure = c.procedure
        procedureLabel = c.procedure.label
        stage = c.stage
        stageLabel = c.stageLabel
        filedOn = c.filedOn
        suspended = c.suspended
        warning = r.level
        nextDeadline = r.next?.name
        nextDue = r.next?.due
    }
}

struct CasePageDTO: Content, Sendable {
    var items: [CaseSummaryDTO]
    /// Matches, counted up to `CaseQueries.totalCap`; when there are more, `total` is the cap and `totalCapped` is true.
    var total: Int
    var totalCapped: Bool
    var page: Int
    var per: Int
}

struct CasePartyDTO: Content, Sendable {
    var kind: PartyKind
    var name: String
    /// 身份证号 masked; 统一社会信用代码 in full (it is public).
    var identifier: String
    var address: String?
}

struct CaseOfficerDTO: Content, Sendable {
    var officerId: UUID
    var name: String
    var role: String
    var roleLabel: String
}

struct CaseDeadlineDTO: Content, Sendable {
    var code: String
    var name: String
    var start: String
    var due: String
    var provisional: Bool
    var suspended: Bool
    var metOn: String?
    var level: WarningLevel
    var source: String
    var extensionCap: Int?
    var extendedBy: Int
}

struct CaseDeadlineChangeDTO: Content, Sendable {
    var deadlineCode: String
    var kind: String
    var kindLabel: String
    var oldDue: String?
    var newDue: String
    var reason: String
    var rule: String
    var actor: String
    var recordedAt: Date?
}

struct CaseEventDTO: Content, Sendable {
    var kind: String
    var stage: CaseStage?
    var onDate: String
    var summary: String
    var actor: String
}

struct LegalReviewDTO: Content, Sendable {
    var reviewerName: String
    var passed: Bool
    var opinion: String
    var reviewedOn: String
}

struct CaseDecisionDTO: Content, Sendable {
    var number: String
    var document: DecisionDocument
    var sanction: PenaltySanction?
    var circumstance: String?
    var outsideRangeReason: String?
    var collectingBank: String?
    var approverName: String
    var decidedOn: String
    /// 裁量基准: level, factors found, source (absent when none was applied).
    var discretion: DecisionDiscretion? = nil
}

struct CaseDetailDTO: Content, Sendable {
    var summary: CaseSummaryDTO
    var powerItemId: UUID
    var powerCode: String
    var powerName: String
    var powerVersion: Int
    var source: CaseSource
    var sourceLabel: String
    var facts: String
    var parties: [CasePartyDTO]
    var officers: [CaseOfficerDTO]
    var legalReviewRequired: Bool
    var majorReasons: [String]
    var majorCriteria: [StatutoryMajorCriterion]
    var proposedSanction: PenaltySanction?
    var notifiedOn: String?
    var hearingRight: String?
    var hearingRequested: Bool
    /// The stage the case may move to next (nil once closed).
    var nextStage: CaseStage?
    var path: [CaseStage]
    var deadlines: [CaseDeadlineDTO]
    var deadlineHistory: [CaseDeadlineChangeDTO]
    var events: [CaseEventDTO]
    var reviews: [LegalReviewDTO]
    var decision: CaseDecisionDTO?
    var closedOn: String?
    /// 全过程记录 of the case: entries in its stream and whether the chain checks.
    var recordEntries: Int?
    var recordIntact: Bool?
    var recordSummary: String?
}

extension DecisionDocument: Content {}
