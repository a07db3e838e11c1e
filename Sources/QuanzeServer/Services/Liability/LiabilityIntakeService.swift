import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// Holds the application weakly so a database middleware can reach the services (profiles, calendar, clock).
final class LiabilityServicesBox: @unchecked Sendable {
    weak var app: Application?
    init(_ app: Application) { self.app = app }
    var services: AppServices? { app?.services }
}

/// Every intake item, whichever service opens it (复议/诉讼 results, complaints, 备案审查, 案卷评查, hand entry,
/// the oversight job), gets its handling row: pursuing body, the jurisdiction's profile and the intake deadline.
struct LiabilityIntakeMiddleware: AsyncModelMiddleware {
    let box: LiabilityServicesBox

    func create(model: LiabilityIntake, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        guard let services = box.services else { return }
        _ = try await LiabilityIntakeRouting.track(model, services: services, on: db)
    }
}

enum LiabilityIntakeRouting {
    /// The handling row of an item, written once (the first call creates it).
    static func track(_ item: LiabilityIntake, services: AppServices, on db: any Database) async throws -> LiabilityIntakeTrack? {
        let id = try item.requireID()
        if let existing = try await LiabilityIntakeTrack.query(on: db).filter(\.$intakeID == id).first() { return existing }
        guard let agency = try await Agency.find(item.agencyID, on: db),
              let j = try await Jurisdiction.find(agency.$jurisdiction.id, on: db) else { return nil }
        let profile = services.profiles.effective(id: j.profileID)
        let t = LiabilityIntakeTrack()
        t.intakeID = id
        t.jurisdictionID = try j.requireID()
        t.profileID = j.profileID
        let pursuer = try await pursuer(for: agency, kind: item.sourceKind, jurisdiction: j, on: db)
        t.pursuingAgencyID = pursuer.agencyID
        t.pursuingBody = pursuer.name
        let opened = LocalDate(iso: item.openedOn) ?? LocalDate(instant: services.clock.now())
        let calendar = try await services.calendar.calendar(on: db, now: services.clock.now())
        if let d = try LiabilityProfileRules.due(LiabilityCodes.intake, in: profile, calendar: calendar, from: opened) {
            t.dueOn = d.date.iso
            t.dueRule = "\(d.name)：\(d.period)"
            t.dueSource = d.source.description
        }
        try await t.create(on: db)
        return t
    }

    /// Who pursues (national 国办发〔2005〕37号 四, `pursuing_authority`): a body's liability by the 本级人民政府
    /// through its legal office; a vertically managed body's by its superior or the 监察机关; the legal
    /// office's own (an item of `pursuer_overdue`) by the government itself.
    static func pursuer(for agency: Agency, kind: String, jurisdiction j: Jurisdiction, on db: any Database) async throws -> (agencyID: UUID?, name: String) {
        if kind == LiabilitySourceKind.pursuerOverdue.rawValue || agency.isLegalOffice { return (nil, j.governmentName) }
        if agency.managementMode == .vertical { return (nil, "上级主管部门或者监察机关（垂直管理部门）") }
        if let office = try await Agency.query(on: db).filter(\.$jurisdiction.$id == j.requireID()).filter(\.$isLegalOffice == true).first() {
            return (office.id, office.name)
        }
        return (nil, j.legalOfficeName)
    }
}

/// Who may see and act on liability items and matters.
enum LiabilityAccess {
    static let intakeReaders: [Role] = [.supervisor, .legalOfficer]
    static let matterReaders: [Role] = [.supervisor, .legalOfficer, .officer]

    /// The pursuing body's legal office or the jurisdiction's supervisor (法制办).
    static func canAct(_ p: Principal, jurisdictionID: UUID, pursuingAgencyID: UUID?) -> Bool {
        if p.has(.supervisor), p.jurisdictionID == jurisdictionID { return true }
        if p.has(.legalOfficer), let a = pursuingAgencyID, p.agencyID == a { return true }
        return false
    }

    static func intakeID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("intakeID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        return id
    }

    static func matterID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("matterID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        return id
    }

    /// An item the caller may read: the pursuer, or the examined body's legal officer.
    static func intake(_ req: Request) async throws -> (Principal, LiabilityIntake, LiabilityIntakeTrack) {
        let p = try req.requireAny(intakeReaders)
        guard let item = try await LiabilityIntake.find(try intakeID(req), on: req.db) else { throw AppError.notFound }
        guard let t = try await LiabilityIntakeRouting.track(item, services: req.application.services, on: req.db) else { throw AppError.notFound }
        let reads = canAct(p, jurisdictionID: t.jurisdictionID, pursuingAgencyID: t.pursuingAgencyID)
            || (p.has(.legalOfficer) && p.agencyID == item.agencyID)
        guard reads else { throw AppError.outOfScope }
        return (p, item, t)
    }

