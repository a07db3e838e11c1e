import Foundation

/// 公民身份号码, GB 11643-1999 《公民身份号码》.
///
/// 18 characters: 6-digit 地址码, 8-digit 出生日期码 (YYYYMMDD), 3-digit 顺序码 (odd = male),
/// and a check character by ISO 7064 MOD 11-2: weights W(i) = 2^(18−i) mod 11 for
/// i = 1…17, S = Σ a(i)·W(i) mod 11, check character for S = 0…10 is `1 0 X 9 8 7 6 5 4 3 2`.
/// A lowercase `x` is accepted and normalized to `X`.
public struct ResidentIDNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Weights for positions 1…17: 2^(18−i) mod 11.
    public static let weights: [Int] = (1...17).map { i in
        (0..<(18 - i)).reduce(1) { acc, _ in acc * 2 % 11 }
    }
    /// Check character indexed by S = Σ mod 11.
    public static let checkCharacters: [Character] = Array("10X98765432")

    /// The normalized number (18 characters, uppercase X).
    public let value: String
    public let birthDate: LocalDate

    /// Validates `string`. When `today` is given, a birth date after it is refused.
    public init(_ string: String, asOf today: LocalDate? = nil) throws(ResidentIDNumberError) {
        let normalized = Self.normalize(string)
        let chars = Array(normalized)
        guard chars.count == 18 else { throw .length(found: chars.count) }
        for (i, c) in chars.enumerated() where !(c.isASCII && c.isNumber) && !(i == 17 && c == "X") {
            throw .illegalCharacter(position: i + 1, character: c)
        }
        let digits = String(chars[6..<14])
        guard let birth = Self.birthDate(yyyymmdd: digits) else { throw .invalidBirthDate(digits) }
        if let today, birth > today { throw .birthDateInFuture(birth) }
        let expected = Self.checkCharacter(digits: chars.prefix(17))
        guard chars[17] == expected else { throw .wrongCheckCharacter(expected: expected, found: chars[17]) }
        value = normalized
        birthDate = birth
    }

    /// Throws the first reason `string` is not a valid number.
    public static func validate(_ string: String, asOf today: LocalDate? = nil) throws(ResidentIDNumberError) {
        _ = try ResidentIDNumber(string, asOf: today)
    }

    public static func isValid(_ string: String, asOf today: LocalDate? = nil) -> Bool {
        (try? ResidentIDNumber(string, asOf: today)) != nil
    }

    /// Trims whitespace and uppercases a trailing `x`.
    public static func normalize(_ string: String) -> String {
        string.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    /// The check character for 17 digits, or nil when `first17` is not 17 ASCII digits.
    public static func checkCharacter(for first17: String) -> Character? {
        let chars = Array(first17)
        guard chars.count == 17, chars.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return checkCharacter(digits: chars[...])
    }

    /// Converts a 15-digit number (pre-1999, YYMMDD birth date in 19xx) to 18 digits by inserting
    /// "19" before the year and appending the check character. Nil when not 15 digits.
    public static func upgradeLegacy(_ fifteen: String) -> String? {
        let s = fifteen.trimmingCharacters(in: .whitespacesAndNewlines)
        guard s.count == 15, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let first17 = String(s.prefix(6)) + "19" + String(s.dropFirst(6))
        return checkCharacter(for: first17).map { first17 + String($0) }
    }

    /// 地址码 (positions 1–6).
    public var regionCode: String { String(value.prefix(6)) }
    /// 顺序码 odd for men, even for women (position 17).
    public var isMale: Bool { Int(String(Array(value)[16]))! % 2 == 1 }
    public var description: String { value }

    static func checkCharacter(digits: ArraySlice<Character>) -> Character {
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0.wholeNumberValue! * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// A real date from 8 ASCII digits YYYYMMDD, year 1800 or later.
    static func birthDate(yyyymmdd s: String) -> LocalDate? {
        guard s.count == 8, let y = Int(s.prefix(4)), let m = Int(s.dropFirst(4).prefix(2)),
              let d = Int(s.suffix(2)), y >= 1800 else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

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
