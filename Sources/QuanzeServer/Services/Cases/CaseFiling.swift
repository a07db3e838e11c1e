import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 立案: a body files a case on a power it may exercise that day (its own published power or a
/// delegated one), with validated parties and a handling team that passes `HandlingTeam`. Nothing
/// is saved unless everything passes.
enum CaseFiling {
    struct Party: Sendable {
        var kind: PartyKind
        var name: String
        var identifier: String
        var address: String?
    }

    struct Member: Sendable {
        var officerID: UUID
        var role: CaseOfficerRole
    }

    struct Input: Sendable {
        var powerItemID: UUID
        var procedure: CaseProcedure
        var source: CaseSource
        var title: String
        var facts: String
        var filedOn: String?
        var parties: [Party]
        var officers: [Member]
        var majorCriteria: [StatutoryMajorCriterion]
    }

    /// A filing that passed every check, ready to be stored.
    struct Checked: Sendable {
        var input: Input
        var agency: Agency
        var item: PowerItem
        var version: PowerItemVersion
        var title: String
        var facts: String
        var filedOn: LocalDate
        var parties: [Party]
        var team: [CaseTeam.Checked]
    }

    /// `within` runs in the filing's transaction after the case is saved (e.g. accepting a 移送).
    static func file(_ input: Input, agency: Agency, req: Request,
                     within: (@Sendable (EnforcementCase, any Database) async throws -> Void)? = nil) async throws -> EnforcementCase {
        let checked = try await check(input, agency: agency, req: req)
        return try await req.db.transaction { tx in
            let c = try await store(checked, req: req, on: tx)
            try await within?(c, tx)
            return c
        }
    }

    /// Every check of 立案, without writing anything.
    static func check(_ input: Input, agency: Agency, req: Request) async throws -> Checked {
        let today = req.today
        let title = try TextInput.name(input.title, field: "title", max: 100)
        let facts = try CaseText.paragraph(input.facts, field: "facts", max: 5000)
        let filedOn = try CaseText.date(input.filedOn, field: "filedOn", default: today, notAfter: today)
        let (item, version) = try await power(input.powerItemID, agency: agency, procedure: input.procedure, on: filedOn, db: req.db)
        let parties = try parties(input.parties, today: today)
        let team = try await CaseTeam.check(input.officers, agencyID: try agency.requireID(), powerItemID: try item.requireID(), on: filedOn, db: req.db)
        return Checked(input: input, agency: agency, item: item, version: version, title: title, facts: facts, filedOn: filedOn,
                       parties: parties, team: team)
    }

    /// Stores a checked filing with its number, parties, team, first record entry and deadlines,
    /// inside the caller's transaction.
    static func store(_ f: Checked, req: Request, on tx: any Database) async throws -> EnforcementCase {
        let actor = try req.principal().displayName
        let agencyID = try f.agency.requireID()
        let c = EnforcementCase()
        c.$agency.id = agencyID
        c.$powerItem.id = try f.item.requireID()
        c.$powerVersion.id = try f.version.requireID()
        c.number = try await DocumentNumbers.next(.filing, agency: f.agency, year: f.filedOn.year, on: tx)
        c.title = f.title
        c.procedure = f.input.procedure
        c.stage = .filed
        c.source = f.input.source
        c.facts = f.facts
        c.filedOn = f.filedOn.iso
        c.suspended = false
        c.majorCriteria = Array(Set(f.input.majorCriteria)).sorted { $0.rawValue < $1.rawValue }
        c.majorReasons = MajorDecisionRule.reasons(statutory: c.majorCriteria, powerCriteria: [], hearingHeld: false, outsideDiscretion: false)
        c.legalReviewRequired = !c.majorReasons.isEmpty
        c.hearingRequested = false
        c.createdBy = actor
        try await c.create(on: tx)
        let caseID = try c.requireID()
        for p in f.parties {
            let row = CaseParty()
            row.$enforcementCase.id = caseID
            row.kind = p.kind
            row.name = p.name
            row.identifier = p.identifier
            row.address = p.address
            try await row.create(on: tx)
        }
        for m in f.team {
            let row = CaseOfficer()
            row.$enforcementCase.id = caseID
            row.$officer.id = m.officerID
            row.role = m.role
            try await row.create(on: tx)
        }
        let names = f.team.map(\.name).joined(separator: "、")
        try await CaseJournal.write(c, kind: "filed", stage: .filed, on: f.filedOn,
                                    summary: "\(c.procedure.label)立案：\(f.item.code) \(f.version.name)（第\(f.version.version)版）；承办人员 \(names)",
                                    actor: actor, req: req, db: tx)
        let clocks = try await CaseDeadlines.load(jurisdictionID: f.agency.$jurisdiction.id, actor: actor, services: req.services, on: tx)
        try await startFilingDeadlines(c, version: f.version, clocks: clocks)
        try await req.audit(.caseFile, .success, target: c.number, detail: "\(f.agency.name) \(f.title)", on: tx)
        return c
    }

    /// The statutory period of the procedure, the power's own 承诺时限, and the flow steps whose 时限
    /// counts from filing (they run until their step is done).
    private static func startFilingDeadlines(_ c: EnforcementCase, version: PowerItemVersion, clocks: CaseDeadlines) async throws {
        let caseID = try c.requireID()
        let filed = LocalDate(iso: c.filedOn)!
        switch c.procedure {
        case .penaltyOrdinary: try await clocks.start("penalty_decision", from: filed, caseID: caseID, reason: "立案")
        case .licensing: try await clocks.start("license_decision", from: filed, caseID: caseID, reason: "受理")
        // 查封、扣押 runs from the day it is carried out, the 实施 stage (`CaseProgress`).
        case .seizure, .penaltySimple, .inspection: break
        }
        if let promised = version.promisedLimit {
            try await clocks.start(code: "promised_limit", name: "承诺办理时限", limit: promised,
                                   source: SourceRef(document: "权责清单 \(version.name)", article: "承诺时限"), from: filed, caseID: caseID,
                                   reason: "立案")
        }
        for (stage, step, limit) in CaseProgress.flowLimits(version, procedure: c.procedure) where step.countsFromFiling && stage != .filed {
            try await clocks.start(code: "step:\(stage.rawValue)", name: "\(step.name)时限", limit: limit,
                                   source: SourceRef(document: "权责清单 \(version.name) 流程图", article: step.name), from: filed,
                                   caseID: caseID, reason: "立案（\(FlowLimitStart.filing.label)）")
        }
    }

    /// The power item, its published version, and the body's right to exercise it on the day.
    private static func power(_ id: UUID, agency: Agency, procedure: CaseProcedure, on day: LocalDate,
                              db: any Database) async throws -> (PowerItem, PowerItemVersion) {
        guard let item = try await PowerItem.find(id, on: db) else {
            throw AppError.badRequest("POWER_NOT_FOUND", "职权事项不存在", field: "powerItemId")
        }
        guard let version = try await PowerItemQueries.published(item, on: db) else {
            throw AppError.badRequest("POWER_NOT_PUBLISHED", "职权事项 \(item.code) 尚未公布，不得据以立案", field: "powerItemId")
        }
        let outcome = try await DelegationCheck.mayAct(agencyID: try agency.requireID(), powerItemID: id, on: day, db: db)
        guard outcome.allowed else { throw AppError.badRequest(outcome.code, outcome.message, field: "powerItemId") }
        guard version.category.rawValue == procedure.category else {
            throw AppError.badRequest("PROCEDURE_NOT_FOR_CATEGORY",
                                      "\(item.code) 属于\(version.category.label)，不能适用\(procedure.label)", field: "procedure")
        }
        return (item, version)
    }

    private static func parties(_ input: [Party], today: LocalDate) throws -> [Party] {
        guard !input.isEmpty else { throw AppError.validation("parties", "至少登记一名当事人", code: "required") }
        guard input.count <= 20 else { throw AppError.validation("parties", "当事人不超过 20 名", code: "too_many") }
        var problems: [FieldProblem] = []
        var out: [Party] = []
        for (i, p) in input.enumerated() {
            let field = "parties[\(i)]"
            var party = p
            if let problem = TextInput.problem(p.name, field: "\(field).name", max: 100) { problems.append(problem) } else {
                party.name = try TextInput.name(p.name, field: "\(field).name", max: 100)
            }
            let raw = p.identifier.trimmingCharacters(in: .whitespaces).uppercased()
            switch p.kind {
            case .person:
                do throws(ResidentIDNumberError) { try ResidentIDNumber.validate(raw, asOf: today) } catch {
                    problems.append(.init(field: "\(field).identifier", code: "id_number", message: "身份证号无效：\(error.message)"))
                }
            case .organization:
                do throws(UnifiedSocialCreditCodeError) { try UnifiedSocialCreditCode.validate(raw) } catch {
                    problems.append(.init(field: "\(field).identifier", code: "uscc", message: "统一社会信用代码无效：\(error.message)"))
                }
            }
            party.identifier = raw
            if let address = p.address, !address.isEmpty {
                if let problem = TextInput.problem(address, field: "\(field).address", max: 200) { problems.append(problem) }
                party.address = address.trimmingCharacters(in: .whitespaces)
            } else { party.address = nil }
            out.append(party)
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        return out
    }
}
