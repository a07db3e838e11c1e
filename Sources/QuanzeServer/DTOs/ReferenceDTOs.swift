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
    var regionCode: String?
    var supervisingAgencyId: UUID?
    var status: String
    var statusLabel: String
    var mayEnforce: Bool
    var confirmationRef: String?
    var confirmedAt: Date?
    var announcementRef: String?
    var announcedOn: String?
    var usccExceptionReason: String?
    var complaintChannels: [String] = []

    init(_ a: Agency) throws {
        complaintChannels = a.complaintChannels
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
        regionCode = a.regionCode
        supervisingAgencyId = a.$supervisingAgency.id
        status = a.status.rawValue
        statusLabel = a.status.label
        mayEnforce = a.mayEnforce
        confirmationRef = a.confirmationRef
        confirmedAt = a.confirmedAt
        announcementRef = a.announcementRef
        announcedOn = a.announcedOn
        usccExceptionReason = a.usccExceptionReason
    }
}

struct AgencyInput: Content, StrictInput {
    var name: String?
    var uscc: String?
    var usccExceptionReason: String?
    var kind: AgencyKind?
    var level: String?
    var regionCode: String?
    var managementMode: ManagementMode?
    var supervisingAgencyId: UUID?
    var complaintChannels: [String]?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, uscc, usccExceptionReason, kind, level, regionCode, managementMode, supervisingAgencyId, complaintChannels
    }
    typealias Keys = CodingKeys

    var fields: AgencyService.Fields {
        .init(name: name, uscc: uscc, usccExceptionReason: usccExceptionReason, kind: kind, level: level,
              regionCode: regionCode, managementMode: managementMode, supervisingAgencyID: supervisingAgencyId,
              complaintChannels: complaintChannels)
    }
}

struct ConfirmAgencyInput: Content, StrictInput {
    var confirmationRef: String
    enum CodingKeys: String, CodingKey, CaseIterable { case confirmationRef }
    typealias Keys = CodingKeys
}

struct AnnounceAgencyInput: Content, StrictInput {
    var announcementRef: String
    var announcedOn: String
    enum CodingKeys: String, CodingKey, CaseIterable { case announcementRef, announcedOn }
    typealias Keys = CodingKeys
}

struct RevokeAgencyInput: Content, StrictInput {
    var reason: String
    enum CodingKeys: String, CodingKey, CaseIterable { case reason }
    typealias Keys = CodingKeys
}

/// What the public portal shows of a body.
struct PublicAgencyDTO: Content, Sendable {
    var id: UUID
    var name: String
    var kindLabel: String
    var level: String
    var managementModeLabel: String
    var uscc: String?
    var announcementRef: String?
    var announcedOn: String?

    init(_ a: Agency) throws {
        id = try a.requireID()
        announcementRef = a.announcementRef
        announcedOn = a.announcedOn
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
