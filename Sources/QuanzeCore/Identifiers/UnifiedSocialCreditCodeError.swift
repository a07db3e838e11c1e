import Foundation

/// Why a string is not a valid 统一社会信用代码 (GB 32100-2015).
public enum UnifiedSocialCreditCodeError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    case length(found: Int)
    /// `position` is 1-based.
    case illegalCharacter(position: Int, character: Character)
    case wrongCheckCharacter(expected: Character, found: Character)

    public var code: String {
        switch self {
        case .length: "length"
        case .illegalCharacter: "illegal_character"
        case .wrongCheckCharacter: "wrong_check_character"
        }
    }

    /// Some codes issued in pilot regions before GB 32100-2015 fail only the check character.
    /// The server may accept those after an explicit confirmation with a recorded reason.
    public var isConfirmable: Bool {
        if case .wrongCheckCharacter = self { return true }
        return false
    }

    public var message: String {
        switch self {
        case .length(let found):
            "统一社会信用代码应为 18 位，当前为 \(found) 位"
        case .illegalCharacter(let position, let character):
            "统一社会信用代码第 \(position) 位“\(character)”不是合法字符（只能使用数字和除 I、O、S、V、Z 以外的大写英文字母）"
        case .wrongCheckCharacter(let expected, let found):
            "统一社会信用代码校验码错误：第 18 位应为“\(expected)”，实际为“\(found)”"
        }
    }

    public var errorDescription: String? { message }
    public var description: String { message }
}
