import Foundation

/// A value stored as JSON text in one TEXT column: the same representation on SQLite and
/// PostgreSQL (PostgresNIO would bind `[String]` as `text[]`, not as JSON).
struct JSONText<Value: Codable & Sendable>: Codable, Sendable {
    var value: Value

    init(_ value: Value) { self.value = value }

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        value = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    }

    func encode(to encoder: any Encoder) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var c = encoder.singleValueContainer()
        try c.encode(String(decoding: try e.encode(value), as: UTF8.self))
    }
}
