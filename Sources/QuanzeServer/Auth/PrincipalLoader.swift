import Fluent
import QuanzeCore
import Vapor

/// Loads an account with its roles into a `Principal`.
enum PrincipalLoader {
    static func load(userID: UUID, channel: Principal.Channel, on db: any Database) async throws -> Principal? {
        guard let user = try await User.find(userID, on: db), !user.isDisabled else { return nil }
        return try await make(user, channel: channel, on: db)
    }

    static func make(_ user: User, channel: Principal.Channel, on db: any Database) async throws -> Principal {
        let grants = try await RoleGrant.query(on: db).filter(\.$user.$id == user.requireID()).all()
        return Principal(
            userID: try user.requireID(),
            username: user.username,
            displayName: user.displayName,
            roles: Set(grants.compactMap { Role(rawValue: $0.role) }),
            jurisdictionID: user.$jurisdiction.id,
            agencyID: user.$agency.id,
            mustChangePassword: user.mustChangePassword,
            channel: channel
        )
    }
}
