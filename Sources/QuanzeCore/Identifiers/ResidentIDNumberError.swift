import Foundation

/// Why a string is not a valid 公民身份号码 (GB 11643-1999).
public enum ResidentIDNumberError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    case length(found: Int)
    /// `position` is 1-based.
    case illegalCharacter(position: Int, character: Character)
    /// Positions 7–14 (YYYYMMDD) do not name a real date.
    case invalidBirthDate(String)
    case birthDateInFuture(LocalDate)
    case wrongCheckCharacter(expected: Character, found: Character)

    public var code: String {
        switch self {
        case .length: "length"
        case .illegalCharacter: "illegal_character"
        case .invalidBirthDate: "invalid_birth_date"
        case .birthDateInFuture: "birth_date_in_future"
        case .wrongCheckCharacter: "wrong_check_character"
        }
    }

    public var message: String {
        switch self {
        case .length(let found) where found == 15:
            "公民身份号码应为 18 位，当前为 15 位（15 位旧号码请升位为 18 位）"
        case .length(let found):
            "公民身份号码应为 18 位，当前为 \(found) 位"
        case .illegalCharacter(let position, let character):
            "公民身份号码第 \(position) 位“\(character)”不是合法字符（前 17 位只能是数字，第 18 位为数字或 X）"
        case .invalidBirthDate(let digits):
            "公民身份号码中的出生日期“\(digits)”不是有效日期"
        case .birthDateInFuture(let date):
            "公民身份号码中的出生日期 \(date.iso) 晚于当前日期"
        case .wrongCheckCharacter(let expected, let found):
            "公民身份号码校验码错误：第 18 位应为“\(expected)”，实际为“\(found)”"
        }
    }

    public var errorDescription: String? { message }
    public var description: String { message }
}
