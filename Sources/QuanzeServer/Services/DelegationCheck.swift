import Fluent
import Foundation
import QuanzeCore

/// May this body act on this 职权事项 on this day? A body acts on its own published powers once it is
/// confirmed and announced; a delegate only within a filed delegation whose term (not ended early)
/// covers the day and which includes the item (行政处罚法 第二十条: 在委托范围内; changchun 备案,
/// 004_* 篇十二 二(一)3). The cases issue calls this with the officer's body.
enum DelegationCheck {
    struct Outcome: Sendable, Equatable {
        var allowed: Bool
        /// `OWN_POWER` / `DELEGATED` when allowed; otherwise the refusal code.
        var code: String
        var message: String
        var delegationID: UUID?
    }

    static func mayAct(agencyID: UUID, powerItemID: UUID, on day: LocalDate, db: any Database) async throws -> Outcome {
        guard let agency = try await Agency.find(agencyID, on: db) else { throw AppError.notFound }
        guard let item = try await PowerItem.find(powerItemID, on: db) else {
            return refuse("POWER_NOT_FOUND", "职权事项不存在")
        }
        let name = (try await PowerItemQueries.published(item, on: db)).map { "\(item.code) \($0.name)" } ?? item.code
        if agency.status == .revoked { return refuse("AGENCY_REVOKED", "\(agency.name) 的执法主体资格已撤销，不得执法") }
        if item.$agency.id == agencyID {
            guard agency.mayEnforce else { return refuse("AGENCY_NOT_ANNOUNCED", "\(agency.name) 未经确认并公告，不得执法") }
            guard try await PowerItemQueries.published(item, on: db) != nil else {
                return refuse("POWER_NOT_HELD", "\(name) 尚未在 \(agency.name) 的权责清单中公布")
            }
            return Outcome(allowed: true, code: "OWN_POWER", message: "\(name) 是 \(agency.name) 本机关的职权事项", delegationID: nil)
        }
        return try await delegated(agency: agency, item: item, name: name, day: day, db: db)
    }

    private static func delegated(agency: Agency, item: PowerItem, name: String, day: LocalDate, db: any Database) async throws -> Outcome {
        let owner = try await Agency.find(item.$agency.id, on: db)
        let fromOwner = try await Delegation.query(on: db).filter(\.$delegateAgency.$id == agency.requireID())
            .filter(\.$delegatingAgency.$id == item.$agency.id).sort(\.$termStart).all()
        let withItem = fromOwner.isEmpty ? [] : Set(try await DelegationItem.query(on: db)
            .filter(\.$delegation.$id ~~ fromOwner.compactMap(\.id)).filter(\.$powerItem.$id == item.requireID()).all(\.$delegation.$id))
        let including = fromOwner.filter { withItem.contains($0.id!) }
        guard !including.isEmpty else {
            return fromOwner.isEmpty
                ? refuse("POWER_NOT_HELD", "\(name) 不是 \(agency.name) 的职权事项，也未委托其实施")
                : refuse("POWER_NOT_DELEGATED", "\(name) 不在 \(owner?.name ?? "委托机关") 委托 \(agency.name) 实施的事项范围内")
        }
        let covering = including.filter { $0.covers(day) }
        // Filed (a delegation ended early stays filed for the days before its end).
        if let d = covering.first(where: { $0.filedOn != nil }) {
            return Outcome(allowed: true, code: "DELEGATED",
                           message: "受 \(owner?.name ?? "委托机关") 委托实施 \(name)（期限 \(d.termStart) 至 \(d.termEnd)，备案 \(d.filingRef ?? "")）",
                           delegationID: d.id)
        }
        if let d = covering.first {
            return refuse("DELEGATION_NOT_FILED", "委托 \(name) 的书面决定（\(d.decisionOn)）尚未向政府法制部门备案，受委托方不得实施", d.id)
        }
        let terms = including.map { d in "\(d.termStart) 至 \(d.termEnd)" + (d.terminatedOn.map { "，\($0) 起终止" } ?? "") }
        if including.allSatisfy({ LocalDate(iso: $0.termStart).map { day < $0 } ?? false }) {
            return refuse("DELEGATION_NOT_STARTED", "\(day.iso) 委托期限尚未开始（\(terms.joined(separator: "；"))）", including.first?.id)
        }
        return refuse("DELEGATION_EXPIRED", "\(day.iso) 不在委托期限内或委托已终止（\(terms.joined(separator: "；"))），受委托方不得实施 \(name)",
                      including.last?.id)
    }

    private static func refuse(_ code: String, _ message: String, _ id: UUID? = nil) -> Outcome {
        Outcome(allowed: false, code: code, message: message, delegationID: id)
    }
}

extension DelegationCheck.Outcome {
    /// Throws the refusal as an error (409 with the refusal code) for callers that must stop.
    func require() throws {
        guard allowed else { throw AppError.conflict(code, message) }
    }
}
