import Foundation

/// 统一社会信用代码, GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》.
///
/// 18 characters from the 31-character set `0123456789ABCDEFGHJKLMNPQRTUWXY` (values 0–30;
/// I, O, S, V, Z are never used). Position 18 is a check character: with weights
/// W(i) = 3^(i−1) mod 31 for positions i = 1…17, C18 = 31 − (Σ value(Ci)·W(i) mod 31),
/// where 31 becomes 0 (GB 32100-2015 第 5 章 及附录 A).
public struct UnifiedSocialCreditCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The code character set in value order (GB 32100-2015 表 1).
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// Weights for positions 1…17: 3^(i−1) mod 31.
    public static let weights: [Int] = {
        var w: [Int] = [], p = 1
        for _ in 0..<17 { w.append(p); p = p * 3 % 31 }
        return w
    }()

    /// The normalized (trimmed, uppercase) code.
    public let value: String

    /// Validates and normalizes `string`.
    public init(_ string: String) throws(UnifiedSocialCreditCodeError) {
        let normalized = Self.normalize(string)
        let chars = Array(normalized)
        guard chars.count == 18 else { throw .length(found: chars.count) }
        var values: [Int] = []
        for (i, c) in chars.enumerated() {
            guard let v = Self.value(of: c) else { throw .illegalCharacter(position: i + 1, character: c) }
            values.append(v)
        }
        let expected = Self.checkCharacter(values: values.prefix(17))
        guard chars[17] == expected else { throw .wrongCheckCharacter(expected: expected, found: chars[17]) }
        value = normalized
    }

    /// Throws the first reason `string` is not a valid code.
    public static func validate(_ string: String) throws(UnifiedSocialCreditCodeError) {
        _ = try UnifiedSocialCreditCode(string)
    }

    public static func isValid(_ string: String) -> Bool {
        (try? UnifiedSocialCreditCode(string)) != nil
    }

    /// Trims whitespace and uppercases (users often type lowercase letters).
    public static func normalize(_ string: String) -> String {
        string.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    /// The check character for the first 17 characters, or nil when `first17` is not
    /// 17 characters of the code set. Used to generate valid demo codes.
    public static func checkCharacter(for first17: String) -> Character? {
        let chars = Array(first17.uppercased())
        guard chars.count == 17 else { return nil }
        var values: [Int] = []
        for c in chars {
            guard let v = value(of: c) else { return nil }
            values.append(v)
        }
        return checkCharacter(values: values[...])
    }

    static func value(of c: Character) -> Int? {
        alphabet.firstIndex(of: c)
    }

    private static func checkCharacter(values: ArraySlice<Int>) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(s)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}
