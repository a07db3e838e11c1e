import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// Reading the pre-check findings and the major-decision filings in the caller's scope: a 监督员 or
/// 评查员 the bodies of the jurisdiction, a 法制员 the own body.
enum CaseCheckQueries {
    static let readers: [Role] = [.supervisor, .reviewer, .legalOfficer]
    /// Who may (re)run the check: the jurisdiction's 监督员, a body's 法制员 for the own body.
    static let runners: [Role] = [.supervisor, .legalOfficer]
    static let listLimit = 500

    struct Params: Sendable {
        var agencyID: UUID?
        var year: Int
        var rule: String?
    }

    /// `strict` (API): an empty parameter is refused; the console sends empty for 全部.
    static func params(_ req: Request, strict: Bool) throws -> Params {
        func value(_ key: String) throws -> String? {
            guard let raw = try req.query.get(String?.self, at: key) else { return nil }
            if raw.isEmpty {
                if strict { throw AppError.validation(key, "不能为空") }
                return nil
            }
            return raw
        }
        var out = Params(agencyID: nil, year: req.today.year, rule: nil)
        if let raw = try value("year") {
            guard let y = Int(raw), (2000...2100).contains(y) else { throw AppError.validation("year", "须为 2000 至 2100 的年份") }
            out.year = y
        }
        if let raw = try value("agencyId") {
            guard let id = UUID(uuidString: raw) else { throw AppError.validation("agencyId", "须为执法主体的 UUID") }
            out.agencyID = id
        }
        if let raw = try value("rule") {
            guard CaseCheckRule.rule(raw) != nil else { throw AppError.validation("rule", "未知的预审规则：\(raw)") }
            out.rule = raw
        }
        return out
    }

    /// The bodies in scope; one body when `agencyID` is given (out of scope → OUT_OF_SCOPE).
    static func agencies(_ p: Principal, agencyID: UUID?, on db: any Database) async throws -> [Agency] {
        let all = try await AgencyQueries.scoped(for: p, on: db).sort(\.$name).all()
        guard let agencyID else { return all }
        guard let one = all.first(where: { $0.id == agencyID }) else { throw AppError.outOfScope }
        return [one]
    }

    static func list(_ p: Principal, _ params: Params, on db: any Database) async throws -> CaseCheckListDTO {
        let agencies = try await agencies(p, agencyID: params.agencyID, on: db)
        let ids = agencies.compactMap(\.id)
        let summary = try await CaseCheckStatistics.summary(agencyIDs: ids, year: params.year, on: db)
        var s = summary
        s.agencyId = params.agencyID
        guard let sql = db as? any SQLDatabase, !ids.isEmpty else { return CaseCheckListDTO(summary: s, findings: [], total: 0, limit: listLimit) }
        let binds: [any Encodable & Sendable] = ids
        let ruleFilter: SQLQueryString = params.rule.map { "AND k.rule_code = \(bind: $0)" } ?? ""
        let total = try await sql.raw("""
            SELECT COUNT(*) AS n FROM case_checks k WHERE k.year = \(bind: params.year) AND k.agency_id IN (\(binds: binds)) \(ruleFilter)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT k.case_id, c.number, k.agency_id, k.year, k.rule_code, k.severity, k.message, k.source, k.checked_at
            FROM case_checks k JOIN cases c ON c.id = k.case_id
            WHERE k.year = \(bind: params.year) AND k.agency_id IN (\(binds: binds)) \(ruleFilter)
            ORDER BY c.closed_on DESC, c.number, k.rule_code LIMIT \(unsafeRaw: String(listLimit))
            """).all()
        let names = Dictionary(uniqueKeysWithValues: agencies.compactMap { a in a.id.map { ($0, a.name) } })
        return CaseCheckListDTO(summary: s, findings: try rows.map { try finding($0, names: names) }, total: total, limit: listLimit)
    }

    static func finding(_ r: any SQLRow, names: [UUID: String], number: String? = nil) throws -> CaseCheckFindingDTO {
        let rule = try r.decode(column: "rule_code", as: String.self)
        let severity = CheckSeverity(rawValue: try r.decode(column: "severity", as: String.self)) ?? .error
        let agencyID = try r.decode(column: "agency_id", as: UUID.self)
        return CaseCheckFindingDTO(caseId: try r.decode(column: "case_id", as: UUID.self), caseNumber: try number ?? r.decode(column: "number", as: String.self),
                                   agencyId: agencyID, agencyName: names[agencyID] ?? "", year: try r.decode(column: "year", as: Int.self),
                                   rule: rule, ruleName: CaseCheckRule.rule(rule)?.name ?? rule, severity: severity, severityLabel: severity.label,
                                   message: try r.decode(column: "message", as: String.self), source: try r.decode(column: "source", as: String.self),
                                   checkedAt: try r.decode(column: "checked_at", as: Date.self))
    }

