import Foundation

/// All rule profiles, validated and merged. Loading fails loudly: any problem in any file
/// throws a `ProfileLoadError` listing every problem found.
public struct ProfileRegistry: Sendable {
    /// Every profile, `national` first, then by id.
    public let all: [RuleProfile]
    private let byID: [String: RuleProfile]
    private let effectiveByID: [String: EffectiveProfile]

    /// Loads every `*.json` under the bundled `Resources/profiles`.
    public static func bundled() throws -> ProfileRegistry {
        try ProfileRegistry(files: ProfileResources.bundledFiles())
    }

    /// Loads profiles from `(file name, contents)` pairs, e.g. `("jilin.json", data)`.
    public init(files: [(name: String, data: Data)]) throws {
        var problems: [ProfileProblem] = []
        var loaded: [String: LoadedProfile] = [:]
        var seenFiles: Set<String> = []
        for file in files {
            guard seenFiles.insert(file.name).inserted else {
                problems.append(ProfileProblem(file: file.name, kind: .duplicateFile, message: "文件重复（duplicate file）"))
                continue
            }
            let decoded = ProfileFileDecoder.decode(name: file.name, data: file.data)
            problems += decoded.problems
            guard let profile = decoded.profile else { continue }
            let own = ProfileValidator.validate(file: file.name, profile: profile)
            problems += own
            if !own.contains(where: { $0.kind == .idMismatch }) {
                loaded[profile.id] = LoadedProfile(file: file.name, profile: profile)
            }
        }
        if !seenFiles.contains("\(RuleProfile.nationalID).json") {
            problems.append(ProfileProblem(file: "\(RuleProfile.nationalID).json", kind: .missingNational,
                                           message: "缺少 national 基准配置（the national baseline profile is missing）"))
        }
        let lineage = ProfileLineage.resolve(loaded)
        problems += lineage.problems
        var effective: [String: EffectiveProfile] = [:]
        for (id, chainIDs) in lineage.chains.sorted(by: { $0.key < $1.key }) {
            let chain = chainIDs.compactMap { loaded[$0]?.profile }
            let merged = ProfileMerger.merge(chain)
            effective[id] = merged
            problems += InheritanceValidator.validate(file: loaded[id]!.file, chain: chain, effective: merged)
        }
        guard problems.isEmpty else {
            let order = Dictionary(files.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
            let sorted = problems.enumerated().sorted {
                let (a, b) = (order[$0.element.file] ?? Int.max, order[$1.element.file] ?? Int.max)
                return a != b ? a < b : $0.offset < $1.offset
            }
            throw ProfileLoadError(problems: sorted.map(\.element))
        }
        let profiles = loaded.values.map(\.profile)
        self.all = profiles.sorted { lhs, rhs in
            lhs.isNational != rhs.isNational ? lhs.isNational : lhs.id < rhs.id
        }
        self.byID = Dictionary(uniqueKeysWithValues: profiles.map { ($0.id, $0) })
        self.effectiveByID = effective
    }

    /// The profile as written in its file.
    public func profile(id: String) -> RuleProfile? {
        byID[id]
    }

    /// The profile merged with its ancestors; nil for an unknown id.
    public func effective(id: String) -> EffectiveProfile? {
        effectiveByID[id]
    }

    /// The national baseline, merged (it has no ancestors).
    public var national: EffectiveProfile {
        effectiveByID[RuleProfile.nationalID]!
    }
}
