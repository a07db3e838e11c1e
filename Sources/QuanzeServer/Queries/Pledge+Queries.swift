import Fluent
import Foundation

/// A pledge with its parties' names and attachment metadata (the bytes are loaded only to download).
enum PledgeQueries {
    struct View {
        let pledge: Pledge
        let firstParty: String
        let secondParty: String
        let attachment: (fileName: String, contentType: String, size: Int)?
    }

    static func view(_ p: Pledge, on db: any Database) async throws -> View {
        let agency = try await Agency.find(p.$agency.id, on: db)
        let first: String
        let second: String
        switch p.partyKind {
        case .governmentBody:
            first = try await Jurisdiction.find(p.$jurisdiction.id, on: db)?.governmentName ?? ""
            second = agency?.name ?? ""
        case .bodyUnit:
            first = agency?.name ?? ""
            var unitName = ""
            if let unitID = p.$unit.id { unitName = try await EnforcementUnit.find(unitID, on: db)?.name ?? "" }
            second = unitName
        }
        let a = try await PledgeAttachment.query(on: db).filter(\.$pledge.$id == p.requireID())
            .field(\.$id).field(\.$fileName).field(\.$contentType).field(\.$size).first()
        return View(pledge: p, firstParty: first, secondParty: second, attachment: a.map { ($0.fileName, $0.contentType, $0.size) })
    }
}
