/// Writes RFC 4180 fields: quoted when they hold a comma, a quote or a line break.
public enum CSVWriter {
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
