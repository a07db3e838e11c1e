import Foundation
import QuanzeCore
import Vapor

/// An account as the API shows it. Phones are masked.
struct UserDTO: Content, Sendable {
    var id: UUID
    var username: String
    var displayName: String
    var phone: String?
    var roles: [Role]
    var jurisdictionId: UUID?
    var agencyId: UUID?
    var mustChangePassword: Bool
    var locked: Bool
    var lockedUntil: Date?
    var disabled: Bool
    var demo: Bool
    var lastLoginAt: Date?
    var createdAt: Date?

    init(_ u: User, roles: [Role], now: Date) throws {
        id = try u.requireID()
        username = u.username
        displayName = u.displayName
        phone = u.phone.map(PersonalDataMasker.maskPhone)
        self.roles = roles.sorted()
        jurisdictionId = u.$jurisdiction.id
        agencyId = u.$agency.id
        mustChangePassword = u.mustChangePassword
        let isLocked = (u.lockedUntil ?? .distantPast) > now
        locked = isLocked
        lockedUntil = isLocked ? u.lockedUntil : nil
        disabled = u.isDisabled
        demo = u.isDemo
        lastLoginAt = u.lastLoginAt
        createdAt = u.createdAt
    }
}

struct UserListDTO: Content, Sendable {
    var items: [UserDTO]
    var page: PageInfo
}

struct CreatedUserDTO: Content, Sendable {
    var user: UserDTO
    /// Shown once; the account must change it at first sign-in.
    var initialPassword: String
}

struct CreateUserInput: Content, StrictInput {
    var username: String
    var displayName: String
    var phone: String?
    var jurisdictionId: UUID?
    var agencyId: UUID?
    enum CodingKeys: String, CodingKey, CaseIterable { case username, displayName, phone, jurisdictionId, agencyId }
    typealias Keys = CodingKeys
}

struct UpdateUserInput: Content, StrictInput {
    var displayName: String?
    var phone: String?
    var jurisdictionId: UUID?
    var agencyId: UUID?
    var disabled: Bool?
    /// Remove the account's jurisdiction / agency (refused while a role needs it).
    var clearJurisdiction: Bool?
    var clearAgency: Bool?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case displayName, phone, jurisdictionId, agencyId, disabled, clearJurisdiction, clearAgency
    }
    typealias Keys = CodingKeys
}

struct PasswordResetDTO: Content, Sendable {
    var initialPassword: String
}
