import QuanzeCore
import Vapor

/// A rule's source in API bodies: document and article, the seed file and part when known, and the one-line text the
/// console shows next to computed deadlines and proposals.
struct SourceDTO: Content, Sendable {
    var document: String
    var article: String
    var seed: String?
    var part: String?
    var text: String

    init(_ s: SourceRef) {
        document = s.document
        article = s.article
        seed = s.seed
        part = s.part
        text = s.description
    }
}
