import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Giving a post a power item, and taking it away.
///
/// - Only a power the body itself holds may be given: another body's item is refused with
///   `POWER_NOT_HELD` (不得擅自增加或者扩大本部门的行政执法权限, `000_*` 国办发〔2005〕37号 二(二)).
/// - The item must be in the body's list: it needs a version that is 审核通过 or 已公布 (a draft
///   or a submitted item is not yet a power of the body). Refused with `POWER_NOT_LISTED`.
/// - The same power on a parallel post of another unit (a post sharing one of the duties) is a
///   交叉、重复 (`000_*` 国办发〔2005〕37号 二(二)); it is allowed only with a written reason,
///   otherwise refused with `OVERLAP_REASON_REQUIRED` naming the other post and unit.
enum PostPowerService {
    struct Holding: Sendable {
        var itemID: UUID
        var overlapReason: String?
    }

    /// Adds one holding inside the caller's transaction (which must hold `RowLock.agency`).
    static func add(_ h: Holding, to post: EnforcementPost, unit: EnforcementUnit, agency: Agency,
                    req: Request, on tx: any Database) async throws {
        let postID = try post.requireID()
        let reason = try h.overlapReason.map { try TextInput.name($0, field: "overlapReason", max: 200) }
        let (item, version) = try await listed(h.itemID, agency: agency, on: tx)
        if try await PostPower.query(on: tx).filter(\.$post.$id == postID).filter(\.$item.$id == h.itemID).first() != nil {
            throw AppError.conflict("POWER_ALREADY_HELD", "岗位“\(post.name)”已持有职权事项 \(item.code)")
        }
        let parallel = try await parallelHoldings(itemID: h.itemID, post: post, on: tx)
        if !parallel.isEmpty && reason == nil {
            let names = parallel.map { "\($0.unit.name)“\($0.post.name)”（\($0.shared.map(\.label).joined(separator: "、"))）" }
            throw AppError("OVERLAP_REASON_REQUIRED", .conflict,
                           "职权事项 \(item.code)“\(version.name)”已由\(names.joined(separator: "、"))持有，与本岗位职责相同，构成平行机构、岗位职权交叉重复；"
                           + "确需由两个机构共同行使的，须填写书面理由（\(PostRules.noOverlap.source.description)）",
                           details: ErrorDetails(field: "overlapReason"))
        }
        try await PostPower(postID: postID, itemID: h.itemID, overlapReason: reason).create(on: tx)
        try await req.audit(.postPowerAdd, .success, target: agency.name,
                            detail: "\(unit.name)/\(post.name) 持有 \(item.code) \(version.name)" + (reason.map { "；交叉理由：\($0)" } ?? ""), on: tx)
    }

    static func add(_ h: Holding, to post: EnforcementPost, agency: Agency, req: Request) async throws {
        guard let unit = try await EnforcementUnit.find(post.$unit.id, on: req.db) else { throw AppError.notFound }
        let agencyID = try agency.requireID()
        try await req.db.transaction { tx in
            try await RowLock.agency(agencyID, on: tx)
            try await add(h, to: post, unit: unit, agency: agency, req: req, on: tx)
        }
    }

    static func remove(itemID: UUID, from post: EnforcementPost, agency: Agency, req: Request) async throws {
        let postID = try post.requireID()
        let agencyID = try agency.requireID()
        try await req.db.transaction { tx in
            try await RowLock.agency(agencyID, on: tx)
            guard let holding = try await PostPower.query(on: tx).filter(\.$post.$id == postID).filter(\.$item.$id == itemID)
                .with(\.$item).first() else { throw AppError.notFound }
            try await holding.delete(on: tx)
            try await req.audit(.postPowerRemove, .success, target: agency.name,
                                detail: "\(post.name) 不再持有 \(holding.item.code)", on: tx)
        }
    }

    /// The item, which must belong to the body and have a 审核通过 or 已公布 version (the newest such).
    static func listed(_ itemID: UUID, agency: Agency, on db: any Database) async throws -> (PowerItem, PowerItemVersion) {
        guard let item = try await PowerItem.find(itemID, on: db) else {
            throw AppError.validation("itemId", "职权事项不存在：\(itemID)", code: "not_found")
        }
        guard item.$agency.id == agency.id else {
            let owner = try await Agency.find(item.$agency.id, on: db)
            let name = try await PowerItemVersion.query(on: db).filter(\.$item.$id == itemID).sort(\.$version, .descending).first()?.name ?? ""
            throw AppError("POWER_NOT_HELD", .unprocessableEntity,
                           "职权事项 \(item.code)“\(name)”属于\(owner?.name ?? "其他执法主体")，不是\(agency.name)的法定职权，不能分解到本主体的岗位："
                           + "\(PostRules.noExpansion.quote)（\(PostRules.noExpansion.source.description)）",
                           details: ErrorDetails(field: "itemId"))
        }
        guard let version = try await PowerItemVersion.query(on: db).filter(\.$item.$id == itemID)
            .filter(\.$status ~~ [.approved, .published]).sort(\.$version, .descending).first() else {
            throw AppError("POWER_NOT_LISTED", .unprocessableEntity,
                           "职权事项 \(item.code) 尚无审核通过或已公布的版本，未列入权责清单，不能分解到岗位",
                           details: ErrorDetails(field: "itemId"))
        }
        return (item, version)
    }

    struct Parallel {
        let post: EnforcementPost
        let unit: EnforcementUnit
        let shared: [PostDuty]
    }

    /// Posts of other units holding the item with at least one duty in common with `post`.
    static func parallelHoldings(itemID: UUID, post: EnforcementPost, on db: any Database) async throws -> [Parallel] {
        let holdings = try await PostPower.query(on: db).filter(\.$item.$id == itemID).with(\.$post) { $0.with(\.$unit) }.all()
        return holdings.compactMap { h in
            guard h.post.$unit.id != post.$unit.id, h.post.id != post.id else { return nil }
            let shared = h.post.duties.intersection(post.duties).sorted()
            return shared.isEmpty ? nil : Parallel(post: h.post, unit: h.post.unit, shared: shared)
        }
    }
}
