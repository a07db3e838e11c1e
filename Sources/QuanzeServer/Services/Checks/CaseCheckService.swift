import Fluent
import Foundation
import QuanzeCore
import SQLKit

/// Runs the automatic pre-check (`CasePrecheck`) over closed cases and stores the findings
/// (`case_checks`, one `case_check_runs` row per case). Reads are batched: one query per table for
/// each chunk of cases, never one per case; re-running a case replaces its findings.
enum CaseCheckService {
    static let chunkSize = 1000

    struct RunResult: Sendable {
        var cases = 0
        var findings = 0
        var casesWithFindings = 0
    }

    /// Checks one case just closed (in the closing transaction).
    static func checkClosed(caseID: UUID, services: AppServices, on db: any Database) async throws {
        _ = try await check(caseIDs: [caseID], services: services, on: db)
    }

    /// Every closed case of `year` (closing year), of one body or all.
    static func run(agencyID: UUID?, year: Int, services: AppServices, on db: any Database) async throws -> RunResult {
        let ids = try await closedCaseIDs(agencyID: agencyID, year: year, on: db)
        var total = RunResult()
        var i = 0
        while i < ids.count {
            let chunk = Array(ids[i..<min(i + chunkSize, ids.count)])
            let r = try await db.transaction { tx in try await check(caseIDs: chunk, services: services, on: tx) }
            total.cases += r.cases
            total.findings += r.findings
            total.casesWithFindings += r.casesWithFindings
            i += chunkSize
        }
        return total
    }

    static func closedCaseIDs(agencyID: UUID?, year: Int, on db: any Database) async throws -> [UUID] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let rows: [any SQLRow]
        if let agencyID {
            rows = try await sql.raw("""
                SELECT id FROM cases WHERE stage = 'closed' AND closed_on >= \(bind: "\(year)-01-01") AND closed_on <= \(bind: "\(year)-12-31")
                AND agency_id = \(bind: agencyID)
                """).all()
        } else {
            rows = try await sql.raw("""
                SELECT id FROM cases WHERE stage = 'closed' AND closed_on >= \(bind: "\(year)-01-01") AND closed_on <= \(bind: "\(year)-12-31")
                """).all()
        }
        return try rows.map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Checks the given (closed) cases and replaces their findings.
    static func check(caseIDs: [UUID], services: AppServices, on db: any Database) async throws -> RunResult {
        guard let sql = db as? any SQLDatabase, !caseIDs.isEmpty else { return RunResult() }
        let loaded = try await CaseSnapshotLoader.load(caseIDs: caseIDs, on: sql)
        let calendar = try await services.calendar.calendar(on: db, now: services.clock.now())
        var checkers: [UUID: CasePrecheck] = [:]
        let now = services.clock.now()
        var findings: [(UUID, UUID, Int, CaseFinding)] = []
        var runs: [(UUID, UUID, Int, Int, Int)] = []
        for item in loaded {
            let checker: CasePrecheck
            if let c = checkers[item.agencyID] { checker = c } else {
                checker = try await Self.checker(agencyID: item.agencyID, calendar: calendar, services: services, on: db)
                checkers[item.agencyID] = checker
            }
            let found = checker.check(item.snapshot)
            let year = item.snapshot.closedOn.year
            findings += found.map { (item.caseID, item.agencyID, year, $0) }
            runs.append((item.caseID, item.agencyID, year, found.filter { $0.severity == .error }.count, found.filter { $0.severity == .warning }.count))
        }
        let ids: [any Encodable & Sendable] = loaded.map(\.caseID)
        guard !ids.isEmpty else { return RunResult() }
        try await sql.raw("DELETE FROM case_checks WHERE case_id IN (\(binds: ids))").run()
        try await sql.raw("DELETE FROM case_check_runs WHERE id IN (\(binds: ids))").run()
        for part in stride(from: 0, to: findings.count, by: 500) {
            let insert = sql.insert(into: CaseCheckFinding.schema)
                .columns("id", "case_id", "agency_id", "year", "rule_code", "severity", "message", "source", "checked_at")
            for (caseID, agencyID, year, f) in findings[part..<min(part + 500, findings.count)] {
                insert.values(SQLBind(UUID()), SQLBind(caseID), SQLBind(agencyID), SQLBind(year), SQLBind(f.rule), SQLBind(f.severity.rawValue),
                              SQLBind(f.message), SQLBind(f.source.description), SQLBind(now))
            }
            try await insert.run()
        }
        for part in stride(from: 0, to: runs.count, by: 1000) {
            let insert = sql.insert(into: CaseCheckRun.schema).columns("id", "agency_id", "year", "errors", "warnings", "checked_at")
            for (caseID, agencyID, year, errors, warnings) in runs[part..<min(part + 1000, runs.count)] {
                insert.values(SQLBind(caseID), SQLBind(agencyID), SQLBind(year), SQLBind(errors), SQLBind(warnings), SQLBind(now))
            }
            try await insert.run()
        }
        return RunResult(cases: runs.count, findings: findings.count, casesWithFindings: runs.filter { $0.3 + $0.4 > 0 }.count)
    }

