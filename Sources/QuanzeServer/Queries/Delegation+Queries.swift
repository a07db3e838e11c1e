import Fluent
import Foundation
import QuanzeCore

/// A delegation with what its pages and DTO show: both bodies and the delegated items' names.
struct DelegationRecord: Sendable {
    let delegation: Delegation
    let delegator: Agency
    let delegate: Agency
    /// (item, its published name or its code)
    let items: [(PowerItem, String)]

    var title: String { "\(delegator.name) → \(delegate.name)" }
}

/// Scope: 监督员/评查员 see their jurisdiction's delegations; a body's 法制员/执法人员 those where
/// their body is the delegator or the delegate.
enum DelegationQueries {
    static func scoped(for p: Principal, on db: any Database) -> QueryBuilder<Delegation> {
        let q = Delegation.query(on: db)
        let jurisdiction = p.hasAny([.supervisor, .reviewer]) ? p.jurisdictionID : nil
        let agency = p.hasAny([.legalOfficer, .officer]) ? p.agencyID : nil
        guard jurisdiction != nil || agency != nil else { return q.filter(\.$id == UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))) }
        return q.group(.or) { g in
            if let jurisdiction { g.filter(\.$jurisdiction.$id == jurisdiction) }
            if let agency {
                g.filter(\.$delegatingAgency.$id == agency)
                g.filter(\.$delegateAgency.$id == agency)
            }
        }
    }

    static func canRead(_ d: Delegation, _ p: Principal) -> Bool {
        if p.hasAny([.supervisor, .reviewer]), d.$jurisdiction.id == p.jurisdictionID { return true }
        if p.hasAny([.legalOfficer, .officer]), let a = p.agencyID, [d.$delegatingAgency.id, d.$delegateAgency.id].contains(a) { return true }
        return false
    }

    static func readable(_ id: UUID, by p: Principal, on db: any Database) async throws -> Delegation {
        guard let d = try await Delegation.find(id, on: db) else { throw AppError.notFound }
        guard canRead(d, p) else { throw AppError.outOfScope }
        return d
    }

    static func record(_ d: Delegation, on db: any Database) async throws -> DelegationRecord {
        guard let delegator = try await Agency.find(d.$delegatingAgency.id, on: db),
              let delegate = try await Agency.find(d.$delegateAgency.id, on: db) else { throw AppError.notFound }
        let ids = try await DelegationItem.query(on: db).filter(\.$delegation.$id == d.requireID()).all(\.$powerItem.$id)
        var items: [(PowerItem, String)] = []
        for item in try await PowerItem.query(on: db).filter(\.$id ~~ ids).sort(\.$code).all() {
            let v = try await PowerItemQueries.published(item, on: db)
            items.append((item, v?.name ?? item.code))
        }
        return DelegationRecord(delegation: d, delegator: delegator, delegate: delegate, items: items)
    }

    static func records(_ list: [Delegation], on db: any Database) async throws -> [DelegationRecord] {
        var out: [DelegationRecord] = []
        for d in list { out.append(try await record(d, on: db)) }
        return out
    }

    static func title(_ d: Delegation, on db: any Database) async throws -> String {
        let a = try await Agency.find(d.$delegatingAgency.id, on: db)?.name ?? ""
        let b = try await Agency.find(d.$delegateAgency.id, on: db)?.name ?? ""
        return "\(a) → \(b)"
    }

    /// The caller's delegations, those with an overdue filing first, then by decision date (newest first).
    static func list(for p: Principal, today: LocalDate, on db: any Database) async throws -> [DelegationRecord] {
        let all = try await scoped(for: p, on: db).sort(\.$decisionOn, .descending).all()
        let sorted = all.filter { $0.filingOverdue(on: today) } + all.filter { !$0.filingOverdue(on: today) }
        return try await records(sorted, on: db)
    }

    /// Delegations given (`asDelegator`) or received by a body; with `inForceOn`, only filed ones whose term covers that day.
    static func of(agency id: UUID, asDelegator: Bool, inForceOn day: LocalDate? = nil, on db: any Database) async throws -> [DelegationRecord] {
        var q = Delegation.query(on: db)
        q = asDelegator ? q.filter(\.$delegatingAgency.$id == id) : q.filter(\.$delegateAgency.$id == id)
        var list = try await q.sort(\.$termStart).all()
        if let day { list = list.filter { $0.status == .filed && $0.covers(day) } }
        return try await records(list, on: db)
    }

    /// Per delegated item of a body: “委托给：<delegate>（期限 … 至 …，<state>）”.
    static func notesByItem(_ records: [DelegationRecord], today: LocalDate, showState: Bool) -> [UUID: [String]] {
        var notes: [UUID: [String]] = [:]
        for r in records {
            let d = r.delegation
            let state = showState ? "，\(d.state(on: today).label)" : ""
            for (item, _) in r.items {
                notes[item.id!, default: []].append("委托给：\(r.delegate.name)（期限 \(d.termStart) 至 \(d.termEnd)\(state)）")
            }
        }
        return notes
    }
}
