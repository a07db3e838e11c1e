import Foundation

/// The entries of one section, under the name problems and pages use for it.
struct ProfileSection {
    let name: String
    let entries: [any ProfileEntry]
}

extension RuleProfile {
    /// Every entry-holding section, in file order. Grade consequences form their own section
    /// per grade (`assessment.grades[unqualified].consequences`).
    var sections: [ProfileSection] {
        var list: [ProfileSection] = [
            ProfileSection(name: "deadlines", entries: deadlines),
            ProfileSection(name: "quantities", entries: quantities),
            ProfileSection(name: "catalogs.agencySanctions", entries: catalogs.agencySanctions),
            ProfileSection(name: "catalogs.personSanctions", entries: catalogs.personSanctions),
            ProfileSection(name: "catalogs.circumstances.aggravating", entries: catalogs.circumstances.aggravating),
            ProfileSection(name: "catalogs.circumstances.lenient", entries: catalogs.circumstances.lenient),
            ProfileSection(name: "catalogs.circumstances.mitigated", entries: catalogs.circumstances.mitigated),
            ProfileSection(name: "catalogs.circumstances.exempt", entries: catalogs.circumstances.exempt),
            ProfileSection(name: "catalogs.faultSituations", entries: catalogs.faultSituations),
            ProfileSection(name: "apportionment", entries: apportionment),
            ProfileSection(name: "gravity", entries: gravity),
        ]
        if let scale = assessment.scale {
            list.append(ProfileSection(name: "assessment", entries: [scale]))
        }
        list.append(ProfileSection(name: "assessment.grades", entries: assessment.grades))
        for grade in assessment.grades {
            list.append(ProfileSection(name: "assessment.grades[\(grade.code)].consequences", entries: grade.consequences))
        }
        list += [
            ProfileSection(name: "assessment.methods", entries: assessment.methods),
            ProfileSection(name: "assessment.channels", entries: assessment.channels),
            ProfileSection(name: "assessment.content", entries: assessment.content),
            ProfileSection(name: "provisions", entries: provisions),
        ]
        return list
    }

    /// Every entry of the profile with its section name.
    var allEntries: [(section: String, entry: any ProfileEntry)] {
        sections.flatMap { section in section.entries.map { (section: section.name, entry: $0) } }
    }
}