    /// The rule set with the body's jurisdiction's 送达 period (`penalty_service`).
    static func checker(agencyID: UUID, calendar: WorkCalendar, services: AppServices, on db: any Database) async throws -> CasePrecheck {
        let agency = try await Agency.find(agencyID, on: db)
        var jurisdiction: Jurisdiction?
        if let agency { jurisdiction = try await Jurisdiction.find(agency.$jurisdiction.id, on: db) }
        let rule = jurisdiction.flatMap { services.profiles.effective(id: $0.profileID)?.deadline("penalty_service")?.entry }
        if let rule, rule.unit.deadlineUnit == .workingDays {
            return CasePrecheck(calendar: calendar, serviceDays: rule.value, serviceSource: rule.source)
        }
        return CasePrecheck(calendar: calendar)
    }
}

/// Builds `ClosedCaseSnapshot`s from the case tables, one query per table for a chunk of cases.
enum CaseSnapshotLoader {
    struct Loaded: Sendable {
        var caseID: UUID
        var agencyID: UUID
        var snapshot: ClosedCaseSnapshot
    }

    static func load(caseIDs: [UUID], on sql: any SQLDatabase) async throws -> [Loaded] {
        let ids: [any Encodable & Sendable] = caseIDs
        let decoder = JSONDecoder()
        func json<T: Decodable>(_ text: String?, _: T.Type) -> T? {
            text.flatMap { try? decoder.decode(T.self, from: Data($0.utf8)) }
        }
        // Handlers and their officers.
        struct HandlerRow { var officerID: UUID; var name: String; var auxiliary: Bool; var userID: UUID? }
        var handlers: [UUID: [HandlerRow]] = [:]
        for r in try await sql.raw("""
            SELECT co.case_id AS case_id, co.role AS role, o.id AS officer_id, o.name AS name, o.employment AS employment, o.user_id AS user_id
            FROM case_officers co JOIN officers o ON o.id = co.officer_id WHERE co.case_id IN (\(binds: ids))
            """).all() {
            let aux = try r.decode(column: "role", as: String.self) == CaseOfficerRole.auxiliary.rawValue
                || (try r.decode(column: "employment", as: String.self)) == EmploymentType.auxiliary.rawValue
            handlers[try r.decode(column: "case_id", as: UUID.self), default: []].append(HandlerRow(
                officerID: try r.decode(column: "officer_id", as: UUID.self), name: try r.decode(column: "name", as: String.self),
                auxiliary: aux, userID: try r.decode(column: "user_id", as: UUID?.self)))
        }
        let certificates = try await certificateHistories(officerIDs: Array(Set(handlers.values.flatMap { $0.map(\.officerID) })), on: sql)
        var reviews: [UUID: [ClosedCaseSnapshot.Review]] = [:]
        for r in try await sql.raw("SELECT case_id, passed, reviewed_on, reviewer_user_id FROM legal_reviews WHERE case_id IN (\(binds: ids))").all() {
            guard let on = LocalDate(iso: try r.decode(column: "reviewed_on", as: String.self)) else { continue }
            reviews[try r.decode(column: "case_id", as: UUID.self), default: []].append(.init(
                passed: try r.decode(column: "passed", as: Bool.self), on: on,
                reviewerKey: try r.decode(column: "reviewer_user_id", as: UUID.self).uuidString))
        }
        var decisions: [UUID: ClosedCaseSnapshot.Decision] = [:]
        for r in try await sql.raw("""
            SELECT case_id, document, sanction, discretion, outside_range_reason, approver_user_id, decided_on FROM case_decisions
            WHERE case_id IN (\(binds: ids))
            """).all() {
            guard let on = LocalDate(iso: try r.decode(column: "decided_on", as: String.self)),
                  let document = json(try r.decode(column: "document", as: String?.self), DecisionDocument.self) else { continue }
            let discretion = json(try r.decode(column: "discretion", as: String?.self), DecisionDiscretion.self)
            decisions[try r.decode(column: "case_id", as: UUID.self)] = .init(
                decidedOn: on, document: document, sanction: json(try r.decode(column: "sanction", as: String?.self), PenaltySanction.self),
                level: discretion?.level, outsideLevel: discretion?.outsideLevel ?? false,
                outsideReason: try r.decode(column: "outside_range_reason", as: String?.self),
                approverKey: try r.decode(column: "approver_user_id", as: UUID.self).uuidString)
        }
        var limits: [UUID: [ClosedCaseSnapshot.Limit]] = [:]
        for r in try await sql.raw("SELECT case_id, code, name, due, met_on, source FROM case_deadlines WHERE case_id IN (\(binds: ids))").all() {
            guard let due = LocalDate(iso: try r.decode(column: "due", as: String.self)) else { continue }
            let source = json(try r.decode(column: "source", as: String?.self), SourceRef.self) ?? SourceRef(document: "案件期限", article: "")
            limits[try r.decode(column: "case_id", as: UUID.self), default: []].append(.init(
                code: try r.decode(column: "code", as: String.self), name: try r.decode(column: "name", as: String.self), due: due,
                metOn: try r.decode(column: "met_on", as: String?.self).flatMap(LocalDate.init(iso:)), source: source))
        }
        var stages: [UUID: Set<CaseStage>] = [:]
        var served: [UUID: LocalDate] = [:]
        // A stage is on record when a step of the case was recorded in it (entering it, a review, a
        // payment …); 立案 and 决定 by their own steps.
        for r in try await sql.raw("""
            SELECT case_id, kind, stage, on_date FROM case_events WHERE case_id IN (\(binds: ids)) AND stage IS NOT NULL
            """).all() {
            let caseID = try r.decode(column: "case_id", as: UUID.self)
            let kind = try r.decode(column: "kind", as: String.self)
            guard let stage = try r.decode(column: "stage", as: String?.self).flatMap(CaseStage.init(rawValue:)) else { continue }
            stages[caseID, default: []].insert(stage)
            if kind == "stage", stage == .service, let day = LocalDate(iso: try r.decode(column: "on_date", as: String.self)) {
                served[caseID] = min(served[caseID] ?? day, day)
            }
        }
        var out: [Loaded] = []
        for r in try await sql.raw("""
            SELECT id, agency_id, procedure, filed_on, closed_on, closing_reason, legal_review_required, hearing_requested FROM cases
            WHERE id IN (\(binds: ids)) AND stage = 'closed'
            """).all() {
            let caseID = try r.decode(column: "id", as: UUID.self)
            guard let procedure = CaseProcedure(rawValue: try r.decode(column: "procedure", as: String.self)),
                  let filed = LocalDate(iso: try r.decode(column: "filed_on", as: String.self)),
                  let closed = try r.decode(column: "closed_on", as: String?.self).flatMap(LocalDate.init(iso:)) else { continue }
            let reason = try r.decode(column: "closing_reason", as: String?.self).flatMap(CaseClosingReason.init(rawValue:)) ?? .concluded
            let snapshot = ClosedCaseSnapshot(
                procedure: procedure, filedOn: filed, closedOn: closed, closingReason: reason,
                legalReviewRequired: try r.decode(column: "legal_review_required", as: Bool.self),
                hearingRequested: try r.decode(column: "hearing_requested", as: Bool.self),
                handlers: (handlers[caseID] ?? []).map { h in
                    .init(name: h.name, isAuxiliary: h.auxiliary, userKey: h.userID?.uuidString, certificates: certificates[h.officerID] ?? [])
                },
                reviews: reviews[caseID] ?? [], decision: decisions[caseID], limits: limits[caseID] ?? [],
                recordedStages: stages[caseID] ?? [], servedOn: served[caseID])
            out.append(Loaded(caseID: caseID, agencyID: try r.decode(column: "agency_id", as: UUID.self), snapshot: snapshot))
        }
        return out
    }

