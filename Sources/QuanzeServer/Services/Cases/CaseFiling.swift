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

    /// `within` runs in the filing's transaction after the case is saved (e.g. accepting a 移送).
    static func file(_ input: Input, agency: Agency, req: Request,
                     within: (@Sendable (EnforcementCase, any Database) async throws -> Void)? = nil) async throws -> EnforcementCase {
        let today = req.today
        let agencyID = try agency.requireID()
        let title = try TextInput.name(input.title, field: "title", max: 100)
        let facts = try CaseText.paragraph(input.facts, field: "facts", max: 5000)
        let filedOn = try CaseText.date(input.filedOn, field: "filedOn", default: today, notAfter: today)
        let (item, version) = try await power(input.powerItemID, agency: agency, procedure: input.procedure, on: filedOn, db: req.db)
        let parties = try parties(input.parties, today: today)
        let team = try await CaseTeam.check(input.officers, agencyID: agencyID, powerItemID: try item.requireID(), on: filedOn, db: req.db)
        let actor = try req.principal().displayName
        let c = EnforcementCase()
        try await req.db.transaction { tx in
            c.$agency.id = agencyID
            c.$powerItem.id = try item.requireID()
            c.$powerVersion.id = try version.requireID()
            c.number = try await DocumentNumbers.next(.filing, agency: agency, year: filedOn.year, on: tx)
            c.title = title
            c.procedure = input.procedure
            c.stage = .filed
            c.source = input.source
            c.facts = facts
            c.filedOn = filedOn.iso
            c.suspended = false
            c.majorCriteria = Array(Set(input.majorCriteria)).sorted { $0.rawValue < $1.rawValue }
            c.majorReasons = MajorDecisionRule.reasons(statutory: c.majorCriteria, powerCriteria: [], hearingHeld: false, outsideDiscretion: false)
            c.legalReviewRequired = !c.majorReasons.isEmpty
            c.hearingRequested = false
            c.createdBy = actor
            try await c.create(on: tx)
            let caseID = try c.requireID()
            for p in parties {
                let row = CaseParty()
                row.$enforcementCase.id = caseID
                row.kind = p.kind
                row.name = p.name
                row.identifier = p.identifier
                row.address = p.address
                try await row.create(on: tx)
            }
            for m in team {
                let row = CaseOfficer()
                row.$enforcementCase.id = caseID
                row.$officer.id = m.officerID
                row.role = m.role
                try await row.create(on: tx)
            }
            let names = team.map(\.name).joined(separator: "、")
            try await CaseJournal.write(c, kind: "filed", stage: .filed, on: filedOn,
                                        summary: "\(c.procedure.label)立案：\(item.code) \(version.name)（第\(version.version)版）；承办人员 \(names)",
                                        actor: actor, req: req, db: tx)
            let clocks = try await CaseDeadlines.load(jurisdictionID: agency.$jurisdiction.id, actor: actor, services: req.services, on: tx)
            try await startFilingDeadlines(c, version: version, clocks: clocks)
            try await req.audit(.caseFile, .success, target: c.number, detail: "\(agency.name) \(title)", on: tx)
            try await within?(c, tx)
        }
        return c
    }

    /// The statutory period of the procedure and the power's own 承诺时限.
    private static func startFilingDeadlines(_ c: EnforcementCase, version: PowerItemVersion, clocks: CaseDeadlines) async throws {
        let caseID = try c.requireID()
        let filed = LocalDate(iso: c.filedOn)!
        switch c.procedure {
        case .penaltyOrdinary: try await clocks.start("penalty_decision", from: filed, caseID: caseID, reason: "立案")
        case .licensing: try await clocks.start("license_decision", from: filed, caseID: caseID, reason: "受理")
        case .seizure: try await clocks.start("seizure_duration", from: filed, caseID: caseID, reason: "实施查封、扣押")
        case .penaltySimple, .inspection: break
        }
        if let promised = version.promisedLimit {
            try await clocks.start(code: "promised_limit", name: "承诺办理时限", limit: promised,
                                   source: SourceRef(document: "权责清单 \(version.name)", article: "承诺时限"), from: filed, caseID: caseID,
                                   reason: "立案")
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
