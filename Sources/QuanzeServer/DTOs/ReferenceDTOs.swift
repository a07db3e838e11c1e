import Foundation
import QuanzeCore
import Vapor

struct AgencyDTO: Content, Sendable {
    var id: UUID
    var jurisdictionId: UUID
    var name: String
    var uscc: String?
    var kind: String
    var kindLabel: String
    var level: String
    var managementMode: String
    var managementModeLabel: String
    var isLegalOffice: Bool

    init(_ a: Agency) throws {
        id = try a.requireID()
        jurisdictionId = a.$jurisdiction.id
        name = a.name
        uscc = a.uscc
        kind = a.kind.rawValue
        kindLabel = a.kind.label
        level = a.level
        managementMode = a.managementMode.rawValue
        managementModeLabel = a.managementMode.label
        isLegalOffice = a.isLegalOffice
    }
}

/// What the public portal shows of a body.
struct PublicAgencyDTO: Content, Sendable {
    var id: UUID
    var name: String
    var kindLabel: String
    var level: String
    var managementModeLabel: String
    var uscc: String?

    init(_ a: Agency) throws {
        id = try a.requireID()
        name = a.name
        kindLabel = a.kind.label
        level = a.level
        managementModeLabel = a.managementMode.label
        uscc = a.uscc
    }
}

struct JurisdictionDTO: Content, Sendable {
    var id: UUID
    var regionCode: String
    var name: String
    var governmentName: String
    var legalOfficeName: String
    var profileId: String

    init(_ j: Jurisdiction) throws {
        id = try j.requireID()
        regionCode = j.regionCode
        name = j.name
        governmentName = j.governmentName
        legalOfficeName = j.legalOfficeName
        profileId = j.profileID
    }
}

struct ProfileChoiceInput: Content, StrictInput {
    var profileId: String
    enum CodingKeys: String, CodingKey, CaseIterable { case profileId }
    typealias Keys = CodingKeys
}

struct ProfileSummaryDTO: Content, Sendable {
    var id: String
    var name: String
    var jurisdiction: String
    var inherits: String?
}

struct CalendarYearSummaryDTO: Content, Sendable {
    var year: Int
    var notice: String
    var origin: String   // "bundled" (official data shipped with the platform) or "added"
    var holidays: Int
    var workingWeekends: Int
}
