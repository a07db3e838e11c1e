import Foundation

/// Names the place of a coding path in a profile: the section, the code of the innermost entry
/// that has one, and the full path (e.g. `deadlines[3].extension.value`).
struct JSONLocation {
    let section: String?
    let code: String?
    let detail: String

    init(path: [any CodingKey], root: Any) {
        enum Step { case key(String), element(Int, code: String?) }
        var steps: [Step] = []
        var node: Any? = root
        for key in path {
            if let index = key.intValue {
                let element = (node as? [Any]).flatMap { index < $0.count ? $0[index] : nil }
                let code = (element as? [String: Any])?["code"] as? String
                steps.append(.element(index, code: code))
                node = element
            } else {
                steps.append(.key(key.stringValue))
                node = (node as? [String: Any])?[key.stringValue]
            }
        }
        var detail = ""
        for step in steps {
            switch step {
            case let .key(name): detail += detail.isEmpty ? name : ".\(name)"
            case let .element(index, _): detail += "[\(index)]"
            }
        }
        self.detail = detail.isEmpty ? "（根 root）" : detail

        // The innermost element that has a code is the entry; what leads to it is the section.
        let entryIndex = steps.lastIndex { if case .element(_, code: .some) = $0 { true } else { false } }
        guard let entryIndex, case let .element(_, code: entryCode) = steps[entryIndex] else {
            // No coded entry: the section is the path without its final field name.
            var trimmed = steps
            if case .key = trimmed.last { trimmed.removeLast() }
            let names = trimmed.compactMap { step -> String? in if case let .key(name) = step { name } else { nil } }
            section = names.isEmpty ? nil : names.joined(separator: ".")
            code = nil
            return
        }
        var parts: [String] = []
        for step in steps[..<entryIndex] {
            switch step {
            case let .key(name): parts.append(name)
            case let .element(index, code):
                if !parts.isEmpty { parts[parts.count - 1] += "[\(code ?? String(index))]" }
            }
        }
        section = parts.joined(separator: ".")
        code = entryCode
    }
}
