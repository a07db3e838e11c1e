/// Why a file could not be read as CSV at all; `message` is shown to the user.
public enum CSVReadError: Error, Sendable, Equatable {
    /// The bytes are not UTF-8 (e.g. a file saved as GBK); `line` is the first line that is not.
    case invalidUTF8(line: Int)
    /// A quoted field opened on `line` never closes.
    case unterminatedQuote(line: Int)
    /// A closing quote followed by something other than a comma or a line break, on `line`.
    case textAfterQuote(line: Int)
    case tooLarge(maxBytes: Int)

    public var line: Int? {
        switch self {
        case .invalidUTF8(let l), .unterminatedQuote(let l), .textAfterQuote(let l): l
        case .tooLarge: nil
        }
    }

    public var message: String {
        switch self {
        case .invalidUTF8(let l):
            "文件不是 UTF-8 编码（第 \(l) 行起无法按 UTF-8 读取）；请在表格软件中另存为“CSV UTF-8（逗号分隔）”"
        case .unterminatedQuote(let l): "第 \(l) 行开始的引号没有闭合"
        case .textAfterQuote(let l): "第 \(l) 行：引号闭合后须紧跟逗号或换行（字段内的引号须写作两个引号 \"\"）"
        case .tooLarge(let max): "文件超过 \(max / 1024 / 1024) MB 上限，请分批导入"
        }
    }
}
