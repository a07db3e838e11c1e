import Fluent
import Foundation
import QuanzeCore

/// Scope rules for enforcement bodies: 监督员/评查员 see their jurisdiction's bodies,
/// 法制员/执法人员 their own body; 系统管理员 sees the names (to assign accounts).
enum AgencyQueries {
    static func scopedIDs(for p: Principal, on db: any Database) async throws -> [UUID] {
        try await scoped(for: p, on: db).all(\.$id)
    }

    static func scoped(for p: Principal, on db: any Database) -> QueryBuilder<Agency> {
        let q = Agency.query(on: db)
        if p.has(.systemAdmin) { return q }
        var jurisdictions: [UUID] = []
        var agencies: [UUID] = []
        if p.hasAny([.supervisor, .reviewer]), let j = p.jurisdictionID { jurisdictions.append(j) }
        if p.hasAny([.legalOfficer, .officer]), let a = p.agencyID { agencies.append(a) }
        switch (agencies.isEmpty, jurisdictions.isEmpty) {
        case (true, true): return q.filter(\.$id == UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        case (false, true): return q.filter(\.$id ~~ agencies)
        case (true, false): return q.filter(\.$jurisdiction.$id ~~ jurisdictions)
        case (false, false):
            return q.group(.or) { g in
                g.filter(\.$id ~~ agencies)
                g.filter(\.$jurisdiction.$id ~~ jurisdictions)
            }
        }
    }

    /// Whether the caller may read this body.
    static func canRead(_ agency: Agency, _ p: Principal) -> Bool {
        if p.has(.systemAdmin) { return true }
        if p.hasAny([.supervisor, .reviewer]), agency.$jurisdiction.id == p.jurisdictionID { return true }
        if p.hasAny([.legalOfficer, .officer]), agency.id == p.agencyID { return true }
        return false
    }
}
