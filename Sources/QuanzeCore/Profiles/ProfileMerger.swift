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
                agencySanctions: entries { $0.catalogs.agencySanctions },
                personSanctions: entries { $0.catalogs.personSanctions },
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
}
