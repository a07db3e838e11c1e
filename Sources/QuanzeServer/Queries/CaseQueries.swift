import Fluent
import FluentSQL
import Foundation
import QuanzeCore

/// Reading cases within the caller's scope: a body's officers and 法制员 see its cases; a
/// government's 监督员 and 评查员 see every case of its jurisdiction.
enum CaseQueries {
    static let readers: [Role] = [.supervisor, .reviewer, .legalOfficer, .officer]

    struct Filter: Sendable {
        var agencyID: UUID?
        var stage: CaseStage?
        var procedure: CaseProcedure?
        var warning: WarningLevel?
        var text: String?
        /// Only cases this officer handles (待办).
        var officerID: UUID?
    }

    static func readable(_ id: UUID, by p: Principal, on db: any Database) async throws -> (EnforcementCase, Agency) {
        guard let c = try await EnforcementCase.find(id, on: db), let agency = try await Agency.find(c.$agency.id, on: db) else {
            throw AppError.notFound
        }
        guard AgencyQueries.canRead(agency, p) else { throw AppError.outOfScope }
        return (c, agency)
    }

    /// The body's own officers and 法制员 act on a case; a government reads it only.
    static func actable(_ id: UUID, by p: Principal, on db: any Database) async throws -> (EnforcementCase, Agency) {
        let (c, agency) = try await readable(id, by: p, on: db)
        guard p.hasAny([.legalOfficer, .officer]), p.agencyID == agency.id else { throw AppError.outOfScope }
        return (c, agency)
    }

    static func list(_ f: Filter, for p: Principal, today: LocalDate, window: Int, page: PageRequest,
                     on db: any Database) async throws -> (rows: [CaseRow], total: Int) {
        let agencies = try await AgencyQueries.scoped(for: p, on: db).all()
        let byID = Dictionary(uniqueKeysWithValues: agencies.compactMap { a in a.id.map { ($0, a) } })
        var q = EnforcementCase.query(on: db).filter(\.$agency.$id ~~ Array(byID.keys))
        if let a = f.agencyID { q = q.filter(\.$agency.$id == a) }
        if let s = f.stage { q = q.filter(\.$stage == s) }
        if let pr = f.procedure { q = q.filter(\.$procedure == pr) }
        if let t = f.text { q = q.group(.or) { g in g.filter(ContainsFilter.filter(column: "number", contains: t)).filter(ContainsFilter.filter(column: "title", contains: t)) } }
        // Subqueries rather than id lists: at 100k+ cases the lists ran to tens of thousands of binds.
        if let o = f.officerID { q = q.filter(handledBy(o)) }
        if let w = f.warning {
            let limit = w == .red ? today.adding(days: -1) : today.adding(days: window)
            q = q.filter(openLimit(dueBy: limit)).filter(\.$suspended == false)
        }
        let total = try await q.count()
        let cases = try await q.sort(\.$filedOn, .descending).sort(\.$number, .descending).range(page.offset..<(page.offset + page.per)).all()
        let deadlines = try await openDeadlines(of: cases.compactMap(\.id), on: db)
        let rows = cases.map { c in
            CaseRow(c: c, agency: byID[c.$agency.id], next: deadlines[c.id!]?.min { $0.due < $1.due }, today: today, window: window)
        }
        return (rows, total)
    }

    /// `cases.id IN (the officer's cases)`.
    static func handledBy(_ officerID: UUID) -> DatabaseQuery.Filter {
        .sql(embed: "\(ident: EnforcementCase.schema).\(ident: "id") IN (SELECT \(ident: "case_id") FROM \(ident: CaseOfficer.schema) WHERE \(ident: "officer_id") = \(bind: officerID))")
    }

    /// `cases.id IN (cases with an open limit due on or before the day)`.
    static func openLimit(dueBy day: LocalDate) -> DatabaseQuery.Filter {
        .sql(embed: "\(ident: EnforcementCase.schema).\(ident: "id") IN (SELECT \(ident: "case_id") FROM \(ident: CaseDeadline.schema) WHERE \(ident: "met_on") IS NULL AND \(ident: "due") <= \(bind: day.iso))")
    }

    static func openDeadlines(of ids: [UUID], on db: any Database) async throws -> [UUID: [CaseDeadline]] {
        guard !ids.isEmpty else { return [:] }
        let all = try await CaseDeadline.query(on: db).filter(\.$enforcementCase.$id ~~ ids).filter(\.$metOn == nil).all()
        return Dictionary(grouping: all) { $0.$enforcementCase.id }
    }

    /// 预警看板: the open limits at yellow or red in scope (or only the officer's own cases), nearest first.
    static func warnings(for p: Principal, officerID: UUID?, today: LocalDate, window: Int, on db: any Database) async throws -> [WarningRow] {
        let agencyIDs = try await AgencyQueries.scopedIDs(for: p, on: db)
        var cq = EnforcementCase.query(on: db).filter(\.$agency.$id ~~ agencyIDs).filter(\.$suspended == false).filter(\.$stage != .closed)
        if let o = officerID { cq = cq.filter(handledBy(o)) }
        let limit = today.adding(days: window).iso
        let deadlines = try await CaseDeadline.query(on: db).filter(\.$metOn == nil).filter(\.$due <= limit).sort(\.$due).limit(2000).all()
        let caseIDs = Array(Set(deadlines.map { $0.$enforcementCase.id }))
        guard !caseIDs.isEmpty else { return [] }
        let cases = try await cq.filter(\.$id ~~ caseIDs).all()
        let byID = Dictionary(uniqueKeysWithValues: cases.compactMap { c in c.id.map { ($0, c) } })
        let agencies = Dictionary(uniqueKeysWithValues: try await Agency.query(on: db).filter(\.$id ~~ Array(Set(cases.map { $0.$agency.id }))).all()
            .compactMap { a in a.id.map { ($0, a.name) } })
        return deadlines.compactMap { d in
            guard let c = byID[d.$enforcementCase.id], let due = LocalDate(iso: d.due) else { return nil }
            return WarningRow(caseID: c.id!, number: c.number, title: c.title, agencyName: agencies[c.$agency.id] ?? "",
                              stage: c.stage.label(in: c.procedure), deadline: d.name, due: d.due,
                              level: WarningLevel.of(due: due, today: today, window: window), source: d.source.description,
                              provisional: d.provisional)
        }
    }
}

/// A case in a list, with its nearest open limit.
struct CaseRow: Sendable {
    var c: EnforcementCase
    var agency: Agency?
    var next: CaseDeadline?
    var level: WarningLevel

    init(c: EnforcementCase, agency: Agency?, next: CaseDeadline?, today: LocalDate, window: Int) {
        self.c = c
        self.agency = agency
        self.next = next
        self.level = (c.suspended ? nil : next.flatMap { LocalDate(iso: $0.due) }).map { WarningLevel.of(due: $0, today: today, window: window) } ?? .none
    }
}

struct WarningRow: Sendable, Codable {
    var caseID: UUID
    var number: String
    var title: String
    var agencyName: String
    var stage: String
    var deadline: String
    var due: String
    var level: WarningLevel
    var source: String
    var provisional: Bool
}