    /// An item the caller may act on (立案 / 不予立案).
    static func intakeForAction(_ req: Request) async throws -> (Principal, LiabilityIntake, LiabilityIntakeTrack) {
        _ = try req.requireAny(intakeReaders)
        let (p, item, t) = try await intake(req)
        guard canAct(p, jurisdictionID: t.jurisdictionID, pursuingAgencyID: t.pursuingAgencyID) else {
            throw AppError("NOT_PURSUING_BODY", .forbidden, "只有追究机关（\(t.pursuingBody)）的法制机构或本辖区法制办可以处理该线索")
        }
        return (p, item, t)
    }

    struct MatterAccess {
        let principal: Principal
        let matter: LiabilityMatter
        let isActor: Bool
        /// The caller's own entry when they are a person concerned.
        let ownPerson: LiabilityPerson?
    }

    static func matter(_ req: Request) async throws -> MatterAccess {
        let p = try req.requireAny(matterReaders)
        guard let m = try await LiabilityMatter.find(try matterID(req), on: req.db) else { throw AppError.notFound }
        let actor = canAct(p, jurisdictionID: m.jurisdictionID, pursuingAgencyID: m.pursuingAgencyID)
        let own = try await LiabilityPerson.query(on: req.db).filter(\.$matterID == m.requireID()).filter(\.$userID == p.userID).first()
        guard actor || own != nil else { throw AppError.outOfScope }
        return MatterAccess(principal: p, matter: m, isActor: actor, ownPerson: own)
    }

    static func matterForAction(_ req: Request) async throws -> MatterAccess {
        _ = try req.require(.supervisor, .legalOfficer)
        let a = try await matter(req)
        guard a.isActor else {
            throw AppError("NOT_PURSUING_BODY", .forbidden, "只有追究机关（\(a.matter.pursuingBody)）的法制机构或本辖区法制办可以办理")
        }
        return a
    }
}

/// Every step of an intake item and of a matter is an audit event and an entry of the record log, in the same transaction.
enum LiabilityJournal {
    static func intakeStream(_ id: UUID) -> String { "liability-intake:\(id.uuidString.lowercased())" }
    static func matterStream(_ id: UUID) -> String { "liability:\(id.uuidString.lowercased())" }
}

extension RowLock {
    static func liabilityIntake(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(LiabilityIntake.schema).set("status", to: SQLIdentifier("status")).where("id", .equal, id).run()
    }
}

enum LiabilityIntakeService {
    struct Entry {
        var sourceKind: String
        var agencyID: UUID
        var caseID: UUID?
        var subjectOfficerID: UUID?
        var summary: String
        var sourceDetail: String?
        var discoveredOn: String?
    }

    /// Hand entry (执法检查、媒体报道、自查、其他) by the jurisdiction's supervisor or the legal office.
    static func enter(_ e: Entry, req: Request) async throws -> LiabilityIntake {
        let p = try req.requireAny(LiabilityAccess.intakeReaders)
        guard let kind = LiabilitySourceKind(rawValue: e.sourceKind), LiabilitySourceKind.manualKinds.contains(kind) else {
            throw AppError.validation("sourceKind", "来源须为执法检查、媒体报道、自查或其他", code: "invalid")
        }
        guard let agency = try await Agency.find(e.agencyID, on: req.db) else { throw AppError.validation("agencyId", "执法主体不存在", code: "not_found") }
        guard let j = try await Jurisdiction.find(agency.$jurisdiction.id, on: req.db) else { throw AppError.notFound }
        let pursuer = try await LiabilityIntakeRouting.pursuer(for: agency, kind: kind.rawValue, jurisdiction: j, on: req.db)
        guard LiabilityAccess.canAct(p, jurisdictionID: try j.requireID(), pursuingAgencyID: pursuer.agencyID) else {
            throw AppError("NOT_PURSUING_BODY", .forbidden, "只有追究机关（\(pursuer.name)）的法制机构或本辖区法制办可以登记该主体的线索")
        }
        let summary = try CaseText.paragraph(e.summary, field: "summary", max: 500)
        let detail = try e.sourceDetail.flatMap { $0.isEmpty ? nil : try CaseText.paragraph($0, field: "sourceDetail", max: 500) }
        let today = req.today
        let discovered = try CaseText.date(e.discoveredOn, field: "discoveredOn", default: today, notAfter: today)
        if let caseID = e.caseID {
            guard let c = try await EnforcementCase.find(caseID, on: req.db), c.$agency.id == e.agencyID else {
                throw AppError.validation("caseId", "案件不存在或不属于该执法主体", code: "not_found")
            }
        }
        if let officerID = e.subjectOfficerID {
            guard let o = try await Officer.find(officerID, on: req.db), o.$agency.id == e.agencyID else {
                throw AppError.validation("subjectOfficerId", "执法人员不存在或不属于该执法主体", code: "not_found")
            }
        }
        return try await req.db.transaction { tx in
            let item = LiabilityIntake()
            let id = UUID()
            item.id = id
            item.sourceKind = kind.rawValue
            item.sourceID = id
            item.caseID = e.caseID
            item.subjectOfficerID = e.subjectOfficerID
            item.agencyID = e.agencyID
            item.openedOn = discovered.iso
            item.summary = summary
            item.status = LiabilityIntakeStatus.pending.rawValue
            try await item.create(on: tx)
            guard let t = try await LiabilityIntakeRouting.track(item, services: req.application.services, on: tx) else { throw AppError.notFound }
            t.sourceDetail = detail
            t.enteredBy = p.displayName
            try await t.save(on: tx)
            try await req.audit(.liabilityIntakeEnter, .success, target: agency.name, detail: "\(kind.label)：\(summary)", on: tx)
            try await req.record(stream: LiabilityJournal.intakeStream(id), kind: "liability.intake_enter", payload: [
                "source": kind.rawValue, "agency": agency.name, "discoveredOn": discovered.iso, "summary": summary, "detail": detail ?? "",
                "pursuingBody": t.pursuingBody, "profile": t.profileID, "due": t.dueOn ?? "未规定", "dueSource": t.dueSource ?? "",
            ], on: tx)
            return item
        }
    }

