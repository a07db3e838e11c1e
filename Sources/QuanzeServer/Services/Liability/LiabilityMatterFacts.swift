import Fluent
import Foundation
import QuanzeCore

/// The facts of a liability matter for the Core engine (`LiabilityFacts`): its persons concerned with
/// their roles from the case record, plus anyone else the case's own record names in its handling
/// chain (办案人员, 法制审核, 批准) — so a recusal check also sees a handler the matter's list omits.
/// A person's id is their user id (as investigators are users), else the officer id, else the row id;
/// their unit is their body's name.
enum LiabilityMatterFacts {
    static func facts(_ m: LiabilityMatter, established: Set<ApportionmentTrigger> = [], reviewDue: Bool = false,
                      on db: any Database) async throws -> LiabilityFacts {
        let rows = try await LiabilityPerson.query(on: db).filter(\.$matterID == m.requireID()).sort(\.$createdAt).all()
        var order: [String] = []
        var byID: [String: PersonConcerned] = [:]
        var agencyIDs: [String: UUID] = [:]
        func add(id: String, name: String, agencyID: UUID?, role: CaseRole?) {
            if byID[id] == nil {
                order.append(id)
                byID[id] = PersonConcerned(id: id, name: name, roles: [])
                agencyIDs[id] = agencyID
            }
            if let role, !byID[id]!.roles.contains(role) { byID[id]!.roles.append(role) }
        }
        for p in rows {
            add(id: key(userID: p.userID, officerID: p.officerID, rowID: p.id), name: p.name, agencyID: p.agencyID,
                role: caseRole(p.role))
        }
        if let caseID = m.caseID {
            for member in try await CaseOfficer.query(on: db).filter(\.$enforcementCase.$id == caseID).with(\.$officer).all()
            where member.role != .auxiliary {
                let o = member.officer
                add(id: key(userID: o.$user.id, officerID: o.id, rowID: nil), name: o.name, agencyID: o.$agency.id,
                    role: member.role == .lead ? .leadHandler : .assistingHandler)
            }
            for review in try await LegalReview.query(on: db).filter(\.$enforcementCase.$id == caseID).all() {
                let u = try await User.find(review.reviewerUserID, on: db)
                add(id: review.reviewerUserID.uuidString, name: u?.displayName ?? "—", agencyID: u?.$agency.id, role: .legalReviewer)
            }
            for decision in try await CaseDecision.query(on: db).filter(\.$enforcementCase.$id == caseID).all() {
                let u = try await User.find(decision.approverUserID, on: db)
                add(id: decision.approverUserID.uuidString, name: u?.displayName ?? "—", agencyID: u?.$agency.id, role: .approver)
            }
        }
        let names = try await agencyNames(Set(agencyIDs.values), on: db)
        let persons = order.map { id -> PersonConcerned in
            var p = byID[id]!
            p.unit = agencyIDs[id].flatMap { names[$0] }
            return p
        }
        return LiabilityFacts(persons: persons, established: established, reviewDue: reviewDue)
    }

    /// A candidate investigator, in the same id space as the facts' persons.
    static func investigator(_ u: User, declared: String? = nil, on db: any Database) async throws -> Investigator {
        var unit: String?
        if let agencyID = u.$agency.id { unit = try await agencyNames([agencyID], on: db)[agencyID] }
        return Investigator(id: try u.requireID().uuidString, name: u.displayName, unit: unit, declaredConflict: declared)
    }

    static func key(userID: UUID?, officerID: UUID?, rowID: UUID?) -> String {
        (userID ?? officerID ?? rowID ?? UUID()).uuidString
    }

    /// The Core role of a matter person's recorded role (`LiabilityPersonRole`); nil for 其他人员.
    static func caseRole(_ raw: String) -> CaseRole? {
        switch LiabilityPersonRole(rawValue: raw) {
        case .handlerLead: .leadHandler
        case .handlerAssist: .assistingHandler
        case .reviewer: .legalReviewer
        case .approver: .approver
        case .subject: .directActor
        case .other, nil: nil
        }
    }

    private static func agencyNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await Agency.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: rows.compactMap { a in a.id.map { ($0, a.name) } })
    }
}
