import Foundation
import Fluent
import QuanzeCore

/// Turns an Encodable value into a record payload (an object of strings): each top-level property
/// becomes one key; strings stay as they are, numbers and booleans become their JSON text, nested
/// objects and arrays their JSON text with sorted keys; nil properties are left out.
enum RecordPayload {
    static func from<T: Encodable>(_ value: T) throws -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw RecordPayloadError.notAnObject
        }
        var out: [String: String] = [:]
        for (key, v) in object {
            switch v {
            case let s as String: out[key] = s
            case is NSNull: continue
            default:
                let text = try JSONSerialization.data(withJSONObject: v, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
                out[key] = String(decoding: text, as: UTF8.self)
            }
        }
        return out
    }
}

enum RecordPayloadError: Error, CustomStringConvertible {
    case notAnObject

    var description: String { "记录内容须为对象（键值对）" }
}

extension RecordLog {
    /// `append` with an Encodable payload (see `RecordPayload.from`).
    @discardableResult
    static func append<T: Encodable>(stream: String, kind: String, encoding payload: T, actor: String?, corrects: Int64? = nil,
                                     algorithm: RecordHashAlgorithm, now: Date, on db: any Database) async throws -> RecordEntry {
        try await append(stream: stream, kind: kind, payload: try RecordPayload.from(payload), actor: actor, corrects: corrects,
                         algorithm: algorithm, now: now, on: db)
    }
}
