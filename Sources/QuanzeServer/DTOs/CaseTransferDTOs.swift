import Fluent
import Foundation
import QuanzeCore
import Vapor

/// `POST /api/v1/cases/:caseID/transfers`.
struct CaseTransferInput: Content, StrictInput {
    var kind: CaseTransferKind
    var toAgencyId: UUID?
    var reason: String
    var materials: [String]
    var organ: JudicialOrgan?
    var organName: String?
    var suspectedCrime: String?
    var receiptNumber: String?
    var transferredOn: String?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, toAgencyId, reason, materials, organ, organName, suspectedCrime, receiptNumber, transferredOn
    }
    typealias Keys = CodingKeys

    var service: CaseTransferService.Input {
        .init(kind: kind, toAgencyID: toAgencyId, reason: reason, materials: materials, organ: organ, organName: organName,
              suspectedCrime: suspectedCrime, receiptNumber: receiptNumber, transferredOn: transferredOn)
    }
}

/// `POST /api/v1/case-transfers/:transferID/accept`: the receiving body files its case.
struct CaseTransferAcceptInput: Content, StrictInput {
    var powerItemId: UUID
    var procedure: CaseProcedure
    var title: String?
    var facts: String?
    var filedOn: String?
    var officers: [CaseOfficerInput]
    var majorCriteria: [StatutoryMajorCriterion]?
    enum CodingKeys: String, CodingKey, CaseIterable { case powerItemId, procedure, title, facts, filedOn, officers, majorCriteria }
    typealias Keys = CodingKeys

    var service: CaseTransferService.Acceptance {
        .init(powerItemID: powerItemId, procedure: procedure, title: title, facts: facts, filedOn: filedOn,
              officers: officers.map { .init(officerID: $0.officerId, role: $0.role) }, majorCriteria: majorCriteria ?? [])
    }
}

struct CaseTransferDTO: Content, Sendable {
    var id: UUID
    var caseId: UUID
    var caseNumber: String
    var fromAgencyId: UUID
    var fromAgencyName: String
    var kind: CaseTransferKind
    var kindLabel: String
    var toAgencyId: UUID?
    var toAgencyName: String?
    var organ: JudicialOrgan?
    var organName: String?
    var suspectedCrime: String?
    var receiptNumber: String?
    var transferredOn: String
    var reason: String
    var materials: [String]
    var status: String
    var statusLabel: String
    var acceptedCaseId: UUID?
    var acceptedCaseNumber: String?
    var acceptedOn: String?
    var acceptedBy: String?
    /// No seed or profile sets a period for accepting a transfer: pending ones have no due day.
    var acceptanceDue: String?
    var source: String

    static func load(_ list: [CaseTransfer], on db: any Database) async throws -> [CaseTransferDTO] {
        let agencyIDs = Array(Set(list.flatMap { [$0.$fromAgency.id] + ($0.$toAgency.id.map { [$0] } ?? []) }))
        let caseIDs = Array(Set(list.flatMap { [$0.$enforcementCase.id] + ($0.$acceptedCase.id.map { [$0] } ?? []) }))
        let agencies = Dictionary(uniqueKeysWithValues: try await Agency.query(on: db).filter(\.$id ~~ agencyIDs).all().compactMap { a in a.id.map { ($0, a.name) } })
        let numbers = Dictionary(uniqueKeysWithValues: try await EnforcementCase.query(on: db).filter(\.$id ~~ caseIDs).all().compactMap { c in c.id.map { ($0, c.number) } })
        return try list.map { t in
            CaseTransferDTO(id: try t.requireID(), caseId: t.$enforcementCase.id, caseNumber: numbers[t.$enforcementCase.id] ?? "",
                            fromAgencyId: t.$fromAgency.id, fromAgencyName: agencies[t.$fromAgency.id] ?? "", kind: t.kind, kindLabel: t.kind.label,
                            toAgencyId: t.$toAgency.id, toAgencyName: t.$toAgency.id.flatMap { agencies[$0] }, organ: t.organ, organName: t.organName,
                            suspectedCrime: t.suspectedCrime, receiptNumber: t.receiptNumber, transferredOn: t.transferredOn, reason: t.reason,
                            materials: t.materials, status: t.status.rawValue, statusLabel: t.status.label, acceptedCaseId: t.$acceptedCase.id,
                            acceptedCaseNumber: t.$acceptedCase.id.flatMap { numbers[$0] }, acceptedOn: t.acceptedOn, acceptedBy: t.acceptedBy,
                            acceptanceDue: nil,
                            source: (t.kind == .agency ? CaseTransferRules.agencySource : CaseTransferRules.crimeSource).description)
        }
    }
}