    /// The findings of one case (the case page).
    static func ofCase(_ c: EnforcementCase, agencyName: String, on db: any Database) async throws -> CaseChecksDTO {
        let id = try c.requireID()
        let run = try await CaseCheckRun.find(id, on: db)
        let rows = try await CaseCheckFinding.query(on: db).filter(\.$caseID == id).all()
        let order = CaseCheckRule.all.map(\.code)
        let findings = rows.sorted { (order.firstIndex(of: $0.ruleCode) ?? 99, $0.message) < (order.firstIndex(of: $1.ruleCode) ?? 99, $1.message) }.map { k in
            CaseCheckFindingDTO(caseId: id, caseNumber: c.number, agencyId: k.agencyID, agencyName: agencyName, year: k.year, rule: k.ruleCode,
                                ruleName: CaseCheckRule.rule(k.ruleCode)?.name ?? k.ruleCode, severity: k.severity, severityLabel: k.severity.label,
                                message: k.message, source: k.source, checkedAt: k.checkedAt)
        }
        return CaseChecksDTO(caseId: id, checkedAt: run?.checkedAt, findings: findings)
    }
}

enum MajorFilingQueries {
    /// The body's staff (to file) and the jurisdiction's 监督员 (to review); 评查员 read.
    static let readers: [Role] = [.supervisor, .reviewer, .legalOfficer, .officer]
    static let filers: [Role] = [.legalOfficer, .officer]

    /// Filings of the bodies in scope, open ones first by due day, then the newest.
    static func list(_ p: Principal, status: MajorFilingStatus?, agencyID: UUID?, today: LocalDate, window: Int, on db: any Database) async throws -> [MajorFilingDTO] {
        let agencies = try await CaseCheckQueries.agencies(p, agencyID: agencyID, on: db)
        let names = Dictionary(uniqueKeysWithValues: agencies.compactMap { a in a.id.map { ($0, a.name) } })
        var q = MajorDecisionFiling.query(on: db).filter(\.$agencyID ~~ Array(names.keys))
        if let status { q = q.filter(\.$status == status) }
        let rows = try await q.sort(\.$decidedOn, .descending).limit(500).all()
        let cases = try await EnforcementCase.query(on: db).filter(\.$id ~~ rows.map(\.caseID)).all()
        let byID = Dictionary(uniqueKeysWithValues: cases.compactMap { c in c.id.map { ($0, c) } })
        let dtos = rows.map { MajorFilingDTO($0, c: byID[$0.caseID], agencyName: names[$0.agencyID] ?? "", today: today, window: window) }
        // Unfiled first (red, yellow, others), then the rest as they are.
        return dtos.sorted { a, b in
            let ka = (a.status == .pending ? 0 : 1, -a.warning.rank, a.due ?? "9999")
            let kb = (b.status == .pending ? 0 : 1, -b.warning.rank, b.due ?? "9999")
            return ka < kb
        }
    }

    /// One filing readable by the caller (out of scope → OUT_OF_SCOPE).
    static func readable(_ id: UUID, by p: Principal, on db: any Database) async throws -> (MajorDecisionFiling, Agency) {
        guard let f = try await MajorDecisionFiling.find(id, on: db), let agency = try await Agency.find(f.agencyID, on: db) else {
            throw AppError.notFound
        }
        guard AgencyQueries.canRead(agency, p) else { throw AppError.outOfScope }
        return (f, agency)
    }

    static func dto(_ f: MajorDecisionFiling, agency: Agency, req: Request) async throws -> MajorFilingDTO {
        MajorFilingDTO(f, c: try await EnforcementCase.find(f.caseID, on: req.db), agencyName: agency.name, today: req.today,
                       window: req.services.options.warningDays)
    }

    /// The filing of a case, if its decision was major.
    static func ofCase(_ caseID: UUID, on db: any Database) async throws -> MajorDecisionFiling? {
        try await MajorDecisionFiling.query(on: db).filter(\.$caseID == caseID).first()
    }
}

extension WarningLevel {
    var rank: Int { WarningLevel.allCases.firstIndex(of: self) ?? 0 }
}

extension CaseCheckStatistics {
    /// The summary over several bodies (a scope); `nil` for every body.
    static func summary(agencyIDs: [UUID]?, year: Int, on db: any Database) async throws -> Summary {
        guard let agencyIDs else { return try await summary(agencyID: nil, year: year, on: db) }
        if agencyIDs.count == 1 { return try await summary(agencyID: agencyIDs[0], year: year, on: db) }
        var total = Summary(agencyId: nil, year: year, closedCases: 0, checkedCases: 0, casesWithFindings: 0, casesWithErrors: 0, rules: [])
        var rules: [String: RuleCount] = [:]
        var order: [String] = []
        for id in agencyIDs {
            let s = try await summary(agencyID: id, year: year, on: db)
            total.closedCases += s.closedCases
            total.checkedCases += s.checkedCases
            total.casesWithFindings += s.casesWithFindings
            total.casesWithErrors += s.casesWithErrors
            for r in s.rules {
                if rules[r.rule] == nil { order.append(r.rule); rules[r.rule] = RuleCount(rule: r.rule, name: r.name, source: r.source, errors: 0, warnings: 0, cases: 0) }
                rules[r.rule]!.errors += r.errors
                rules[r.rule]!.warnings += r.warnings
                rules[r.rule]!.cases += r.cases
            }
        }
        total.rules = order.compactMap { rules[$0] }
        return total
    }
}
