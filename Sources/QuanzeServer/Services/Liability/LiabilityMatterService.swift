import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// The investigation of a matter (issue 6 item 3): persons concerned, investigators and recusals, evidence and
/// interviews (record log only), statements (陈述申辩). Every step is audited and recorded in `liability:<uuid>`.
enum LiabilityMatterService {
    static func profile(_ m: LiabilityMatter, services: AppServices) -> EffectiveProfile? {
        services.profiles.effective(id: m.profileID)
    }

    /// The matter's active investigators; fewer than the profile's minimum (henan 第二十二条, hangzhou 第四十七条)
    /// is refused with INVESTIGATORS_BELOW_MINIMUM — evidence, interviews and conclusions all need them.
    static func activeInvestigators(_ m: LiabilityMatter, req: Request) async throws -> [LiabilityInvestigator] {
        let active = try await LiabilityInvestigator.query(on: req.db).filter(\.$matterID == m.requireID()).filter(\.$status == "active").all()
        if let min = LiabilityProfileRules.investigatorsMinimum(profile(m, services: req.application.services)), active.count < min.value {
            throw AppError.conflict("INVESTIGATORS_BELOW_MINIMUM",
                                    "调查人员不得少于\(min.value)\(min.unit)（现有 \(active.count) 人；依据：\(min.source.description)）")
        }
        return active
    }

    /// The matter's profile; a profile id the registry no longer has is refused (409), never skipped.
    static func profileOrFail(_ m: LiabilityMatter, services: AppServices) throws -> EffectiveProfile {
        guard let p = profile(m, services: services) else {
            throw AppError.conflict("PROFILE_UNKNOWN", "责任追究案件适用的规则配置（\(m.profileID)）不存在")
        }
        return p
    }

