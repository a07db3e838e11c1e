import Foundation

/// What is wrong with a profile entry. Closed, so tests and the admin UI can tell problems apart.
public enum ProfileProblemKind: String, Sendable, Hashable, Codable, CaseIterable {
    case malformedJSON
    case missingField
    case invalidValue
    case unknownKey
    case missingSource
    case emptyArticle
    case emptyText
    case invalidCode
    case duplicateCode
    case nonPositiveValue
    case idMismatch
    case duplicateFile
    case missingNational
    case missingParent
    case nationalInherits
    case unknownParent
    case inheritanceCycle
    case unknownDocument
    case seedMismatch
    case unknownSanction
    case relaxedDeadline
}

/// One problem, located by file, section and entry code.
public struct ProfileProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// File name, e.g. `jilin.json`.
    public var file: String
    public var kind: ProfileProblemKind
    /// Section path, e.g. `deadlines`, `catalogs.agencySanctions`,
    /// `assessment.grades[unqualified].consequences`; nil for the profile as a whole.
    public var section: String?
    /// The entry's code, when the problem is inside an entry that has one.
    public var code: String?
    /// Chinese explanation, with an English gloss.
    public var message: String

    public init(file: String, kind: ProfileProblemKind, section: String? = nil, code: String? = nil, message: String) {
        self.file = file
        self.kind = kind
        self.section = section
        self.code = code
        self.message = message
    }

    public var description: String {
        var location = file
        if let section { location += " › \(section)" }
        if let code { location += " › \(code)" }
        return "\(location)：\(message)"
    }
}

/// Loading the rule profiles failed. Holds every problem found, in file order.
public struct ProfileLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [ProfileProblem]

    public init(problems: [ProfileProblem]) {
        self.problems = problems
    }

    public var description: String {
        let lines = problems.map { "  - \($0)" }.joined(separator: "\n")
        return "规则配置加载失败，共 \(problems.count) 个问题（rule profiles failed to load）：\n\(lines)"
    }

    /// Problems of one file.
    public func problems(in file: String) -> [ProfileProblem] {
        problems.filter { $0.file == file }
    }
}
