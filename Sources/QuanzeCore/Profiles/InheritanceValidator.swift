import Foundation

/// Checks that need a profile's ancestors: cited documents and seeds exist, referenced sanctions
/// exist, and no inherited deadline is relaxed.
enum InheritanceValidator {
    /// `chain` is `[profile, parent, …, national]`; `effective` is its merge.
    static func validate(file: String, chain: [RuleProfile], effective: EffectiveProfile) -> [ProfileProblem] {
        let profile = chain[0]
        var problems: [ProfileProblem] = []
        func add(_ kind: ProfileProblemKind, _ section: String, _ code: String, _ message: String) {
            problems.append(ProfileProblem(file: file, kind: kind, section: section, code: code, message: message))
        }
        for (section, entry) in profile.allEntries {
            if let message = sourceProblem(entry.source, effective: effective) {
                add(message.kind, section, entry.code, message.text)
            }
            for code in entry.sanctionReferences where effective.sanction(code) == nil {
                add(.unknownSanction, section, entry.code,
                    "引用的处理种类「\(code)」不在本级或上级的 agencySanctions / personSanctions 中（unknown sanction code）")
            }
        }
        // `sanction(code)` looks in both catalogs, so a code may name only one sanction.
        let agencyCodes = Set(effective.catalogs.agencySanctions.map(\.entry.code))
        for item in effective.catalogs.personSanctions where agencyCodes.contains(item.entry.code) && !item.inherited {
            add(.duplicateCode, "catalogs.personSanctions", item.entry.code,
                "与 agencySanctions 中的 code 重复，处理种类的 code 须在两类中唯一（sanction codes must be unique across both catalogs）")
        }
        for item in effective.catalogs.agencySanctions where !item.inherited
            && effective.catalogs.personSanctions.contains(where: { $0.entry.code == item.entry.code && $0.inherited }) {
            add(.duplicateCode, "catalogs.agencySanctions", item.entry.code,
                "与上级 personSanctions 中的 code 重复（sanction codes must be unique across both catalogs）")
        }
        for deadline in profile.deadlines {
            for ancestor in chain.dropFirst() {
                guard let inherited = ancestor.deadlines.first(where: { $0.code == deadline.code }) else { continue }
                if let message = DeadlineRelaxation.problem(child: deadline, parent: inherited, parentID: ancestor.id) {
                    add(.relaxedDeadline, "deadlines", deadline.code, message)
                }
                break
            }
        }
        return problems
    }

    private static func sourceProblem(_ source: SourceRef, effective: EffectiveProfile) -> (kind: ProfileProblemKind, text: String)? {
        guard !source.document.isEmpty else { return nil } // reported as missing source already
        guard let document = effective.document(citedAs: source.document) else {
            return (.unknownDocument, "出处文件「\(source.document)」未在本级或上级的 documents 中列出（source document not listed）")
        }
        if document.seeds.isEmpty {
            if let seed = source.seed {
                return (.seedMismatch, "「\(source.document)」是法律法规，不在种子文件中，seed 应为 null，实为「\(seed)」（statutes have no seed）")
            }
            return nil
        }
        let location = SeedLocation(file: source.seed ?? "", part: source.part)
        if !document.seeds.contains(location) {
            let known = document.seeds.map { $0.file + ($0.part.map { " \($0)" } ?? "") }.joined(separator: "、")
            let given = source.seed.map { $0 + (source.part.map { " \($0)" } ?? "") } ?? "null"
            return (.seedMismatch, "出处种子「\(given)」不是「\(source.document)」所在的种子（\(known)）（seed/篇 does not hold this document）")
        }
        return nil
    }
}
