import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// Who may read and act on a coordination dispute: the 法制员 of a body concerned (their own body only) and the
/// jurisdiction's supervisors (法制办), who record the 协调机关's and the 区政府's acts.
enum CoordinationAccess {
    static let readers: [Role] = [.supervisor, .legalOfficer]

    struct DisputeAccess {
        var principal: Principal
        var dispute: CoordinationDispute
        var parties: [CoordinationParty]
        /// The caller is the jurisdiction's supervisor (法制办).
        var isSupervisor: Bool
        /// The caller's own body among the parties.
        var ownParty: CoordinationParty?
        var isInitiator: Bool { ownParty?.role == "initiator" }
    }

    static func disputeID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("disputeID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        return id
    }

    static func load(_ req: Request, id given: UUID? = nil) async throws -> DisputeAccess {
        let p = try req.requireAny(readers)
        let id = try given ?? disputeID(req)
        guard let d = try await CoordinationDispute.find(id, on: req.db) else { throw AppError.notFound }
        let parties = try await CoordinationParty.query(on: req.db).filter(\.$disputeID == id).sort(\.$createdAt).all()
        let supervisor = p.has(.supervisor) && p.jurisdictionID == d.jurisdictionID
        let own = p.has(.legalOfficer) ? parties.first(where: { $0.agencyID == p.agencyID }) : nil
        guard supervisor || own != nil else { throw AppError.notFound }
        return DisputeAccess(principal: p, dispute: d, parties: parties, isSupervisor: supervisor, ownParty: own)
    }

    static func requireInitiator(_ a: DisputeAccess) throws {
        guard a.isInitiator else {
            throw AppError("COORDINATION_NOT_INITIATOR", .forbidden, "只有负有主动协调责任的行政执法部门（提起协调的部门）可以办理此步骤（通州区关于行政执法协调工作的若干规定 第六条、第九条、第十条）")
        }
    }

    static func requireSupervisor(_ a: DisputeAccess, _ what: String) throws {
        guard a.isSupervisor else {
            throw AppError("COORDINATION_NOT_COORDINATOR", .forbidden, "\(what)由协调机关办理，行政执法部门不能作出（第十二条、第十五条、第十六条）")
        }
    }
}

/// The coordination procedure (通州区关于行政执法协调工作的若干规定, seed `004_*` 篇十一). Every step is audited, kept
/// as a timeline row and recorded in the record log stream `coordination:<uuid>` in the same transaction.
enum CoordinationService {
    static func stream(_ id: UUID) -> String { "coordination:\(id.uuidString.lowercased())" }

    static func profile(_ d: CoordinationDispute, _ services: AppServices) -> EffectiveProfile? {
        services.profiles.effective(id: d.profileID)
    }

    static func wrongState(_ d: CoordinationDispute, _ what: String) -> AppError {
        AppError.conflict("COORDINATION_WRONG_STATE", "本协调事项当前状态为“\(CoordinationStatus.label(d.status))”，不能\(what)")
    }

    static func text(_ raw: String, field: String, max: Int = 4000) throws -> String {
        try CaseText.paragraph(raw, field: field, max: max)
    }

