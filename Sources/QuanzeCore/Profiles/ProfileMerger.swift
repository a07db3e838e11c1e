import Foundation

/// Merges a profile with its ancestors. Ancestors' entries come first, in their order; a
/// descendant's entry with the same code replaces the inherited one in place; new entries follow.
enum ProfileMerger {
    /// `chain` is `[profile, parent, …, national]`.
    static func merge(_ chain: [RuleProfile]) -> EffectiveProfile {
        let leaf = chain[0]
        let layers = Array(chain.reversed())
        func section<E>(_ pick: (RuleProfile) -> [E], code: (E) -> String) -> [Inherited<E>] {
            merge(layers.map { ($0.id, pick($0)) }, selfID: leaf.id, code: code)
        }
        func entries<E: ProfileEntry>(_ pick: (RuleProfile) -> [E]) -> [Inherited<E>] {
            section(pick, code: \.code)
        }
        let scale = layers.reduce(nil as Inherited<AssessmentScale>?) { current, profile in
            guard let scale = profile.assessment.scale else { return current }
            return Inherited(entry: scale, origin: profile.id, inherited: profile.id != leaf.id, overrides: current?.origin)
        }
        return EffectiveProfile(
            id: leaf.id,
            name: leaf.name,
            jurisdiction: leaf.jurisdiction,
            lineage: chain.map(\.id),
            documents: section({ $0.documents }, code: \.code),
            deadlines: entries { $0.deadlines },
            quantities: entries { $0.quantities },
            catalogs: EffectiveCatalogs(
                agencySanctions: mergeBySeverity(layers.map { ($0.id, $0.catalogs.agencySanctions) }, selfID: leaf.id, code: \.code),
                personSanctions: mergeBySeverity(layers.map { ($0.id, $0.catalogs.personSanctions) }, selfID: leaf.id, code: \.code),
                circumstances: EffectiveCircumstances(
                    aggravating: entries { $0.catalogs.circumstances.aggravating },
                    lenient: entries { $0.catalogs.circumstances.lenient },
                    mitigated: entries { $0.catalogs.circumstances.mitigated },
                    exempt: entries { $0.catalogs.circumstances.exempt }
                ),
                faultSituations: entries { $0.catalogs.faultSituations }
            ),
            apportionment: entries { $0.apportionment },
            gravity: entries { $0.gravity },
            assessment: EffectiveAssessment(
                scale: scale,
                grades: entries { $0.assessment.grades },
                methods: entries { $0.assessment.methods },
                channels: entries { $0.assessment.channels },
                content: entries { $0.assessment.content }
            ),
            provisions: entries { $0.provisions }
        )
    }

    /// `layers` run from the root (national) to the profile itself.
    static func merge<E>(_ layers: [(id: String, entries: [E])], selfID: String, code: (E) -> String) -> [Inherited<E>] {
        var result: [Inherited<E>] = []
        var position: [String: Int] = [:]
        for layer in layers {
            for entry in layer.entries {
                let key = code(entry)
                let item = Inherited(entry: entry, origin: layer.id, inherited: layer.id != selfID)
                if let index = position[key] {
                    var replaced = item
                    replaced.overrides = result[index].origin
                    result[index] = replaced
                } else {
                    position[key] = result.count
                    result.append(item)
                }
            }
        }
        return result
    }

    /// Sanction catalogs are ordered lightest first, and that order is the severity rank the liability
    /// engine uses (`DefenceGuard`). A profile that lists sanctions states its own scale, so its order
    /// governs — including the codes it overrides (the generic merge would leave an overridden code at
    /// its ancestor's position). An ancestor's code the profile does not list goes right after the
    /// heaviest of the codes that preceded it in the ancestor's order, so it stays heavier than
    /// everything it was heavier than before.
    static func mergeBySeverity<E>(_ layers: [(id: String, entries: [E])], selfID: String, code: (E) -> String) -> [Inherited<E>] {
        var result: [Inherited<E>] = []
        for layer in layers where !layer.entries.isEmpty {
            let previous = result
            var merged = layer.entries.map { entry in
                Inherited(entry: entry, origin: layer.id, inherited: layer.id != selfID,
                          overrides: previous.first { code($0.entry) == code(entry) }?.origin)
            }
            let listed = Set(layer.entries.map(code))
            for (i, old) in previous.enumerated() where !listed.contains(code(old.entry)) {
                let lighter = Set(previous[..<i].map { code($0.entry) })
                let at = merged.lastIndex { lighter.contains(code($0.entry)) }.map { $0 + 1 } ?? 0
                merged.insert(old, at: at)
            }
            result = merged
        }
        return result
    }
}
