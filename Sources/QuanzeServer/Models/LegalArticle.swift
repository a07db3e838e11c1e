import Fluent
import Foundation

/// One article (条) of a legal norm: its number, text and own status (an article can be amended
/// or repealed while the norm stays in force).
final class LegalArticle: Model, @unchecked Sendable {
    static let schema = "legal_articles"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// 条号 as written, e.g. 第五十八条.
    @Field(key: "number") var number: String
    /// Position for ordering (the article's ordinal, e.g. 58).
    @Field(key: "ordinal") var ordinal: Int
    @Field(key: "text") var text: String
    @Field(key: "status") var status: NormStatus

    @Parent(key: "norm_id") var norm: LegalNorm

    init() {}

    init(normID: UUID, number: String, ordinal: Int, text: String) {
        self.$norm.id = normID
        self.number = number
        self.ordinal = ordinal
        self.text = text
        self.status = .inForce
    }

    /// In force only when both the article and its norm are.
    /// May be cited as an enforcement basis: not repealed, in a norm that is not repealed and may be a basis at all.
    func citable(in norm: LegalNorm) -> Bool { status != .repealed && norm.status != .repealed && norm.level.mayBeEnforcementBasis }
}

/// History of a norm and its articles: every status change and text amendment, with its date.
final class LegalNormEvent: Model, @unchecked Sendable {
    static let schema = "legal_norm_events"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "norm_id") var normID: UUID
    @OptionalField(key: "article_id") var articleID: UUID?
    /// What happened: `catalogued`, `article_added`, `status`, `article_status`, `article_amended`.
    @Field(key: "kind") var kind: String
    /// The date the change takes effect (YYYY-MM-DD).
    @Field(key: "effective_on") var effectiveOn: String
    @Field(key: "summary") var summary: String
    @OptionalField(key: "actor") var actor: String?

    init() {}

    init(normID: UUID, articleID: UUID? = nil, kind: String, effectiveOn: String, summary: String, actor: String?) {
        self.normID = normID
        self.articleID = articleID
        self.kind = kind
        self.effectiveOn = effectiveOn
        self.summary = summary
        self.actor = actor
    }
}
