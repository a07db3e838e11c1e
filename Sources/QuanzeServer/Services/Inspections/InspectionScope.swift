import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Who sees and handles a 双随机 plan: the body's 法制员 manages it; the jurisdiction's 监督员
/// reads it. Other roles are refused (403 FORBIDDEN), then a missing plan is 404, then scope
/// (OUT_OF_SCOPE).
enum InspectionScope {
    static func canRead(_ plan: InspectionPlan, agency: Agency, _ p: Principal) -> Bool {
        (p.has(.supervisor) && p.jurisdictionID == agency.$jurisdiction.id) || canManage(plan, p)
    }

    static func canManage(_ plan: InspectionPlan, _ p: Principal) -> Bool {
        p.has(.legalOfficer) && p.agencyID == plan.$agency.id
    }

    static func plan(_ req: Request, manage: Bool) async throws -> (Principal, InspectionPlan) {
        let p: Principal
        if manage { p = try req.require(.legalOfficer) } else { p = try req.require(.supervisor, .legalOfficer) }
        guard let plan = try await InspectionPlan.find(try req.uuidParameter("planID"), on: req.db),
              let agency = try await Agency.find(plan.$agency.id, on: req.db) else { throw AppError.notFound }
        guard manage ? canManage(plan, p) : canRead(plan, agency: agency, p) else { throw AppError.outOfScope }
        return (p, plan)
    }

    /// The caller's plans: the jurisdiction's for a 监督员, the body's for a 法制员; newest first.
    static func list(_ p: Principal, on db: any Database) async throws -> [InspectionPlan] {
        var agencyIDs: [UUID] = []
        if p.has(.supervisor), let j = p.jurisdictionID {
            agencyIDs += try await Agency.query(on: db).filter(\.$jurisdiction.$id == j).all(\.$id)
        }
        if p.has(.legalOfficer), let a = p.agencyID { agencyIDs.append(a) }
        guard !agencyIDs.isEmpty else { return [] }
        return try await InspectionPlan.query(on: db).filter(\.$agency.$id ~~ agencyIDs)
            .sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
    }
}
