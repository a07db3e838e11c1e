import Foundation
import Vapor

struct LegalArticleDTO: Content, Sendable {
    var id: UUID
    var number: String
    var ordinal: Int
    var text: String
    var status: String
    var statusLabel: String
    var citable: Bool

    init(_ a: LegalArticle, norm: LegalNorm) throws {
        id = try a.requireID()
        number = a.number
        ordinal = a.ordinal
        text = a.text
        status = a.status.rawValue
        statusLabel = a.status.label
        citable = a.citable(in: norm)
    }
}

struct LegalNormEventDTO: Content, Sendable {
    var kind: String
    var effectiveOn: String
    var summary: String
    var actor: String?
    var recordedAt: Date?

    init(_ e: LegalNormEvent) {
        kind = e.kind
        effectiveOn = e.effectiveOn
        summary = e.summary
        actor = e.actor
        recordedAt = e.createdAt
    }
}

struct LegalNormDTO: Content, Sendable {
    var id: UUID
    var title: String
    var level: String
    var levelLabel: String
    var mayBeEnforcementBasis: Bool
    var issuer: String
    var documentNumber: String
    var promulgatedOn: String
    var effectiveOn: String
    var status: String
    var statusLabel: String
    var articles: [LegalArticleDTO]?
    var history: [LegalNormEventDTO]?

    init(_ n: LegalNorm, articles: [LegalArticle]? = nil, history: [LegalNormEvent]? = nil) throws {
        id = try n.requireID()
        title = n.title
        level = n.level.rawValue
        levelLabel = n.level.label
        mayBeEnforcementBasis = n.level.mayBeEnforcementBasis
        issuer = n.issuer
        documentNumber = n.documentNumber
        promulgatedOn = n.promulgatedOn
        effectiveOn = n.effectiveOn
        status = n.status.rawValue
        statusLabel = n.status.label
        self.articles = try articles?.map { try LegalArticleDTO($0, norm: n) }
        self.history = history?.map(LegalNormEventDTO.init)
    }
}

struct CreateLegalNormInput: Content, StrictInput {
    var title: String
    var level: NormLevel
    var issuer: String
    var documentNumber: String
    var promulgatedOn: String
    var effectiveOn: String
    enum CodingKeys: String, CodingKey, CaseIterable { case title, level, issuer, documentNumber, promulgatedOn, effectiveOn }
    typealias Keys = CodingKeys
}

struct CreateArticleInput: Content, StrictInput {
    var number: String
    var text: String
    enum CodingKeys: String, CodingKey, CaseIterable { case number, text }
    typealias Keys = CodingKeys
}

struct NormStatusInput: Content, StrictInput {
    var status: NormStatus
    var effectiveOn: String
    var note: String?
    var text: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case status, effectiveOn, note, text }
    typealias Keys = CodingKeys
}
