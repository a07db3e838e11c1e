import Fluent
import FluentSQL
import SQLKit

/// "Column contains text", the same on SQLite and PostgreSQL: case-insensitive for ASCII letters
/// (`lower()` on both sides), and `%`, `_` and `\` in the search text match themselves.
enum ContainsFilter {
    static func filter(column: String, contains text: String) -> DatabaseQuery.Filter {
        let escaped = text.lowercased()
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return .sql(embed: "lower(\(ident: column)) LIKE \(bind: "%\(escaped)%") ESCAPE '\\'")
    }
}
