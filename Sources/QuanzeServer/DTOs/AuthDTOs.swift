import Foundation
import QuanzeCore
import Vapor

struct TokenRequestInput: Content, StrictInput {
    var username: String
    var password: String
    var name: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case username, password, name }
    typealias Keys = CodingKeys
}

struct TokenCreateInput: Content, StrictInput {
    var name: String
    enum CodingKeys: String, CodingKey, CaseIterable { case name }
    typealias Keys = CodingKeys
}

/// A newly created API token; `token` is shown only this once.
struct IssuedTokenDTO: Content, Sendable {
    var id: UUID
    var name: String
    var token: String
    var expiresAt: Date
}

struct TokenDTO: Content, Sendable {
    var id: UUID
    var name: String
    var createdAt: Date?
    var expiresAt: Date
    var lastUsedAt: Date?
    var revoked: Bool

    init(_ t: APIToken) throws {
        id = try t.requireID()
        name = t.name
        createdAt = t.createdAt
        expiresAt = t.expiresAt
        lastUsedAt = t.lastUsedAt
        revoked = t.revokedAt != nil
    }
}

struct PasswordChangeInput: Content, StrictInput {
    var currentPassword: String
    var newPassword: String
    enum CodingKeys: String, CodingKey, CaseIterable { case currentPassword, newPassword }
    typealias Keys = CodingKeys
}

struct MeDTO: Content, Sendable {
    var user: UserDTO
    var scope: String
}

struct RoleInput: Content, StrictInput {
    var role: Role
    enum CodingKeys: String, CodingKey, CaseIterable { case role }
    typealias Keys = CodingKeys
}

struct RoleListDTO: Content, Sendable {
    var userId: UUID
    var roles: [Role]
}

struct StatusDTO: Content, Sendable {
    var status: String
}
