import Fluent
import Foundation
import QuanzeCore
import Vapor

/// What a liability decision asks of the rest of the platform (issue 6 item 6): the decision's current
/// sanctions and status for one target (an officer, or a body), as `ConsequencesPlan` computes them.
/// The decision service calls `LiabilityConsequences.sync` every time a decision's status or sanctions
/// change (decided, served, appeal lodged, appeal decided 维持/变更/撤销, final); `sync` brings the
/// applied consequences to what the plan allows now — applying what became applicable, undoing what a
/// 变更/撤销 removed — idempotently.
struct LiabilityConsequenceRequest: Sendable {
    /// The decision row the consequences hang on (one per target of a matter).
    var decisionID: UUID
    var matterID: UUID
    /// The officer a person-decision concerns (nil for a body, or a person without an officer record).
    var officerID: UUID?
    /// The body an agency-decision concerns (nil for a person).
    var agencyID: UUID?
    /// 处理决定书 number and date, cited on certificate events and in assessment.
    var documentNumber: String
    var decidedOn: LocalDate
    /// The plan for the decision's current sanctions and status (empty sanctions after 撤销).
    var plan: ConsequencesPlan
}

/// One consequence as applied (or waiting), for the decision page.
struct LiabilityConsequenceState: Content, Sendable, Equatable {
    var sanction: String
    var effect: String?
    /// `applied`, `waiting` (not yet applicable: reason says why), `recorded` (no effect), `undone`.
    var state: String
    var reason: String
    /// The sanction's name in the profile's catalog.
    var sanctionName: String? = nil
    /// Day applied (or recorded) and day undone.
    var appliedOn: String? = nil
    var undoneOn: String? = nil
    /// What was changed or undone (certificate, posts), in Chinese.
    var note: String? = nil
}

/// Applies the plan's effects (暂扣/吊销 certificate, 停止执法, 调离岗位, 取消执法资格 on officers;
/// 限期整改/通报批评/取消评先/约谈 on bodies, shown in their assessment). Every change is a row of
/// `liability_consequences` (what was changed, so that an undo restores exactly that), a certificate
/// event citing the decision where a certificate changes, an audit event and an entry of the matter's
/// record stream, all on the caller's `db` (pass the decision's transaction).
enum LiabilityConsequences {
    typealias State = LiabilityConsequenceStateCode

