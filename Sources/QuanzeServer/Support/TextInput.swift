import Foundation

/// Free-text inputs (names, titles): at least one visible character, no control characters,
/// at most `max` Unicode code points (as JSON Schema's `maxLength` counts). Stored trimmed.
enum TextInput {
    static func name(_ raw: String, field: String, max: Int = 50) throws -> String {
        guard raw.unicodeScalars.count <= max else { throw AppError.validation(field, "不超过 \(max) 个字符", code: "length") }
        guard !raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw AppError.validation(field, "不能包含控制字符或换行", code: "control_character")
        }
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw AppError.validation(field, "不能为空", code: "required") }
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

    /// The same rule as a JSON Schema pattern for the OpenAPI document (use with `maxLength`):
    /// no control characters and at least one non-whitespace character. Foundation's
    /// whitespace set equals `\s` for every non-control character.
    static let schemaPattern = #"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"#
}