    /// A person added by hand (an officer or an account of the jurisdiction).
    static func addPerson(_ a: LiabilityAccess.MatterAccess, officerID: UUID?, userID: UUID?, note raw: String?, req: Request) async throws -> LiabilityPerson {
        let m = a.matter
        let mid = try m.requireID()
        guard (officerID == nil) != (userID == nil) else {
            throw AppError.validation("officerId", "须且只能指定一名执法人员或一个账号", code: "required")
        }
        let note = try raw.flatMap { $0.isEmpty ? nil : try CaseText.paragraph($0, field: "note", max: 500) } ?? "人工添加"
        let person = LiabilityPerson()
        person.matterID = mid
        person.role = LiabilityPersonRole.other.rawValue
        person.origin = "manual"
        person.note = note
        person.addedBy = a.principal.displayName
        if let officerID {
            guard let o = try await Officer.find(officerID, on: req.db), let ag = try await Agency.find(o.$agency.id, on: req.db),
                  ag.$jurisdiction.id == m.jurisdictionID else {
                throw AppError.validation("officerId", "执法人员不存在或不在本辖区", code: "not_found")
            }
            person.officerID = officerID
            person.userID = o.$user.id
            person.name = o.name
            person.agencyID = o.$agency.id
        } else if let userID {
            guard let u = try await User.find(userID, on: req.db), try await inJurisdiction(u, m.jurisdictionID, on: req.db) else {
                throw AppError.validation("userId", "账号不存在或不在本辖区", code: "not_found")
            }
            person.userID = userID
            person.officerID = try await Officer.query(on: req.db).filter(\.$user.$id == userID).first()?.id
            person.name = u.displayName
            person.agencyID = u.$agency.id
        }
        return try await req.db.transaction { tx in
            let existing = try await LiabilityPerson.query(on: tx).filter(\.$matterID == mid).all()
            if existing.contains(where: { ($0.officerID != nil && $0.officerID == person.officerID) || ($0.userID != nil && $0.userID == person.userID) }) {
                throw AppError.conflict("PERSON_ALREADY_ADDED", "\(person.name)已是本案被调查人员")
            }
            try await person.create(on: tx)
            try await req.audit(.liabilityPersonAdd, .success, target: m.summary, detail: "添加被调查人员 \(person.name)：\(note)", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.person_add", payload: [
                "person": person.name, "role": person.role, "note": note, "by": a.principal.displayName,
            ], on: tx)
            return person
        }
    }

    static func inJurisdiction(_ u: User, _ jurisdictionID: UUID, on db: any Database) async throws -> Bool {
        if u.$jurisdiction.id == jurisdictionID { return true }
        if let agencyID = u.$agency.id, let ag = try await Agency.find(agencyID, on: db) { return ag.$jurisdiction.id == jurisdictionID }
        return false
    }

    /// Appoints an investigator; one who must recuse is refused (409 INVESTIGATOR_CONFLICT) and the detected
    /// recusal is recorded.
    static func appoint(_ a: LiabilityAccess.MatterAccess, userID: UUID, req: Request) async throws -> LiabilityInvestigator {
        let m = a.matter
        let mid = try m.requireID()
        guard let u = try await User.find(userID, on: req.db), !u.isDisabled, try await inJurisdiction(u, m.jurisdictionID, on: req.db) else {
            throw AppError.validation("userId", "账号不存在、已停用或不在本辖区", code: "not_found")
        }
        if try await LiabilityInvestigator.query(on: req.db).filter(\.$matterID == mid).filter(\.$userID == userID).first() != nil {
            throw AppError.conflict("INVESTIGATOR_ALREADY_APPOINTED", "\(u.displayName)已被指定为（或曾为）本案调查人员")
        }
        if let r = try await LiabilityRecusal.query(on: req.db).filter(\.$matterID == mid).filter(\.$userID == userID).first() {
            throw AppError.conflict("INVESTIGATOR_RECUSED", "\(u.displayName)已回避（\(r.reason)），不能指定为调查人员")
        }
        // 回避 (henan 第二十二条, hangzhou 第四十七条): the Core rule on the matter's facts.
        let facts = try await LiabilityMatterFacts.facts(m, on: req.db)
        let report = RecusalCheck.check(investigators: [try await LiabilityMatterFacts.investigator(u, on: req.db)], facts: facts,
                                        profile: try profileOrFail(m, services: req.application.services))
        let reasons = report.findings.map(\.text)
        if !reasons.isEmpty {
            let reason = reasons.joined(separator: "；")
            try await req.db.transaction { tx in
                let r = LiabilityRecusal()
                r.matterID = mid
                r.userID = userID
                r.name = u.displayName
                r.kind = "detected"
                r.reason = reason
                r.recordedOn = req.today.iso
                r.recordedBy = "系统检测"
                try await r.create(on: tx)
                try await req.audit(.liabilityInvestigatorAppoint, .failure, target: m.summary, detail: "\(u.displayName)应当回避：\(reason)", on: tx)
                try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.recusal_detected", payload: [
                    "investigator": u.displayName, "reason": reason, "by": a.principal.displayName,
                ], on: tx)
            }
            throw AppError.conflict("INVESTIGATOR_CONFLICT", "\(u.displayName)应当回避，不能担任调查人员：\(reason)")
        }
        return try await req.db.transaction { tx in
            let i = LiabilityInvestigator()
            i.matterID = mid
            i.userID = userID
            i.name = u.displayName
            i.status = "active"
            i.appointedOn = req.today.iso
            i.appointedBy = a.principal.displayName
            try await i.create(on: tx)
            try await req.audit(.liabilityInvestigatorAppoint, .success, target: m.summary, detail: "指定调查人员 \(u.displayName)", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.investigator_appoint", payload: [
                "investigator": u.displayName, "on": req.today.iso, "by": a.principal.displayName,
            ], on: tx)
            return i
        }
    }

    /// A declared recusal (申请回避 / 自行回避): recorded with its reason; an active investigator steps down.
    static func declareRecusal(_ a: LiabilityAccess.MatterAccess, userID: UUID, reason raw: String, req: Request) async throws -> LiabilityRecusal {
        let m = a.matter
        let mid = try m.requireID()
        let reason = try CaseText.paragraph(raw, field: "reason", max: 500)
        guard let u = try await User.find(userID, on: req.db) else { throw AppError.validation("userId", "账号不存在", code: "not_found") }
        return try await req.db.transaction { tx in
            if let i = try await LiabilityInvestigator.query(on: tx).filter(\.$matterID == mid).filter(\.$userID == userID).filter(\.$status == "active").first() {
                i.status = "recused"
                try await i.save(on: tx)
            }
            let r = LiabilityRecusal()
            r.matterID = mid
            r.userID = userID
            r.name = u.displayName
            r.kind = "declared"
            r.reason = reason
            r.recordedOn = req.today.iso
            r.recordedBy = a.principal.displayName
            try await r.create(on: tx)
            try await req.audit(.liabilityRecusal, .success, target: m.summary, detail: "\(u.displayName)回避：\(reason)", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.recusal_declared", payload: [
                "investigator": u.displayName, "reason": reason, "by": a.principal.displayName,
            ], on: tx)
            return r
        }
    }

    enum EvidenceKind: String, CaseIterable, Codable, Sendable {
        case evidence, interview
        var label: String { self == .evidence ? "证据" : "询问（谈话）笔录" }
    }

    /// Evidence or an interview, recorded in the tamper-evident record only. Needs the profile's minimum of
    /// active investigators (409 INVESTIGATORS_BELOW_MINIMUM); where the profile is silent no minimum is enforced.
    static func recordEvidence(_ a: LiabilityAccess.MatterAccess, kind: EvidenceKind, title rawTitle: String, content rawContent: String,
                               on rawDate: String?, req: Request) async throws -> RecordEntry {
        let m = a.matter
        let mid = try m.requireID()
        let title = try TextInput.name(rawTitle, field: "title", max: 100)
        guard !title.isEmpty else { throw AppError.validation("title", "不能为空", code: "required") }
        let content = try CaseText.paragraph(rawContent, field: "content", max: 4000)
        let day = try CaseText.date(rawDate, field: "date", default: req.today, notAfter: req.today, notBefore: LocalDate(iso: m.filedOn))
        let active = try await activeInvestigators(m, req: req)
        return try await req.db.transaction { tx in
            try await req.audit(.liabilityEvidence, .success, target: m.summary, detail: "\(kind.label)：\(title)", on: tx)
            return try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.\(kind.rawValue)", payload: [
                "title": title, "content": content, "date": day.iso, "investigators": active.map(\.name).joined(separator: "、"),
                "by": a.principal.displayName,
            ], on: tx)
        }
    }

    /// 陈述申辩: a person concerned submits their own; the pursuer may record one on a person's behalf.
    static func statement(_ a: LiabilityAccess.MatterAccess, personID: UUID?, text raw: String, on rawDate: String?, req: Request) async throws -> LiabilityStatement {
        let m = a.matter
        let mid = try m.requireID()
        let person: LiabilityPerson
        if let own = a.ownPerson, !a.isActor || personID == nil || personID == own.id {
            if let personID, personID != own.id { throw AppError("STATEMENT_NOT_OWN", .forbidden, "只能提交本人的陈述申辩") }
            person = own
        } else {
            guard a.isActor else { throw AppError("STATEMENT_NOT_OWN", .forbidden, "只能提交本人的陈述申辩") }
            guard let personID else { throw AppError.validation("personId", "请选择陈述申辩的被调查人员", code: "required") }
            guard let p = try await LiabilityPerson.find(personID, on: req.db), p.matterID == mid else {
                throw AppError.validation("personId", "不是本案的被调查人员", code: "not_found")
            }
            person = p
        }
        let text = try CaseText.paragraph(raw, field: "text", max: 4000)
        let day = try CaseText.date(rawDate, field: "statedOn", default: req.today, notAfter: req.today, notBefore: LocalDate(iso: m.filedOn))
        return try await req.db.transaction { tx in
            let s = LiabilityStatement()
            s.matterID = mid
            s.personID = try person.requireID()
            s.statedOn = day.iso
            s.text = text
            s.submittedBy = a.principal.displayName
            try await s.create(on: tx)
            try await req.audit(.liabilityStatement, .success, target: m.summary, detail: "\(person.name)陈述申辩（\(day.iso)）", on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.statement", payload: [
                "person": person.name, "date": day.iso, "text": text, "submittedBy": a.principal.displayName,
            ], on: tx)
            return s
        }
    }
}