    static func sync(_ request: LiabilityConsequenceRequest, req: Request, on db: any Database) async throws -> [LiabilityConsequenceState] {
        let today = req.today
        let existing = try await LiabilityConsequence.query(on: db).filter(\.$decisionID == request.decisionID).all()
        var byCode: [String: LiabilityConsequence] = [:]
        for row in existing { byCode[row.sanctionCode] = row }
        var officer: Officer?
        if let id = request.officerID { officer = try await Officer.find(id, on: db) }
        let wanted = Set(request.plan.items.map(\.sanction.code))
        // 变更 / 撤销 first: what the decision no longer has is undone before anything new is applied
        // (so a 暂扣 changed into a 吊销 restores, then revokes, and the archive shows both).
        for row in existing where !wanted.contains(row.sanctionCode) && row.state != State.undone {
            try await undo(row, because: "处理决定 \(request.documentNumber) 已变更或撤销，不再执行“\(row.sanctionName)”", today: today, req: req, on: db)
        }
        for item in request.plan.items {
            let code = item.sanction.code
            let row = byCode[code] ?? {
                let r = LiabilityConsequence()
                r.decisionID = request.decisionID
                r.sanctionCode = code
                r.state = State.waiting
                r.reason = ""
                // Every required field has a value before the key-path writes below (which read first).
                r.matterID = request.matterID
                r.target = ""
                r.documentNumber = ""
                r.decidedOn = ""
                r.sanctionName = ""
                return r
            }()
            let desired = item.applicableNow ? (item.effect == nil ? State.recorded : State.applied) : State.waiting
            let isNew = row.id == nil
            // Assign only what differs, so that a repeated call writes nothing.
            var changed = false
            func set<T: Equatable>(_ key: ReferenceWritableKeyPath<LiabilityConsequence, T>, _ value: T) {
                if isNew || row[keyPath: key] != value { row[keyPath: key] = value; changed = true }
            }
            set(\.matterID, request.matterID)
            set(\.target, item.target == .agency ? "agency" : "officer")
            set(\.officerID, item.target == .agency ? nil : request.officerID)
            set(\.agencyID, item.target == .agency ? request.agencyID : (officer?.$agency.id ?? request.agencyID))
            set(\.documentNumber, request.documentNumber)
            set(\.decidedOn, request.decidedOn.iso)
            set(\.sanctionName, item.sanction.name)
            set(\.effect, item.effect?.rawValue)
            if row.state == State.waiting { set(\.reason, item.reason) }
            if !isNew && row.state == desired {
                // Already where the plan wants it: nothing changes (idempotent).
                if changed { try await row.save(on: db) }
                continue
            }
            if row.state == State.applied {
                // Applied but no longer applicable (e.g. an appeal lodged where execution is suspended): take it back.
                try await undo(row, because: item.reason, today: today, req: req, on: db)
            }
            row.reason = item.reason
            row.undoneOn = nil
            switch desired {
            case State.applied:
                try await apply(row, effect: item.effect!, officer: officer, request: request, today: today, req: req, on: db)
            case State.recorded:
                row.state = State.recorded
                row.appliedOn = today.iso
                row.note = "仅作记录"
            default:
                row.state = State.waiting
                row.appliedOn = nil
                row.note = nil
            }
            try await row.save(on: db)
            byCode[code] = row
            if row.state != State.waiting || isNew {
                try await journal(row, action: .liabilityConsequenceApply, kind: "liability.consequence_apply", req: req, on: db)
            }
        }
        let rows = try await LiabilityConsequence.query(on: db).filter(\.$decisionID == request.decisionID).all()
        let order = Dictionary(request.plan.items.enumerated().map { ($1.sanction.code, $0) }, uniquingKeysWith: { a, _ in a })
        return rows.sorted { (order[$0.sanctionCode] ?? Int.max, $0.sanctionCode) < (order[$1.sanctionCode] ?? Int.max, $1.sanctionCode) }
            .map(state)
    }

    static func state(_ row: LiabilityConsequence) -> LiabilityConsequenceState {
        LiabilityConsequenceState(sanction: row.sanctionCode, effect: row.effect, state: row.state, reason: row.reason,
                                  sanctionName: row.sanctionName, appliedOn: row.appliedOn, undoneOn: row.undoneOn, note: row.note)
    }

    private static func actor(_ req: Request) -> String {
        req.auth.get(Principal.self)?.displayName ?? "系统（责任追究处理决定）"
    }

    private static func cite(_ row: LiabilityConsequence) -> String {
        "责任追究处理决定 \(row.documentNumber)（\(row.decidedOn)）"
    }

    private static func journal(_ row: LiabilityConsequence, action: AuditAction, kind: String, req: Request, on db: any Database) async throws {
        let detail = "\(row.sanctionName)：\(State.label(row.state))；\(row.note ?? row.reason)"
        try await req.audit(action, .success, target: row.documentNumber, detail: detail, on: db)
        try await req.record(stream: LiabilityJournal.matterStream(row.matterID), kind: kind, payload: [
            "decision": row.decisionID.uuidString.lowercased(), "documentNumber": row.documentNumber, "sanction": row.sanctionCode,
            "sanctionName": row.sanctionName, "effect": row.effect ?? "", "state": row.state, "reason": row.reason, "note": row.note ?? "",
        ], on: db)
    }

    // MARK: apply

