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
