import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 委托执法 lifecycle: the delegating body's 法制员 or the legal office (监督员) records the written
/// decision; the legal office records the filing (备案) with its three documents; either may end it
/// early (终止). Every change is audited and kept in the delegation's history.
enum DelegationService {
    struct Input: Sendable {
        var delegatingAgencyID: UUID
        var delegateAgencyID: UUID
        var basis: String
        var basisArticleIDs: [UUID]
        var powerItemIDs: [UUID]
        var termStart: String
        var termEnd: String
        var decisionOn: String
    }

    struct Filing: Sendable {
        var filedOn: String
        var filingRef: String
        var filingReport: String
        var entrustmentLetter: String
        var announcementDocument: String
    }

    static func create(_ input: Input, delegator: Agency, req: Request) async throws -> Delegation {
        guard let delegate = try await Agency.find(input.delegateAgencyID, on: req.db) else {
            throw DelegationRules.refuse("DELEGATE_NOT_FOUND", "delegateAgencyId", "受委托方不存在")
        }
        try DelegationRules.checkParties(delegator: delegator, delegate: delegate)
        let basis = try TextInput.name(input.basis, field: "basis", max: 200)
        let today = LocalDate(instant: req.now)
        let (start, end, decided) = try DelegationRules.checkDates(start: input.termStart, end: input.termEnd,
                                                                  decision: input.decisionOn, today: today)
        try await DelegationRules.checkArticles(input.basisArticleIDs, on: req.db)
        let items = try await DelegationRules.checkItems(input.powerItemIDs, delegator: delegator, delegate: delegate, on: req.db)
        try await checkOverlap(items: items, delegator: delegator, delegate: delegate, start: start, end: end, on: req.db)
        let d = Delegation()
        d.$jurisdiction.id = delegator.$jurisdiction.id
        d.$delegatingAgency.id = try delegator.requireID()
        d.$delegateAgency.id = try delegate.requireID()
        d.basis = basis
        d.basisArticleIDs = Array(Set(input.basisArticleIDs)).sorted { $0.uuidString < $1.uuidString }
        d.termStart = start.iso
        d.termEnd = end.iso
        d.decisionOn = decided.iso
        d.status = .draft
        d.createdBy = req.auth.get(Principal.self)?.username
        let due = try await DelegationDeadline.filingDue(decidedOn: decided, jurisdictionID: d.$jurisdiction.id, services: req.services, on: req.db)
        d.filingDue = due?.date.iso
        d.filingDueSource = due?.source
        let codes = items.map(\.code).joined(separator: "、")
        try await req.db.transaction { tx in
            try await d.create(on: tx)
            let id = try d.requireID()
            for item in items { try await DelegationItem(delegationID: id, powerItemID: try item.requireID()).create(on: tx) }
            let summary = "作出书面委托决定（\(decided.iso)）：\(delegator.name) 委托 \(delegate.name) 实施 \(codes)，期限 \(start.iso) 至 \(end.iso)"
            try await DelegationEvent(delegationID: id, kind: "decided", summary: summary, actor: d.createdBy).create(on: tx)
            try await req.audit(.delegationCreate, .success, target: "\(delegator.name) → \(delegate.name)", detail: summary, on: tx)
        }
        return d
    }

    /// The legal office records the filing; a filing after the due date is accepted and marked late.
    static func file(_ d: Delegation, _ f: Filing, req: Request) async throws {
        let today = LocalDate(instant: req.now)
        try checkFilable(d, today: today)
        guard let filed = LocalDate(iso: f.filedOn) else { throw AppError.validation("filedOn", "须为有效日期（YYYY-MM-DD）", code: "date") }
        guard filed <= today else { throw AppError.validation("filedOn", "备案日期不能晚于今天", code: "future") }
        guard filed >= LocalDate(iso: d.decisionOn)! else {
            throw AppError.validation("filedOn", "备案日期不能早于书面委托决定日期（\(d.decisionOn)）", code: "before_decision")
        }
        var problems: [FieldProblem] = []
        for (field, value) in [("filingRef", f.filingRef), ("filingReport", f.filingReport),
                               ("entrustmentLetter", f.entrustmentLetter), ("announcementDocument", f.announcementDocument)] {
            if let p = TextInput.problem(value, field: field, max: 100) { problems.append(p) }
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        try await mutate(d, kind: "filed", action: .delegationFile, req: req) { fresh in
            try checkFilable(fresh, today: today)
            fresh.filedOn = filed.iso
            fresh.filingRef = trimmed(f.filingRef)
            fresh.filingReport = trimmed(f.filingReport)
            fresh.entrustmentLetter = trimmed(f.entrustmentLetter)
            fresh.announcementDocument = trimmed(f.announcementDocument)
            fresh.filedBy = req.auth.get(Principal.self)?.username
            fresh.status = .filed
            let late = fresh.filingDue.flatMap(LocalDate.init(iso:)).map { filed > $0 } ?? false
            return "备案（\(filed.iso)，\(fresh.filingRef ?? "")）" + (late ? "；逾期备案（应于 \(fresh.filingDue ?? "") 前）" : "")
        }
    }

    /// Ends the delegation from today on (the delegate may still be shown to have acted before).
    static func terminate(_ d: Delegation, reason: String, req: Request) async throws {
        let today = LocalDate(instant: req.now)
        try checkTerminable(d, today: today)
        let why = try TextInput.name(reason, field: "reason", max: 200)
        try await mutate(d, kind: "terminated", action: .delegationTerminate, req: req) { fresh in
            try checkTerminable(fresh, today: today)
            fresh.status = .terminated
            fresh.terminatedOn = today.iso
            fresh.terminationReason = why
            return "终止委托（自 \(today.iso) 起）：\(why)"
        }
    }

    private static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }

