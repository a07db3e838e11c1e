import Foundation

/// Resolves each profile's chain of ancestors and reports unknown parents and cycles.
enum ProfileLineage {
    /// `chains[id]` is `[id, parent, …, national]` for every profile whose chain is sound.
    static func resolve(_ profiles: [String: LoadedProfile]) -> (chains: [String: [String]], problems: [ProfileProblem]) {
        var chains: [String: [String]] = [:]
        var problems: [ProfileProblem] = []
        for id in profiles.keys.sorted() {
            guard let start = profiles[id] else { continue }
            var chain = [id]
            var current = start.profile
            while let parent = current.inherits {
                if let loop = chain.firstIndex(of: parent) {
                    // Report only for the members of the cycle, each in its own file.
                    if loop == 0 {
                        let path = (chain + [parent]).joined(separator: " → ")
                        problems.append(ProfileProblem(file: start.file, kind: .inheritanceCycle, section: "inherits",
                                                       message: "继承关系成环：\(path)（inheritance cycle）"))
                    }
                    chain = []
                    break
                }
                guard let next = profiles[parent] else {
                    if current.id == id {
                        problems.append(ProfileProblem(file: start.file, kind: .unknownParent, section: "inherits",
                                                       message: "上级配置「\(parent)」不存在（unknown parent profile）"))
                    }
                    chain = []
                    break
                }
                chain.append(parent)
                current = next.profile
            }
            if chain.last == RuleProfile.nationalID { chains[id] = chain }
        }
        return (chains, problems)
    }
}

/// A decoded profile and the file it came from.
struct LoadedProfile {
    let file: String
    let profile: RuleProfile
}
