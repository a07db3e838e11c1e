/// One reason a password is refused by a `PasswordPolicy`.
/// `code` is stable (APIs, tests, logs); `message` is what the user reads.
public enum PasswordViolation: Sendable, Hashable {
    case empty
    case whitespaceOnly
    case tooShort(minimum: Int)
    case tooLong(maximum: Int)
    case tooFewClasses(required: Int, found: Int)
    case containsUsername

    public var code: String {
        switch self {
        case .empty: "empty"
        case .whitespaceOnly: "whitespace_only"
        case .tooShort: "too_short"
        case .tooLong: "too_long"
        case .tooFewClasses: "too_few_classes"
        case .containsUsername: "contains_username"
        }
    }

    public var message: String {
        switch self {
        case .empty:
            "口令不能为空"
        case .whitespaceOnly:
            "口令不能只由空白字符组成"
        case .tooShort(let minimum):
            "口令长度不得少于 \(minimum) 位"
        case .tooLong(let maximum):
            "口令长度不得超过 \(maximum) 位"
        case .tooFewClasses(let required, let found):
            "口令须至少包含小写字母、大写字母、数字、特殊字符中的 \(required) 类（当前只有 \(found) 类）"
        case .containsUsername:
            "口令不得包含用户名（含倒序）"
        }
    }
}