/// Oversight of the pursuer (issue 6 item 8): an intake item past its intake deadline without an outcome, or a
/// matter past its decision deadline, opens an item against the pursuing body itself — only where the
/// jurisdiction's profile has `liability_pursuer_liable` (henan 第二十六条, shandong 第二十四条). Idempotent: the
/// lapsed item's (or matter's) id is the new item's source id, unique per source kind.
enum PursuerOversight {
    struct Result: Sendable { var opened = 0; var checked = 0 }

    static func sweep(services: AppServices, on db: any Database) async throws -> Result {
        let today = LocalDate(instant: services.clock.now())
        var result = Result()
        let kind = LiabilitySourceKind.pursuerOverdue.rawValue
        let lapsedItems = try await LiabilityIntakeTrack.query(on: db).filter(\.$outcome == nil).filter(\.$dueOn != nil)
            .filter(\.$dueOn < today.iso).filter(\.$pursuingAgencyID != nil).all()
        for t in lapsedItems {
            result.checked += 1
            guard let provision = LiabilityProfileRules.pursuerLiable(services.profiles.effective(id: t.profileID)),
                  let agencyID = t.pursuingAgencyID, let item = try await LiabilityIntake.find(t.intakeID, on: db),
                  item.status == LiabilityIntakeStatus.pending.rawValue else { continue }
            if try await open(sourceID: t.intakeID, agencyID: agencyID, caseID: item.caseID,
                              summary: "\(t.pursuingBody)逾期未对线索作出立案或不予立案决定（期限 \(t.dueOn ?? "") 届满；\(t.dueRule ?? "")）：\(item.summary)",
                              provision: provision, services: services, today: today, on: db) { result.opened += 1 }
        }
        let lapsedMatters = try await LiabilityMatter.query(on: db).filter(\.$status == "investigating").filter(\.$decisionDueOn != nil)
            .filter(\.$pursuingAgencyID != nil).all()
        for m in lapsedMatters {
            guard let due = m.extensionDueOn ?? m.decisionDueOn, due < today.iso else { continue }
            result.checked += 1
            guard let provision = LiabilityProfileRules.pursuerLiable(services.profiles.effective(id: m.profileID)),
                  let agencyID = m.pursuingAgencyID else { continue }
            if try await open(sourceID: try m.requireID(), agencyID: agencyID, caseID: m.caseID,
                              summary: "\(m.pursuingBody)逾期未作出责任追究决定（期限 \(due) 届满；\(m.decisionRule ?? "")）：\(m.summary)",
                              provision: provision, services: services, today: today, on: db) { result.opened += 1 }
        }
        _ = kind
        return result
    }

