import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Who sees and handles a 责任书. A 政府↔执法主体 pledge belongs to the jurisdiction's 监督员 (the
/// legal office acts for the government); a 执法主体↔执法机构 pledge to the body's 法制员. The
/// 监督员 reads every pledge of the jurisdiction, a 法制员 every pledge naming their body.
/// Other roles are refused (403 FORBIDDEN), then a missing pledge is 404, then scope (OUT_OF_SCOPE).
enum PledgeScope {
    static func canRead(_ pledge: Pledge, _ p: Principal) -> Bool {
        (p.has(.supervisor) && p.jurisdictionID == pledge.$jurisdiction.id) || (p.has(.legalOfficer) && p.agencyID == pledge.$agency.id)
    }

    static func canManage(_ pledge: Pledge, _ p: Principal) -> Bool {
        switch pledge.partyKind {
        case .governmentBody: p.has(.supervisor) && p.jurisdictionID == pledge.$jurisdiction.id
        case .bodyUnit: p.has(.legalOfficer) && p.agencyID == pledge.$agency.id
        }
    }

    static func pledge(_ req: Request, manage: Bool) async throws -> (Principal, Pledge) {
        let p = try req.require(.supervisor, .legalOfficer)
        guard let pledge = try await Pledge.find(try req.uuidParameter("pledgeID"), on: req.db) else { throw AppError.notFound }
        guard manage ? canManage(pledge, p) : canRead(pledge, p) else { throw AppError.outOfScope }
        return (p, pledge)
    }

    /// The caller's pledges: the jurisdiction's for a 监督员, the body's for a 法制员.
    static func list(_ p: Principal, year: Int?, on db: any Database) async throws -> [Pledge] {
        let q = Pledge.query(on: db)
        let none = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        q.group(.or) { g in
            if p.has(.supervisor) { g.filter(\.$jurisdiction.$id == (p.jurisdictionID ?? none)) }
            if p.has(.legalOfficer) { g.filter(\.$agency.$id == (p.agencyID ?? none)) }
            g.filter(\.$id == none)
        }
        if let year { q.filter(\.$year == year) }
        return try await q.sort(\.$year, .descending).sort(\.$createdAt).all()
    }
}