    private static func apply(_ row: LiabilityConsequence, effect: SanctionEffect, officer: Officer?, request: LiabilityConsequenceRequest,
                              today: LocalDate, req: Request, on db: any Database) async throws {
        row.state = State.applied
        row.appliedOn = today.iso
        row.certificateID = nil
        row.certificatePreviousStatus = nil
        row.certificateAction = nil
        row.endedAssignments = nil
        switch effect {
        case .suspendCertificate:
            row.note = try await changeCertificate(row, to: .suspended, officer: officer, today: today, req: req, on: db)
        case .revokeCertificate:
            row.note = try await changeCertificate(row, to: .revoked, officer: officer, today: today, req: req, on: db)
        case .revokeQualification:
            let cert = try await changeCertificate(row, to: .revoked, officer: officer, today: today, req: req, on: db)
            row.note = cert + "；取消执法资格：不得承办案件，不再核发执法证件"
        case .stopEnforcement:
            row.note = "停止执法：不得承办新案件、不得列入办案人员"
        case .transferOffPost, .offDutyTraining:
            row.note = try await endPosts(row, officer: officer, today: today, req: req, on: db)
                + (effect == .offDutyTraining ? "（离岗培训，培训后由本机关重新安排岗位）" : "")
        case .noMeritThisYear:
            row.note = "\(today.year) 年度不得评为优秀、取消评先评优资格（评议考核中显示）"
        case .assessmentFailed:
            row.note = "\(today.year) 年度评议考核结果为不合格（评议考核中显示并确定档次）"
        case .agencyRectification, .agencyCirculation, .agencyHeadInterview:
            row.note = "计入 \(today.year) 年度评议考核（显示于被考核机关的考核结果）"
        }
    }

    /// Suspends or revokes the officer's current certificate through `CertificateLifecycle`, with an event
    /// citing the decision. Records the previous status and whether this decision changed it.
    private static func changeCertificate(_ row: LiabilityConsequence, to target: CertificateStatus, officer: Officer?,
                                          today: LocalDate, req: Request, on db: any Database) async throws -> String {
        guard let officer, let cert = try await OfficerQueries.currentCertificate(of: try officer.requireID(), on: db) else {
            row.certificateAction = "none"
            return "未持有执法证件，无证件可\(target == .suspended ? "暂扣" : "吊销")"
        }
        let certID = try cert.requireID()
        try await RowLock.certificate(certID, on: db)
        guard let fresh = try await Certificate.find(certID, on: db) else { throw AppError.notFound }
        row.certificateID = certID
        row.certificatePreviousStatus = fresh.status.rawValue
        if fresh.status == target || fresh.status.isFinal {
            row.certificateAction = "none"
            return "证件 \(fresh.number) 已为“\(fresh.status.label)”，未再变更"
        }
        let kind: CertificateEventKind = target == .suspended ? .suspend : .revoke
        let next: CertificateStatus
        do { next = try CertificateLifecycle.next(from: fresh.status, on: kind) } catch let r as CertificateRefusal {
            throw AppError.conflict(r.code, r.message)
        }
        fresh.status = next
        if kind == .suspend {
            // The suspension is itself the decision's sanction: no 处理决定期限 runs for it.
            fresh.suspendedOn = today.iso
            fresh.decisionDue = nil
        } else {
            fresh.suspendedOn = nil
            fresh.decisionDue = nil
        }
        try await fresh.save(on: db)
        try await event(certID, kind: kind, detail: "依\(cite(row))\(kind.label)：\(row.sanctionName)", documentRef: row.documentNumber,
                        today: today, req: req, on: db)
        try await req.audit(.certificateChange, .success, target: fresh.number, detail: "\(kind.label)：依\(cite(row))", on: db)
        row.certificateAction = target == .suspended ? "suspended" : "revoked"
        return "证件 \(fresh.number) 由“\(CertificateStatus(rawValue: row.certificatePreviousStatus ?? "")?.label ?? "")”变为“\(next.label)”"
    }

