import Foundation
import QuanzeCore
import Vapor

struct CoordinationRaiseInput: Content, StrictInput {
    var kind: String
    var subject: String
    var description: String
    var partyAgencyIds: [UUID]
    enum CodingKeys: String, CodingKey, CaseIterable { case kind, subject, description, partyAgencyIds }
    typealias Keys = CodingKeys
}

struct CoordinationOpinionInput: Content, StrictInput {
    var endedOn: String
    var opinion: String
    var executeBy: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case endedOn, opinion, executeBy }
    typealias Keys = CodingKeys
}

struct CoordinationEscalateInput: Content, StrictInput {
    var office: String
    var endedOn: String?
    var application: String
    enum CodingKeys: String, CodingKey, CaseIterable { case office, endedOn, application }
    typealias Keys = CodingKeys
}

struct CoordinationForwardInput: Content, StrictInput {
    var office: String
    enum CodingKeys: String, CodingKey, CaseIterable { case office }
    typealias Keys = CodingKeys
}

struct CoordinationResolveInput: Content, StrictInput {
    var office: String
    var outcome: String
    var text: String
    var executeBy: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case office, outcome, text, executeBy }
    typealias Keys = CodingKeys
}

struct CoordinationDecisionInput: Content, StrictInput {
    var text: String
    var executeBy: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case text, executeBy }
    typealias Keys = CodingKeys
}

struct CoordinationExecutionInput: Content, StrictInput {
    var agencyId: UUID?
    var text: String
    enum CodingKeys: String, CodingKey, CaseIterable { case agencyId, text }
    typealias Keys = CodingKeys
}

/// A computed date with its rule and source (nil date: the profile is silent, 未规定).
struct CoordinationDeadlineDTO: Content {
    var code: String
    var name: String
    var dueOn: String?
    var rule: String?
    var source: String?
    var met: String?
    var late: Bool
}

struct CoordinationPartyDTO: Content {
    var agencyId: UUID
    var agencyName: String
    var role: String
    var reportedOn: String?
    var reportText: String?
    var reportedBy: String?
    /// The execution date has passed without a report.
    var overdue: Bool
}

struct CoordinationStepDTO: Content {
    var seq: Int
    var day: String
    var kind: String
    var actor: String
    var text: String
    var source: String?
}

struct CoordinationSummaryDTO: Content {
    var id: UUID
    var kind: String
    var kindLabel: String
    var subject: String
    var status: String
    var statusLabel: String
    var initiatorAgencyId: UUID
    var initiatorName: String
    var parties: [String]
    var raisedOn: String
    var currentOffice: String?
    var filingLate: Bool
    var executionOverdue: Bool
}

struct CoordinationDTO: Content {
    var id: UUID
    var kind: String
    var kindLabel: String
    var subject: String
    var description: String
    var status: String
    var statusLabel: String
    var profileId: String
    var raisedOn: String
    var raisedBy: String
    var endedOn: String?
    var opinion: String?
    var filedOn: String?
    var appliedOffice: String?
    var application: String?
    var currentOffice: String?
    /// The office 第十条 names for this kind; nil when the profile is silent.
    var competentOffice: String?
    var competentSource: String?
    var receivedOn: String?
    var forwardedOn: String?
    var resolution: String?
    var resolutionText: String?
    var resolvedOn: String?
    var decisionText: String?
    var decidedOn: String?
    var executeBy: String?
    var closedOn: String?
    var deadlines: [CoordinationDeadlineDTO]
    var parties: [CoordinationPartyDTO]
    var steps: [CoordinationStepDTO]
    var recordStream: String
}

struct TypicalCaseInput: Content, StrictInput {
    var matterId: UUID?
    var title: String
    var body: String
    var ruleCited: String
    var handling: String
    var personNames: [String]?
    enum CodingKeys: String, CodingKey, CaseIterable { case matterId, title, body, ruleCited, handling, personNames }
    typealias Keys = CodingKeys
}

struct TypicalCaseWithdrawInput: Content, StrictInput {
    var reason: String
    enum CodingKeys: String, CodingKey, CaseIterable { case reason }
    typealias Keys = CodingKeys
}

struct TypicalCaseDTO: Content {
    var id: UUID
    var matterId: UUID?
    var title: String
    var body: String
    var ruleCited: String
    var handling: String
    var status: String
    var composedBy: String
    var composedOn: String
    var publishedOn: String?
    var withdrawnOn: String?
    var withdrawReason: String?

    init(_ t: TypicalCase) {
        id = t.id!
        matterId = t.matterID
        title = t.title
        body = t.body
        ruleCited = t.ruleCited
        handling = t.handling
        status = t.status
        composedBy = t.composedBy
        composedOn = t.composedOn
        publishedOn = t.publishedOn
        withdrawnOn = t.withdrawnOn
        withdrawReason = t.withdrawReason
    }
}

/// The portal's view: no names list, no drafting details.
struct PublicTypicalCaseDTO: Content {
    var id: UUID
    var title: String
    var body: String
    var ruleCited: String
    var handling: String
    var publishedOn: String
}
