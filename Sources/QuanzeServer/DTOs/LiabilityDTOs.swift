import Foundation
import QuanzeCore
import Vapor

// MARK: inputs (strict: unknown fields and explicit null refused)

struct LiabilityIntakeInput: Content, StrictInput {
    var sourceKind: String
    var agencyId: UUID
    var caseId: UUID?
    var subjectOfficerId: UUID?
    var summary: String
    var sourceDetail: String?
    var discoveredOn: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case sourceKind, agencyId, caseId, subjectOfficerId, summary, sourceDetail, discoveredOn }
    typealias Keys = CodingKeys
}

struct LiabilityFileInput: Content, StrictInput {
    var summary: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case summary }
    typealias Keys = CodingKeys
}

struct LiabilityDeclineInput: Content, StrictInput {
    var reason: String
    enum CodingKeys: String, CodingKey, CaseIterable { case reason }
    typealias Keys = CodingKeys
}

struct LiabilityPersonInput: Content, StrictInput {
    var officerId: UUID?
    var userId: UUID?
    var note: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case officerId, userId, note }
    typealias Keys = CodingKeys
}

struct LiabilityInvestigatorInput: Content, StrictInput {
    var userId: UUID
    enum CodingKeys: String, CodingKey, CaseIterable { case userId }
    typealias Keys = CodingKeys
}

struct LiabilityRecusalInput: Content, StrictInput {
    var userId: UUID
    var reason: String
    enum CodingKeys: String, CodingKey, CaseIterable { case userId, reason }
    typealias Keys = CodingKeys
}

struct LiabilityEvidenceInput: Content, StrictInput {
    var kind: LiabilityMatterService.EvidenceKind
    var title: String
    var content: String
    var date: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case kind, title, content, date }
    typealias Keys = CodingKeys
}

struct LiabilityStatementInput: Content, StrictInput {
    var personId: UUID?
    var text: String
    var statedOn: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case personId, text, statedOn }
    typealias Keys = CodingKeys
}

// MARK: views

struct LiabilityRuleDTO: Content, Sendable {
    /// e.g. `liability_decision`.
    var code: String
    var name: String
    /// `未规定` when the profile is silent.
    var period: String
    var due: String?
    var source: String?
    var overdue: Bool
}

struct LiabilityPersonDTO: Content, Sendable {
    var id: UUID
    var name: String
    var role: String
    var roleLabel: String
    var origin: String
    var agencyName: String
    /// Masked (PersonalDataMasker) — never the full number.
    var idNumberMasked: String?
    var note: String
}

struct LiabilityInvestigatorDTO: Content, Sendable {
    var id: UUID
    var userId: UUID
    var name: String
    var status: String
    var appointedOn: String
    var appointedBy: String
}

struct LiabilityRecusalDTO: Content, Sendable {
    var id: UUID
    var userId: UUID
    var name: String
    var kind: String
    var kindLabel: String
    var reason: String
    var recordedOn: String
    var recordedBy: String
}

struct LiabilityStatementDTO: Content, Sendable {
    var id: UUID
    var personId: UUID
    var personName: String
    var statedOn: String
    var text: String
    var submittedBy: String
}

struct LiabilityLogEntryDTO: Content, Sendable {
    var index: Int64
    var kind: String
    var kindLabel: String
    var actor: String?
    var payload: [String: String]
    var entryHash: String
}

struct LiabilityMatterDTO: Content, Sendable {
    var id: UUID
    var intakeId: UUID
    var summary: String
    var status: String
    var statusLabel: String
    var pursuingBody: String
    var subjectAgencyId: UUID
    var subjectAgencyName: String
    var caseId: UUID?
    var caseNumber: String?
    var profileId: String
    var filedOn: String
    var filedBy: String
    var decisionDeadline: LiabilityRuleDTO
    var investigatorsMinimum: Int?
    var investigatorsMinimumSource: String?
    var canAct: Bool
    var persons: [LiabilityPersonDTO]
    var investigators: [LiabilityInvestigatorDTO]
    var recusals: [LiabilityRecusalDTO]
    var statements: [LiabilityStatementDTO]
    var log: [LiabilityLogEntryDTO]
    /// Findings, proposal, decision, service, appeals (022); nil only for callers that do not ask.
    var outcome: LiabilityOutcomeDTO? = nil
}

struct LiabilityMatterSummaryDTO: Content, Sendable {
    var id: UUID
    var summary: String
    var status: String
    var statusLabel: String
    var subjectAgencyName: String
    var pursuingBody: String
    var filedOn: String
    var decisionDueOn: String?
}

// MARK: findings, decision, appeals (issue 6 items 4, 5, 7)

struct LiabilityFindingDTO: Content, Sendable {
    var id: UUID
    var seq: Int
    var foundOn: String
    var foundBy: String
    var faultSituation: String
    var gravityLevel: Int?
    var reviewDue: Bool
    var established: [String]
    var views: [String: String]
    var circumstances: [String]
    /// Person ids who had made their statement when this proposal was made.
    var stated: [UUID]
    var proposal: LiabilityProposalSnapshot
}