    private static func event(_ certID: UUID, kind: CertificateEventKind, detail: String, documentRef: String?, today: LocalDate,
                              req: Request, on db: any Database) async throws {
        let sequence = try await CertificateEvent.query(on: db).filter(\.$certificate.$id == certID).count() + 1
        try await CertificateEvent(certificateID: certID, kind: kind, occurredOn: today.iso, detail: String(detail.prefix(500)),
                                   documentRef: documentRef.map { String($0.prefix(50)) }, actorName: actor(req), sequence: sequence).create(on: db)
    }

    /// Ends the officer's current post assignments as of today (调离岗位 / 离岗培训).
    private static func endPosts(_ row: LiabilityConsequence, officer: Officer?, today: LocalDate, req: Request, on db: any Database) async throws -> String {
        guard let officer else { return "无执法人员记录，无岗位可调离" }
        let current = try await PostAssignment.query(on: db).filter(\.$officer.$id == officer.requireID()).filter(\.$endDate == nil).all()
        guard !current.isEmpty else {
            row.endedAssignments = JSONText([])
            return "当前不在任何执法岗位"
        }
        let posts = try await EnforcementPost.query(on: db).filter(\.$id ~~ current.map { $0.$post.id }).all()
        let names = Dictionary(uniqueKeysWithValues: posts.compactMap { p in p.id.map { ($0, p.name) } })
        var ended: [UUID] = []
        for a in current {
            a.endDate = lastDay(start: a.startDate, appliedOn: today.iso)
            try await a.save(on: db)
            ended.append(try a.requireID())
            try await req.audit(.postAssignmentEnd, .success, target: officer.name,
                                detail: "\(officer.name) 于 \(a.endDate ?? today.iso) 离开岗位“\(names[a.$post.id] ?? "")”：依\(cite(row))", on: db)
        }
        row.endedAssignments = JSONText(ended)
        return "自 \(today.iso) 起离开岗位（任职截至前一日）：" + current.map { "“\(names[$0.$post.id] ?? "")”" }.joined(separator: "、")
    }

    /// An assignment ended by a decision applied on `appliedOn` ends the day before (an end date is the last day
    /// on the post, `CaseTeam.onPost`), or on its start day if it began that day.
    static func lastDay(start: String, appliedOn: String) -> String {
        guard let day = LocalDate(iso: appliedOn) else { return appliedOn }
        let last = day.adding(days: -1).iso
        return last < start ? start : last
    }

    // MARK: undo

    /// Takes back what this row did — only that: a certificate it suspended or revoked is restored unless
    /// another decision's consequence in force holds it (that one then holds it alone), posts it ended are
    /// re-opened while nothing else changed them. Records what was undone.
    private static func undo(_ row: LiabilityConsequence, because reason: String, today: LocalDate, req: Request, on db: any Database) async throws {
        var undone: [String] = []
        if row.state == State.applied {
            if let certID = row.certificateID, let action = row.certificateAction, action != "none" {
                undone.append(try await restoreCertificate(row, certID: certID, action: action, today: today, req: req, on: db))
            }
            if let ended = row.endedAssignments?.value, !ended.isEmpty, let appliedOn = row.appliedOn {
                undone.append(try await reopenPosts(ended, endedOn: appliedOn, row: row, req: req, on: db))
            }
            if row.effect == SanctionEffect.stopEnforcement.rawValue || row.effect == SanctionEffect.revokeQualification.rawValue {
                undone.append("恢复执法资格")
            }
        }
        let was = row.state
        row.state = State.undone
        row.undoneOn = today.iso
        row.reason = reason
        row.note = was == State.applied
            ? "撤回：" + (undone.isEmpty ? "本决定未改变其他记录" : undone.joined(separator: "；"))
            : (was == State.waiting ? "未执行即撤回" : "撤回记录")
        try await row.save(on: db)
        try await journal(row, action: .liabilityConsequenceUndo, kind: "liability.consequence_undo", req: req, on: db)
    }

