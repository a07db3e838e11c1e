import Foundation

/// Two effective profiles side by side (issue 6 item 1): per section, each code with its entry on
/// either side, and whether the two say the same. "The same" compares the substance (the summary
/// of the value, sanctions, liable parties or text, and the machine fields `when`, `effect`,
/// `detect`/`count`), not the source: henan and hangzhou both setting 2 investigators is `equal`
/// even though each cites its own article.
public struct ProfileComparison: Codable, Sendable, Hashable {
    public var left: Side
    public var right: Side
    public var sections: [Section]

    public struct Side: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var jurisdiction: String
        public var lineage: [String]
    }

    public struct Section: Codable, Sendable, Hashable {
        /// The JSON path of the section, e.g. `deadlines`, `catalogs.personSanctions`.
        public var key: String
        public var title: String
        public var rows: [Row]
    }

    public enum Status: String, Codable, Sendable, Hashable, CaseIterable {
        case equal
        case different
        case onlyLeft = "only_left"
        case onlyRight = "only_right"

        public var label: String {
            switch self {
            case .equal: "相同"
            case .different: "不同"
            case .onlyLeft: "仅左侧"
            case .onlyRight: "仅右侧"
            }
        }
    }

    public struct Row: Codable, Sendable, Hashable {
        public var code: String
        public var status: Status
        public var left: Cell?
        public var right: Cell?
    }

    /// One side's entry for a code.
    public struct Cell: Codable, Sendable, Hashable {
        public var name: String
        /// Value and unit, sanctions, liable parties or text, as the page shows it.
        public var summary: String
        public var when: ApportionmentTrigger?
        public var effect: SanctionEffect?
        public var detect: CircumstanceDetector?
        public var count: Int?
        public var source: SourceRef
        public var quote: String?
        /// The profile in the lineage the entry comes from.
        public var origin: String
        public var inherited: Bool

        /// What `equal` compares.
        var substance: [String] {
            [summary, when?.rawValue ?? "", effect?.rawValue ?? "", detect?.rawValue ?? "", count.map(String.init) ?? ""]
        }
    }

    public init(left: EffectiveProfile, right: EffectiveProfile) {
        self.left = Side(id: left.id, name: left.name, jurisdiction: left.jurisdiction, lineage: left.lineage)
        self.right = Side(id: right.id, name: right.name, jurisdiction: right.jurisdiction, lineage: right.lineage)
        sections = Self.sectionSpecs.map { spec in
            Section(key: spec.key, title: spec.title, rows: Self.rows(spec.cells(left), spec.cells(right)))
        }
    }

    /// Left's codes in left's order, then right-only codes in right's order.
    static func rows(_ l: [(String, Cell)], _ r: [(String, Cell)]) -> [Row] {
        let rightByCode = Dictionary(r, uniquingKeysWith: { a, _ in a })
        let leftCodes = Set(l.map(\.0))
        var rows = l.map { code, cell -> Row in
            guard let other = rightByCode[code] else { return Row(code: code, status: .onlyLeft, left: cell, right: nil) }
            return Row(code: code, status: cell.substance == other.substance ? .equal : .different, left: cell, right: other)
        }
        rows += r.filter { !leftCodes.contains($0.0) }.map { Row(code: $0.0, status: .onlyRight, left: nil, right: $0.1) }
        return rows
    }

    struct SectionSpec: Sendable {
        let key: String
        let title: String
        let cells: @Sendable (EffectiveProfile) -> [(String, Cell)]
    }

    static func cell<E: ProfileEntry>(_ i: Inherited<E>, summary: String, when: ApportionmentTrigger? = nil,
                                      effect: SanctionEffect? = nil, detect: CircumstanceDetector? = nil, count: Int? = nil) -> (String, Cell) {
        (i.entry.code, Cell(name: i.entry.name, summary: summary, when: when, effect: effect, detect: detect, count: count,
                            source: i.entry.source, quote: i.entry.quote, origin: i.origin, inherited: i.inherited))
    }

    static func catalog(_ list: [Inherited<CatalogItem>]) -> [(String, Cell)] {
        list.map { cell($0, summary: $0.entry.text ?? $0.entry.name, effect: $0.entry.effect, detect: $0.entry.detect, count: $0.entry.count) }
    }

    static func plain<E: ProfileEntry>(_ list: [Inherited<E>], text: (E) -> String?) -> [(String, Cell)] {
        list.map { cell($0, summary: text($0.entry) ?? $0.entry.name) }
    }

    static let sectionSpecs: [SectionSpec] = [
        SectionSpec(key: "deadlines", title: "期限") { p in
            p.deadlines.map { d in
                var s = d.entry.display + "（\(d.entry.bound.rawValue)）"
                if let start = d.entry.start { s += "，自\(start)起算" }
                return cell(d, summary: s)
            }
        },
        SectionSpec(key: "quantities", title: "数量标准") { p in
            p.quantities.map { cell($0, summary: "\($0.entry.bound == .atLeast ? "不少于" : "达到")\($0.entry.display)") }
        },
        SectionSpec(key: "catalogs.agencySanctions", title: "对机关的处理") { catalog($0.catalogs.agencySanctions) },
        SectionSpec(key: "catalogs.personSanctions", title: "对人员的处理") { catalog($0.catalogs.personSanctions) },
        SectionSpec(key: "catalogs.faultSituations", title: "过错（追责）情形") { p in
            p.catalogs.faultSituations.map { f in
                let names = f.entry.sanctions.map { p.sanction($0)?.entry.name ?? $0 }
                return cell(f, summary: f.entry.name + (names.isEmpty ? "" : " → " + names.joined(separator: "、")))
            }
        },
        SectionSpec(key: "catalogs.circumstances.aggravating", title: "从重情形") { catalog($0.catalogs.circumstances.aggravating) },
        SectionSpec(key: "catalogs.circumstances.lenient", title: "从轻情形") { catalog($0.catalogs.circumstances.lenient) },
        SectionSpec(key: "catalogs.circumstances.mitigated", title: "减轻情形") { catalog($0.catalogs.circumstances.mitigated) },
        SectionSpec(key: "catalogs.circumstances.exempt", title: "免责、不予追究情形") { catalog($0.catalogs.circumstances.exempt) },
        SectionSpec(key: "apportionment", title: "责任划分") { p in
            p.apportionment.map { r in
                cell(r, summary: r.entry.liable.map { "\($0.party.rawValue)（\($0.share.rawValue)）" }.joined(separator: "、"), when: r.entry.when)
            }
        },
        SectionSpec(key: "gravity", title: "情节与处理的对应") { p in
            p.gravity.map { g in
                let names = g.entry.sanctions.map { p.sanction($0)?.entry.name ?? $0 }
                return cell(g, summary: "第\(g.entry.level)档：" + names.joined(separator: "、"))
            }
        },
        SectionSpec(key: "assessment.grades", title: "考核等次") { p in
            p.assessment.grades.map { g in
                cell(g, summary: g.entry.name + (g.entry.consequences.isEmpty ? "" : " → " + g.entry.consequences.map(\.name).joined(separator: "、")))
            }
        },
        SectionSpec(key: "assessment.methods", title: "考核方法") { plain($0.assessment.methods) { $0.text } },
        SectionSpec(key: "assessment.channels", title: "外部评议渠道") { plain($0.assessment.channels) { $0.text } },
        SectionSpec(key: "assessment.content", title: "考核内容") { plain($0.assessment.content) { $0.text } },
        SectionSpec(key: "provisions", title: "其他规定") { plain($0.provisions) { $0.text } },
    ]
}

/// The closed values of the profile vocabulary, for the OpenAPI schema of the profile responses.
public enum ProfileVocabulary {
    public static var triggers: [String] { ApportionmentTrigger.allCases.map(\.rawValue) }
    public static var effects: [String] { SanctionEffect.allCases.map(\.rawValue) }
    public static var detectors: [String] { CircumstanceDetector.allCases.map(\.rawValue) }
    public static var parties: [String] { LiableParty.allCases.map(\.rawValue) }
    public static var shares: [String] { LiabilityShare.allCases.map(\.rawValue) }
}
