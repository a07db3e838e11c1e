/// Where a rule comes from: a seed document (file, 篇 where the file holds several texts, article)
/// or a statute. Every rule the platform enforces carries one, and the UI shows it.
public struct SourceRef: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Seed file name under `shared/seeds/` (e.g. `000_e748949df243188f.txt`), or nil for a statute.
    public var seed: String?
    /// 篇 within a seed file that holds several texts (e.g. `篇4`), if any.
    public var part: String?
    /// The document's title or number, e.g. `国办发〔2005〕37号` or `行政处罚法`.
    public var document: String
    /// The article or section, e.g. `第八条` or `三(二)`.
    public var article: String

    public init(seed: String? = nil, part: String? = nil, document: String, article: String) {
        self.seed = seed
        self.part = part
        self.document = document
        self.article = article
    }

    /// Human-readable citation, e.g. `国办发〔2005〕37号 三(二)（000_e748949df243188f.txt）`.
    public var description: String {
        var s = "\(document) \(article)"
        if let seed {
            s += "（\(seed)\(part.map { " \($0)" } ?? "")）"
        }
        return s
    }
}