    private static func restoreCertificate(_ row: LiabilityConsequence, certID: UUID, action: String, today: LocalDate,
                                           req: Request, on db: any Database) async throws -> String {
        try await RowLock.certificate(certID, on: db)
        guard let cert = try await Certificate.find(certID, on: db) else { return "证件已不存在" }
        let held: CertificateStatus = action == "suspended" ? .suspended : .revoked
        guard cert.status == held else { return "证件 \(cert.number) 现为“\(cert.status.label)”，非本决定所致，未予变更" }
        // Another decision's consequence in force on the same certificate keeps holding it.
        let effects: [String?] = held == .suspended ? [SanctionEffect.suspendCertificate.rawValue]
            : [SanctionEffect.revokeCertificate.rawValue, SanctionEffect.revokeQualification.rawValue]
        let others = try await LiabilityConsequence.query(on: db).filter(\.$certificateID == certID)
            .filter(\.$state == State.applied).filter(\.$effect ~~ effects).all().filter { $0.id != row.id }
        if let other = others.first {
            other.certificateAction = action
            other.certificatePreviousStatus = row.certificatePreviousStatus
            try await other.save(on: db)
            return "证件 \(cert.number) 仍依处理决定 \(other.documentNumber) \(held.label)，未恢复"
        }
        let previous = CertificateStatus(rawValue: row.certificatePreviousStatus ?? "") ?? .valid
        let restored: CertificateStatus
        if held == .suspended {
            restored = try CertificateLifecycle.next(from: .suspended, on: .restore)
        } else {
            // 核销 is final in the lifecycle; the only way back is the 撤销/变更 of the decision that revoked it,
            // which restores the status it had before (recorded as 恢复 in the archive).
            restored = previous.isFinal ? .valid : previous
        }
        cert.status = restored
        if restored == .valid {
            cert.suspendedOn = nil
            cert.decisionDue = nil
        }
        try await cert.save(on: db)
        let what = held == .suspended ? "解除依该决定所作的暂扣" : "撤销依该决定所作的吊销（核销）"
        try await event(certID, kind: .restore, detail: "\(cite(row))已变更或撤销，\(what)，证件恢复为“\(restored.label)”",
                        documentRef: row.documentNumber, today: today, req: req, on: db)
        try await req.audit(.certificateChange, .success, target: cert.number, detail: "恢复：\(cite(row))已变更或撤销", on: db)
        return "证件 \(cert.number) 恢复为“\(restored.label)”"
    }

    private static func reopenPosts(_ ids: [UUID], endedOn: String, row: LiabilityConsequence, req: Request, on db: any Database) async throws -> String {
        var reopened = 0, kept = 0
        for a in try await PostAssignment.query(on: db).filter(\.$id ~~ ids).all() {
            // Only an assignment still ended on the day this decision ended it, for a serving officer, with no
            // newer assignment on the same post.
            let officer = try await Officer.find(a.$officer.id, on: db)
            let newer = try await PostAssignment.query(on: db).filter(\.$officer.$id == a.$officer.id).filter(\.$post.$id == a.$post.id)
                .filter(\.$endDate == nil).count()
            guard a.endDate == lastDay(start: a.startDate, appliedOn: endedOn), officer?.status == .serving, newer == 0 else { kept += 1; continue }
            a.endDate = nil
            try await a.save(on: db)
            reopened += 1
            try await req.audit(.postAssign, .success, target: officer?.name, detail: "恢复岗位任职（自 \(a.startDate)）：\(cite(row))已变更或撤销", on: db)
        }
        return "恢复 \(reopened) 项岗位任职" + (kept > 0 ? "，\(kept) 项已另有变动未恢复" : "")
    }
}

/// Reads of the consequences for the rest of the platform: who may not act, open matters that block
/// 年审, and the sanctions of a year shown in 评议考核.
enum LiabilityConsequenceQueries {
    /// Matter statuses that close a matter. Today the matter has only `investigating`; any status not
    /// listed here counts as open (the decision part adds its states).
    /// A matter with its decision made (`decided`) has had its fault processed; `closed` after execution.
    static let closingStatuses = ["decided", "closed", "declined", "revoked"]

