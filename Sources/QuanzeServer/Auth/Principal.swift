import Foundation
import QuanzeCore
import Vapor

/// The signed-in caller: who, with which roles and scope, and through which channel.
struct Principal: Authenticatable, Sendable {
    enum Channel: Sendable, Equatable {
        case session(id: UUID, csrfToken: String)
        case token(id: UUID)
    }

    let userID: UUID
    let username: String
    let displayName: String
    let roles: Set<Role>
    let jurisdictionID: UUID?
    let agencyID: UUID?
    let mustChangePassword: Bool
    let channel: Channel

    func has(_ role: Role) -> Bool { roles.contains(role) }
    func hasAny(_ candidates: [Role]) -> Bool { candidates.contains(where: roles.contains) }

    var csrfToken: String? {
        if case .session(_, let t) = channel { return t }
        return nil
    }

    var roleLabels: String {
        roles.sorted().map(\.label).joined(separator: "、")
    }
}