struct CaseTransferAcceptedDTO: Content, Sendable {
    var transfer: CaseTransferDTO
    var caseId: UUID
    var caseNumber: String
}

/// `POST /api/v1/decision-publications/:publicationID/withdraw`.
struct DecisionWithdrawInput: Content, StrictInput {
    var reason: String
    var basis: String?
    var resultOn: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case reason, basis, resultOn }
    typealias Keys = CodingKeys
}

/// A publication as the body sees it.
struct DecisionPublicationDTO: Content, Sendable {
    var id: UUID
    var caseId: UUID
    var caseNumber: String
    var agencyName: String
    var decisionNumber: String
    var decidedOn: String
    var ruleCode: String
    var due: String
    var provisional: Bool
    var source: String
    var status: String
    var statusLabel: String
    var late: Bool
    var publishedOn: String?
    var publishedBy: String?
    var recordIndex: Int64?
    var withdrawalReason: String?
    var withdrawalBasis: String?
    var resultOn: String?
    var withdrawalDue: String?
    var withdrawnOn: String?
    var withdrawalLate: Bool

    static func load(_ list: [DecisionPublication], today: LocalDate, on db: any Database) async throws -> [DecisionPublicationDTO] {
        let cases = Dictionary(uniqueKeysWithValues: try await EnforcementCase.query(on: db).filter(\.$id ~~ list.map { $0.$enforcementCase.id }).all()
            .compactMap { c in c.id.map { ($0, c.number) } })
        let decisions = Dictionary(uniqueKeysWithValues: try await CaseDecision.query(on: db).filter(\.$id ~~ list.map { $0.$decision.id }).all()
            .compactMap { d in d.id.map { ($0, d.number) } })
        let agencies = Dictionary(uniqueKeysWithValues: try await Agency.query(on: db).filter(\.$id ~~ Array(Set(list.map { $0.$agency.id }))).all()
            .compactMap { a in a.id.map { ($0, a.name) } })
        return try list.map { p in
            DecisionPublicationDTO(id: try p.requireID(), caseId: p.$enforcementCase.id, caseNumber: cases[p.$enforcementCase.id] ?? "",
                                   agencyName: agencies[p.$agency.id] ?? "", decisionNumber: decisions[p.$decision.id] ?? "", decidedOn: p.decidedOn,
                                   ruleCode: p.ruleCode, due: p.due, provisional: p.provisional, source: p.source.description, status: p.status.rawValue,
                                   statusLabel: p.status.label, late: p.isLate(today: today), publishedOn: p.publishedOn, publishedBy: p.publishedBy,
                                   recordIndex: p.recordIndex, withdrawalReason: p.withdrawalReason, withdrawalBasis: p.withdrawalBasis,
                                   resultOn: p.resultOn, withdrawalDue: p.withdrawalDue, withdrawnOn: p.withdrawnOn, withdrawalLate: p.withdrawalLate)
        }
    }
}

/// A decision on the portal: masked text while published; agency, number, date and the reason once withdrawn.
struct PublicDecisionDTO: Content, Sendable {
    var id: UUID
    var status: String
    var statusLabel: String
    var agencyName: String
    var decisionNumber: String
    var procedure: String
    var caseTitle: String
    var parties: String
    var facts: String
    var basis: String
    var content: String
    var decidedOn: String
    var publishedOn: String?
    var withdrawnOn: String?
    var withdrawalReason: String?
    var withdrawalBasis: String?
    var recordIndex: Int64?
    /// Size of the signed checkpoint the publication entry is included in (nil: the next one).
    var checkpointTreeSize: Int64?
    var inclusionProofUrl: String?

    init(_ p: DecisionPublication, checkpointTreeSize: Int64? = nil) throws {
        let t = p.publicText
        id = try p.requireID()
        status = p.status.rawValue
        statusLabel = p.status.label
        agencyName = t?.agencyName ?? ""
        decisionNumber = t?.decisionNumber ?? ""
        procedure = t?.procedure ?? ""
        caseTitle = t?.caseTitle ?? ""
        parties = t?.parties ?? ""
        facts = t?.facts ?? ""
        basis = t?.basis ?? ""
        content = t?.content ?? ""
        decidedOn = p.decidedOn
        publishedOn = p.publishedOn
        withdrawnOn = p.withdrawnOn
        withdrawalReason = p.withdrawalReason
        withdrawalBasis = p.withdrawalBasis
        recordIndex = p.recordIndex
        self.checkpointTreeSize = checkpointTreeSize
        inclusionProofUrl = zip2(p.recordIndex, checkpointTreeSize).map { SiteURL.publicRecordInclusion($0.0, size: $0.1) }
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

struct PublicDecisionPageDTO: Content, Sendable {
    var items: [PublicDecisionDTO]
    var total: Int
    var page: Int
    var per: Int
}
