import Foundation

/// Reads RFC 4180 CSV from UTF-8 bytes: quoted fields with `""` escapes, commas and line breaks
/// inside quotes, CRLF or LF line ends, an optional UTF-8 byte-order mark. Invalid UTF-8 is
/// refused (naming the line) rather than guessed at.
public enum CSVReader {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func read(_ data: Data, maxBytes: Int = .max) throws -> [CSVRecord] {
        guard data.count <= maxBytes else { throw CSVReadError.tooLarge(maxBytes: maxBytes) }
        var bytes = [UInt8](data)
        if bytes.starts(with: bom) { bytes.removeFirst(bom.count) }
        let text = try decode(bytes)
        var parser = CSVParser(text: text)
        return try parser.parse()
    }

    /// Decodes UTF-8, or names the first line that is not UTF-8 (a line feed never occurs inside
    /// a multi-byte UTF-8 sequence, so lines can be checked one by one).
    static func decode(_ bytes: [UInt8]) throws -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        for (i, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where String(validating: line, as: UTF8.self) == nil {
            throw CSVReadError.invalidUTF8(line: i + 1)
        }
        throw CSVReadError.invalidUTF8(line: 1)
    }
}
