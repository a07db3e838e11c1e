import Fluent
import Foundation
import QuanzeCore

/// Who may be drawn as an inspector for a plan on a day: officers of the body on a post (current
/// assignment) that holds the plan's power, for whom `OfficerAuthority.mayAct` allows the power —
/// serving, not 辅助人员, with a valid, 年审-passed certificate. Officers on other posts are not
/// candidates at all; candidates that are refused carry the reason (shown in the console).
enum InspectionEligibility {
    struct Candidate: Sendable {
        let officerID: UUID
        let name: String
        let certificateNumber: String?
        let posts: [String]
        /// nil when the officer may be drawn.
        let refusal: String?

        var inspector: PlanInspector? {
            guard refusal == nil, let certificateNumber else { return nil }
            return PlanInspector(key: certificateNumber, officerId: officerID, name: name)
        }
    }

    static func candidates(agencyID: UUID, powerItemID: UUID, on day: LocalDate, db: any Database) async throws -> [Candidate] {
        let holdingPosts = try await PostPower.query(on: db).filter(\.$item.$id == powerItemID).all(\.$post.$id)
        let posts = try await EnforcementPost.query(on: db).filter(\.$id ~~ holdingPosts).filter(\.$agency.$id == agencyID).all()
        let postNames = Dictionary(uniqueKeysWithValues: try posts.map { (try $0.requireID(), $0.name) })
        let assignments = try await PostAssignment.query(on: db).filter(\.$post.$id ~~ Array(postNames.keys))
            .filter(\.$endDate == nil).filter(\.$startDate <= day.iso).all()
        var postsByOfficer: [UUID: [String]] = [:]
        for a in assignments { postsByOfficer[a.$officer.id, default: []].append(postNames[a.$post.id] ?? "") }
        let officers = try await Officer.query(on: db).filter(\.$id ~~ Array(postsByOfficer.keys))
            .filter(\.$agency.$id == agencyID).sort(\.$name).all()
        var out: [Candidate] = []
        for officer in officers {
            let id = try officer.requireID()
            let outcome = try await OfficerAuthority.mayAct(officer, powerItemID: powerItemID, on: day, db: db)
            let cert = try await OfficerQueries.currentCertificate(of: id, on: db)
            out.append(Candidate(officerID: id, name: officer.name, certificateNumber: cert?.number,
                                 posts: (postsByOfficer[id] ?? []).sorted(), refusal: outcome.allowed ? nil : outcome.message))
        }
        return out
    }

    static func eligible(agencyID: UUID, powerItemID: UUID, on day: LocalDate, db: any Database) async throws -> [PlanInspector] {
        try await candidates(agencyID: agencyID, powerItemID: powerItemID, on: day, db: db).compactMap(\.inspector)
    }
}