    /// Consequences in force on an officer (applied or recorded), newest first.
    static func inForce(officerID: UUID, on db: any Database) async throws -> [LiabilityConsequence] {
        try await LiabilityConsequence.query(on: db).filter(\.$officerID == officerID)
            .filter(\.$state ~~ [LiabilityConsequenceStateCode.applied, LiabilityConsequenceStateCode.recorded])
            .sort(\.$appliedOn, .descending).all()
    }

    /// The applied consequence that stops the officer from acting (停止执法, 取消执法资格), if any.
    static func stopping(officerID: UUID, on db: any Database) async throws -> LiabilityConsequence? {
        try await LiabilityConsequence.query(on: db).filter(\.$officerID == officerID).filter(\.$state == LiabilityConsequenceStateCode.applied)
            .filter(\.$effect ~~ ([SanctionEffect.revokeQualification.rawValue, SanctionEffect.stopEnforcement.rawValue] as [String?]))
            .sort(\.$effect).first()
    }

    /// The applied consequence holding a certificate suspended, if any.
    static func holding(certificateID: UUID, on db: any Database) async throws -> LiabilityConsequence? {
        try await LiabilityConsequence.query(on: db).filter(\.$certificateID == certificateID).filter(\.$state == LiabilityConsequenceStateCode.applied)
            .filter(\.$effect == SanctionEffect.suspendCertificate.rawValue).first()
    }

    /// Liability matters not yet closed in which the officer is a person concerned.
    static func openMatters(officerID: UUID, on db: any Database) async throws -> [LiabilityMatter] {
        let ids = try await LiabilityPerson.query(on: db).filter(\.$officerID == officerID).all().map(\.matterID)
        guard !ids.isEmpty else { return [] }
        return try await LiabilityMatter.query(on: db).filter(\.$id ~~ Array(Set(ids))).filter(\.$status !~ closingStatuses)
            .sort(\.$filedOn).all()
    }

    static func describe(_ m: LiabilityMatter) -> String {
        "责任追究案件（\(m.filedOn) 立案：\(m.summary)）"
    }

    /// The consequences in force of the plan's year (by the day applied) for each party of an assessment:
    /// bodies (their own sanctions) or officers; units have none.
    static func assessmentFlags(kind: AssessmentTargetKind, targets: [UUID], year: Int, on db: any Database) async throws -> [UUID: [LiabilityConsequence]] {
        guard !targets.isEmpty, kind != .unit else { return [:] }
        let q = LiabilityConsequence.query(on: db)
            .filter(\.$state ~~ [LiabilityConsequenceStateCode.applied, LiabilityConsequenceStateCode.recorded])
            .filter(\.$appliedOn >= "\(year)-01-01").filter(\.$appliedOn <= "\(year)-12-31")
        if kind == .agency {
            q.filter(\.$target == "agency").filter(\.$agencyID ~~ targets.map { Optional($0) })
        } else {
            q.filter(\.$target == "officer").filter(\.$officerID ~~ targets.map { Optional($0) })
        }
        var out: [UUID: [LiabilityConsequence]] = [:]
        for row in try await q.sort(\.$appliedOn).all() {
            if let id = kind == .agency ? row.agencyID : row.officerID { out[id, default: []].append(row) }
        }
        return out
    }

    /// The grade after the year's sanctions: `assessment_failed` makes it 不合格 (beijing-tongzhou 细则
    /// 第六条(四)、第七条(五)); `no_merit_this_year` keeps it from 优秀 (不得评为优秀).
    static func grade(_ grade: AssessmentGradeCode, flags: [LiabilityConsequence]) -> AssessmentGradeCode {
        guard flags.contains(where: { $0.state == LiabilityConsequenceStateCode.applied }) else { return grade }
        let effects = Set(flags.filter { $0.state == LiabilityConsequenceStateCode.applied }.compactMap(\.effect))
        if effects.contains(SanctionEffect.assessmentFailed.rawValue) { return .unqualified }
        if effects.contains(SanctionEffect.noMeritThisYear.rawValue), grade == .excellent { return .qualified }
        return grade
    }
}