    /// Each officer's certificates with their archive: 年审 years, 暂扣 periods, 核销/注销 day.
    static func certificateHistories(officerIDs: [UUID], on sql: any SQLDatabase) async throws -> [UUID: [CertificateHistory]] {
        guard !officerIDs.isEmpty else { return [:] }
        let ids: [any Encodable & Sendable] = officerIDs
        struct Row { var officerID: UUID; var history: CertificateHistory; var suspendedOn: LocalDate?; var status: String }
        var byID: [UUID: Row] = [:]
        for r in try await sql.raw("""
            SELECT id, officer_id, number, issued_on, valid_until, status, last_inspection_year, suspended_on FROM certificates
            WHERE officer_id IN (\(binds: ids))
            """).all() {
            guard let issued = LocalDate(iso: try r.decode(column: "issued_on", as: String.self)),
                  let until = LocalDate(iso: try r.decode(column: "valid_until", as: String.self)) else { continue }
            var h = CertificateHistory(number: try r.decode(column: "number", as: String.self), issuedOn: issued, validUntil: until)
            if let y = try r.decode(column: "last_inspection_year", as: Int?.self) { h.inspectedYears.insert(y) }
            byID[try r.decode(column: "id", as: UUID.self)] = Row(
                officerID: try r.decode(column: "officer_id", as: UUID.self), history: h,
                suspendedOn: try r.decode(column: "suspended_on", as: String?.self).flatMap(LocalDate.init(iso:)),
                status: try r.decode(column: "status", as: String.self))
        }
        let certIDs: [any Encodable & Sendable] = Array(byID.keys)
        var openSuspension: [UUID: LocalDate] = [:]
        if !certIDs.isEmpty {
            for r in try await sql.raw("""
                SELECT certificate_id, kind, occurred_on FROM certificate_events WHERE certificate_id IN (\(binds: certIDs)) ORDER BY sequence
                """).all() {
                let id = try r.decode(column: "certificate_id", as: UUID.self)
                guard let day = LocalDate(iso: try r.decode(column: "occurred_on", as: String.self)), byID[id] != nil else { continue }
                switch CertificateEventKind(rawValue: try r.decode(column: "kind", as: String.self)) {
                case .inspect?: byID[id]?.history.inspectedYears.insert(day.year)
                case .suspend?: openSuspension[id] = day
                case .restore?:
                    if let from = openSuspension.removeValue(forKey: id) { byID[id]?.history.suspensions.append((from: from, to: day.adding(days: -1))) }
                case .revoke?, .cancel?: byID[id]?.history.endedOn = day
                default: break
                }
            }
        }
        var out: [UUID: [CertificateHistory]] = [:]
        for (id, var row) in byID {
            if let from = openSuspension[id] ?? (row.status == CertificateStatus.suspended.rawValue ? row.suspendedOn : nil) {
                row.history.suspensions.append((from: from, to: nil))
            }
            out[row.officerID, default: []].append(row.history)
        }
        return out
    }
}
