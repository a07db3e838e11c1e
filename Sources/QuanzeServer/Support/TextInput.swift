import Foundation

/// Free-text inputs (names, titles): trimmed, not empty, no control characters, bounded length.
enum TextInput {
    static func name(_ raw: String, field: String, max: Int = 50) throws -> String {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw AppError.validation(field, "不能为空", code: "required") }
        guard value.count <= max else { throw AppError.validation(field, "不超过 \(max) 个字符", code: "length") }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) else {
            throw AppError.validation(field, "不能包含控制字符或换行", code: "control_character")
        }
        return value
    }

    /// The rule's refusal as a field problem (for forms that report every problem at once).
    static func problem(_ raw: String, field: String, max: Int = 50) -> FieldProblem? {
        do {
            _ = try name(raw, field: field, max: max)
            return nil
        } catch let e as AppError {
            return e.details?.problems?.first
        } catch {
            return FieldProblem(field: field, code: "invalid", message: "无效")
        }
    }

    /// The same rule as a JSON Schema pattern for the OpenAPI document (ECMA-262): no leading or
    /// trailing whitespace, no control characters.
    static let schemaPattern = #"^[^\s\x00-\x1F\x7F-\x9F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF](?:[^\x00-\x1F\x7F-\x9F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]*[^\s\x00-\x1F\x7F-\x9F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF])?$"#
}
