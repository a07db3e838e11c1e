import Fluent
import Foundation
import QuanzeCore
import Vapor

enum UserQueries {
    struct Filter: Sendable {
        enum Status: String, Sendable { case all, locked, disabled, norole, pending }
        var q: String?
        var status: Status

        static func from(_ req: Request) throws -> Filter {
            let q = (try? req.query.get(String.self, at: "q"))?.trimmingCharacters(in: .whitespaces)
            let raw = (try? req.query.get(String.self, at: "status")) ?? "all"
            guard let status = Status(rawValue: raw.isEmpty ? "all" : raw) else {
                throw AppError.validation("status", "取值须为 all、locked、disabled、norole、pending 之一")
            }
            if let q, q.unicodeScalars.count > 50 { throw AppError.validation("q", "搜索词不超过 50 个字符") }
            return Filter(q: q?.isEmpty == true ? nil : q, status: status)
        }
    }

    static func list(_ f: Filter, page: PageRequest, now: Date, on db: any Database) async throws -> ([User], Int) {
        let query = User.query(on: db)
        if let q = f.q {
            query.group(.or) { g in
                g.filter(ContainsFilter.filter(column: "username", contains: q))
                g.filter(ContainsFilter.filter(column: "display_name", contains: q))
            }
        }
        switch f.status {
        case .all: break
        case .locked: query.filter(\.$lockedUntil > now)
        case .disabled: query.filter(\.$isDisabled == true)
        case .pending: query.filter(\.$mustChangePassword == true)
        case .norole:
            let withRoles = try await RoleGrant.query(on: db).unique().all(\.$user.$id)
            if !withRoles.isEmpty { query.filter(\.$id !~ withRoles) }
        }
        let total = try await query.count()
        let users = try await query.sort(\.$username).range(page.offset..<(page.offset + page.per)).all()
        return (users, total)
    }

    static func roles(for users: [User], on db: any Database) async throws -> [UUID: [Role]] {
        let ids = users.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let grants = try await RoleGrant.query(on: db).filter(\.$user.$id ~~ ids).all()
        return Dictionary(grouping: grants, by: { $0.$user.id }).mapValues { $0.compactMap { Role(rawValue: $0.role) } }
    }
}
