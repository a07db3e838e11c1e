import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Who may see and change a body's units, posts and assignments. The body's 法制员 manages its own
/// body (the body distributes its own powers, `000_*` 国办发〔2005〕37号 二(三): 行政执法部门应当
/// 采取适当形式明确各执法机构和执法岗位的具体执法责任); the jurisdiction's 监督员 reads (监督,
/// and the coverage report) but does not change them. Everyone else is refused.
/// The role is checked first (403 FORBIDDEN), then the record (404), then the scope (403 OUT_OF_SCOPE).
enum PostScope {
    static func canRead(_ agency: Agency, _ p: Principal) -> Bool {
        canManage(agency, p) || (p.has(.supervisor) && p.jurisdictionID == agency.$jurisdiction.id)
    }

    static func canManage(_ agency: Agency, _ p: Principal) -> Bool {
        p.has(.legalOfficer) && p.agencyID != nil && p.agencyID == agency.id
    }

    static func agency(_ req: Request, manage: Bool) async throws -> (Principal, Agency) {
        let p = try role(req, manage: manage)
        guard let agency = try await Agency.find(try req.uuidParameter("agencyID"), on: req.db) else { throw AppError.notFound }
        try check(agency, p, manage: manage)
        return (p, agency)
    }

    static func post(_ req: Request, manage: Bool) async throws -> (Principal, EnforcementPost, Agency) {
        let p = try role(req, manage: manage)
        guard let post = try await EnforcementPost.find(try req.uuidParameter("postID"), on: req.db),
              let agency = try await Agency.find(post.$agency.id, on: req.db) else { throw AppError.notFound }
        try check(agency, p, manage: manage)
        return (p, post, agency)
    }

    static func assignment(_ req: Request) async throws -> (Principal, PostAssignment, EnforcementPost, Agency) {
        let p = try role(req, manage: true)
        guard let a = try await PostAssignment.find(try req.uuidParameter("assignmentID"), on: req.db),
              let post = try await EnforcementPost.find(a.$post.id, on: req.db),
              let agency = try await Agency.find(post.$agency.id, on: req.db) else { throw AppError.notFound }
        try check(agency, p, manage: true)
        return (p, a, post, agency)
    }

    private static func role(_ req: Request, manage: Bool) throws -> Principal {
        try manage ? req.require(.legalOfficer) : req.require(.legalOfficer, .supervisor)
    }

    private static func check(_ agency: Agency, _ p: Principal, manage: Bool) throws {
        guard manage ? canManage(agency, p) : canRead(agency, p) else { throw AppError.outOfScope }
    }
}
