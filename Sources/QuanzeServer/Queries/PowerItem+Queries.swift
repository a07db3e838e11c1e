import Fluent
import Foundation
import QuanzeCore
import Vapor

enum PowerItemQueries {
    static func dto(_ item: PowerItem, on db: any Database) async throws -> PowerItemDTO {
        let itemID = try item.requireID()
        let versions = try await PowerItemVersion.query(on: db).filter(\.$item.$id == itemID).sort(\.$version, .descending).all()
        let ids = versions.compactMap(\.id)
        let bases = ids.isEmpty ? [] : try await PowerItemBasis.query(on: db).filter(\.$version.$id ~~ ids).all()
        let byVersion = Dictionary(grouping: bases, by: { $0.$version.id })
        return PowerItemDTO(id: itemID, agencyId: item.$agency.id, code: item.code,
                            versions: try versions.map { try PowerItemVersionDTO($0, bases: (byVersion[$0.id!] ?? []).map { $0.$article.id }) })
    }

    /// The item and its body, readable by the caller (scope as for bodies).
    static func readable(_ id: UUID, by p: Principal, on db: any Database) async throws -> (PowerItem, Agency) {
        guard let item = try await PowerItem.find(id, on: db), let agency = try await Agency.find(item.$agency.id, on: db) else {
            throw AppError.notFound
        }
        guard AgencyQueries.canRead(agency, p), p.hasAny([.supervisor, .reviewer, .legalOfficer, .officer]) else { throw AppError.outOfScope }
        return (item, agency)
    }

    static func latest(_ item: PowerItem, on db: any Database) async throws -> PowerItemVersion {
        guard let v = try await PowerItemVersion.query(on: db).filter(\.$item.$id == item.requireID()).sort(\.$version, .descending).first() else {
            throw AppError.notFound
        }
        return v
    }

    static func published(_ item: PowerItem, on db: any Database) async throws -> PowerItemVersion? {
        try await PowerItemVersion.query(on: db).filter(\.$item.$id == item.requireID()).filter(\.$status == .published).first()
    }

    static func bases(of v: PowerItemVersion, on db: any Database) async throws -> [(LegalArticle, LegalNorm)] {
        var out: [(LegalArticle, LegalNorm)] = []
        for id in try await PowerItemBasis.query(on: db).filter(\.$version.$id == v.requireID()).all(\.$article.$id) {
            if let a = try await LegalArticle.find(id, on: db), let n = try await LegalNorm.find(a.$norm.id, on: db) { out.append((a, n)) }
        }
        return out.sorted { ($0.1.title, $0.0.ordinal) < ($1.1.title, $1.0.ordinal) }
    }

    /// 需调整 warning list within the caller's scope, earliest due first.
    static func adjustments(for p: Principal, on db: any Database) async throws -> [(PowerItemVersion, PowerItem, Agency)] {
        let agencies = try await AgencyQueries.scoped(for: p, on: db).all()
        let byID = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0) })
        guard !byID.isEmpty else { return [] }
        let versions = try await PowerItemVersion.query(on: db).filter(\.$needsAdjustment == true)
            .filter(\.$status ~~ [.draft, .submitted, .approved, .published]).with(\.$item).all()
        return versions.compactMap { v in byID[v.item.$agency.id].map { (v, v.item, $0) } }
            .sorted { ($0.0.adjustmentDue ?? "9999") < ($1.0.adjustmentDue ?? "9999") }
    }
}
