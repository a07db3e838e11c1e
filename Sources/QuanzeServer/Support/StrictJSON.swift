import Foundation
import Vapor

/// A request body whose keys are checked: an unknown field is refused with UNKNOWN_FIELD naming it,
/// instead of being silently ignored.
protocol StrictInput: Decodable {
    associatedtype Keys: CodingKey & CaseIterable
}

extension Request {
    func decodeStrict<T: StrictInput>(_ type: T.Type) throws -> T {
        guard let ct = headers.contentType, ct.type == "application", ct.subType == "json" else {
            throw AppError.unsupportedMediaType
        }
        guard let buffer = body.data, buffer.readableBytes > 0 else {
            throw AppError("MALFORMED_BODY", .badRequest, "请求体为空")
        }
        let data = Data(buffer.readableBytesView)
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw AppError("MALFORMED_BODY", .badRequest, "请求体不是有效的 JSON")
        }
        guard let dict = object as? [String: Any] else {
            throw AppError("MALFORMED_BODY", .badRequest, "请求体须为 JSON 对象")
        }
        let allowed = Set(T.Keys.allCases.map(\.stringValue))
        if let unknown = dict.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw AppError("UNKNOWN_FIELD", .badRequest, "未知字段：\(unknown)",
                           details: ErrorDetails(field: unknown, allowed: allowed.sorted()))
        }
        // No API field is nullable: an explicit null is refused, not read as "absent".
        if let nullKey = dict.keys.sorted().first(where: { dict[$0] is NSNull }) {
            throw AppError.validation(nullKey, "不能为 null（不修改的字段请省略）", code: "null")
        }
        return try JSONDecoder.api.decode(T.self, from: data)
    }
}

extension JSONDecoder {
    static let api: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }()
}

extension JSONEncoder {
    static let api: JSONEncoder = {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()
}
