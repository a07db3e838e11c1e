import Fluent
import Foundation
import QuanzeCore

/// A body's units and posts, with the powers each post holds and who is on it.
enum PostQueries {
    struct HeldPower {
        let holding: PostPower
        let item: PowerItem
        /// Name from the newest 审核通过/已公布 version (or the newest version if none is listed any more).
        let name: String
    }

    struct PostRow {
        let post: EnforcementPost
        let unit: EnforcementUnit
        let powers: [HeldPower]
        let assignments: [(PostAssignment, Officer)]

        var current: [(PostAssignment, Officer)] { assignments.filter { $0.0.isCurrent } }
    }

    struct Overview {
        let units: [EnforcementUnit]
        let posts: [PostRow]
    }

    static func overview(_ agency: Agency, on db: any Database) async throws -> Overview {
        let agencyID = try agency.requireID()
        let units = try await EnforcementUnit.query(on: db).filter(\.$agency.$id == agencyID).sort(\.$name).all()
        let posts = try await EnforcementPost.query(on: db).filter(\.$agency.$id == agencyID).sort(\.$name).all()
        return Overview(units: units, posts: try await rows(posts, units: units, on: db))
    }

    static func row(_ post: EnforcementPost, on db: any Database) async throws -> PostRow {
        guard let unit = try await EnforcementUnit.find(post.$unit.id, on: db) else { throw AppError.notFound }
        return try await rows([post], units: [unit], on: db)[0]
    }

    private static func rows(_ posts: [EnforcementPost], units: [EnforcementUnit], on db: any Database) async throws -> [PostRow] {
        let postIDs = posts.compactMap(\.id)
        guard !postIDs.isEmpty else { return [] }
        let unitByID = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
        let holdings = try await PostPower.query(on: db).filter(\.$post.$id ~~ postIDs).with(\.$item).all()
        let names = try await itemNames(holdings.map(\.$item.id), on: db)
        let assignments = try await PostAssignment.query(on: db).filter(\.$post.$id ~~ postIDs).with(\.$officer)
            .sort(\.$startDate).all()
        let unitOrder = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1.id!, $0) })
        return posts.compactMap { post -> PostRow? in
            guard let unit = unitByID[post.$unit.id] else { return nil }
            let held = holdings.filter { $0.$post.id == post.id }
                .map { HeldPower(holding: $0, item: $0.item, name: names[$0.$item.id] ?? "") }
                .sorted { $0.item.code < $1.item.code }
            let people = assignments.filter { $0.$post.id == post.id }.map { ($0, $0.officer) }
            return PostRow(post: post, unit: unit, powers: held, assignments: people)
        }.sorted { (unitOrder[$0.unit.id!] ?? 0, $0.post.name) < (unitOrder[$1.unit.id!] ?? 0, $1.post.name) }
    }

    /// Item names: the newest approved or published version, else the newest version.
    static func itemNames(_ itemIDs: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !itemIDs.isEmpty else { return [:] }
        let versions = try await PowerItemVersion.query(on: db).filter(\.$item.$id ~~ Array(Set(itemIDs))).all()
        var out: [UUID: String] = [:]
        for (id, vs) in Dictionary(grouping: versions, by: { $0.$item.id }) {
            let listed = vs.filter { [.approved, .published].contains($0.status) }.max { $0.version < $1.version }
            out[id] = (listed ?? vs.max { $0.version < $1.version })?.name
        }
        return out
    }

    /// The body's items that may be given to a post (审核通过 or 已公布), by code.
    static func assignableItems(_ agency: Agency, on db: any Database) async throws -> [(PowerItem, String)] {
        let items = try await PowerItem.query(on: db).filter(\.$agency.$id == agency.requireID()).sort(\.$code).all()
        let ids = items.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let listed = try await PowerItemVersion.query(on: db).filter(\.$item.$id ~~ ids).filter(\.$status ~~ [.approved, .published]).all()
        let byItem = Dictionary(grouping: listed, by: { $0.$item.id })
        return items.compactMap { item in byItem[item.id!]?.max { $0.version < $1.version }.map { (item, $0.name) } }
    }

    /// Serving officers of the body, by name.
    static func servingOfficers(_ agency: Agency, on db: any Database) async throws -> [Officer] {
        try await Officer.query(on: db).filter(\.$agency.$id == agency.requireID()).filter(\.$status == .serving).sort(\.$name).all()
    }
}
