import Foundation
import QuanzeCore
import Vapor


struct CasePartyInput: Content, Sendable {
    var kind: PartyKind
    var name: String
    var identifier: String
    var address: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case kind, name, identifier, address }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(PartyKind.self, forKey: .kind)
        name = try c.decode(String.self, forKey: .name)
        identifier = try c.decode(String.self, forKey: .identifier)
        address = try c.decodeIfPresent(String.self, forKey: .address)
    }
}

struct CaseOfficerInput: Content, Sendable {
    var officerId: UUID
    var role: CaseOfficerRole
    enum CodingKeys: String, CodingKey, CaseIterable { case officerId, role }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        officerId = try c.decode(UUID.self, forKey: .officerId)
        role = try c.decode(CaseOfficerRole.self, forKey: .role)
    }
}

struct SanctionInput: Content, Sendable {
    var kinds: [PenaltyKind]
    var fineAmount: Int?
    var confiscationAmount: Int?
    enum CodingKeys: String, CodingKey, CaseIterable { case kinds, fineAmount, confiscationAmount }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kinds = try c.decode([PenaltyKind].self, forKey: .kinds)
        fineAmount = try c.decodeIfPresent(Int.self, forKey: .fineAmount)
        confiscationAmount = try c.decodeIfPresent(Int.self, forKey: .confiscationAmount)
    }

    var sanction: PenaltySanction { PenaltySanction(kinds: kinds, fineAmount: fineAmount ?? 0, confiscationAmount: confiscationAmount ?? 0) }
}

struct CaseFileInput: Content, StrictInput {
    var agencyId: UUID?
    var powerItemId: UUID
    var procedure: CaseProcedure
    var source: CaseSource
    var title: String
    var facts: String
    var filedOn: String?
    var parties: [CasePartyInput]
    var officers: [CaseOfficerInput]
    var majorCriteria: [StatutoryMajorCriterion]?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case agencyId, powerItemId, procedure, source, title, facts, filedOn, parties, officers, majorCriteria
    }
    typealias Keys = CodingKeys

    var service: CaseFiling.Input {
        .init(powerItemID: powerItemId, procedure: procedure, source: source, title: title, facts: facts, filedOn: filedOn,
              parties: parties.map { .init(kind: $0.kind, name: $0.name, identifier: $0.identifier, address: $0.address) },
              officers: officers.map { .init(officerID: $0.officerId, role: $0.role) }, majorCriteria: majorCriteria ?? [])
    }
}

struct CaseAdvanceInput: Content, StrictInput {
    var to: CaseStage
    var note: String?
    var sanction: SanctionInput?
    var partyKind: PartyKind?
    var hearingOn: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case to, note, sanction, partyKind, hearingOn }
    typealias Keys = CodingKeys

    var service: CaseProgress.Input {
        .init(to: to, note: note, sanction: sanction?.sanction, partyKind: partyKind, hearingOn: hearingOn)
    }
}

struct LegalReviewInput: Content, StrictInput {
    var passed: Bool
    var opinion: String
    enum CodingKeys: String, CodingKey, CaseIterable { case passed, opinion }
    typealias Keys = CodingKeys
}

struct CaseDecisionInput: Content, StrictInput {
    var factsAndEvidence: String
    var basis: String
    var content: String
    var performance: String
    var remedies: String?
    var sanction: SanctionInput?
    var partyKind: PartyKind?
    var discretionId: UUID?
    var circumstance: String?
    var outsideRangeReason: String?
    var collectingBank: String?
    /// 从轻、减轻、从重 情节 found, as listed by the benchmark.
    var factors: [String]?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case factsAndEvidence, basis, content, performance, remedies, sanction, partyKind, discretionId, circumstance, outsideRangeReason, collectingBank
        case factors
    }
    typealias Keys = CodingKeys

    var service: CaseDecisionService.Input {
        .init(factsAndEvidence: factsAndEvidence, basis: basis, content: content, performance: performance, remedies: remedies,
              sanction: sanction?.sanction, partyKind: partyKind, discretionID: discretionId, circumstance: circumstance,
              outsideRangeReason: outsideRangeReason, collectingBank: collectingBank, factors: factors ?? [])
    }
}

struct CaseClockInput: Content, StrictInput {
    var action: CaseClockService.Action
    var reason: String
    var deadlineCode: String?
    var days: Int?
    enum CodingKeys: String, CodingKey, CaseIterable { case action, reason, deadlineCode, days }
    typealias Keys = CodingKeys

    var service: CaseClockService.Input { .init(action: action, reason: reason, deadlineCode: deadlineCode, days: days) }
}
