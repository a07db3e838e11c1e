import Fluent
import Foundation

/// A signed-in browser session, stored in the database so several app instances share it.
/// Only the SHA-256 of the cookie token is stored.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "token_hash") var tokenHash: String
    /// Synchroniser token for CSRF protection of the session's forms.
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @OptionalField(key: "ip") var ip: String?
    @OptionalField(key: "user_agent") var userAgent: String?

    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: UUID, tokenHash: String, csrfToken: String, lastSeenAt: Date, ip: String?, userAgent: String?) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.csrfToken = csrfToken
        self.lastSeenAt = lastSeenAt
        self.ip = ip
        self.userAgent = userAgent
    }
}
