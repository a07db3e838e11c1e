import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// Findings and proposal (issue 6 item 4), decision, service, deadlines, extension, 备案, execution and closing
/// (item 5) and appeals (item 7) of a 责任追究 matter (docs/liability-procedure.md). The engine computes; humans
/// decide; both are kept. Every step is audited and recorded in `liability:<uuid>` in the same transaction, and
/// every change of a target decision's status or sanctions goes through `LiabilityConsequences.sync`.
enum LiabilityDecisionService {
    static let agencyKey = "agency"

    /// Runs Core code, turning its refusals into API errors (console pages re-render them).
    static func core<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let r as LiabilityRefusal { throw AppError.refusal(r) }
    }

    static func schedule(_ m: LiabilityMatter, req: Request) async throws -> LiabilitySchedule {
        let services = req.application.services
        let calendar = try await services.calendar.calendar(on: req.db, now: services.clock.now())
        return LiabilitySchedule(profile: try LiabilityMatterService.profileOrFail(m, services: services), calendar: calendar)
    }

    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso) ?? LocalDate(dayNumber: 0) }

    static func rule(_ d: LiabilityDue) -> String { "\(d.name)：\(d.period)" }

    /// Investigators below the profile's minimum cannot conclude (henan 第二十二条, hangzhou 第四十七条).
    static func requireInvestigators(_ m: LiabilityMatter, req: Request) async throws {
        _ = try await LiabilityMatterService.activeInvestigators(m, req: req)
    }

    static func requireInvestigating(_ m: LiabilityMatter) throws {
        guard m.status == "investigating" else {
            throw AppError.conflict("MATTER_ALREADY_DECIDED", "本案已作出责任追究决定，不能再认定或延长决定期限")
        }
    }

    static func text(_ raw: String?, _ field: String, max: Int = 2000) throws -> String {
        let t = try CaseText.paragraph(raw ?? "", field: field, max: max).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw AppError.validation(field, "不能为空", code: "required") }
        return t
    }

    // MARK: findings (item 4)

    struct ViewInput: Sendable { var personID: UUID; var view: CollectiveView }
    struct TargetProposalInput: Sendable { var target: String; var circumstances: [String]; var sanctions: [String]? }
    struct FindingsInput: Sendable {
        var faultSituation: String
        var established: [String]
        var reviewDue: Bool
        var views: [ViewInput]
        var circumstances: [String]
        var gravityLevel: Int?
        var targets: [TargetProposalInput]
    }

    /// The persons with a statement, and those heard without one (告知后放弃).
    static func hearing(_ mid: UUID, on db: any Database) async throws -> (stated: Set<UUID>, waived: Set<UUID>) {
        let stated = Set(try await LiabilityStatement.query(on: db).filter(\.$matterID == mid).all().map(\.personID))
        let waived = Set(try await LiabilityHearingWaiver.query(on: db).filter(\.$matterID == mid).all().map(\.personID))
        return (stated, waived)
    }

    /// The earlier established liability (final decisions) on the same person or body — CircumstanceHistory.
    static func history(officerID: UUID?, userID: UUID?, agencyID: UUID?, excluding mid: UUID, on db: any Database) async throws -> CircumstanceHistory {
        var q = LiabilityTargetDecision.query(on: db).filter(\.$status == LiabilityTargetStatus.final.rawValue).filter(\.$matterID != mid)
        if let agencyID {
            q = q.filter(\.$agencyID == agencyID).filter(\.$targetKind == agencyKey)
        } else if officerID != nil || userID != nil {
            q = q.group(.or) { g in
                if let officerID { g.filter(\.$officerID == officerID) }
                if let userID { g.filter(\.$userID == userID) }
            }
        } else {
            return CircumstanceHistory()
        }
        return CircumstanceHistory(priorFindings: try await q.all().compactMap { LocalDate(iso: $0.decidedOn) })
    }

    static func recordFindings(_ a: LiabilityAccess.MatterAccess, _ input: FindingsInput, req: Request) async throws -> LiabilityFinding {
        let m = a.matter
        let mid = try m.requireID()
        try requireInvestigating(m)
        try await requireInvestigators(m, req: req)
        let profile = try LiabilityMatterService.profileOrFail(m, services: req.application.services)
        guard let situation = profile.catalogs.faultSituations.first(where: { $0.entry.code == input.faultSituation }) else {
            throw AppError.refusal(LiabilityRefusal(LiabilityRefusal.faultSituationUnknown,
                                                    "过错情形 \(input.faultSituation) 不在本配置（\(profile.id)）的目录中"))
        }
        var established: Set<ApportionmentTrigger> = []
        for raw in input.established {
            guard let t = ApportionmentTrigger(rawValue: raw) else {
                throw AppError.validation("established", "不是可认定的情形：\(raw)", code: "enum")
            }
            established.insert(t)
        }
        let persons = try await LiabilityPerson.query(on: req.db).filter(\.$matterID == mid).sort(\.$createdAt).all()
        var facts = try await LiabilityMatterFacts.facts(m, established: established, reviewDue: input.reviewDue, on: req.db)
        var views: [String: String] = [:]
        for v in input.views {
            guard let p = persons.first(where: { $0.id == v.personID }) else {
                throw AppError.validation("views", "不是本案的被调查人员", code: "not_found")
            }
            let key = LiabilityMatterFacts.key(userID: p.userID, officerID: p.officerID, rowID: p.id)
            if let i = facts.persons.firstIndex(where: { $0.id == key }) {
                facts.persons[i].view = v.view
                if !facts.persons[i].has(.collectiveMember) && !facts.persons[i].has(.collectiveChair) { facts.persons[i].roles.append(.collectiveMember) }
            }
            views[v.personID.uuidString.lowercased()] = v.view.rawValue
        }
        let apportionment = ApportionmentEngine.propose(facts: facts, profile: profile)
        let foundOn = req.today
        var targets: [LiabilityProposalTarget] = []
        func proposal(key: String, kind: TargetKind, name: String, share: String, reason: String, rule: RuleCitation?,
                      history: CircumstanceHistory) throws -> LiabilityProposalTarget {
            let extra = input.targets.first { $0.target.lowercased() == key.lowercased() }
            let chosen = input.circumstances + (extra?.circumstances ?? [])
            let assessment = try core { try CircumstanceAssessment.assess(profile: profile, chosen: chosen, history: history, on: foundOn) }
            let sanction = try core { try SanctionProposer.propose(profile: profile, target: kind, gravityLevel: input.gravityLevel,
                                                                    faultSituation: input.faultSituation, circumstances: assessment) }
            var proposed = sanction.allowed.map(\.item.code)
            if let explicit = extra?.sanctions {
                try checkSanctions(explicit, kind: kind, profile: profile)
                proposed = explicit
            }
            if !assessment.outcome.isPursued { proposed = [] }
            return LiabilityProposalTarget(key: key, kind: kind == .agency ? agencyKey : "person", name: name, share: share, shareReason: reason,
                                           rule: rule, circumstances: assessment, sanction: sanction, proposedSanctions: proposed)
        }
        for p in persons {
            let key = LiabilityMatterFacts.key(userID: p.userID, officerID: p.officerID, rowID: p.id)
            let line = apportionment.line(for: key)
            targets.append(try proposal(key: try p.requireID().uuidString.lowercased(), kind: .person, name: p.name,
                                        share: line?.share.rawValue ?? LiabilityShare.none.rawValue,
                                        reason: line?.reason ?? "未被适用的分责规则列明", rule: line?.rule,
                                        history: try await history(officerID: p.officerID, userID: p.userID, agencyID: nil, excluding: mid, on: req.db)))
        }
        let agencyName = try await Agency.find(m.subjectAgencyID, on: req.db)?.name ?? "被追究主体"
        targets.append(try proposal(key: agencyKey, kind: .agency, name: agencyName, share: "—", reason: "对被追究主体（机关）的处理",
                                    rule: nil, history: try await history(officerID: nil, userID: nil, agencyID: m.subjectAgencyID, excluding: mid, on: req.db)))
        for t in input.targets where !targets.contains(where: { $0.key == t.target.lowercased() }) {
            throw AppError.validation("targets", "不是本案的处理对象：\(t.target)", code: "not_found")
        }
        let (stated, _) = try await hearing(mid, on: req.db)
        let citation = RuleCitation(code: situation.entry.code, name: situation.entry.name, text: situation.entry.text, source: situation.entry.source,
                                    origin: situation.origin)
        let snapshot = LiabilityProposalSnapshot(faultSituation: citation, apportionment: apportionment, targets: targets)
        let proposalTargets = targets
        let viewsTaken = views
        let establishedCodes = established.map(\.rawValue).sorted()
        return try await req.db.transaction { tx in
            try await RowLock.liabilityMatter(mid, on: tx)
            let earlier = try await LiabilityFinding.query(on: tx).filter(\.$matterID == mid).sort(\.$seq).all()
            // 陈述申辩后不得加重 (henan 第二十四条): against the last proposal made before each person's statement.
            for t in proposalTargets where t.kind == "person" {
                guard let pid = UUID(uuidString: t.key), stated.contains(pid),
                      let before = earlier.last(where: { !$0.stated.value.contains(pid) }),
                      let prior = before.proposal.value.targets.first(where: { $0.key == t.key }) else { continue }
                try core { try DefenceGuard.check(before: prior.proposedSanctions, after: t.proposedSanctions, profile: profile) }
            }
            let f = LiabilityFinding()
            f.matterID = mid
            f.seq = (earlier.last?.seq ?? 0) + 1
            f.foundOn = foundOn.iso
            f.foundBy = a.principal.displayName
            f.faultSituation = input.faultSituation
            f.gravityLevel = input.gravityLevel
            f.reviewDue = input.reviewDue
            f.established = JSONText(establishedCodes)
            f.views = JSONText(viewsTaken)
            f.circumstances = JSONText(input.circumstances)
            f.stated = JSONText(stated.sorted { $0.uuidString < $1.uuidString })
            f.proposal = JSONText(snapshot)
            try await f.create(on: tx)
            let summary = proposalTargets.map { "\($0.name)：\($0.share)；拟处理 \(names($0.proposedSanctions, profile))" }.joined(separator: "；")
            try await req.audit(.liabilityFindings, .success, target: m.summary,
                                detail: "认定过错情形 \(situation.entry.name)（第\(f.seq)次）：\(summary)", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.findings", payload: [
                "seq": "\(f.seq)", "faultSituation": situation.entry.name, "source": situation.entry.source.description,
                "established": f.established.value.joined(separator: "、"), "gravityLevel": input.gravityLevel.map(String.init) ?? "—",
                "circumstances": input.circumstances.joined(separator: "、"), "proposal": summary, "by": a.principal.displayName,
            ], on: tx)
            return f
        }
    }

    static func names(_ codes: [String], _ profile: EffectiveProfile) -> String {
        codes.isEmpty ? "不予处理" : codes.map { profile.sanction($0)?.entry.name ?? $0 }.joined(separator: "、")
    }

    /// Codes must be in the profile's catalog for that kind of target (SANCTION_NOT_IN_PROFILE).
    static func checkSanctions(_ codes: [String], kind: TargetKind, profile: EffectiveProfile) throws {
        let options = try core { try SanctionProposer.resolve(codes, profile: profile) }
        if let wrong = options.first(where: { $0.target != kind }) {
            throw AppError.refusal(LiabilityRefusal(LiabilityRefusal.sanctionNotInProfile,
                                                    "处理方式 \(wrong.item.name) 不是本配置（\(profile.id)）对\(kind.rawValue)的处理方式", source: wrong.item.source))
        }
    }

    // MARK: hearing

    /// 告知陈述申辩权利，当事人放弃（或逾期未提出）: the person was heard without a statement.
    static func waive(_ a: LiabilityAccess.MatterAccess, personID: UUID, note raw: String?, on rawDate: String?, req: Request) async throws {
        let m = a.matter
        let mid = try m.requireID()
        guard let p = try await LiabilityPerson.find(personID, on: req.db), p.matterID == mid else {
            throw AppError.validation("personId", "不是本案的被调查人员", code: "not_found")
        }
        let note = try raw.flatMap { $0.isEmpty ? nil : try CaseText.paragraph($0, field: "note", max: 500) } ?? "已告知陈述申辩权利，本人明确放弃"
        let day = try CaseText.date(rawDate, field: "recordedOn", default: req.today, notAfter: req.today, notBefore: LocalDate(iso: m.filedOn))
        try await req.db.transaction { tx in
            let w = LiabilityHearingWaiver()
            w.matterID = mid
            w.personID = personID
            w.recordedOn = day.iso
            w.note = note
            w.recordedBy = a.principal.displayName
            try await w.create(on: tx)
            try await req.audit(.liabilityHearingWaiver, .success, target: m.summary, detail: "\(p.name)：\(note)（\(day.iso)）", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.hearing_waiver", payload: [
                "person": p.name, "date": day.iso, "note": note, "by": a.principal.displayName,
            ], on: tx)
        }
    }

    // MARK: extension of the decision deadline

    static func extend(_ a: LiabilityAccess.MatterAccess, value: Int, reason raw: String, approvedBy rawApprover: String, req: Request) async throws {
        let m = a.matter
        let mid = try m.requireID()
        try requireInvestigating(m)
        let reason = try text(raw, "reason", max: 500)
        let approver = try TextInput.name(rawApprover, field: "approvedBy", max: 50)
        guard !approver.isEmpty else { throw AppError.validation("approvedBy", "须写明批准人", code: "required") }
        let s = try await schedule(m, req: req)
        guard let due = try core({ try s.decisionDue(filedOn: day(m.filedOn), extension: value) }) else {
            throw AppError.conflict("DEADLINE_UNREGULATED", "本辖区规则配置未规定责任追究决定期限，无期限可延长")
        }
        try await req.db.transaction { tx in
            try await RowLock.liabilityMatter(mid, on: tx)
            m.extensionValue = value
            m.extensionDueOn = due.date.iso
            m.extensionReason = reason
            m.extensionApprovedBy = approver
            try await m.save(on: tx)
            try await req.audit(.liabilityExtension, .success, target: m.summary,
                                detail: "决定期限延长至 \(due.date.iso)（\(approver)批准：\(reason)）", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.extension", payload: [
                "extension": "\(value)", "due": due.date.iso, "explanation": due.explanation, "source": due.source.description,
                "reason": reason, "approvedBy": approver, "by": a.principal.displayName,
            ], on: tx)
        }
    }

    // MARK: decision (item 5)

    struct DecisionTargetInput: Sendable { var target: String; var share: String; var sanctions: [String]; var reason: String? }

    static func decide(_ a: LiabilityAccess.MatterAccess, facts rawFacts: String, reasons rawReasons: String, targets: [DecisionTargetInput],
                       req: Request) async throws -> LiabilityDecisionDocument {
        let m = a.matter
        let mid = try m.requireID()
        try requireInvestigating(m)
        try await requireInvestigators(m, req: req)
        let facts = try text(rawFacts, "facts", max: 4000)
        let reasons = try text(rawReasons, "reasons", max: 4000)
        guard !targets.isEmpty else { throw AppError.validation("targets", "至少对一名被调查人员或被追究主体作出决定", code: "required") }
        guard Set(targets.map { $0.target.lowercased() }).count == targets.count else {
            throw AppError.validation("targets", "同一处理对象只能决定一次", code: "duplicate")
        }
        let profile = try LiabilityMatterService.profileOrFail(m, services: req.application.services)
        let findings = try await LiabilityFinding.query(on: req.db).filter(\.$matterID == mid).sort(\.$seq).all()
        guard let latest = findings.last else {
            throw AppError.conflict("FINDINGS_REQUIRED", "尚未认定过错情形并生成处理建议，不能作出决定")
        }
        let snapshot = latest.proposal.value
        let (stated, waived) = try await hearing(mid, on: req.db)
        let persons = try await LiabilityPerson.query(on: req.db).filter(\.$matterID == mid).all()
        var rows: [LiabilityTargetDecision] = []
        for t in targets {
            let key = t.target.lowercased()
            guard let proposal = snapshot.targets.first(where: { $0.key == key }) else {
                throw AppError.validation("targets", "不是本案的处理对象：\(t.target)", code: "not_found")
            }
            let kind: TargetKind = proposal.kind == agencyKey ? .agency : .person
            let share = t.share.trimmingCharacters(in: .whitespaces)
            guard LiabilityShare(rawValue: share) != nil || (kind == .agency && share == "—") else {
                throw AppError.validation("share", "责任须为 全部、主要、次要、共同、相应 或 不承担", code: "enum")
            }
            try checkSanctions(t.sanctions, kind: kind, profile: profile)
            let person = persons.first { $0.id?.uuidString.lowercased() == key }
            if let person, let pid = person.id {
                // 未听取陈述申辩不得作出决定.
                guard stated.contains(pid) || waived.contains(pid) else {
                    throw AppError.conflict("HEARING_REQUIRED", "\(person.name)尚未陈述申辩，也没有告知后放弃的记录，不能作出决定")
                }
                if stated.contains(pid), let before = findings.last(where: { !$0.stated.value.contains(pid) }),
                   let prior = before.proposal.value.targets.first(where: { $0.key == key }) {
                    try core { try DefenceGuard.check(before: prior.proposedSanctions, after: t.sanctions, profile: profile) }
                }
            }
            let differs = share != proposal.share || Set(t.sanctions) != Set(proposal.proposedSanctions)
            let reason = try t.reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : try CaseText.paragraph($0, field: "reason", max: 1000) }
            if differs && reason == nil {
                throw AppError("REASON_REQUIRED", .unprocessableEntity,
                               "对\(proposal.name)的决定（\(share)；\(names(t.sanctions, profile))）与处理建议（\(proposal.share)；\(names(proposal.proposedSanctions, profile))）不同，须写明理由")
            }
            let d = LiabilityTargetDecision()
            d.matterID = mid
            d.targetKey = key
            d.targetKind = proposal.kind
            d.personID = person?.id
            d.officerID = person?.officerID
            d.userID = person?.userID
            d.agencyID = kind == .agency ? m.subjectAgencyID : nil
            d.name = proposal.name
            d.proposedShare = proposal.share
            d.proposedSanctions = JSONText(proposal.proposedSanctions)
            d.share = share
            d.sanctions = JSONText(t.sanctions)
            d.differsReason = differs ? reason : nil
            d.status = LiabilityTargetStatus.decided.rawValue
            d.decidedOn = req.today.iso
            d.consequences = JSONText([])
            rows.append(d)
        }
        let s = try await schedule(m, req: req)
        let filing = try core { try s.filingDue(decidedOn: req.today) }
        let collective = try core { try s.collectiveDecisionDue(concludedOn: day(latest.foundOn)) }
        var basis = ["过错情形：\(snapshot.faultSituation.name)（\(snapshot.faultSituation.source)）"]
        for r in snapshot.apportionment.governing { basis.append("责任划分：\(r.name)（\(r.source)）") }
        for t in snapshot.targets where rows.contains(where: { $0.targetKey == t.key }) {
            basis.append("对\(t.name)的处理：\(t.sanction.summary)")
        }
        let appealText = appealRights(profile)
        let decided = rows
        let basisLines = basis
        let services = req.application.services
        return try await req.db.transaction { tx in
            try await RowLock.liabilityMatter(mid, on: tx)
            guard let fresh = try await LiabilityMatter.find(mid, on: tx), fresh.status == "investigating" else {
                throw AppError.conflict("MATTER_ALREADY_DECIDED", "本案已作出责任追究决定")
            }
            guard let agency = try await Agency.find(m.pursuingAgencyID ?? m.subjectAgencyID, on: tx) else { throw AppError.notFound }
            let doc = LiabilityDecisionDocument()
            doc.matterID = mid
            doc.findingID = try latest.requireID()
            doc.number = try await DocumentNumbers.next(.liability, agency: agency, year: req.today.year, on: tx)
            doc.decidedOn = req.today.iso
            doc.decidedBy = a.principal.displayName
            doc.facts = facts
            doc.reasons = reasons
            doc.basis = JSONText(basisLines)
            doc.appealText = appealText
            doc.filingDueOn = filing?.date.iso
            doc.filingRule = filing.map(rule)
            doc.filingSource = filing?.source.description
            doc.collectiveDueOn = collective?.date.iso
            doc.collectiveRule = collective.map(rule)
            doc.collectiveSource = collective?.source.description
            try await doc.create(on: tx)
            fresh.status = "decided"
            try await fresh.save(on: tx)
            m.status = "decided"
            for d in decided {
                d.documentID = try doc.requireID()
                try await d.create(on: tx)
                try await sync(d, doc: doc, m: fresh, profile: profile, req: req, on: tx)
            }
            let summary = decided.map { "\($0.name)：\($0.share)；\(names($0.sanctions.value, profile))" + ($0.differsReason.map { "（与建议不同：\($0)）" } ?? "") }
                .joined(separator: "；")
            try await req.audit(.liabilityDecision, .success, target: m.summary, detail: "\(doc.number)：\(summary)", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.decision", payload: [
                "number": doc.number, "decidedOn": doc.decidedOn, "decisions": summary, "facts": facts, "reasons": reasons,
                "basis": basisLines.joined(separator: "；"), "appeal": appealText, "filingDue": doc.filingDueOn ?? "未规定",
                "findings": "\(latest.seq)", "by": a.principal.displayName,
            ], on: tx)
            _ = services
            return doc
        }
    }

    /// The appeal rights as the document states them: the window (`liability_appeal_window`) and the body
    /// (`liability_appeal_body`); 未规定 where the profile is silent.
    static func appealRights(_ profile: EffectiveProfile) -> String {
        let window = profile.deadline(LiabilityCodes.appealWindow).map { "自收到本决定书之日起\($0.entry.display)内（\($0.entry.source)）" }
            ?? "申诉（复核）期限：未规定"
        let body = profile.provision(LiabilityCodes.appealBody).map { "\($0.entry.name)：\($0.entry.text)（\($0.entry.source)）" }
            ?? "受理机关：未规定"
        return "被处理人对本决定不服的，可以提出复核或者申诉。\(window)；\(body)。"
    }

    // MARK: consequences

    /// Brings the platform to what the plan for the decision's current sanctions and status allows
    /// (`LiabilityConsequences.sync`), and keeps the returned states for the decision page.
    static func sync(_ d: LiabilityTargetDecision, doc: LiabilityDecisionDocument, m: LiabilityMatter, profile: EffectiveProfile,
                     req: Request, on tx: any Database) async throws {
        let status = LiabilityTargetStatus(rawValue: d.status) ?? .decided
        let plan = try core { try ConsequencesPlan.plan(sanctions: status == .revoked ? [] : d.sanctions.value, status: status.core, profile: profile) }
        let states = try await LiabilityConsequences.sync(LiabilityConsequenceRequest(
            decisionID: try d.requireID(), matterID: try m.requireID(), officerID: d.officerID, agencyID: d.agencyID,
            documentNumber: doc.number, decidedOn: day(doc.decidedOn), plan: plan), req: req, on: tx)
        d.consequences = JSONText(states)
        try await d.save(on: tx)
    }

    static func decision(_ a: LiabilityAccess.MatterAccess, _ id: UUID, on db: any Database) async throws -> (LiabilityTargetDecision, LiabilityDecisionDocument) {
        guard let d = try await LiabilityTargetDecision.find(id, on: db), d.matterID == a.matter.id,
              let doc = try await LiabilityDecisionDocument.find(d.documentID, on: db) else { throw AppError.notFound }
        return (d, doc)
    }

    static func document(_ m: LiabilityMatter, on db: any Database) async throws -> LiabilityDecisionDocument {
        guard let doc = try await LiabilityDecisionDocument.query(on: db).filter(\.$matterID == m.requireID()).first() else {
            throw AppError.conflict("DECISION_REQUIRED", "本案尚未作出责任追究决定")
        }
        return doc
    }

    // MARK: service (送达)

    static func serve(_ a: LiabilityAccess.MatterAccess, decisionID: UUID, servedOn raw: String?, manner rawManner: String, recipient rawRecipient: String,
                      req: Request) async throws {
        let m = a.matter
        let mid = try m.requireID()
        let (d, doc) = try await decision(a, decisionID, on: req.db)
        guard d.status == LiabilityTargetStatus.decided.rawValue else {
            throw AppError.conflict("ALREADY_SERVED", "\(d.name)的决定已送达")
        }
        let servedOn = try CaseText.date(raw, field: "servedOn", default: req.today, notAfter: req.today, notBefore: day(doc.decidedOn))
        let manner = try TextInput.name(rawManner, field: "manner", max: 50)
        let recipient = try TextInput.name(rawRecipient, field: "recipient", max: 50)
        guard !manner.isEmpty else { throw AppError.validation("manner", "须写明送达方式", code: "required") }
        guard !recipient.isEmpty else { throw AppError.validation("recipient", "须写明受送达人", code: "required") }
        let profile = try LiabilityMatterService.profileOrFail(m, services: req.application.services)
        let s = try await schedule(m, req: req)
        let window = try core { try s.appealWindowEnd(receivedOn: servedOn) }
        try await req.db.transaction { tx in
            d.status = LiabilityTargetStatus.served.rawValue
            d.servedOn = servedOn.iso
            d.serviceManner = manner
            d.serviceRecipient = recipient
            d.appealWindowEnd = window?.date.iso
            d.appealWindowRule = window.map(rule)
            d.appealWindowSource = window?.source.description
            try await sync(d, doc: doc, m: m, profile: profile, req: req, on: tx)
            try await req.audit(.liabilityService, .success, target: m.summary,
                                detail: "\(doc.number) 送达\(d.name)（\(servedOn.iso)，\(manner)，受送达人 \(recipient)）", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.service", payload: [
                "number": doc.number, "target": d.name, "servedOn": servedOn.iso, "manner": manner, "recipient": recipient,
                "appealWindowEnd": window?.date.iso ?? "未规定", "by": a.principal.displayName,
            ], on: tx)
        }
    }

    /// Served decisions whose appeal window has passed with no appeal become final (computed on read).
    static func settle(_ m: LiabilityMatter, req: Request) async throws {
        let mid = try m.requireID()
        let served = try await LiabilityTargetDecision.query(on: req.db).filter(\.$matterID == mid)
            .filter(\.$status == LiabilityTargetStatus.served.rawValue).filter(\.$appealWindowEnd != nil)
            .filter(\.$appealWindowEnd < req.today.iso).all()
        guard !served.isEmpty, let profile = LiabilityMatterService.profile(m, services: req.application.services) else { return }
        for d in served {
            guard try await LiabilityAppeal.query(on: req.db).filter(\.$decisionID == d.requireID()).first() == nil,
                  let doc = try await LiabilityDecisionDocument.find(d.documentID, on: req.db) else { continue }
            try await req.db.transaction { tx in
                d.status = LiabilityTargetStatus.final.rawValue
                try await sync(d, doc: doc, m: m, profile: profile, req: req, on: tx)
                try await req.audit(.liabilityFinal, .success, target: m.summary,
                                    detail: "\(doc.number) 对\(d.name)的决定生效（申诉期限 \(d.appealWindowEnd ?? "") 届满未申诉）", on: tx)
                try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.final", payload: [
                    "number": doc.number, "target": d.name, "windowEnd": d.appealWindowEnd ?? "", "by": "system",
                ], on: tx)
            }
        }
    }

    // MARK: appeals (item 7)

    static func appeal(_ a: LiabilityAccess.MatterAccess, decisionID: UUID, lodgedOn raw: String?, grounds rawGrounds: String, req: Request) async throws {
        let m = a.matter
        let mid = try m.requireID()
        let (d, doc) = try await decision(a, decisionID, on: req.db)
        if !a.isActor {
            guard let own = a.ownPerson, own.id == d.personID else {
                throw AppError("APPEAL_NOT_OWN", .forbidden, "只能对本人的处理决定提出复核或申诉")
            }
        }
        if try await LiabilityAppeal.query(on: req.db).filter(\.$decisionID == decisionID).first() != nil {
            throw AppError.conflict("APPEAL_EXISTS", "\(d.name)已对该决定提出复核或申诉")
        }
        guard let servedOnISO = d.servedOn, d.status != LiabilityTargetStatus.revoked.rawValue else {
            throw AppError.conflict("DECISION_NOT_SERVED", "处理决定尚未送达，申诉（复核）期限尚未起算")
        }
        let servedOn = day(servedOnISO)
        let lodgedOn = try CaseText.date(raw, field: "lodgedOn", default: req.today, notAfter: req.today, notBefore: servedOn)
        let grounds = try text(rawGrounds, "grounds", max: 4000)
        let profile = try LiabilityMatterService.profileOrFail(m, services: req.application.services)
        let s = try await schedule(m, req: req)
        if let window = try core({ try s.appealWindowEnd(receivedOn: servedOn) }), lodgedOn > window.date {
            throw AppError.conflict("APPEAL_WINDOW_PASSED",
                                    "申诉（复核）期限已于 \(window.date.iso) 届满（\(window.name)：\(window.period)，自 \(servedOn.iso) 收到决定书起算；依据：\(window.source)）")
        }
        let due = try core { try s.appealDecisionDue(appealedOn: lodgedOn) }
        let body = profile.provision(LiabilityCodes.appealBody)
        try await req.db.transaction { tx in
            let ap = LiabilityAppeal()
            ap.decisionID = decisionID
            ap.matterID = mid
            ap.lodgedOn = lodgedOn.iso
            ap.lodgedBy = a.principal.displayName
            ap.grounds = grounds
            ap.reviewingBody = body.map { "\($0.entry.name)：\($0.entry.text)" } ?? "未规定"
            ap.reviewingSource = body?.entry.source.description
            ap.dueOn = due?.date.iso
            ap.dueRule = due.map(rule)
            ap.dueSource = due?.source.description
            ap.extensionValue = 0
            try await ap.create(on: tx)
            d.status = LiabilityTargetStatus.underAppeal.rawValue
            try await sync(d, doc: doc, m: m, profile: profile, req: req, on: tx)
            try await req.audit(.liabilityAppeal, .success, target: m.summary, detail: "\(d.name)对 \(doc.number) 提出复核或申诉（\(lodgedOn.iso)）", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.appeal", payload: [
                "number": doc.number, "target": d.name, "lodgedOn": lodgedOn.iso, "grounds": grounds, "reviewingBody": ap.reviewingBody,
                "due": due?.date.iso ?? "未规定", "by": a.principal.displayName,
            ], on: tx)
        }
    }

    static func appealOf(_ d: LiabilityTargetDecision, on db: any Database) async throws -> LiabilityAppeal {
        guard let ap = try await LiabilityAppeal.query(on: db).filter(\.$decisionID == d.requireID()).first() else {
            throw AppError.conflict("NO_APPEAL", "\(d.name)未对该决定提出复核或申诉")
        }
        return ap
    }

    static func extendAppeal(_ a: LiabilityAccess.MatterAccess, decisionID: UUID, value: Int, reason raw: String, approvedBy rawApprover: String,
                             req: Request) async throws {
        let m = a.matter
        let (d, _) = try await decision(a, decisionID, on: req.db)
        let ap = try await appealOf(d, on: req.db)
        guard ap.outcome == nil else { throw AppError.conflict("APPEAL_DECIDED", "复核（申诉）已作出决定") }
        let reason = try text(raw, "reason", max: 500)
        let approver = try TextInput.name(rawApprover, field: "approvedBy", max: 50)
        guard !approver.isEmpty else { throw AppError.validation("approvedBy", "须写明批准人", code: "required") }
        let s = try await schedule(m, req: req)
        guard let due = try core({ try s.appealDecisionDue(appealedOn: day(ap.lodgedOn), extension: value) }) else {
            throw AppError.conflict("DEADLINE_UNREGULATED", "本辖区规则配置未规定复核（申诉）决定期限，无期限可延长")
        }
        try await req.db.transaction { tx in
            ap.extensionValue = value
            ap.extensionReason = reason
            ap.extensionApprovedBy = approver
            ap.dueOn = due.date.iso
            try await ap.save(on: tx)
            try await req.audit(.liabilityAppealExtension, .success, target: m.summary,
                                detail: "\(d.name)的复核（申诉）决定期限延长至 \(due.date.iso)（\(approver)批准：\(reason)）", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(try m.requireID()), kind: "liability.appeal_extension", payload: [
                "target": d.name, "extension": "\(value)", "due": due.date.iso, "reason": reason, "approvedBy": approver, "by": a.principal.displayName,
            ], on: tx)
        }
    }

    enum AppealOutcome: String, CaseIterable, Codable, Sendable {
        case upheld, changed, revoked
        var label: String { self == .upheld ? "维持" : (self == .changed ? "变更" : "撤销") }
    }

    static func decideAppeal(_ a: LiabilityAccess.MatterAccess, decisionID: UUID, outcome: AppealOutcome, sanctions: [String]?, share: String?,
                             reason raw: String?, req: Request) async throws {
        let m = a.matter
        let (d, doc) = try await decision(a, decisionID, on: req.db)
        let ap = try await appealOf(d, on: req.db)
        guard ap.outcome == nil else { throw AppError.conflict("APPEAL_DECIDED", "复核（申诉）已作出决定") }
        let profile = try LiabilityMatterService.profileOrFail(m, services: req.application.services)
        let reason = try raw.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : try CaseText.paragraph($0, field: "reason", max: 2000) }
        if outcome != .upheld && reason == nil {
            throw AppError("REASON_REQUIRED", .unprocessableEntity, "\(outcome.label)原决定须写明理由")
        }
        var newSanctions = d.sanctions.value
        if outcome == .changed {
            guard let sanctions else { throw AppError.validation("sanctions", "变更须写明新的处理方式（可为空表示不予处理）", code: "required") }
            try checkSanctions(sanctions, kind: d.targetKind == agencyKey ? .agency : .person, profile: profile)
            newSanctions = sanctions
            if let share, LiabilityShare(rawValue: share) == nil, !(d.targetKind == agencyKey && share == "—") {
                throw AppError.validation("share", "责任须为 全部、主要、次要、共同、相应 或 不承担", code: "enum")
            }
        }
        let changedTo = newSanctions
        try await req.db.transaction { tx in
            let newSanctions = changedTo
            ap.outcome = outcome.rawValue
            ap.outcomeSanctions = outcome == .changed ? JSONText(newSanctions) : nil
            ap.outcomeReason = reason
            ap.decidedOn = req.today.iso
            ap.decidedBy = a.principal.displayName
            try await ap.save(on: tx)
            let before = d.sanctions.value
            if outcome == .changed {
                d.sanctions = JSONText(newSanctions)
                if let share { d.share = share }
            }
            d.status = (outcome == .revoked ? LiabilityTargetStatus.revoked : .final).rawValue
            try await sync(d, doc: doc, m: m, profile: profile, req: req, on: tx)
            let detail = "\(d.name)的复核（申诉）决定：\(outcome.label)" + (outcome == .changed ? "（\(names(before, profile)) → \(names(newSanctions, profile))）" : "")
                + (reason.map { "；理由：\($0)" } ?? "")
            try await req.audit(.liabilityAppealDecision, .success, target: m.summary, detail: detail, on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(try m.requireID()), kind: "liability.appeal_decision", payload: [
                "number": doc.number, "target": d.name, "outcome": outcome.label, "sanctions": names(d.sanctions.value, profile),
                "reason": reason ?? "", "decidedOn": req.today.iso, "late": ap.dueOn.map { $0 < req.today.iso ? "逾期" : "" } ?? "",
                "by": a.principal.displayName,
            ], on: tx)
        }
    }

    // MARK: 备案, execution, closing

    static func file(_ a: LiabilityAccess.MatterAccess, filedOn raw: String?, office rawOffice: String, req: Request) async throws {
        let m = a.matter
        let doc = try await document(m, on: req.db)
        guard doc.filedOn == nil else { throw AppError.conflict("ALREADY_FILED", "已于 \(doc.filedOn ?? "") 备案") }
        let filedOn = try CaseText.date(raw, field: "filedOn", default: req.today, notAfter: req.today, notBefore: day(doc.decidedOn))
        let office = try TextInput.name(rawOffice, field: "office", max: 100)
        guard !office.isEmpty else { throw AppError.validation("office", "须写明备案机关", code: "required") }
        try await req.db.transaction { tx in
            doc.filedOn = filedOn.iso
            doc.filedWith = office
            doc.filedBy = a.principal.displayName
            try await doc.save(on: tx)
            let late = doc.filingDueOn.map { filedOn.iso > $0 } ?? false
            try await req.audit(.liabilityFiling, .success, target: m.summary,
                                detail: "\(doc.number) 报\(office)备案（\(filedOn.iso)\(late ? "，已逾期" : "")）", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(try m.requireID()), kind: "liability.filing", payload: [
                "number": doc.number, "filedOn": filedOn.iso, "office": office, "due": doc.filingDueOn ?? "未规定", "late": late ? "是" : "否",
                "by": a.principal.displayName,
            ], on: tx)
        }
    }

    enum ExecutionOutcome: String, CaseIterable, Codable, Sendable {
        case executed, refused
        var label: String { self == .executed ? "已执行" : "拒不执行" }
    }

    /// 执行情况反馈. A refusal is recorded and, where the profile has `liability_refusal_escalates` (hangzhou 第五十一条),
    /// opens an intake item against the refusing body (source kind `execution_refused`, once per document).
    static func execution(_ a: LiabilityAccess.MatterAccess, outcome: ExecutionOutcome, text raw: String, on rawDate: String?, req: Request) async throws {
        let m = a.matter
        let mid = try m.requireID()
        let doc = try await document(m, on: req.db)
        guard doc.executionOutcome != ExecutionOutcome.executed.rawValue else { throw AppError.conflict("ALREADY_EXECUTED", "已反馈执行情况") }
        let content = try text(raw, "text", max: 4000)
        let on = try CaseText.date(rawDate, field: "date", default: req.today, notAfter: req.today, notBefore: day(doc.decidedOn))
        let profile = try LiabilityMatterService.profileOrFail(m, services: req.application.services)
        let escalates = outcome == .refused ? profile.provision(LiabilityCodes.refusalEscalates) : nil
        try await req.db.transaction { tx in
            doc.executionOutcome = outcome.rawValue
            doc.executionOn = on.iso
            doc.executionText = content
            if let escalates, doc.escalationIntakeID == nil {
                let kind = LiabilitySourceKind.executionRefused.rawValue
                let docID = try doc.requireID()
                if let existing = try await LiabilityIntake.query(on: tx).filter(\.$sourceKind == kind).filter(\.$sourceID == docID).first() {
                    doc.escalationIntakeID = existing.id
                } else {
                    let agencyName = try await Agency.find(m.subjectAgencyID, on: tx)?.name ?? ""
                    let item = LiabilityIntake()
                    item.id = UUID()
                    item.sourceKind = kind
                    item.sourceID = docID
                    item.caseID = m.caseID
                    item.agencyID = m.subjectAgencyID
                    item.openedOn = on.iso
                    item.summary = String("\(agencyName)拒不执行责任追究决定 \(doc.number)：\(content)（依据：\(escalates.entry.name)，\(escalates.entry.source)）".prefix(1000))
                    item.status = LiabilityIntakeStatus.pending.rawValue
                    try await item.create(on: tx)
                    doc.escalationIntakeID = item.id
                    try await req.record(stream: LiabilityJournal.intakeStream(try item.requireID()), kind: "liability.execution_refused", payload: [
                        "matter": mid.uuidString.lowercased(), "number": doc.number, "summary": item.summary, "by": a.principal.displayName,
                    ], on: tx)
                }
            }
            try await doc.save(on: tx)
            try await req.audit(.liabilityExecution, .success, target: m.summary,
                                detail: "\(doc.number) 执行情况：\(outcome.label)（\(on.iso)）" + (escalates.map { "；按\($0.entry.source)转为线索" } ?? ""), on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.execution", payload: [
                "number": doc.number, "outcome": outcome.label, "date": on.iso, "text": content,
                "escalation": doc.escalationIntakeID?.uuidString.lowercased() ?? "", "by": a.principal.displayName,
            ], on: tx)
        }
    }

    static func close(_ a: LiabilityAccess.MatterAccess, report raw: String, req: Request) async throws {
        let m = a.matter
        let mid = try m.requireID()
        let doc = try await document(m, on: req.db)
        guard m.status != "closed" else { throw AppError.conflict("MATTER_CLOSED", "本案已结案") }
        let report = try text(raw, "report", max: 4000)
        let open = try await LiabilityTargetDecision.query(on: req.db).filter(\.$matterID == mid).all()
            .filter { ![LiabilityTargetStatus.final.rawValue, LiabilityTargetStatus.revoked.rawValue].contains($0.status) }
        guard open.isEmpty else {
            throw AppError.conflict("MATTER_NOT_READY_TO_CLOSE", "尚有决定未生效：\(open.map(\.name).joined(separator: "、"))")
        }
        guard doc.executionOutcome == ExecutionOutcome.executed.rawValue else {
            throw AppError.conflict("MATTER_NOT_READY_TO_CLOSE", "尚未反馈决定已执行，不能结案")
        }
        try await req.db.transaction { tx in
            try await RowLock.liabilityMatter(mid, on: tx)
            doc.closedOn = req.today.iso
            doc.closingReport = report
            doc.closedBy = a.principal.displayName
            try await doc.save(on: tx)
            m.status = "closed"
            try await m.save(on: tx)
            try await req.audit(.liabilityClose, .success, target: m.summary, detail: "结案（\(doc.number)）：\(report)", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.closed", payload: [
                "number": doc.number, "closedOn": req.today.iso, "report": report, "by": a.principal.displayName,
            ], on: tx)
        }
    }
}

extension RowLock {
    static func liabilityMatter(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(LiabilityMatter.schema).set("status", to: SQLIdentifier("status")).where("id", .equal, id).run()
    }
}

extension LiabilityDecisionService.FindingsInput {
    init(api i: LiabilityFindingsInput) throws {
        var views: [LiabilityDecisionService.ViewInput] = []
        for v in i.views ?? [] {
            guard let view = CollectiveView(rawValue: v.view) else {
                throw AppError.validation("views", "意见须为 支持错误意见、持正确意见 或 未表态", code: "enum")
            }
            views.append(.init(personID: v.personId, view: view))
        }
        self.init(faultSituation: i.faultSituation, established: i.established ?? [], reviewDue: i.reviewDue ?? false, views: views,
                  circumstances: i.circumstances ?? [], gravityLevel: i.gravityLevel,
                  targets: (i.targets ?? []).map { .init(target: $0.target, circumstances: $0.circumstances ?? [], sanctions: $0.sanctions) })
    }
}
