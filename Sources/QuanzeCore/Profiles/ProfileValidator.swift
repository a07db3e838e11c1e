import Foundation

/// Checks one decoded profile on its own: id and file name, codes, names, sources, numbers.
struct ProfileValidator {
    let file: String
    let profile: RuleProfile
    private(set) var problems: [ProfileProblem] = []

    init(file: String, profile: RuleProfile) {
        self.file = file
        self.profile = profile
    }

    static func validate(file: String, profile: RuleProfile) -> [ProfileProblem] {
        var validator = ProfileValidator(file: file, profile: profile)
        validator.run()
        return validator.problems
    }

    private mutating func run() {
        checkHeader()
        checkDocuments()
        for section in profile.sections {
            checkDuplicates(section.name, codes: section.entries.map(\.code))
            for entry in section.entries { check(entry, in: section.name) }
        }
    }

    private mutating func checkHeader() {
        let expected = ProfileNaming.id(forFile: file)
        if profile.id != expected {
            add(.idMismatch, nil, nil, "id「\(profile.id)」与文件名不符，应为「\(expected)」（id must equal the file name）")
        }
        if !ProfileNaming.isValidID(profile.id) {
            add(.invalidCode, nil, nil, "id「\(profile.id)」须为小写字母、数字和连字符（lowercase ASCII and hyphens）")
        }
        if isBlank(profile.name) { add(.emptyText, nil, nil, "name 为空（empty name）") }
        if isBlank(profile.jurisdiction) { add(.emptyText, nil, nil, "jurisdiction 为空（empty jurisdiction）") }
        if profile.isNational, let parent = profile.inherits {
            add(.nationalInherits, nil, nil, "national 是基准配置，不得继承「\(parent)」（the national baseline has no parent）")
        }
        if !profile.isNational, profile.inherits == nil {
            add(.missingParent, nil, nil, "缺少 inherits：除 national 外每个配置都须继承上级（every profile but national must inherit）")
        }
    }

    private mutating func checkDocuments() {
        checkDuplicates("documents", codes: profile.documents.map(\.code))
        for document in profile.documents {
            if !ProfileNaming.isValidCode(document.code) {
                add(.invalidCode, "documents", document.code, "code 须为 snake_case ASCII（invalid code）")
            }
            if isBlank(document.title) { add(.emptyText, "documents", document.code, "title 为空（empty title）") }
            for seed in document.seeds where isBlank(seed.file) {
                add(.missingSource, "documents", document.code, "seeds 中文件名为空（empty seed file）")
            }
        }
    }

    private mutating func checkDuplicates(_ section: String, codes: [String]) {
        var seen: Set<String> = []
        var reported: Set<String> = []
        for code in codes where !seen.insert(code).inserted && reported.insert(code).inserted {
            add(.duplicateCode, section, code, "同一部分内 code 重复（duplicate code in section）")
        }
    }

    private mutating func check(_ entry: any ProfileEntry, in section: String) {
        let code = entry.code
        if !ProfileNaming.isValidCode(code) {
            add(.invalidCode, section, code, "code「\(code)」须为 snake_case ASCII（invalid code）")
        }
        if isBlank(entry.name) { add(.emptyText, section, code, "name 为空（empty name）") }
        let source = entry.source
        if isBlank(source.document) {
            add(.missingSource, section, code, "缺少出处 source 或出处未写文件名称（missing source）")
        } else if isBlank(source.article) {
            add(.emptyArticle, section, code, "出处条款 article 为空（empty article in source）")
        }
        if let seed = source.seed, isBlank(seed) {
            add(.missingSource, section, code, "出处 seed 为空字符串，法律条文请写 null（empty seed）")
        }
        if let quote = entry.quote, isBlank(quote) {
            add(.emptyText, section, code, "quote 为空（empty quote）")
        }
        for number in entry.positiveNumbers where number.value <= 0 {
            add(.nonPositiveValue, section, code, "\(number.field) 须大于 0，实为 \(number.value)（value must be > 0）")
        }
    }

    private mutating func add(_ kind: ProfileProblemKind, _ section: String?, _ code: String?, _ message: String) {
        problems.append(ProfileProblem(file: file, kind: kind, section: section, code: code, message: message))
    }

    private func isBlank(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}

/// Naming rules for profile ids, files and entry codes.
enum ProfileNaming {
    static func id(forFile file: String) -> String {
        file.hasSuffix(".json") ? String(file.dropLast(5)) : file
    }

    /// `national`, `jilin`, `henan-yongcheng`.
    static func isValidID(_ id: String) -> Bool {
        matches(id, first: "abcdefghijklmnopqrstuvwxyz", rest: "abcdefghijklmnopqrstuvwxyz0123456789-")
    }

    /// `penalty_decision`, `rectify_within_deadline`.
    static func isValidCode(_ code: String) -> Bool {
        matches(code, first: "abcdefghijklmnopqrstuvwxyz", rest: "abcdefghijklmnopqrstuvwxyz0123456789_")
    }

    private static func matches(_ text: String, first: String, rest: String) -> Bool {
        guard let head = text.first, first.contains(head) else { return false }
        return text.dropFirst().allSatisfy { rest.contains($0) }
    }
}
