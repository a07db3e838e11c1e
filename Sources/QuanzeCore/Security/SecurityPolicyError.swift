import Foundation

/// A `SecurityPolicy` field outside its permitted range.
/// `field` is the English property name (form field / API key); `message` is Chinese.
public struct SecurityPolicyError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var errorDescription: String? { message }
    public var description: String { "\(field): \(message)" }
}
