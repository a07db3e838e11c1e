import Foundation

/// A coding key made from any string or index, used to read the keys a JSON object really has.
struct AnyCodingKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string; intValue = nil }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { stringValue = "\(intValue)"; self.intValue = intValue }
}

extension Decoder {
    /// Strict decoding: a key the type does not declare is an error, not something to skip.
    /// Call first in every profile type's `init(from:)`.
    public func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let allowed = Set(Keys.allCases.map(\.stringValue))
        let unknown = container.allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
        guard let first = unknown.first else { return }
        let list = unknown.joined(separator: "、")
        let expected = Keys.allCases.map(\.stringValue).joined(separator: ", ")
        let message = "未知字段 \(list)（unknown key; allowed: \(expected)）"
        if let sink = userInfo[DecodingProblemSink.userInfoKey] as? DecodingProblemSink {
            // Keep decoding so that every problem of the file is reported at once.
            sink.record(path: codingPath + [AnyCodingKey(first)], message: message)
            return
        }
        throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [AnyCodingKey(first)], debugDescription: message))
    }
}

extension KeyedDecodingContainer {
    /// A missing or null `source` decodes to an empty placeholder so that decoding goes on;
    /// validation then reports it as 缺少出处 with the entry's section and code.
    func decodeSourceOrPlaceholder(forKey key: Key) throws -> SourceRef {
        try decodeIfPresent(StrictSourceRef.self, forKey: key)?.value ?? SourceRef.missing
    }

    /// Decodes an optional array, treating a missing key as empty.
    func decodeList<T: Decodable>(_ type: [T].Type, forKey key: Key) throws -> [T] {
        try decodeIfPresent(type, forKey: key) ?? []
    }
}

extension SourceRef {
    /// Stands for an absent source while decoding; never survives validation.
    static let missing = SourceRef(seed: nil, part: nil, document: "", article: "")
}

/// Collects non-fatal decoding problems (unknown keys) so that a file reports all of them.
final class DecodingProblemSink: @unchecked Sendable {
    static let userInfoKey = CodingUserInfoKey(rawValue: "quanze.profileProblemSink")!

    struct Record {
        let path: [any CodingKey]
        let message: String
    }

    private let lock = NSLock()
    private var stored: [Record] = []

    func record(path: [any CodingKey], message: String) {
        lock.withLock { stored.append(Record(path: path, message: message)) }
    }

    var records: [Record] { lock.withLock { stored } }
}

/// `SourceRef` lives in Common with synthesized decoding; this wrapper adds the unknown-key check.
struct StrictSourceRef: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case seed, part, document, article
    }

    let value: SourceRef

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        value = try SourceRef(from: decoder)
    }
}

/// A closed set of values spelled in Chinese in the JSON. Decoding an unknown spelling is an
/// error that lists the allowed ones.
protocol StrictStringEnum: RawRepresentable, CaseIterable, Codable where RawValue == String {}

extension StrictStringEnum {
    static func strictDecode(from decoder: any Decoder) throws -> Self {
        let raw = try decoder.singleValueContainer().decode(String.self)
        if let value = Self(rawValue: raw) { return value }
        let allowed = allCases.map(\.rawValue).joined(separator: "、")
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath,
            debugDescription: "取值「\(raw)」不在允许范围内：\(allowed)（unknown value）"
        ))
    }
}
