/// The RFC 4180 state machine behind `CSVReader`, over Unicode scalars (a Swift `Character`
/// would merge CR LF, and a quote with a following combining mark, into one).
struct CSVParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1

    init(text: String) { scalars = Array(text.unicodeScalars) }

    mutating func parse() throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        while index < scalars.count {
            let start = line
            let fields = try record()
            records.append(CSVRecord(fields: fields, row: records.count + 1, line: start))
        }
        return records
    }

    /// One record, consuming its line end.
    private mutating func record() throws -> [String] {
        var fields: [String] = []
        while true {
            let (value, end) = try field()
            fields.append(value)
            if !end { continue }
            return fields
        }
    }

    /// One field; `end` is true when the record ends after it (line break or end of input).
    private mutating func field() throws -> (String, end: Bool) {
        if index < scalars.count, scalars[index] == "\"" { return try quoted() }
        var value = String.UnicodeScalarView()
        while index < scalars.count {
            let c = scalars[index]
            if c == "," { index += 1; return (String(value), false) }
            if consumeLineEnd() { return (String(value), true) }
            value.append(c)
            index += 1
        }
        return (String(value), true)
    }

    private mutating func quoted() throws -> (String, end: Bool) {
        let opened = line
        index += 1
        var value = String.UnicodeScalarView()
        while true {
            guard index < scalars.count else { throw CSVReadError.unterminatedQuote(line: opened) }
            let c = scalars[index]
            if c == "\"" {
                if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                    value.append("\"")
                    index += 2
                    continue
                }
                index += 1
                break
            }
            if c == "\n" || (c == "\r" && (index + 1 >= scalars.count || scalars[index + 1] != "\n")) { line += 1 }
            value.append(c)
            index += 1
        }
        guard index < scalars.count else { return (String(value), true) }
        if scalars[index] == "," { index += 1; return (String(value), false) }
        if consumeLineEnd() { return (String(value), true) }
        throw CSVReadError.textAfterQuote(line: line)
    }

    /// Consumes CRLF, LF or a lone CR.
    private mutating func consumeLineEnd() -> Bool {
        guard index < scalars.count else { return false }
        if scalars[index] == "\n" { index += 1; line += 1; return true }
        if scalars[index] == "\r" {
            index += 1
            if index < scalars.count, scalars[index] == "\n" { index += 1 }
            line += 1
            return true
        }
        return false
    }
}
