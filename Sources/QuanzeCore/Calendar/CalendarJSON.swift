import Foundation

/// Strict JSON decoding for calendar data: unknown fields are refused and every decoding failure
/// becomes a `CalendarDataError` with a Chinese message naming the field (e.g. `holidays[3].date`).
enum CalendarJSON {
    /// Decodes `type` from JSON; any `DecodingError` is turned into `CalendarDataError.malformed`.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as CalendarDataError {
            throw error
        } catch let error as DecodingError {
            throw CalendarDataError.malformed(describe(error))
        } catch {
            throw CalendarDataError.malformed("无法解析：\(error.localizedDescription)")
        }
    }

    /// Throws `CalendarDataError.unknownField` when the object being decoded has a key not in `Keys`.
    static func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type, in decoder: any Decoder) throws {
        let known = Set(Keys.allCases.map(\.stringValue))
        let present = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        if let unknown = present.sorted().first(where: { !known.contains($0) }) {
            throw CalendarDataError.unknownField(field: unknown, path: pathText(decoder.codingPath))
        }
    }

    /// `holidays[3].date` from a coding path.
    static func pathText(_ path: [any CodingKey]) -> String {
        var s = ""
        for key in path {
            if let i = key.intValue {
                s += "[\(i)]"
            } else {
                s += s.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return s
    }

    /// Any string or integer key, to list every key a JSON object actually has.
    private struct AnyKey: CodingKey {
        let stringValue: String
        let intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
        init(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "缺少字段“\(pathText(context.codingPath + [key]))”"
        case .valueNotFound(_, let context):
            return "字段“\(pathText(context.codingPath))”不能为空（null）"
        case .typeMismatch(let type, let context):
            let path = pathText(context.codingPath)
            let expected = expectedName(type)
            return path.isEmpty ? "顶层应为\(expected)" : "字段“\(path)”应为\(expected)"
        case .dataCorrupted(let context):
            let path = pathText(context.codingPath)
            if path.isEmpty { return "不是有效的 JSON 文本" }
            return "字段“\(path)”：\(context.debugDescription)"
        @unknown default:
            return "无法解析"
        }
    }

    private static func expectedName(_ type: Any.Type) -> String {
        if type == String.self { return "文本" }
        if type == Int.self { return "整数" }
        let name = String(describing: type)
        if name.hasPrefix("Array") { return "列表" }
        if name.hasPrefix("Dictionary") { return "对象" }
        return "正确的类型（\(name)）"
    }
}