    private static func open(sourceID: UUID, agencyID: UUID, caseID: UUID?, summary: String, provision: Provision,
                             services: AppServices, today: LocalDate, on db: any Database) async throws -> Bool {
        let kind = LiabilitySourceKind.pursuerOverdue.rawValue
        do {
            return try await openOnce(kind: kind, sourceID: sourceID, agencyID: agencyID, caseID: caseID, summary: summary,
                                      provision: provision, services: services, today: today, on: db)
        } catch let e as any DatabaseError where e.isConstraintFailure {
            // Another instance's sweep opened it first (025's unique index).
            return false
        }
    }

    private static func openOnce(kind: String, sourceID: UUID, agencyID: UUID, caseID: UUID?, summary: String, provision: Provision,
                                 services: AppServices, today: LocalDate, on db: any Database) async throws -> Bool {
        try await db.transaction { tx in
            // Serialises concurrent sweeps (several instances, or requests of one): the second sees the first's item.
            try await RowLock.recordLog(on: tx)
            guard try await LiabilityIntake.query(on: tx).filter(\.$sourceKind == kind).filter(\.$sourceID == sourceID).first() == nil else { return false }
            let item = LiabilityIntake()
            let id = UUID()
            item.id = id
            item.sourceKind = kind
            item.sourceID = sourceID
            item.caseID = caseID
            item.agencyID = agencyID
            item.openedOn = today.iso
            item.summary = String((summary + "（依据：\(provision.source.description)）").prefix(1000))
            item.status = LiabilityIntakeStatus.pending.rawValue
            try await item.create(on: tx)
            let now = services.clock.now()
            try await services.audit.append(AuditEvent(action: .liabilityPursuerOverdue, outcome: .success, actorName: "system",
                                                       target: sourceID.uuidString.lowercased(), detail: item.summary), on: tx, now: now)
            _ = try await RecordLog.append(stream: LiabilityJournal.intakeStream(id), kind: "liability.pursuer_overdue", payload: [
                "lapsed": sourceID.uuidString.lowercased(), "summary": item.summary, "provision": provision.name,
                "source": provision.source.description,
            ], actor: "system", algorithm: services.records.algorithm, now: now, on: tx)
            return true
        }
    }
}