    /// 立案: opens a matter with the persons concerned taken from the case's own record.
    static func file(_ item: LiabilityIntake, track: LiabilityIntakeTrack, summary raw: String?, req: Request) async throws -> LiabilityMatter {
        let p = try req.principal()
        let summary = try raw.flatMap { $0.isEmpty ? nil : try CaseText.paragraph($0, field: "summary", max: 500) } ?? item.summary
        let itemID = try item.requireID()
        let services = req.application.services
        let today = req.today
        return try await req.db.transaction { tx in
            try await RowLock.liabilityIntake(itemID, on: tx)
            guard let fresh = try await LiabilityIntake.find(itemID, on: tx), fresh.status == LiabilityIntakeStatus.pending.rawValue else {
                throw AppError.conflict("INTAKE_ALREADY_DECIDED", "该线索已处理（\(LiabilityIntakeStatus.label(item.status))），不能再立案或不予立案")
            }
            let profile = services.profiles.effective(id: track.profileID)
            let m = LiabilityMatter()
            let mid = UUID()
            m.id = mid
            m.intakeID = itemID
            m.jurisdictionID = track.jurisdictionID
            m.pursuingAgencyID = track.pursuingAgencyID
            m.pursuingBody = track.pursuingBody
            m.subjectAgencyID = fresh.agencyID
            m.caseID = fresh.caseID
            m.profileID = track.profileID
            m.status = "investigating"
            m.filedOn = today.iso
            m.filedBy = p.displayName
            m.summary = summary
            let calendar = try await services.calendar.calendar(on: tx, now: services.clock.now())
            if let d = try LiabilityProfileRules.due(LiabilityCodes.decision, in: profile, calendar: calendar, from: today) {
                m.decisionDueOn = d.date.iso
                m.decisionRule = "\(d.name)：\(d.period)"
                m.decisionSource = d.source.description
            }
            try await m.create(on: tx)
            let persons = try await LiabilityCasePeople.persons(for: fresh, matterID: mid, addedBy: p.displayName, on: tx)
            for person in persons { try await person.create(on: tx) }
            fresh.status = LiabilityIntakeStatus.filed.rawValue
            try await fresh.save(on: tx)
            track.outcome = LiabilityIntakeStatus.filed.rawValue
            track.decidedOn = today.iso
            track.decidedBy = p.displayName
            track.matterID = mid
            try await track.save(on: tx)
            try await req.audit(.liabilityIntakeFile, .success, target: summary, detail: "立案；被调查人员 \(persons.count) 人；决定期限 \(m.decisionDueOn ?? "未规定")", on: tx)
            try await req.record(stream: LiabilityJournal.intakeStream(itemID), kind: "liability.intake_file", payload: [
                "matter": mid.uuidString.lowercased(), "filedOn": today.iso, "by": p.displayName,
            ], on: tx)
            try await req.record(stream: LiabilityJournal.matterStream(mid), kind: "liability.filed", payload: [
                "intake": itemID.uuidString.lowercased(), "source": fresh.sourceKind, "summary": summary, "filedOn": today.iso,
                "pursuingBody": m.pursuingBody, "profile": m.profileID, "decisionDue": m.decisionDueOn ?? "未规定",
                "decisionSource": m.decisionSource ?? "", "persons": persons.map { "\($0.name)（\(LiabilityPersonRole.label($0.role))）" }.joined(separator: "、"),
            ], on: tx)
            return m
        }
    }

