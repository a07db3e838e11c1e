import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

extension RowLock {
    /// Serializes the steps of one complaint.
    static func complaint(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(Complaint.schema).set("status", to: SQLIdentifier("status")).where("id", .equal, id).run()
    }
}

/// Who may see and handle complaints: a 监督员 those of his jurisdiction, a 法制员 those about his body.
/// Officers and the other roles have no access (they never see a complainant). The complainant's name
/// and phone are shown only to the complaint's handler.
enum ComplaintAccess {
    static let roles: [Role] = [.supervisor, .legalOfficer]

    static func inScope(_ c: Complaint, _ p: Principal) -> Bool {
        if p.has(.supervisor), let j = p.jurisdictionID, c.jurisdictionID == j { return true }
        if p.has(.legalOfficer), let a = p.agencyID, c.agencyID == a { return true }
        return false
    }

    static func checkScope(_ c: Complaint, _ p: Principal, on db: any Database) async throws {
        guard inScope(c, p) else { throw AppError("COMPLAINT_OUT_OF_SCOPE", .forbidden, "该投诉举报不在您的管辖或所属单位范围内") }
    }

    /// The complaint of the path parameter `complaintID`, after the role and the scope.
    static func complaint(_ req: Request) async throws -> (Principal, Complaint) {
        let p = try req.requireAny(roles)
        guard let c = try await Complaint.find(try req.uuidParameter("complaintID"), on: req.db) else { throw AppError.notFound }
        try await checkScope(c, p, on: req.db)
        return (p, c)
    }

    static func mayRegister(_ p: Principal, agency: Agency) async throws -> Bool {
        if p.has(.supervisor), agency.$jurisdiction.id == p.jurisdictionID { return true }
        if p.has(.legalOfficer), agency.id == p.agencyID { return true }
        return false
    }

    static func isHandler(_ c: Complaint, _ p: Principal?) -> Bool {
        guard let p, let h = c.handlerID else { return false }
        return h == p.userID
    }

    /// A handler must be a 监督员 of the complaint's jurisdiction or a 法制员 of its body.
    static func eligibleHandler(_ userID: UUID, for c: Complaint, on db: any Database) async throws -> User {
        guard let user = try await User.find(userID, on: db), !user.isDisabled else {
            throw AppError.validation("handlerId", "承办人不存在", code: "unknown")
        }
        let roles = Set(try await RoleGrant.query(on: db).filter(\.$user.$id == userID).all().map(\.role))
        let ok = (roles.contains(Role.supervisor.rawValue) && user.$jurisdiction.id == c.jurisdictionID)
            || (roles.contains(Role.legalOfficer.rawValue) && user.$agency.id == c.agencyID)
        guard ok else {
            throw AppError.validation("handlerId", "承办人须为本辖区的监督员或被投诉主体的法制员", code: "not_eligible")
        }
        return user
    }

    /// The users who may be assigned: the jurisdiction's supervisors and the body's legal officers.
    static func candidates(for c: Complaint, on db: any Database) async throws -> [User] {
        let grants = try await RoleGrant.query(on: db).filter(\.$role ~~ [Role.supervisor.rawValue, Role.legalOfficer.rawValue]).all()
        let users = try await User.query(on: db).filter(\.$id ~~ grants.map { $0.$user.id }).filter(\.$isDisabled == false).all()
        let byUser = Dictionary(grouping: grants, by: { $0.$user.id })
        return users.filter { u in
            let roles = Set(byUser[u.id!]?.map(\.role) ?? [])
            return (roles.contains(Role.supervisor.rawValue) && u.$jurisdiction.id == c.jurisdictionID)
                || (roles.contains(Role.legalOfficer.rawValue) && u.$agency.id == c.agencyID)
        }.sorted { $0.username < $1.username }
    }
}