    private static func checkFilable(_ d: Delegation, today: LocalDate) throws {
        switch d.state(on: today) {
        case .draft: return
        case .filed: throw AppError.conflict("ALREADY_FILED", "该委托已备案（\(d.filedOn ?? "")，\(d.filingRef ?? "")）")
        case .terminated: throw AppError.conflict("DELEGATION_TERMINATED", "该委托已终止，不能备案")
        case .expired: throw AppError.conflict("DELEGATION_EXPIRED", "委托期限已届满，不能备案")
        }
    }

    private static func checkTerminable(_ d: Delegation, today: LocalDate) throws {
        switch d.state(on: today) {
        case .terminated: throw AppError.conflict("DELEGATION_TERMINATED", "该委托已终止")
        case .expired: throw AppError.conflict("DELEGATION_EXPIRED", "委托期限已届满，无需终止")
        case .draft, .filed: return
        }
    }

    /// Locks the row, re-reads it, re-checks and changes it, records the event and the audit entry;
    /// `d` gets the saved values.
    private static func mutate(_ d: Delegation, kind: String, action: AuditAction, req: Request,
                               _ change: @escaping @Sendable (Delegation) throws -> String) async throws {
        let id = try d.requireID()
        let target = try await DelegationQueries.title(d, on: req.db)
        let actor = req.auth.get(Principal.self)?.username
        let saved = try await req.db.transaction { tx -> Delegation in
            try await RowLock.delegation(id, on: tx)
            guard let fresh = try await Delegation.find(id, on: tx) else { throw AppError.notFound }
            let summary = try change(fresh)
            try await fresh.save(on: tx)
            try await DelegationEvent(delegationID: id, kind: kind, summary: summary, actor: actor).create(on: tx)
            try await req.audit(action, .success, target: target, detail: summary, on: tx)
            return fresh
        }
        d.status = saved.status
        d.filedOn = saved.filedOn; d.filingRef = saved.filingRef; d.filingReport = saved.filingReport
        d.entrustmentLetter = saved.entrustmentLetter; d.announcementDocument = saved.announcementDocument; d.filedBy = saved.filedBy
        d.terminatedOn = saved.terminatedOn; d.terminationReason = saved.terminationReason
    }

    /// The same items may not be delegated twice to the same body for overlapping terms.
    private static func checkOverlap(items: [PowerItem], delegator: Agency, delegate: Agency, start: LocalDate, end: LocalDate,
                                     on db: any Database) async throws {
        let existing = try await Delegation.query(on: db).filter(\.$delegatingAgency.$id == delegator.requireID())
            .filter(\.$delegateAgency.$id == delegate.requireID()).filter(\.$status != .terminated).all()
        let wanted = Set(items.compactMap(\.id))
        for d in existing {
            guard let s = LocalDate(iso: d.termStart), let e = LocalDate(iso: d.termEnd), s <= end, start <= e else { continue }
            let held = try await DelegationItem.query(on: db).filter(\.$delegation.$id == d.requireID()).all(\.$powerItem.$id)
            if !wanted.isDisjoint(with: held) {
                throw DelegationRules.refuse("DELEGATION_OVERLAP", "powerItemIds",
                                             "该事项已在期限重叠的委托（\(d.termStart) 至 \(d.termEnd)）中委托给 \(delegate.name)")
            }
        }
    }
}
