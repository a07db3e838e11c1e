import Foundation
import QuanzeCore
import Vapor

struct PledgeDTO: Content, Sendable {
    var id: UUID
    var year: Int
    var partyKind: String
    var partyKindLabel: String
    var firstParty: String
    var secondParty: String
    var agencyId: UUID
    var unitId: UUID?
    var sections: [PledgeSection]
    var totalPoints: Int
    var firstPartySignedOn: String?
    var secondPartySignedOn: String?
    var status: String
    var statusLabel: String
    var attachment: AttachmentInfo?

    struct AttachmentInfo: Content, Sendable {
        var fileName: String
        var contentType: String
        var size: Int
    }

    init(_ v: PledgeQueries.View) throws {
        let p = v.pledge
        id = try p.requireID()
        year = p.year
        partyKind = p.partyKind.rawValue
        partyKindLabel = p.partyKind.label
        firstParty = v.firstParty
        secondParty = v.secondParty
        agencyId = p.$agency.id
        unitId = p.$unit.id
        sections = p.sections
        totalPoints = p.totalPoints
        firstPartySignedOn = p.firstPartySignedOn
        secondPartySignedOn = p.secondPartySignedOn
        status = p.status.rawValue
        statusLabel = p.status.label
        attachment = v.attachment.map { AttachmentInfo(fileName: $0.fileName, contentType: $0.contentType, size: $0.size) }
    }
}

extension PledgeSection: Content {}

struct PledgeSectionInput: Content, StrictInput {
    var title: String
    var target: String
    var points: Int
    enum CodingKeys: String, CodingKey, CaseIterable { case title, target, points }
    typealias Keys = CodingKeys
}

struct PledgeInput: Content, StrictInput {
    var year: Int
    var agencyId: UUID?
    var unitId: UUID?
    var sections: [PledgeSectionInput]
    enum CodingKeys: String, CodingKey, CaseIterable { case year, agencyId, unitId, sections }
    typealias Keys = CodingKeys

    var draft: PledgeService.Draft {
        .init(year: year, agencyID: agencyId, unitID: unitId, sections: sections.map { PledgeSection(title: $0.title, target: $0.target, points: $0.points) })
    }
}

struct PledgeSignInput: Content, StrictInput {
    var firstPartySignedOn: String
    var secondPartySignedOn: String
    enum CodingKeys: String, CodingKey, CaseIterable { case firstPartySignedOn, secondPartySignedOn }
    typealias Keys = CodingKeys
}

struct PledgeAttachmentInput: Content, StrictInput {
    var fileName: String
    /// The file, base64-encoded (at most 5 MB once decoded).
    var contentBase64: String
    enum CodingKeys: String, CodingKey, CaseIterable { case fileName, contentBase64 }
    typealias Keys = CodingKeys
}
