/// One record of a CSV file: its fields, the row a spreadsheet shows it on (the header is row 1;
/// a record with a line break inside quotes still occupies one row), and the file line it starts on.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    public var row: Int
    public var line: Int

    public init(fields: [String], row: Int, line: Int) {
        self.fields = fields
        self.row = row
        self.line = line
    }

    /// A record with no content at all (an empty line, or only empty cells).
    public var isBlank: Bool { fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
}