    /// 不予立案 with a recorded reason (required).
    static func decline(_ item: LiabilityIntake, track: LiabilityIntakeTrack, reason raw: String, req: Request) async throws -> LiabilityIntake {
        let p = try req.principal()
        let reason = try CaseText.paragraph(raw, field: "reason", max: 1000)
        let itemID = try item.requireID()
        let today = req.today
        return try await req.db.transaction { tx in
            try await RowLock.liabilityIntake(itemID, on: tx)
            guard let fresh = try await LiabilityIntake.find(itemID, on: tx), fresh.status == LiabilityIntakeStatus.pending.rawValue else {
                throw AppError.conflict("INTAKE_ALREADY_DECIDED", "该线索已处理（\(LiabilityIntakeStatus.label(item.status))），不能再立案或不予立案")
            }
            fresh.status = LiabilityIntakeStatus.declined.rawValue
            try await fresh.save(on: tx)
            track.outcome = LiabilityIntakeStatus.declined.rawValue
            track.outcomeReason = reason
            track.decidedOn = today.iso
            track.decidedBy = p.displayName
            try await track.save(on: tx)
            try await req.audit(.liabilityIntakeDecline, .success, target: fresh.summary, detail: "不予立案：\(reason)", on: tx)
            try await req.record(stream: LiabilityJournal.intakeStream(itemID), kind: "liability.intake_decline", payload: [
                "reason": reason, "decidedOn": today.iso, "by": p.displayName,
            ], on: tx)
            return fresh
        }
    }
}

/// Roles of a person concerned, as the case's own record gives them.
enum LiabilityPersonRole: String, CaseIterable, Codable, Sendable {
    case handlerLead = "handler_lead"
    case handlerAssist = "handler_assist"
    case reviewer
    case approver
    case subject
    case other

    var label: String {
        switch self {
        case .handlerLead: "承办人（主办）"
        case .handlerAssist: "承办人（协办）"
        case .reviewer: "审核人（法制审核）"
        case .approver: "批准人"
        case .subject: "被投诉、被反映人员"
        case .other: "其他人员"
        }
    }

    static func label(_ raw: String) -> String { LiabilityPersonRole(rawValue: raw)?.label ?? raw }
}

/// The persons concerned from the case's record: CaseOfficer 主办/协办, the legal reviewer (LegalReview),
/// the approver of the decision (CaseDecision); and the officer an item names.
enum LiabilityCasePeople {
    static func persons(for item: LiabilityIntake, matterID: UUID, addedBy: String, on db: any Database) async throws -> [LiabilityPerson] {
        var out: [LiabilityPerson] = []
        var seen: Set<String> = []
        func add(officer: Officer?, user: User?, role: LiabilityPersonRole, note: String) {
            let key = "\(officer?.id?.uuidString ?? user?.id?.uuidString ?? "")|\(role.rawValue)"
            guard seen.insert(key).inserted else { return }
            let person = LiabilityPerson()
            person.matterID = matterID
            person.officerID = officer?.id
            person.userID = officer?.$user.id ?? user?.id
            person.name = officer?.name ?? user?.displayName ?? "—"
            person.agencyID = officer?.$agency.id ?? user?.$agency.id
            person.role = role.rawValue
            person.origin = "case_record"
            person.note = note
            person.addedBy = addedBy
            out.append(person)
        }
        if let caseID = item.caseID {
            let team = try await CaseOfficer.query(on: db).filter(\.$enforcementCase.$id == caseID).with(\.$officer).all()
            for member in team where member.role != .auxiliary {
                add(officer: member.officer, user: nil, role: member.role == .lead ? .handlerLead : .handlerAssist, note: "案件办案人员（\(member.role.label)）")
            }
            for review in try await LegalReview.query(on: db).filter(\.$enforcementCase.$id == caseID).all() {
                let user = try await User.find(review.reviewerUserID, on: db)
                let officer = try await Officer.query(on: db).filter(\.$user.$id == review.reviewerUserID).first()
                add(officer: officer, user: user, role: .reviewer, note: "法制审核（\(review.reviewedOn)，\(review.passed ? "通过" : "未通过")）")
            }
            for decision in try await CaseDecision.query(on: db).filter(\.$enforcementCase.$id == caseID).all() {
                let user = try await User.find(decision.approverUserID, on: db)
                let officer = try await Officer.query(on: db).filter(\.$user.$id == decision.approverUserID).first()
                add(officer: officer, user: user, role: .approver, note: "批准决定 \(decision.number)（\(decision.decidedOn)）")
            }
        }
        if let officerID = item.subjectOfficerID, let officer = try await Officer.find(officerID, on: db) {
            add(officer: officer, user: nil, role: .subject, note: "线索所涉执法人员")
        }
        return out
    }
}
