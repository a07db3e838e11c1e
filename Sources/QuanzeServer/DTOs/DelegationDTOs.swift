import Foundation
import QuanzeCore
import Vapor

struct DelegatedItemDTO: Content, Sendable {
    var id: UUID
    var code: String
    var name: String
}

struct DelegationEventDTO: Content, Sendable {
    var kind: String
    var summary: String
    var actor: String?
    var recordedAt: Date?
}

struct DelegationDTO: Content, Sendable {
    var id: UUID
    var jurisdictionId: UUID
    var delegatingAgencyId: UUID
    var delegatingAgencyName: String
    var delegateAgencyId: UUID
    var delegateAgencyName: String
    var basis: String
    var basisArticleIds: [UUID]
    var powerItems: [DelegatedItemDTO]
    var termStart: String
    var termEnd: String
    var decisionOn: String
    var filingDue: String?
    var filingDueSource: String?
    var filingOverdue: Bool
    var filedOn: String?
    var filedLate: Bool
    var filingRef: String?
    var filingReport: String?
    var entrustmentLetter: String?
    var announcementDocument: String?
    var status: String
    var statusLabel: String
    var terminatedOn: String?
    var terminationReason: String?
    var history: [DelegationEventDTO]?

    init(_ r: DelegationRecord, today: LocalDate, events: [DelegationEvent]? = nil) throws {
        let d = r.delegation
        id = try d.requireID()
        jurisdictionId = d.$jurisdiction.id
        delegatingAgencyId = try r.delegator.requireID()
        delegatingAgencyName = r.delegator.name
        delegateAgencyId = try r.delegate.requireID()
        delegateAgencyName = r.delegate.name
        basis = d.basis
        basisArticleIds = d.basisArticleIDs
        powerItems = r.items.map { DelegatedItemDTO(id: $0.0.id!, code: $0.0.code, name: $0.1) }
        termStart = d.termStart
        termEnd = d.termEnd
        decisionOn = d.decisionOn
        filingDue = d.filingDue
        filingDueSource = d.filingDueSource
        filingOverdue = d.filingOverdue(on: today)
        filedOn = d.filedOn
        filedLate = d.filedLate
        filingRef = d.filingRef
        filingReport = d.filingReport
        entrustmentLetter = d.entrustmentLetter
        announcementDocument = d.announcementDocument
        let state = d.state(on: today)
        status = state.rawValue
        statusLabel = state.label
        terminatedOn = d.terminatedOn
        terminationReason = d.terminationReason
        history = events?.map { DelegationEventDTO(kind: $0.kind, summary: $0.summary, actor: $0.actor, recordedAt: $0.createdAt) }
    }
}

/// 公示：委托执法目录 — a filed delegation in force, without the filing papers' internals.
struct PublicDelegationDTO: Content, Sendable {
    var id: UUID
    var delegatingAgencyId: UUID
    var delegatingAgencyName: String
    var delegateAgencyId: UUID
    var delegateAgencyName: String
    var basis: String
    var powerItems: [DelegatedItemDTO]
    var termStart: String
    var termEnd: String
    var announcementDocument: String?

    init(_ r: DelegationRecord) throws {
        id = try r.delegation.requireID()
        delegatingAgencyId = try r.delegator.requireID()
        delegatingAgencyName = r.delegator.name
        delegateAgencyId = try r.delegate.requireID()
        delegateAgencyName = r.delegate.name
        basis = r.delegation.basis
        powerItems = r.items.map { DelegatedItemDTO(id: $0.0.id!, code: $0.0.code, name: $0.1) }
        termStart = r.delegation.termStart
        termEnd = r.delegation.termEnd
        announcementDocument = r.delegation.announcementDocument
    }
}

struct MayActDTO: Content, Sendable {
    var agencyId: UUID
    var powerItemId: UUID
    var date: String
    var allowed: Bool
    var code: String
    var message: String
    var delegationId: UUID?
}

struct DelegationInput: Content, StrictInput {
    var delegatingAgencyId: UUID
    var delegateAgencyId: UUID
    var basis: String
    var basisArticleIds: [UUID]?
    var powerItemIds: [UUID]
    var termStart: String
    var termEnd: String
    var decisionOn: String
    enum CodingKeys: String, CodingKey, CaseIterable {
        case delegatingAgencyId, delegateAgencyId, basis, basisArticleIds, powerItemIds, termStart, termEnd, decisionOn
    }
    typealias Keys = CodingKeys

    var service: DelegationService.Input {
        .init(delegatingAgencyID: delegatingAgencyId, delegateAgencyID: delegateAgencyId, basis: basis,
              basisArticleIDs: basisArticleIds ?? [], powerItemIDs: powerItemIds, termStart: termStart, termEnd: termEnd,
              decisionOn: decisionOn)
    }
}

struct DelegationFilingInput: Content, StrictInput {
    var filedOn: String
    var filingRef: String
    var filingReport: String
    var entrustmentLetter: String
    var announcementDocument: String
    enum CodingKeys: String, CodingKey, CaseIterable {
        case filedOn, filingRef, filingReport, entrustmentLetter, announcementDocument
    }
    typealias Keys = CodingKeys

    var service: DelegationService.Filing {
        .init(filedOn: filedOn, filingRef: filingRef, filingReport: filingReport, entrustmentLetter: entrustmentLetter,
              announcementDocument: announcementDocument)
    }
}

struct DelegationTerminateInput: Content, StrictInput {
    var reason: String
    enum CodingKeys: String, CodingKey, CaseIterable { case reason }
    typealias Keys = CodingKeys
}
