import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 执法决定公开. A decision of public concern (every 行政处罚 and 行政许可 decision; others when the body
/// marks them) is due on the portal within the profile's period from the decision day
/// (国办发〔2018〕118号 二(三): 7 工作日 / 20 工作日 — a document cited from domain/statutes.md, not a seed);
/// the period also runs as a case limit so that a late publication shows on the body's 预警看板.
/// The 法制员 publishes a masked text (natural persons' names, ID numbers and phones masked;
/// organisations shown); a decision later 变更、撤销 or 确认违法 is withdrawn with the reason within 3
/// 工作日 of that result (行政处罚法 第四十八条) and the portal keeps no personal data of it. Publication
/// and withdrawal are entries of the case's 全过程记录; the portal shows the publication entry's
/// inclusion proof in the latest signed checkpoint.
enum DecisionPublicityService {
    /// Opens the publication of a decision just made (called in the decision's transaction).
    /// Nothing for decisions not published by default (the body may mark them with `mark`).
    @discardableResult
    static func open(_ c: EnforcementCase, decision: CaseDecision, clocks: CaseDeadlines, force: Bool = false) async throws -> DecisionPublication? {
        guard force || DecisionPublicityRules.publishedByDefault(c.procedure) else { return nil }
        let caseID = try c.requireID()
        guard try await DecisionPublication.query(on: clocks.db).filter(\.$enforcementCase.$id == caseID).first() == nil else { return nil }
        let code = DecisionPublicityRules.ruleCode(for: c.procedure)
        // A profile without the rule (none bundled) leaves the decision unpublished rather than blocking it.
        guard let rule = clocks.profile?.deadline(code)?.entry, let decided = LocalDate(iso: decision.decidedOn) else { return nil }
        // The same period as a limit of the case: the 预警看板 shows it yellow, then red.
        let limit = try await clocks.start(code, from: decided, caseID: caseID, reason: "作出决定 \(decision.number)")
        let pub = DecisionPublication()
        pub.$enforcementCase.id = caseID
        pub.$decision.id = try decision.requireID()
        pub.$agency.id = c.$agency.id
        pub.ruleCode = code
        pub.sourceText = JSONText(rule.source)
        pub.decidedOn = decided.iso
        if let limit {
            pub.due = limit.due
            pub.provisional = limit.provisional
        } else {
            let due = try CaseClock(start: decided, value: rule.value, unit: .workingDays).due(calendar: clocks.calendar)
            pub.due = due.date.iso
            pub.provisional = due.provisional
        }
        pub.status = .pending
        try await pub.create(on: clocks.db)
        return pub
    }

    /// The body marks a decision of another procedure (查封扣押、检查) as of public concern (20 工作日).
    static func mark(_ c: EnforcementCase, req: Request) async throws -> DecisionPublication {
        let caseID = try c.requireID()
        guard let decision = try await CaseDecision.query(on: req.db).filter(\.$enforcementCase.$id == caseID).first() else {
            throw AppError.conflict("CASE_NOT_DECIDED", "案件尚未作出决定")
        }
        if let existing = try await DecisionPublication.query(on: req.db).filter(\.$enforcementCase.$id == caseID).first() { return existing }
        let p = try req.principal()
        let agency = try await Agency.find(c.$agency.id, on: req.db)!
        let loaded = try await CaseDeadlines.load(jurisdictionID: agency.$jurisdiction.id, actor: p.displayName, services: req.services, on: req.db)
        let pub: DecisionPublication? = try await req.db.transaction { tx in
            let clocks = CaseDeadlines(calendar: loaded.calendar, profile: loaded.profile, actor: p.displayName, db: tx)
            guard let pub = try await open(c, decision: decision, clocks: clocks, force: true) else { return nil }
            try await CaseJournal.write(c, kind: "publication_marked", stage: nil, on: req.today,
                                        summary: "决定 \(decision.number) 列为应当公开的执法决定，应于 \(pub.due) 前公开（\(pub.source)）",
                                        actor: p.displayName, req: req, db: tx)
            return pub
        }
        guard let pub else { throw AppError.conflict("PUBLICATION_RULE_MISSING", "适用的规则配置没有执法决定公开期限") }
        return pub
    }

    /// Publishes the masked text (the body's 法制员).
    static func publish(_ pub: DecisionPublication, req: Request) async throws {
        let p = try req.principal()
        let today = req.today
        let pubID = try pub.requireID()
        guard let c = try await EnforcementCase.find(pub.$enforcementCase.id, on: req.db),
              let decision = try await CaseDecision.find(pub.$decision.id, on: req.db),
              let agency = try await Agency.find(pub.$agency.id, on: req.db) else { throw AppError.notFound }
        let parties = try await CaseParty.query(on: req.db).filter(\.$enforcementCase.$id == c.requireID()).all()
        let text = publicText(c, decision: decision, agency: agency, parties: parties)
        try await req.db.transaction { tx in
            try await lock(pubID, on: tx)
            guard let fresh = try await DecisionPublication.find(pubID, on: tx) else { throw AppError.notFound }
            guard fresh.status == .pending else {
                throw AppError.conflict("PUBLICATION_NOT_PENDING", "该决定\(fresh.status.label)，不能再公开")
            }
            fresh.status = .published
            fresh.publishedOn = today.iso
            fresh.publishedBy = p.displayName
            fresh.publicTextJSON = JSONText(text)
            let late = today.iso > fresh.due
            let summary = "公开决定 \(decision.number)（应于 \(fresh.due) 前公开，\(late ? "逾期公开" : "按期公开")；\(fresh.source)）"
            let entry = try await CaseJournal.write(c, kind: "published", stage: nil, on: today, summary: summary, actor: p.displayName, req: req, db: tx)
            fresh.recordIndex = entry.leafIndex
            try await fresh.save(on: tx)
            try await CaseDeadlines.meet([fresh.ruleCode], caseID: c.requireID(), on: today, db: tx)
            try await req.audit(.decisionPublish, .success, target: decision.number, detail: summary, on: tx)
            pub.status = fresh.status
            pub.recordIndex = fresh.recordIndex
        }
    }

    /// Withdraws a decision's publication after it was changed, revoked or found unlawful on
    /// `resultOn` (行政处罚法 第四十八条: within 3 工作日, with the reason). Called by the 复议/诉讼
    /// results (撤销/变更/确认违法) and by the manual withdrawal. A publication still pending is
    /// withdrawn before it is ever shown. The portal keeps the agency, number and date, no personal data.
    @discardableResult
    static func withdraw(caseID: UUID, reason: String, basis: String, on resultOn: LocalDate, req: Request) async throws -> DecisionPublication {
        try await req.db.transaction { tx in try await withdraw(caseID: caseID, reason: reason, basis: basis, on: resultOn, req: req, db: tx) }
    }

    /// The same inside the caller's transaction (a 复议/诉讼 result withdraws in its own transaction).
    @discardableResult
    static func withdraw(caseID: UUID, reason: String, basis: String, on resultOn: LocalDate, req: Request,
                         db tx: any Database) async throws -> DecisionPublication {
        guard let pub = try await DecisionPublication.query(on: tx).filter(\.$enforcementCase.$id == caseID).first() else {
            throw AppError("PUBLICATION_NOT_FOUND", .notFound, "该案件没有应当公开的执法决定")
        }
        let reason = try CaseText.paragraph(reason.trimmingCharacters(in: .whitespacesAndNewlines), field: "reason", max: 500)
        guard !reason.isEmpty else { throw AppError.validation("reason", "撤回须说明理由", code: "required") }
        let basis = try TextInput.name(basis, field: "basis", max: 100)
        let today = req.today
        guard resultOn <= today else { throw AppError.validation("resultOn", "不能晚于今天", code: "future") }
        let p = req.auth.get(Principal.self)
        let actor = p?.displayName ?? "系统"
        let pubID = try pub.requireID()
        guard let c = try await EnforcementCase.find(caseID, on: tx), let agency = try await Agency.find(pub.$agency.id, on: tx),
              let decision = try await CaseDecision.find(pub.$decision.id, on: tx) else { throw AppError.notFound }
        let clocks = try await CaseDeadlines.load(jurisdictionID: agency.$jurisdiction.id, actor: actor, services: req.services, on: tx)
        let rule = clocks.profile?.deadline(DecisionPublicityRules.withdrawalCode)?.entry
        let due = try CaseClock(start: resultOn, value: rule?.value ?? 3, unit: rule?.unit.deadlineUnit ?? .workingDays).due(calendar: clocks.calendar)
        let source = rule?.source ?? CaseSources.penaltyLaw("第四十八条")
        do {
            try await lock(pubID, on: tx)
            guard let fresh = try await DecisionPublication.find(pubID, on: tx) else { throw AppError.notFound }
            guard fresh.status != .withdrawn else { throw AppError.conflict("PUBLICATION_ALREADY_WITHDRAWN", "该决定已撤回") }
            let wasPublished = fresh.status == .published
            fresh.status = .withdrawn
            fresh.withdrawalReason = reason
            fresh.withdrawalBasis = basis
            fresh.resultOn = resultOn.iso
            fresh.withdrawalDue = due.date.iso
            fresh.withdrawnOn = today.iso
            // No personal data stays on the portal: only the body, the number, the procedure and the date.
            fresh.publicTextJSON = wasPublished ? JSONText(PublicDecisionText(
                agencyName: agency.name, decisionNumber: decision.number, caseTitle: "", procedure: c.procedure.label,
                parties: "", facts: "", basis: "", content: "", decidedOn: fresh.decidedOn)) : nil
            let late = today > due.date
            let summary = "撤回\(wasPublished ? "已公开的" : "尚未公开的")决定 \(decision.number)：\(reason)（\(basis)，\(resultOn.iso)）；"
                + "应于 \(due.date.iso) 前撤回，\(late ? "逾期撤回" : "按期撤回")（\(source)）"
            let entry = try await CaseJournal.write(c, kind: "publication_withdrawn", stage: nil, on: today, summary: summary, actor: actor, req: req, db: tx)
            fresh.withdrawalRecordIndex = entry.leafIndex
            try await fresh.save(on: tx)
            try await CaseDeadlines.meet([fresh.ruleCode], caseID: caseID, on: today, db: tx)
            try await req.audit(.decisionWithdraw, .success, target: decision.number, detail: summary, on: tx)
        }
        return try await DecisionPublication.find(pubID, on: tx)!
    }

    /// For the 复议/诉讼 results: withdraws the case's publication when there is one still on (or
    /// due for) the portal; nil when the decision has no publication or it was already withdrawn.
    /// Opens its own transaction: call it after the result is saved.
    @discardableResult
    static func withdrawIfPublished(caseID: UUID, reason: String, basis: String, on resultOn: LocalDate,
                                    req: Request) async throws -> DecisionPublication? {
        guard let pub = try await DecisionPublication.query(on: req.db).filter(\.$enforcementCase.$id == caseID).first(),
              pub.status != .withdrawn else { return nil }
        return try await withdraw(caseID: caseID, reason: reason, basis: basis, on: resultOn, req: req)
    }

    /// The portal's text of a decision: organisations named, natural persons masked, identifiers of
    /// persons and phone numbers masked in every field.
    static func publicText(_ c: EnforcementCase, decision: CaseDecision, agency: Agency, parties: [CaseParty]) -> PublicDecisionText {
        let persons = parties.filter { $0.kind == .person }.map(\.name)
        let doc = decision.document
        func m(_ s: String) -> String { DecisionPublicityRules.mask(s, personNames: persons) }
        let partyText = parties.map { p in
            p.kind == .organization ? "\(p.name)（统一社会信用代码 \(p.identifier)）" : DecisionPublicityRules.maskName(p.name)
        }.joined(separator: "；")
        return PublicDecisionText(agencyName: agency.name, decisionNumber: decision.number, caseTitle: m(c.title), procedure: c.procedure.label,
                                  parties: partyText, facts: m(doc.factsAndEvidence), basis: m(doc.basis), content: m(doc.content),
                                  decidedOn: decision.decidedOn)
    }

    /// Publications of the bodies in scope, pending ones first by due day.
    static func visible(for p: Principal, status: DecisionPublicationStatus?, on db: any Database) async throws -> [DecisionPublication] {
        let scope = try await AgencyQueries.scopedIDs(for: p, on: db)
        var q = DecisionPublication.query(on: db).filter(\.$agency.$id ~~ scope)
        if let status { q = q.filter(\.$status == status) }
        return try await q.sort(\.$status).sort(\.$due).limit(1000).all()
    }

    /// What the portal lists: published and withdrawn decisions (never pending ones).
    static func publicList(text: String?, page: PageRequest, on db: any Database) async throws -> (rows: [DecisionPublication], total: Int) {
        // A publication withdrawn before it was ever shown stays off the portal.
        var q = DecisionPublication.query(on: db).filter(\.$status ~~ [.published, .withdrawn]).filter(\.$publishedOn != nil)
        if let text, !text.isEmpty {
            q = q.filter(ContainsFilter.filter(column: "public_text", contains: text))  // the masked text only
        }
        let total = try await q.count()
        let rows = try await q.sort(\.$publishedOn, .descending).sort(\.$id).range(page.offset..<(page.offset + page.per)).all()
        return (rows, total)
    }

    private static func lock(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(DecisionPublication.schema).set("status", to: SQLIdentifier("status")).where("id", .equal, id).run()
    }
}
