import Fluent
import SQLKit

struct CreateLegalNorm: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LegalNorm.schema)
            .id()
            .field("title", .string, .required)
            .field("level", .string, .required)
            .field("issuer", .string, .required)
            .field("document_number", .string, .required)
            .field("promulgated_on", .string, .required)
            .field("effective_on", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "title", "document_number")
            .create()
        try await database.schema(LegalArticle.schema)
            .id()
            .field("norm_id", .uuid, .required, .references(LegalNorm.schema, .id, onDelete: .cascade))
            .field("number", .string, .required)
            .field("ordinal", .int, .required)
            .field("text", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "norm_id", "number")
            .create()
        try await database.schema(LegalNormEvent.schema)
            .id()
            .field("norm_id", .uuid, .required, .references(LegalNorm.schema, .id, onDelete: .cascade))
            .field("article_id", .uuid, .references(LegalArticle.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("effective_on", .string, .required)
            .field("summary", .string, .required)
            .field("actor", .string)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX legal_articles_norm ON legal_articles (norm_id, ordinal)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LegalNormEvent.schema).delete()
        try await database.schema(LegalArticle.schema).delete()
        try await database.schema(LegalNorm.schema).delete()
    }
}
