import Foundation

/// Password complexity rules (等级保护 身份鉴别: 口令应有复杂度要求).
///
/// Length is counted in `Character`s (what the user sees). The four character classes are
/// ASCII lowercase, ASCII uppercase, ASCII digits, and "symbols": every other character that is
/// not whitespace (punctuation, and also non-ASCII letters such as Chinese characters).
public struct PasswordPolicy: Codable, Sendable, Equatable {
    /// Hard upper bound, independent of configuration (guards the hashing function).
    public static let maxLength = 128
    /// Usernames shorter than this are not searched for inside the password.
    public static let minUsernameLengthChecked = 3

    public var minLength: Int
    public var minCharacterClasses: Int

    public init(minLength: Int = 8, minCharacterClasses: Int = 3) {
        self.minLength = minLength
        self.minCharacterClasses = minCharacterClasses
    }

    /// All the reasons `password` is refused; empty when it is acceptable.
    /// An empty or whitespace-only password yields only that one violation.
    public func violations(password: String, username: String) -> [PasswordViolation] {
        if password.isEmpty { return [.empty] }
        if password.allSatisfy(\.isWhitespace) { return [.whitespaceOnly] }

        var result: [PasswordViolation] = []
        let length = password.count
        if length < minLength { result.append(.tooShort(minimum: minLength)) }
        if length > Self.maxLength { result.append(.tooLong(maximum: Self.maxLength)) }

        let required = min(max(minCharacterClasses, 0), 4)
        let found = Self.characterClassCount(password)
        if found < required { result.append(.tooFewClasses(required: required, found: found)) }

        if Self.contains(password: password, username: username) { result.append(.containsUsername) }
        return result
    }

    /// Number of distinct classes (lower, upper, digit, symbol) present in `password`.
    public static func characterClassCount(_ password: String) -> Int {
        var lower = false, upper = false, digit = false, symbol = false
        for c in password.unicodeScalars {
            switch c.value {
            case 0x61...0x7A: lower = true
            case 0x41...0x5A: upper = true
            case 0x30...0x39: digit = true
            default:
                if !c.properties.isWhitespace && !c.properties.generalCategory.isControlOrFormat {
                    symbol = true
                }
            }
        }
        return [lower, upper, digit, symbol].filter { $0 }.count
    }

    /// Case-insensitive search for the username, forwards or reversed.
    static func contains(password: String, username: String) -> Bool {
        let name = username.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard name.count >= minUsernameLengthChecked else { return false }
        let pw = password.lowercased()
        return pw.contains(name) || pw.contains(String(name.reversed()))
    }
}

private extension Unicode.GeneralCategory {
    var isControlOrFormat: Bool {
        switch self {
        case .control, .format, .unassigned, .surrogate, .privateUse: true
        default: false
        }
    }
}

