/// One reason an import is refused: the spreadsheet row (the header is row 1) and column it is
/// in, when it belongs to one, and a Chinese message.
public struct ImportProblem: Sendable, Equatable {
    public var row: Int?
    public var column: String?
    public var message: String

    public init(row: Int?, column: String?, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }
}
