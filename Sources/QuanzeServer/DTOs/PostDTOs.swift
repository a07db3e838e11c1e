import Foundation
import QuanzeCore
import Vapor

struct UnitDTO: Content, Sendable {
    var id: UUID
    var agencyId: UUID
    var name: String
    var description: String?

    init(_ u: EnforcementUnit) throws {
        id = try u.requireID()
        agencyId = u.$agency.id
        name = u.name
        description = u.description
    }
}

struct PostPowerDTO: Content, Sendable {
    var itemId: UUID
    var code: String
    var name: String
    var overlapReason: String?
}

struct AssignmentDTO: Content, Sendable {
    var id: UUID
    var postId: UUID
    var officerId: UUID
    var officerName: String
    var startDate: String
    var endDate: String?

    init(_ a: PostAssignment, officer: Officer) throws {
        id = try a.requireID()
        postId = a.$post.id
        officerId = try officer.requireID()
        officerName = officer.name
        startDate = a.startDate
        endDate = a.endDate
    }
}

struct PostDTO: Content, Sendable {
    var id: UUID
    var agencyId: UUID
    var unitId: UUID
    var unitName: String
    var name: String
    var duties: [String]
    var dutyLabels: [String]
    var powers: [PostPowerDTO]
    var assignments: [AssignmentDTO]

    init(_ row: PostQueries.PostRow) throws {
        id = try row.post.requireID()
        agencyId = row.post.$agency.id
        unitId = row.post.$unit.id
        unitName = row.unit.name
        name = row.post.name
        duties = row.post.duties.sorted().map(\.rawValue)
        dutyLabels = row.post.duties.sorted().map(\.label)
        powers = row.powers.map { PostPowerDTO(itemId: $0.item.id!, code: $0.item.code, name: $0.name, overlapReason: $0.holding.overlapReason) }
        assignments = try row.assignments.map { try AssignmentDTO($0.0, officer: $0.1) }
    }
}

struct CoverageDTO: Content, Sendable {
    struct Item: Content, Sendable { var itemId: UUID; var code: String; var name: String }
    struct Holder: Content, Sendable { var postId: UUID; var postName: String; var unitName: String; var overlapReason: String? }
    struct Overlap: Content, Sendable { var itemId: UUID; var code: String; var name: String; var sharedDuties: [String]; var holders: [Holder] }
    struct EmptyPost: Content, Sendable { var postId: UUID; var postName: String; var unitName: String }
    struct Overdue: Content, Sendable {
        var assignmentId: UUID; var officerName: String; var postName: String; var unitName: String
        var since: String; var due: String; var years: Int
    }
    struct Rotation: Content, Sendable {
        var profileId: String
        /// The rotation period, e.g. `5年`; absent when the profile sets none.
        var period: String?
        var periodSource: SourceRef?
        var note: String?
        var overdue: [Overdue]
    }

    var agencyId: UUID
    var today: String
    var publishedPowers: Int
    var uncovered: [Item]
    var overlaps: [Overlap]
    var postsWithoutOfficer: [EmptyPost]
    var rotation: Rotation
    var sources: [SourceRef]

    init(_ r: CoverageReport) throws {
        agencyId = try r.agency.requireID()
        today = r.today.iso
        publishedPowers = r.publishedCount
        uncovered = r.uncovered.map { Item(itemId: $0.item.id!, code: $0.item.code, name: $0.name) }
        overlaps = r.overlaps.map { o in
            Overlap(itemId: o.item.id!, code: o.item.code, name: o.name, sharedDuties: o.shared.map(\.rawValue),
                    holders: o.holders.map { Holder(postId: $0.post.id!, postName: $0.post.name, unitName: $0.unit.name, overlapReason: $0.reason) })
        }
        postsWithoutOfficer = r.postsWithoutOfficer.map { EmptyPost(postId: $0.post.id!, postName: $0.post.name, unitName: $0.unit.name) }
        switch r.rotation {
        case .unset(let profileID):
            rotation = Rotation(profileId: profileID, period: nil, periodSource: nil, note: CoverageReport.noRotationRule, overdue: [])
        case .period(let rule, let profileID, let overdue):
            rotation = Rotation(profileId: profileID, period: rule.entry.display, periodSource: rule.entry.source, note: nil,
                                overdue: overdue.map { Overdue(assignmentId: $0.assignment.id!, officerName: $0.officer.name, postName: $0.post.name,
                                                               unitName: $0.unit.name, since: $0.assignment.startDate, due: $0.due.iso, years: $0.years) })
        }
        sources = PostRules.all.map(\.source)
    }
}

extension CoverageReport {
    static let noRotationRule = "本辖区规则配置未规定轮岗期限"
}


struct UnitInput: Content, StrictInput {
    var name: String
    var description: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case name, description }
    typealias Keys = CodingKeys
}

struct HoldingInput: Content, StrictInput {
    var itemId: UUID
    var overlapReason: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case itemId, overlapReason }
    typealias Keys = CodingKeys

    var holding: PostPowerService.Holding { .init(itemID: itemId, overlapReason: overlapReason) }
}

struct PostInput: Content, StrictInput {
    var unitId: UUID
    var name: String
    var duties: [PostDuty]
    var powers: [HoldingInput]?
    enum CodingKeys: String, CodingKey, CaseIterable { case unitId, name, duties, powers }
    typealias Keys = CodingKeys
}

struct AssignmentInput: Content, StrictInput {
    var officerId: UUID
    var startDate: String
    enum CodingKeys: String, CodingKey, CaseIterable { case officerId, startDate }
    typealias Keys = CodingKeys
}

struct EndAssignmentInput: Content, StrictInput {
    var endDate: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case endDate }
    typealias Keys = CodingKeys
}