    static func optionalDate(_ raw: String?, field: String, notBefore: LocalDate?) throws -> LocalDate? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let day = LocalDate(iso: raw) else { throw AppError.validation(field, "须为有效日期（YYYY-MM-DD）", code: "date") }
        if let notBefore, day < notBefore { throw AppError.validation(field, "不能早于 \(notBefore.iso)", code: "too_early") }
        return day
    }

    /// Appends a timeline step, an audit entry and a record-log entry.
    static func step(_ d: CoordinationDispute, kind: String, action: AuditAction, actor: String, text: String, source: String?,
                     day: LocalDate, req: Request, on tx: any Database) async throws {
        let id = try d.requireID()
        let seq = (try await CoordinationStep.query(on: tx).filter(\.$disputeID == id).count()) + 1
        let s = CoordinationStep()
        s.disputeID = id
        s.seq = seq
        s.day = day.iso
        s.kind = kind
        s.actor = actor
        s.text = text
        s.source = source
        try await s.create(on: tx)
        try await req.audit(action, .success, target: d.subject, detail: text, on: tx)
        var payload = ["step": kind, "day": day.iso, "by": actor, "text": text, "status": d.status]
        if let source { payload["source"] = source }
        try await req.record(stream: stream(id), kind: "coordination.\(kind)", payload: payload, on: tx)
    }

    static func lock(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(CoordinationDispute.schema).set("status", to: SQLIdentifier("status")).where("id", .equal, id).run()
    }

    /// Re-reads the dispute inside the transaction (after the row lock) and checks its status.
    static func fresh(_ id: UUID, expect: [CoordinationStatus], what: String, on tx: any Database) async throws -> CoordinationDispute {
        try await lock(id, on: tx)
        guard let d = try await CoordinationDispute.find(id, on: tx) else { throw AppError.notFound }
        guard expect.map(\.rawValue).contains(d.status) else { throw wrongState(d, what) }
        return d
    }

    // MARK: raise (第四条, 第六条)

    static func raise(kind rawKind: String, subject rawSubject: String, description rawDescription: String, partyAgencyIDs: [UUID],
                      req: Request) async throws -> CoordinationDispute {
        let p = try req.require(.legalOfficer)
        guard let own = p.agencyID, let agency = try await Agency.find(own, on: req.db),
              let j = try await Jurisdiction.find(agency.$jurisdiction.id, on: req.db) else {
            throw AppError("COORDINATION_NO_BODY", .forbidden, "只有行政执法部门的法制员可以提起执法协调")
        }
        guard let kind = CoordinationKind(rawValue: rawKind) else {
            throw AppError.validation("kind", "协调事项种类须为 \(CoordinationKind.allCases.map(\.rawValue).joined(separator: "、"))（第四条）", code: "enum")
        }
        let subject = try TextInput.name(rawSubject, field: "subject", max: 100)
        guard !subject.isEmpty else { throw AppError.validation("subject", "不能为空", code: "required") }
        let description = try text(rawDescription, field: "description")
        let others = Array(Set(partyAgencyIDs.filter { $0 != own }))
        guard !others.isEmpty else {
            throw AppError.validation("partyAgencyIds", "须列明至少一个其他相关行政执法部门（协调发生在行政执法部门之间，第二条、第五条(二)）", code: "required")
        }
        guard others.count <= 20 else { throw AppError.validation("partyAgencyIds", "相关行政执法部门不超过 20 个", code: "length") }
        var otherAgencies: [Agency] = []
        for id in others.sorted(by: { $0.uuidString < $1.uuidString }) {
            guard let a = try await Agency.find(id, on: req.db), a.$jurisdiction.id == j.id else {
                throw AppError.validation("partyAgencyIds", "相关行政执法部门不存在或不在本辖区", code: "not_found")
            }
            otherAgencies.append(a)
        }
        let today = req.today
        let named = otherAgencies
        return try await req.db.transaction { tx in
            let d = CoordinationDispute()
            d.jurisdictionID = try j.requireID()
            d.profileID = j.profileID
            d.initiatorAgencyID = own
            d.kind = kind.rawValue
            d.subject = subject
            d.description = description
            d.status = CoordinationStatus.selfCoordination.rawValue
            d.raisedOn = today.iso
            d.raisedBy = p.displayName
            d.filingLate = false
            d.forwardLate = false
            try await d.create(on: tx)
            let did = try d.requireID()
            for (a, role) in [(agency, "initiator")] + named.map({ ($0, "party") }) {
                let party = CoordinationParty()
                party.disputeID = did
                party.agencyID = try a.requireID()
                party.agencyName = a.name
                party.role = role
                try await party.create(on: tx)
            }
            let names = named.map(\.name).joined(separator: "、")
            try await step(d, kind: "raise", action: .coordinationRaise, actor: "\(agency.name) \(p.displayName)",
                           text: "提起执法协调（\(kind.label)）：\(subject)；相关部门：\(names)。先由各部门自行协调，本部门负有主动协调责任",
                           source: CoordinationRules.provisionSource("coordination_self_first", profile(d, req.application.services)),
                           day: today, req: req, on: tx)
            return d
        }
    }

    // MARK: 协调意见 and 备案 (第八条, 第九条)

    static func fileOpinion(_ a: CoordinationAccess.DisputeAccess, endedOn rawEnded: String, opinion rawOpinion: String,
                            executeBy rawExecuteBy: String?, req: Request) async throws {
        try CoordinationAccess.requireInitiator(a)
        let today = req.today
        let raised = LocalDate(iso: a.dispute.raisedOn)
        let ended = try CaseText.date(rawEnded, field: "endedOn", default: today, notAfter: today, notBefore: raised)
        let opinion = try text(rawOpinion, field: "opinion")
        let executeBy = try optionalDate(rawExecuteBy, field: "executeBy", notBefore: today)
        let services = req.application.services
        let calendar = try await services.calendar.calendar(on: req.db, now: services.clock.now())
        let due: LiabilityDue?
        do { due = try LiabilityProfileRules.due(CoordinationRules.opinionFilingCode, in: profile(a.dispute, services), calendar: calendar, from: ended) }
        catch let e as LiabilityRefusal { throw AppError.refusal(e) }
        try await req.db.transaction { tx in
            let d = try await fresh(a.dispute.requireID(), expect: [.selfCoordination], what: "报送协调意见", on: tx)
            d.endedOn = ended.iso
            d.opinionText = opinion
            d.filedOn = today.iso
            d.filingDueOn = due?.date.iso
            d.filingRule = due.map { "\($0.name)：\($0.period)" }
            d.filingSource = due?.source.description
            d.filingLate = due.map { today > $0.date } ?? false
            d.executeBy = executeBy?.iso
            d.status = CoordinationStatus.executing.rawValue
            try await d.save(on: tx)
            var t = "自行协调达成一致，协调结束于 \(ended.iso)，协调意见报送区政府法制办备案"
            if let due { t += "（期限 \(due.date.iso)\(d.filingLate ? "，已逾期报送" : "")）" } else { t += "（备案期限：未规定）" }
            try await step(d, kind: "opinion_file", action: .coordinationOpinionFile, actor: a.principal.displayName, text: t,
                           source: due?.source.description, day: today, req: req, on: tx)
        }
    }

    // MARK: 协调申请 (第十条, 第十一条)

    static func escalate(_ a: CoordinationAccess.DisputeAccess, office rawOffice: String, endedOn rawEnded: String?, application rawApplication: String,
                         req: Request) async throws {
        try CoordinationAccess.requireInitiator(a)
        guard let office = CoordinationOffice(rawValue: rawOffice) else {
            throw AppError.validation("office", "协调机关须为 \(CoordinationOffice.allCases.map(\.rawValue).joined(separator: "、"))", code: "enum")
        }
        let today = req.today
        let ended = try CaseText.date(rawEnded, field: "endedOn", default: today, notAfter: today, notBefore: LocalDate(iso: a.dispute.raisedOn))
        let application = try text(rawApplication, field: "application")
        let services = req.application.services
        let prof = profile(a.dispute, services)
        let kind = CoordinationKind(rawValue: a.dispute.kind) ?? .other
        let competent = CoordinationRules.competentOffice(for: kind, profile: prof)
        let misdirected = competent != nil && competent != office
        let calendar = try await services.calendar.calendar(on: req.db, now: services.clock.now())
        let due: LiabilityDue?
        do { due = misdirected ? try LiabilityProfileRules.due(CoordinationRules.forwardingCode, in: prof, calendar: calendar, from: today) : nil }
        catch let e as LiabilityRefusal { throw AppError.refusal(e) }
        try await req.db.transaction { tx in
            let d = try await fresh(a.dispute.requireID(), expect: [.selfCoordination], what: "提出协调申请", on: tx)
            d.endedOn = ended.iso
            d.appliedOffice = office.rawValue
            d.appliedOn = today.iso
            d.applicationText = application
            d.currentOffice = office.rawValue
            d.receivedOn = today.iso
            d.forwardDueOn = due?.date.iso
            d.forwardRule = due.map { "\($0.name)：\($0.period)" }
            d.forwardSource = due?.source.description
            d.status = CoordinationStatus.escalated.rawValue
            try await d.save(on: tx)
            var t = "自行协调未能达成一致（结束于 \(ended.iso)），向\(office.label)提出协调申请"
            if let competent, misdirected {
                t += "；依第十条本事项应由\(competent.label)协调，\(office.label)应当移送"
                if let due { t += "（移送期限 \(due.date.iso)）" }
            }
            try await step(d, kind: "escalate", action: .coordinationEscalate, actor: a.principal.displayName, text: t,
                           source: CoordinationRules.escalationSource(prof), day: today, req: req, on: tx)
        }
    }

    // MARK: 移送 (第十二条)

    static func forward(_ a: CoordinationAccess.DisputeAccess, to rawOffice: String, req: Request) async throws {
        try CoordinationAccess.requireSupervisor(a, "移送协调申请")
        guard let target = CoordinationOffice(rawValue: rawOffice) else {
            throw AppError.validation("office", "协调机关须为 \(CoordinationOffice.allCases.map(\.rawValue).joined(separator: "、"))", code: "enum")
        }
        let today = req.today
        let prof = profile(a.dispute, req.application.services)
        let kind = CoordinationKind(rawValue: a.dispute.kind) ?? .other
        let competent = CoordinationRules.competentOffice(for: kind, profile: prof)
        try await req.db.transaction { tx in
            let d = try await fresh(a.dispute.requireID(), expect: [.escalated], what: "移送协调申请", on: tx)
            let current = CoordinationOffice(rawValue: d.currentOffice ?? "")
            if let competent, current == competent {
                throw AppError.conflict("COORDINATION_ALREADY_COMPETENT", "\(competent.label)有权协调本事项，应当及时开展协调，无需移送（第十条、第十二条）")
            }
            if target == current { throw AppError.validation("office", "移送对象不能是本协调机关", code: "same") }
            if let competent, target != competent {
                throw AppError("COORDINATION_WRONG_OFFICE", .unprocessableEntity,
                               "\(kind.label)事项应当由\(competent.label)协调，不能移送\(target.label)（\(CoordinationRules.escalationSource(prof) ?? "第十条")）")
            }
            let late = d.forwardDueOn.flatMap(LocalDate.init(iso:)).map { today > $0 } ?? false
            d.forwardedOn = today.iso
            d.forwardLate = late
            d.currentOffice = target.rawValue
            d.receivedOn = today.iso
            try await d.save(on: tx)
            var t = "\(CoordinationOffice.label(current?.rawValue))拟定移送函，将协调申请移交\(target.label)，同时告知申请协调的部门"
            if let due = d.forwardDueOn { t += "（移送期限 \(due)\(late ? "，已逾期移送" : "")）" }
            try await step(d, kind: "forward", action: .coordinationForward, actor: a.principal.displayName, text: t,
                           source: d.forwardSource ?? CoordinationRules.escalationSource(prof), day: today, req: req, on: tx)
        }
    }

    // MARK: 协调机关的结果 (第十五条)

    enum Resolution: String, CaseIterable { case agreed, proposed }

    static func resolve(_ a: CoordinationAccess.DisputeAccess, office rawOffice: String, outcome rawOutcome: String, text rawText: String,
                        executeBy rawExecuteBy: String?, req: Request) async throws {
        try CoordinationAccess.requireSupervisor(a, "协调结果")
        guard let office = CoordinationOffice(rawValue: rawOffice) else {
            throw AppError.validation("office", "协调机关须为 \(CoordinationOffice.allCases.map(\.rawValue).joined(separator: "、"))", code: "enum")
        }
        guard let outcome = Resolution(rawValue: rawOutcome) else {
            throw AppError.validation("outcome", "须为 agreed（达成一致，第十五条(一)）或 proposed（报请区政府决定，第十五条(二)）", code: "enum")
        }
        let body = try text(rawText, field: "text")
        let today = req.today
        let executeBy = try optionalDate(rawExecuteBy, field: "executeBy", notBefore: today)
        let prof = profile(a.dispute, req.application.services)
        let kind = CoordinationKind(rawValue: a.dispute.kind) ?? .other
        let competent = CoordinationRules.competentOffice(for: kind, profile: prof)
        try await req.db.transaction { tx in
            let d = try await fresh(a.dispute.requireID(), expect: [.escalated], what: "记录协调机关的协调结果", on: tx)
            guard d.currentOffice == office.rawValue else {
                throw AppError("COORDINATION_NOT_COORDINATOR", .forbidden,
                               "本事项现由\(CoordinationOffice.label(d.currentOffice))协调，\(office.label)不是本事项的协调机关")
            }
            if let competent, office != competent {
                throw AppError("COORDINATION_WRONG_OFFICE", .conflict,
                               "\(kind.label)事项应当由\(competent.label)协调；\(office.label)应当在接到申请后3个工作日内移送（第十条、第十二条）")
            }
            if outcome == .proposed && office == .government {
                throw AppError.validation("outcome", "区政府直接作出协调决定，请选择 agreed", code: "enum")
            }
            d.resolution = outcome.rawValue
            d.resolutionText = body
            d.resolvedOn = today.iso
            let source: String?
            let t: String
            if outcome == .agreed {
                d.status = CoordinationStatus.executing.rawValue
                d.executeBy = executeBy?.iso
                t = "\(office.label)协调达成一致，制作书面协调意见印发各部门"
                source = "通州区关于行政执法协调工作的若干规定 第十五条(一)（\(CoordinationRules.seed) 篇十一）"
            } else {
                d.status = CoordinationStatus.awaitingGovernment.rawValue
                t = "\(office.label)协调未达成一致，提出意见报请区政府决定"
                source = CoordinationRules.provisionSource(CoordinationRules.governmentDecisionCode, prof)
            }
            try await d.save(on: tx)
            try await step(d, kind: "resolve", action: .coordinationResolve, actor: "\(office.label) \(a.principal.displayName)", text: t,
                           source: source, day: today, req: req, on: tx)
        }
    }

    // MARK: 区政府决定 (第十五条(二), 第十六条)

    static func governmentDecision(_ a: CoordinationAccess.DisputeAccess, text rawText: String, executeBy rawExecuteBy: String?, req: Request) async throws {
        try CoordinationAccess.requireSupervisor(a, "区政府协调决定")
        let body = try text(rawText, field: "text")
        let today = req.today
        let executeBy = try optionalDate(rawExecuteBy, field: "executeBy", notBefore: today)
        let prof = profile(a.dispute, req.application.services)
        try await req.db.transaction { tx in
            let d = try await fresh(a.dispute.requireID(), expect: [.awaitingGovernment], what: "记录区政府协调决定", on: tx)
            d.decisionText = body
            d.decidedOn = today.iso
            d.executeBy = executeBy?.iso
            d.status = CoordinationStatus.executing.rawValue
            try await d.save(on: tx)
            try await step(d, kind: "government_decide", action: .coordinationGovernmentDecide, actor: a.principal.displayName,
                           text: "区政府作出决定，协调机关据此制作行政执法协调决定，以区政府文件印发各相关部门",
                           source: CoordinationRules.provisionSource(CoordinationRules.governmentDecisionCode, prof), day: today, req: req, on: tx)
        }
    }

    // MARK: 执行 (第二十条)

    static func reportExecution(_ a: CoordinationAccess.DisputeAccess, agencyID: UUID?, text rawText: String, req: Request) async throws {
        let party: CoordinationParty
        if let own = a.ownParty, agencyID == nil || agencyID == own.agencyID {
            party = own
        } else if a.isSupervisor {
            guard let agencyID else { throw AppError.validation("agencyId", "请选择报告执行情况的行政执法部门", code: "required") }
            guard let p = a.parties.first(where: { $0.agencyID == agencyID }) else {
                throw AppError.validation("agencyId", "不是本协调事项的相关部门", code: "not_found")
            }
            party = p
        } else {
            throw AppError("COORDINATION_NOT_OWN_BODY", .forbidden, "只能报告本部门的执行情况")
        }
        let body = try text(rawText, field: "text")
        let today = req.today
        let prof = profile(a.dispute, req.application.services)
        try await req.db.transaction { tx in
            let d = try await fresh(a.dispute.requireID(), expect: [.executing], what: "报告执行情况", on: tx)
            guard let row = try await CoordinationParty.find(party.requireID(), on: tx) else { throw AppError.notFound }
            if row.reportedOn != nil {
                throw AppError.conflict("COORDINATION_ALREADY_REPORTED", "\(row.agencyName)已于 \(row.reportedOn ?? "") 报告执行情况")
            }
            row.reportedOn = today.iso
            row.reportText = body
            row.reportedBy = a.principal.displayName
            try await row.save(on: tx)
            var t = "\(row.agencyName)报告执行情况"
            if let by = d.executeBy, today.iso > by { t += "（逾期，应于 \(by) 前执行）" }
            try await step(d, kind: "execution_report", action: .coordinationExecutionReport, actor: a.principal.displayName, text: t,
                           source: CoordinationRules.provisionSource(CoordinationRules.executionCode, prof), day: today, req: req, on: tx)
        }
    }

    static func close(_ a: CoordinationAccess.DisputeAccess, req: Request) async throws {
        try CoordinationAccess.requireSupervisor(a, "办结")
        let today = req.today
        let prof = profile(a.dispute, req.application.services)
        try await req.db.transaction { tx in
            let d = try await fresh(a.dispute.requireID(), expect: [.executing], what: "办结", on: tx)
            let pending = try await CoordinationParty.query(on: tx).filter(\.$disputeID == d.requireID()).all().filter { $0.reportedOn == nil }
            guard pending.isEmpty else {
                throw AppError.conflict("COORDINATION_EXECUTION_PENDING",
                                        "尚有部门未报告执行情况：\(pending.map(\.agencyName).joined(separator: "、"))（第二十条：协调机关对执行情况负有监督检查责任）")
            }
            d.status = CoordinationStatus.closed.rawValue
            d.closedOn = today.iso
            d.closedBy = a.principal.displayName
            try await d.save(on: tx)
            try await step(d, kind: "close", action: .coordinationClose, actor: a.principal.displayName, text: "各相关部门均已报告执行情况，办结",
                           source: CoordinationRules.provisionSource(CoordinationRules.executionCode, prof), day: today, req: req, on: tx)
        }
    }
}
