import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Who may read and act on 案卷评查 data: the jurisdiction's 监督员 (法制办) and 评查员 see its plans;
/// a body's 法制员 sees the plans that include his body and only his body's sheets. Anything else
/// is 403 OUT_OF_SCOPE.
enum FileReviewScope {
    static let readers: [Role] = [.supervisor, .reviewer, .legalOfficer]

    static func plan(_ req: Request, roles: [Role] = readers) async throws -> (Principal, ReviewPlan) {
        let p = try req.principal()
        guard p.hasAny(roles) else { throw AppError.forbidden }
        guard let id = req.parameters.get("reviewPlanID", as: UUID.self), let plan = try await ReviewPlan.find(id, on: req.db) else {
            throw AppError.notFound
        }
        guard try await canRead(plan, p, on: req.db) else { throw AppError.outOfScope }
        return (p, plan)
    }

    static func canRead(_ plan: ReviewPlan, _ p: Principal, on db: any Database) async throws -> Bool {
        if p.hasAny([.supervisor, .reviewer]), plan.jurisdictionID == p.jurisdictionID { return true }
        if p.has(.legalOfficer), let a = p.agencyID {
            return try await ReviewPlanBody.query(on: db).filter(\.$planID == plan.requireID()).filter(\.$agencyID == a).first() != nil
        }
        return false
    }

    static func sheet(_ req: Request, roles: [Role] = readers) async throws -> (Principal, ReviewPlan, ReviewSheet) {
        let p = try req.principal()
        guard p.hasAny(roles) else { throw AppError.forbidden }
        guard let id = req.parameters.get("sheetID", as: UUID.self), let sheet = try await ReviewSheet.find(id, on: req.db),
              let plan = try await ReviewPlan.find(sheet.planID, on: req.db) else { throw AppError.notFound }
        guard canRead(sheet, plan: plan, p) else { throw AppError.outOfScope }
        return (p, plan, sheet)
    }

    static func canRead(_ sheet: ReviewSheet, plan: ReviewPlan, _ p: Principal) -> Bool {
        if p.hasAny([.supervisor, .reviewer]), plan.jurisdictionID == p.jurisdictionID { return true }
        if p.has(.legalOfficer), sheet.agencyID == p.agencyID { return true }
        return false
    }

    static func plans(for p: Principal, on db: any Database) async throws -> [ReviewPlan] {
        if p.hasAny([.supervisor, .reviewer]), let j = p.jurisdictionID {
            return try await ReviewPlan.query(on: db).filter(\.$jurisdictionID == j).sort(\.$createdAt, .descending).all()
        }
        if p.has(.legalOfficer), let a = p.agencyID {
            let ids = try await ReviewPlanBody.query(on: db).filter(\.$agencyID == a).all(\.$planID)
            return try await ReviewPlan.query(on: db).filter(\.$id ~~ ids).sort(\.$createdAt, .descending).all()
        }
        return []
    }

    /// The caller as a reviewer of this plan for a file of `agencyID`: a plan reviewer (403
    /// NOT_PLAN_REVIEWER) who does not belong to the file's body (403 REVIEWER_OWN_BODY, 第十四条).
    static func requireReviewer(_ p: Principal, plan: ReviewPlan, agencyID: UUID, on db: any Database) async throws -> ReviewPlanReviewer {
        guard p.has(.reviewer),
              let r = try await ReviewPlanReviewer.query(on: db).filter(\.$planID == plan.requireID()).filter(\.$userID == p.userID).first() else {
            throw AppError("NOT_PLAN_REVIEWER", .forbidden, "您不是本评查方案选定的评查员")
        }
        if r.agencyID == agencyID || p.agencyID == agencyID {
            throw AppError("REVIEWER_OWN_BODY", .forbidden, "评查员不得评查本单位的案卷（\(FileReviewRules.impartiality.description)：公平、公正进行案卷评查）")
        }
        return r
    }

    /// The caller as one of the two 评查员 assigned to this file at the draw (403
    /// NOT_ASSIGNED_REVIEWER). Files drawn before assignments existed accept any plan reviewer.
    static func requireAssigned(_ p: Principal, sheet: ReviewSheet, plan: ReviewPlan, on db: any Database) async throws -> ReviewPlanReviewer {
        let r = try await requireReviewer(p, plan: plan, agencyID: sheet.agencyID, on: db)
        let assigned = sheet.assignedReviewers
        if !assigned.isEmpty && !assigned.contains(p.userID) {
            let names = [sheet.reviewerAName, sheet.reviewerBName].compactMap { $0 }.joined(separator: "、")
            throw AppError("NOT_ASSIGNED_REVIEWER", .forbidden, "本案卷分配给评查员 \(names)，只有分配的评查员可以评分和签字")
        }
        return r
    }
}