struct LiabilityHearingDTO: Content, Sendable {
    var personId: UUID
    var name: String
    var stated: Bool
    var waived: Bool
}

struct LiabilityAppealDTO: Content, Sendable {
    var id: UUID
    var lodgedOn: String
    var lodgedBy: String
    var grounds: String
    var reviewingBody: String
    var reviewingSource: String?
    var decisionDeadline: LiabilityRuleDTO
    var extensionValue: Int
    var extensionReason: String?
    var extensionApprovedBy: String?
    var outcome: String?
    var outcomeLabel: String?
    var outcomeSanctions: [String]?
    var outcomeReason: String?
    var decidedOn: String?
    var decidedBy: String?
}

struct LiabilityTargetDecisionDTO: Content, Sendable {
    var id: UUID
    var target: String
    var targetKind: String
    var name: String
    var proposedShare: String
    var proposedSanctions: [String]
    var share: String
    var sanctions: [String]
    var sanctionNames: String
    var differsReason: String?
    var status: String
    var statusLabel: String
    var decidedOn: String
    var servedOn: String?
    var serviceManner: String?
    var serviceRecipient: String?
    var appealWindow: LiabilityRuleDTO
    var consequences: [LiabilityConsequenceState]
    var appeal: LiabilityAppealDTO?
}

struct LiabilityDocumentDTO: Content, Sendable {
    var id: UUID
    var number: String
    var decidedOn: String
    var decidedBy: String
    var facts: String
    var reasons: String
    var basis: [String]
    var appealRights: String
    var filing: LiabilityRuleDTO
    var collectiveDecision: LiabilityRuleDTO?
    var filedOn: String?
    var filedWith: String?
    var executionOutcome: String?
    var executionOn: String?
    var executionText: String?
    var escalationIntakeId: UUID?
    var closedOn: String?
    var closingReport: String?
}

struct LiabilityOutcomeDTO: Content, Sendable {
    var findings: [LiabilityFindingDTO]
    var hearing: [LiabilityHearingDTO]
    var extensionValue: Int?
    var extensionReason: String?
    var extensionApprovedBy: String?
    var document: LiabilityDocumentDTO?
    var decisions: [LiabilityTargetDecisionDTO]
}

struct LiabilityFindingsInput: Content, StrictInput {
    struct View: Content, Sendable { var personId: UUID; var view: String }
    struct Target: Content, Sendable { var target: String; var circumstances: [String]?; var sanctions: [String]? }
    var faultSituation: String
    var established: [String]?
    var reviewDue: Bool?
    var views: [View]?
    var circumstances: [String]?
    var gravityLevel: Int?
    var targets: [Target]?
    enum CodingKeys: String, CodingKey, CaseIterable { case faultSituation, established, reviewDue, views, circumstances, gravityLevel, targets }
    typealias Keys = CodingKeys
}

struct LiabilityWaiverInput: Content, StrictInput {
    var personId: UUID; var note: String?; var recordedOn: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case personId, note, recordedOn }
    typealias Keys = CodingKeys
}
struct LiabilityExtensionInput: Content, StrictInput {
    var value: Int; var reason: String; var approvedBy: String
    enum CodingKeys: String, CodingKey, CaseIterable { case value, reason, approvedBy }
    typealias Keys = CodingKeys
}
struct LiabilityDecisionInput: Content, StrictInput {
    struct Target: Content, Sendable { var target: String; var share: String; var sanctions: [String]; var reason: String? }
    var facts: String
    var reasons: String
    var targets: [Target]
    enum CodingKeys: String, CodingKey, CaseIterable { case facts, reasons, targets }
    typealias Keys = CodingKeys
}
struct LiabilityServiceInput: Content, StrictInput {
    var servedOn: String?; var manner: String; var recipient: String
    enum CodingKeys: String, CodingKey, CaseIterable { case servedOn, manner, recipient }
    typealias Keys = CodingKeys
}
struct LiabilityAppealInput: Content, StrictInput {
    var lodgedOn: String?; var grounds: String
    enum CodingKeys: String, CodingKey, CaseIterable { case lodgedOn, grounds }
    typealias Keys = CodingKeys
}
struct LiabilityAppealDecisionInput: Content, StrictInput {
    var outcome: String; var sanctions: [String]?; var share: String?; var reason: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case outcome, sanctions, share, reason }
    typealias Keys = CodingKeys
}
struct LiabilityFilingInput: Content, StrictInput {
    var filedOn: String?; var office: String
    enum CodingKeys: String, CodingKey, CaseIterable { case filedOn, office }
    typealias Keys = CodingKeys
}
struct LiabilityExecutionInput: Content, StrictInput {
    var outcome: String; var text: String; var date: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case outcome, text, date }
    typealias Keys = CodingKeys
}
struct LiabilityCloseInput: Content, StrictInput {
    var report: String
    enum CodingKeys: String, CodingKey, CaseIterable { case report }
    typealias Keys = CodingKeys
}
