import Foundation
import Vapor

struct PowerItemVersionDTO: Content, Sendable {
    var id: UUID
    var version: Int
    var name: String
    var category: String
    var categoryLabel: String
    var basisArticleIds: [UUID]
    var responsibilities: [String]
    var statutoryLimit: TimeLimit?
    var promisedLimit: TimeLimit?
    var majorCriteria: [String]
    var flow: [FlowStep]
    var status: String
    var statusLabel: String
    var publishedAt: Date?
    var needsAdjustment: Bool
    var adjustmentDue: String?
    var adjustmentReason: String?

    init(_ v: PowerItemVersion, bases: [UUID]) throws {
        id = try v.requireID()
        version = v.version
        name = v.name
        category = v.category.rawValue
        categoryLabel = v.category.label
        basisArticleIds = bases
        responsibilities = v.responsibilities
        statutoryLimit = v.statutoryLimit
        promisedLimit = v.promisedLimit
        majorCriteria = v.majorCriteria
        flow = v.flow
        status = v.status.rawValue
        statusLabel = v.status.label
        publishedAt = v.publishedAt
        needsAdjustment = v.needsAdjustment
        adjustmentDue = v.adjustmentDue
        adjustmentReason = v.adjustmentReason
    }
}

struct PowerItemDTO: Content, Sendable {
    var id: UUID
    var agencyId: UUID
    var code: String
    var versions: [PowerItemVersionDTO]
}

extension TimeLimit: Content {}
extension FlowStep: Content {}

/// The body of a new item (with its code) or of a draft update (code ignored there).
struct PowerItemInput: Content, StrictInput {
    var code: String?
    var name: String
    var category: PowerCategory
    var basisArticleIds: [UUID]
    var responsibilities: [String]?
    var statutoryLimit: TimeLimit?
    var promisedLimit: TimeLimit?
    var majorCriteria: [String]?
    var flow: [FlowStep]?
    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, category, basisArticleIds, responsibilities, statutoryLimit, promisedLimit, majorCriteria, flow
    }
    typealias Keys = CodingKeys

    var content: PowerItemService.Content {
        .init(name: name, category: category, basisArticleIDs: basisArticleIds, responsibilities: responsibilities ?? [],
              statutoryLimit: statutoryLimit, promisedLimit: promisedLimit, majorCriteria: majorCriteria ?? [], flow: flow ?? [])
    }
}
