import Foundation

/// Decodes one profile file strictly and turns every decoding failure into a located problem.
enum ProfileFileDecoder {
    /// The profile (nil if it could not be decoded) and the problems found while decoding.
    static func decode(name: String, data: Data) -> (profile: RuleProfile?, problems: [ProfileProblem]) {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            return (nil, [ProfileProblem(file: name, kind: .malformedJSON,
                                         message: "JSON 格式错误（malformed JSON）：\(jsonErrorText(error, data: data))")])
        }
        let sink = DecodingProblemSink()
        let decoder = JSONDecoder()
        decoder.userInfo[DecodingProblemSink.userInfoKey] = sink
        var problems: [ProfileProblem] = []
        var profile: RuleProfile?
        do {
            profile = try decoder.decode(RuleProfile.self, from: data)
        } catch let error as DecodingError {
            problems.append(problem(for: error, file: name, root: root))
        } catch {
            problems.append(ProfileProblem(file: name, kind: .malformedJSON, message: "\(error)"))
        }
        let unknown = sink.records.map { record -> ProfileProblem in
            let place = JSONLocation(path: record.path, root: root)
            return ProfileProblem(file: name, kind: .unknownKey, section: place.section, code: place.code,
                                  message: "\(record.message)，位置 \(place.detail)")
        }
        return (problems.isEmpty ? profile : nil, unknown + problems)
    }

    private static func problem(for error: DecodingError, file: String, root: Any) -> ProfileProblem {
        let (kind, path, text): (ProfileProblemKind, [any CodingKey], String)
        switch error {
        case let .keyNotFound(key, context):
            (kind, path, text) = (.missingField, context.codingPath + [key], "缺少字段 \(key.stringValue)（missing key）")
        case let .typeMismatch(type, context):
            (kind, path, text) = (.invalidValue, context.codingPath, "类型错误，应为 \(typeName(type))（type mismatch）")
        case let .valueNotFound(type, context):
            (kind, path, text) = (.invalidValue, context.codingPath, "值为空，应为 \(typeName(type))（null value）")
        case let .dataCorrupted(context):
            (kind, path, text) = (.invalidValue, context.codingPath, context.debugDescription)
        @unknown default:
            (kind, path, text) = (.invalidValue, [], "\(error)")
        }
        let place = JSONLocation(path: path, root: root)
        return ProfileProblem(file: file, kind: kind, section: place.section, code: place.code,
                              message: "\(text)，位置 \(place.detail)")
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "字符串 string"
        case is Int.Type: "整数 integer"
        case is Bool.Type: "布尔值 boolean"
        default: "\(type)"
        }
    }

    /// The parser's message, with line and column added when it only gives a character offset.
    private static func jsonErrorText(_ error: any Error, data: Data) -> String {
        let ns = error as NSError
        let text = ns.userInfo["NSDebugDescription"] as? String ?? ns.localizedDescription
        guard let range = text.range(of: #"character \d+"#, options: .regularExpression),
              let offset = Int(text[range].dropFirst("character ".count)) else { return text }
        let lines = String(decoding: data.prefix(offset), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let (line, column) = (lines.count, (lines.last?.count ?? 0) + 1)
        return "\(text)（第 \(line) 行第 \(column) 列，line \(line), column \(column)）"
    }
}
