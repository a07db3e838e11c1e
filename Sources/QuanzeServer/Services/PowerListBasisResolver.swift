import Fluent
import Foundation
import QuanzeCore

/// Finds the catalog article a CSV basis cites (“中华人民共和国行政处罚法 第四十二条”): the norm by
/// its exact title, the article by its number (第58条 and 第五十八条 alike). When several norms
/// share the title (an old and a revised edition), a citable article is preferred; otherwise
/// the article found is returned so that the validation refuses it by name (repealed, 规范性文件).
struct PowerListBasisResolver {
    private var articlesByTitle: [String: [(LegalArticle, LegalNorm)]] = [:]
    private var articlesByID: [UUID: (LegalArticle, LegalNorm)] = [:]

    static func load(titles: Set<String>, on db: any Database) async throws -> PowerListBasisResolver {
        var resolver = PowerListBasisResolver()
        guard !titles.isEmpty else { return resolver }
        let norms = try await LegalNorm.query(on: db).filter(\.$title ~~ Array(titles)).all()
        let byID = Dictionary(uniqueKeysWithValues: norms.compactMap { n in n.id.map { ($0, n) } })
        guard !byID.isEmpty else { return resolver }
        for a in try await LegalArticle.query(on: db).filter(\.$norm.$id ~~ Array(byID.keys)).all() {
            guard let n = byID[a.$norm.id] else { continue }
            resolver.articlesByTitle[n.title, default: []].append((a, n))
            if let id = a.id { resolver.articlesByID[id] = (a, n) }
        }
        for n in norms where resolver.articlesByTitle[n.title] == nil { resolver.articlesByTitle[n.title] = [] }
        return resolver
    }

    /// The article's ID, or a Chinese message saying why none was found.
    func resolve(_ c: BasisCitation) -> Result<UUID, ResolveError> {
        guard let candidates = articlesByTitle[c.title] else {
            return .failure(ResolveError(message: "执法依据目录中没有《\(c.title)》，请先收录或核对名称"))
        }
        let key = Self.key(c.article)
        let matches = candidates.filter { Self.key($0.0.number) == key }
        guard let chosen = matches.first(where: { $0.0.citable(in: $0.1) }) ?? matches.first, let id = chosen.0.id else {
            return .failure(ResolveError(message: "《\(c.title)》\(c.article)未收录在执法依据目录中"))
        }
        return .success(id)
    }

    /// An article `resolve` found, with its norm (for `PowerItemService.problems` without further queries).
    func cited(_ id: UUID) -> (LegalArticle, LegalNorm)? { articlesByID[id] }

    struct ResolveError: Error { let message: String }

    /// The article's ordinal and any 之N suffix, so that 第58条 matches 第五十八条.
    static func key(_ number: String) -> String {
        let suffix = number.firstIndex(of: "条").map { String(number[number.index(after: $0)...]) } ?? ""
        return "\(ArticleNumber.ordinal(number) ?? -1)\(suffix)"
    }
}
