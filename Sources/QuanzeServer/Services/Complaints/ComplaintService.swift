import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 投诉举报 (001_* 五(三)): submission on the portal or registration by staff, then 受理 / 不予受理,
/// 核查, 反馈, 办结, and the supervisor's 复查 of a dropped complaint (001_* 七(二) 责任倒查).
/// Every step is a `ComplaintEvent`, a record entry of `complaint:<uuid>` and an audit entry, in one
/// transaction; the complaint row is locked first (`RowLock.complaint`).
enum ComplaintService {
    struct Submission: Sendable {
        var agencyID: UUID?
        var subjectKind: ComplaintSubjectKind
        /// The officer's name or certificate number, or the case's 文号 or number.
        var subjectText: String?
        var content: String
        var anonymous: Bool
        var name: String?
        var phone: String?
        var channel: ComplaintChannel
        /// Staff registration: the day it arrived (default today).
        var receivedOn: String?
        var attachments: [(fileName: String, content: Data)]
    }

    /// Checks the submission (every problem at once where it can), stores the complaint with its
    /// 登记编号, the hash of a fresh tracking code and the 受理情况告知 deadline; returns the code (shown once).
    static func submit(_ s: Submission, by p: Principal?, req: Request) async throws -> (Complaint, trackingCode: String) {
        let today = req.today
        if p != nil {
            guard s.channel != .portal else { throw AppError.validation("channel", "工作人员登记须选择电话、来信或意见箱", code: "invalid") }
        } else if s.channel != .portal {
            throw AppError.validation("channel", "网上投诉的渠道为网上投诉", code: "invalid")
        }
        var problems: [FieldProblem] = []
        var content = ""
        do { content = try CaseText.paragraph(s.content, field: "content", max: ComplaintRules.maxContent) } catch let e as AppError {
            problems += e.details?.problems ?? []
        }
        var subjectText: String?
        if let raw = s.subjectText, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            if let problem = TextInput.problem(raw, field: "subjectText", max: 100) { problems.append(problem) } else { subjectText = try TextInput.name(raw, field: "subjectText", max: 100) }
        } else if s.subjectKind != .agency {
            problems.append(FieldProblem(field: "subjectText", code: "required",
                                         message: s.subjectKind == .officer ? "请填写被投诉执法人员的姓名或执法证号" : "请填写案件的文号或案件编号"))
        }
        var name: String?, phone: String?
        if s.anonymous {
            if (s.name ?? "").isEmpty == false || (s.phone ?? "").isEmpty == false {
                problems.append(FieldProblem(field: "anonymous", code: "inconsistent", message: "匿名投诉不填写姓名和电话"))
            }
        } else {
            if let problem = TextInput.problem(s.name ?? "", field: "name", max: 50) { problems.append(problem) } else { name = try TextInput.name(s.name ?? "", field: "name", max: 50) }
            let rawPhone = (s.phone ?? "").trimmingCharacters(in: .whitespaces)
            if rawPhone.range(of: #"^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$"#, options: .regularExpression) == nil {
                problems.append(FieldProblem(field: "phone", code: "invalid", message: "请填写有效的手机号码或固定电话（实名投诉须留联系电话）"))
            } else { phone = rawPhone }
        }
        var received = today
        if p != nil, let raw = s.receivedOn, !raw.isEmpty {
            if let day = LocalDate(iso: raw) {
                if day > today { problems.append(FieldProblem(field: "receivedOn", code: "future", message: "不能晚于今天")) } else { received = day }
            } else { problems.append(FieldProblem(field: "receivedOn", code: "date", message: "须为有效日期（YYYY-MM-DD）")) }
        }
        if s.agencyID == nil { problems.append(FieldProblem(field: "agencyId", code: "required", message: "请选择被投诉的执法主体")) }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let files = try checkAttachments(s.attachments)

        guard let agency = try await Agency.find(s.agencyID, on: req.db), p != nil || agency.mayEnforce else {
            throw AppError.validation("agencyId", "执法主体不存在或未公告", code: "unknown")
        }
        if let p {
            guard try await ComplaintAccess.mayRegister(p, agency: agency) else { throw AppError.outOfScope }
        }
        guard let jurisdiction = try await Jurisdiction.find(agency.$jurisdiction.id, on: req.db) else { throw AppError.notFound }
        let agencyID = try agency.requireID()
        // The subject, looked up only within the chosen body (no lookup across bodies).
        var officerID: UUID?, caseID: UUID?
        if let text = subjectText, s.subjectKind == .officer {
            if let cert = try await Certificate.query(on: req.db).filter(\.$number == text).with(\.$officer).first(), cert.officer.$agency.id == agencyID {
                officerID = cert.officer.id
            } else {
                let named = try await Officer.query(on: req.db).filter(\.$agency.$id == agencyID).filter(\.$name == text).all()
                if named.count == 1 { officerID = named[0].id }
            }
        }
        if let text = subjectText, s.subjectKind == .case {
            if let c = try await EnforcementCase.query(on: req.db).filter(\.$agency.$id == agencyID).filter(\.$number == text).first() {
                caseID = c.id
            } else if let d = try await CaseDecision.query(on: req.db).filter(\.$number == text).with(\.$enforcementCase).first(),
                      d.enforcementCase.$agency.id == agencyID {
                caseID = d.enforcementCase.id
            }
        }
        let deadlines = try await ComplaintDeadlines.load(jurisdiction: jurisdiction, services: req.application.services, on: req.db)
        let code = ComplaintRules.newTrackingCode()
        let actor = p?.displayName ?? "投诉举报人（网上）"
        let c = Complaint()
        c.jurisdictionID = try jurisdiction.requireID()
        c.agencyID = agencyID
        c.subjectKind = s.subjectKind
        c.subjectText = subjectText
        c.subjectOfficerID = officerID
        c.caseID = caseID
        c.channel = s.channel
        c.anonymous = s.anonymous
        c.complainantName = name
        c.complainantPhone = phone
        c.content = content
        c.receivedOn = received.iso
        c.status = .registered
        c.trackingHash = ComplaintRules.trackingHash(ComplaintRules.normalize(code)!)
        c.registeredBy = actor
        if let ack = deadlines.due([ComplaintRules.acknowledgementCode], from: received) {
            c.ackDue = ack.due.iso
            c.ackRule = JSONText(ack.rule)
        }
        var summary = "编号登记（\(s.channel.label)，\(s.anonymous ? "匿名" : "实名")），被投诉：\(agency.name)\(s.subjectKind == .agency ? "" : "（\(s.subjectKind.label)：\(subjectText ?? "")）")"
        if !files.isEmpty { summary += "，附件 \(files.count) 件" }
        if let due = c.ackDue { summary += "；受理情况告知期限 \(due)（\(c.ackRule!.value.period)，\(c.ackRule!.value.source)）" }
        let registration = summary, receivedDay = received
        try await req.db.transaction { tx in
            c.number = try await ComplaintNumbers.next(jurisdiction: jurisdiction, year: receivedDay.year, on: tx)
            try await c.create(on: tx)
            let complaintID = try c.requireID()
            for f in files {
                let a = ComplaintAttachment()
                a.complaintID = complaintID
                a.fileName = f.fileName
                a.contentType = f.type.rawValue
                a.size = f.content.count
                a.content = f.content
                try await a.create(on: tx)
            }
            try await ComplaintJournal.write(c, kind: "register", on: receivedDay, summary: registration, actor: actor, req: req, db: tx)
            let auditActor: (id: String?, name: String?)? = p == nil ? (id: nil, name: "public") : nil
            try await req.audit(.complaintRegister, .success, target: c.number, detail: registration, actor: auditActor, on: tx)
        }
        return (c, code)
    }

    struct CheckedFile { var fileName: String; var type: AttachmentType; var content: Data }

    static func checkAttachments(_ files: [(fileName: String, content: Data)]) throws -> [CheckedFile] {
        let nonEmpty = files.filter { !$0.content.isEmpty }
        guard nonEmpty.count <= ComplaintRules.maxAttachments else {
            throw AppError("TOO_MANY_ATTACHMENTS", .unprocessableEntity, "附件不能超过 \(ComplaintRules.maxAttachments) 个（当前 \(nonEmpty.count) 个）",
                           details: ErrorDetails(field: "attachments"))
        }
        return try nonEmpty.map { f in
            let name = try TextInput.name(f.fileName, field: "fileName", max: 100)
            guard !name.contains("/") && !name.contains("\\") else { throw AppError.validation("fileName", "文件名不能包含路径", code: "invalid") }
            guard f.content.count <= ComplaintRules.maxAttachmentBytes else {
                throw AppError("ATTACHMENT_TOO_LARGE", .payloadTooLarge, "每个附件不能超过 5 MB（\(name)：\(f.content.count / 1024) KB）")
            }
            guard let type = AttachmentType.sniff(Array(f.content.prefix(8))) else {
                throw AppError("ATTACHMENT_TYPE_NOT_ALLOWED", .unsupportedMediaType, "附件须为 PDF 或图片（PNG、JPEG），按文件内容识别（\(name)）")
            }
            return CheckedFile(fileName: name, type: type, content: f.content)
        }
    }

    /// The complaint found by a tracking code; a malformed code and an unknown one get the same refusal.
    static func track(_ raw: String, on db: any Database) async throws -> Complaint {
        let normalized = ComplaintRules.normalize(raw) ?? String(repeating: "0", count: ComplaintRules.trackingSymbols + 1)
        let hash = ComplaintRules.trackingHash(normalized)
        guard let c = try await Complaint.query(on: db).filter(\.$trackingHash == hash).first() else {
            throw AppError("TRACKING_CODE_INVALID", .notFound, "查询码无效：请核对登记时获得的查询码（不区分大小写，可省略连字符）")
        }
        return c
    }

    // MARK: workflow

    enum Step: Sendable {
        case accept
        case refuse(reason: String)
        case assign(userID: UUID)
        case verify(finding: ComplaintFinding, text: String)
        case reply(text: String)
        case close(note: String?)
        case review(result: ComplaintReviewResult, note: String)

        var action: ComplaintAction? {
            switch self {
            case .accept: .accept
            case .refuse: .refuse
            case .assign: nil
            case .verify: .verify
            case .reply: .reply
            case .close: .close
            case .review: .review
            }
        }
    }

    /// Takes one step on a complaint the caller may act on (role and scope checked by `ComplaintAccess.actable`).
    @discardableResult
    static func act(_ id: UUID, _ step: Step, by p: Principal, req: Request) async throws -> Complaint {
        let today = req.today
        // Inputs first (before the state), so that a malformed request is refused the same in every state.
        switch step {
        case .refuse(let reason): _ = try CaseText.paragraph(reason, field: "reason", max: 1000)
        case .verify(_, let text): _ = try CaseText.paragraph(text, field: "findingText", max: 2000)
        case .reply(let text): _ = try CaseText.paragraph(text, field: "replyText", max: 2000)
        case .close(let note): if let note, !note.isEmpty { _ = try CaseText.paragraph(note, field: "note", max: 1000) }
        case .review(_, let note): _ = try CaseText.paragraph(note, field: "note", max: 1000)
        case .accept, .assign: break
        }
        if case .review = step, !p.has(.supervisor) {
            throw AppError("REVIEW_SUPERVISOR_ONLY", .forbidden, "复查由政府法制部门（监督员）进行")
        }
        return try await req.db.transaction { tx -> Complaint in
            try await RowLock.complaint(id, on: tx)
            guard let c = try await Complaint.find(id, on: tx) else { throw AppError.notFound }
            try await ComplaintAccess.checkScope(c, p, on: tx)
            if let action = step.action, !ComplaintStateMachine.allowed(action, from: c.status, finding: c.finding) {
                throw AppError("COMPLAINT_ILLEGAL_TRANSITION", .conflict,
                               "当前状态（\(c.status.label)）不能\(action.label)" + (action == .review ? "：只有不予受理或经核查不属实后办结的投诉举报可以复查" : ""))
            }
            if [.verify, .reply, .close].contains(step.action), let handler = c.handlerID, handler != p.userID {
                throw AppError("NOT_COMPLAINT_HANDLER", .forbidden, "该投诉举报由\(c.handlerName ?? "其他承办人")承办，只有承办人可以办理")
            }
            let actor = p.displayName
            let summary: String
            let kind: String
            var audit = AuditAction.complaintAct
            switch step {
            case .accept:
                c.status = .accepted
                c.acceptedOn = today.iso
                if c.acknowledgedOn == nil { c.acknowledgedOn = today.iso }
                if c.handlerID == nil { c.handlerID = p.userID; c.handlerName = p.displayName }
                var s = "受理，承办人：\(c.handlerName ?? actor)"
                if let ackDue = c.ackDue { s += today.iso <= ackDue ? "；已在期限内告知受理情况" : "；告知受理情况已逾期（期限 \(ackDue)）" }
                let deadlines = try await deadlinesFor(c, req: req, on: tx)
                if let received = LocalDate(iso: c.receivedOn), let reply = deadlines.due(ComplaintRules.replyCodes(for: c.subjectKind), from: received) {
                    c.replyDue = reply.due.iso
                    c.replyRule = JSONText(reply.rule)
                    s += "；核查处理并答复期限 \(reply.due.iso)（\(reply.rule.period)，\(reply.rule.source)）"
                }
                summary = s
                kind = "accept"
            case .refuse(let raw):
                let reason = try CaseText.paragraph(raw, field: "reason", max: 1000)
                c.status = .refused
                c.refusalReason = reason
                c.refusedByID = p.userID
                c.refusedByName = actor
                if c.acknowledgedOn == nil { c.acknowledgedOn = today.iso }
                summary = "不予受理，理由：\(reason)"
                kind = "refuse"
            case .assign(let userID):
                guard c.status.isOpen else { throw AppError("COMPLAINT_ILLEGAL_TRANSITION", .conflict, "当前状态（\(c.status.label)）不能指定承办人") }
                let handler = try await ComplaintAccess.eligibleHandler(userID, for: c, on: tx)
                c.handlerID = userID
                c.handlerName = handler.displayName
                summary = "指定承办人：\(handler.displayName)"
                kind = "assign"
                audit = .complaintAssign
            case .verify(let finding, let raw):
                let text = try CaseText.paragraph(raw, field: "findingText", max: 2000)
                c.status = .verified
                c.finding = finding
                c.findingText = text
                c.verifiedByName = actor
                var s = "核查结果：\(finding.label)。\(text)"
                if finding.pursued {
                    try await openIntake(c, kind: "complaint", on: today,
                                         summary: "\(c.number)：投诉举报经核查\(finding.label)（\(c.subjectKind.label)\(c.subjectText.map { "：\($0)" } ?? "")）", db: tx)
                    s += "；已转责任追究线索"
                }
                summary = s
                kind = "verify"
            case .reply(let raw):
                let text = try CaseText.paragraph(raw, field: "replyText", max: 2000)
                let first = c.repliedOn == nil
                c.status = .answered
                c.replyText = text
                if first { c.repliedOn = today.iso }
                var s = "向投诉举报人反馈处理结果"
                if first, let due = c.replyDue { s += today.iso <= due ? "（期限内）" : "（已逾期，期限 \(due)）" }
                summary = s
                kind = "reply"
            case .close(let note):
                c.status = .closed
                c.closedOn = today.iso
                c.closedByID = p.userID
                c.closedByName = actor
                summary = "办结" + (note.flatMap { $0.isEmpty ? nil : "：\($0)" } ?? "")
                kind = "close"
            case .review(let result, let raw):
                let note = try CaseText.paragraph(raw, field: "note", max: 1000)
                guard c.reviewResult != .upheld || c.reviewedOn == nil else {
                    throw AppError("COMPLAINT_ALREADY_REVIEWED", .conflict, "该投诉举报已复查（\(c.reviewResult!.label)，\(c.reviewedOn!)）")
                }
                c.reviewResult = result
                c.reviewNote = note
                c.reviewedOn = today.iso
                c.reviewedByName = actor
                var s = "复查：\(result.label)。\(note)"
                if result == .wronglyDropped {
                    let complaintID = try c.requireID()
                    var people: [(UUID?, String, String)] = []
                    if c.status == .refused, let name = c.refusedByName { people.append((c.refusedByID, name, "refuse")) }
                    if c.status == .closed, let name = c.closedByName { people.append((c.closedByID, name, "close")) }
                    for (userID, name, stepKind) in people {
                        let f = ComplaintLiabilityFinding()
                        f.complaintID = complaintID
                        f.userID = userID
                        f.personName = name
                        f.step = stepKind
                        f.foundOn = today.iso
                        f.reviewerName = actor
                        f.note = note
                        try await f.create(on: tx)
                    }
                    let who = people.map { "\($0.1)（\($0.2 == "refuse" ? "不予受理" : "办结")）" }.joined(separator: "、")
                    try await openIntake(c, kind: "complaint_dropped", on: today,
                                         summary: "\(c.number)：复查认定应受理未受理或应追究未追究，责任倒查：\(who)（\(ComplaintRules.backtracking)）", db: tx)
                    s += "；责任倒查：\(who)；已转责任追究线索；重新受理"
                    // Reopened: handled again from 受理.
                    c.status = .accepted
                    if c.acceptedOn == nil { c.acceptedOn = today.iso }
                    c.finding = nil
                    if c.handlerID == nil || c.handlerID == c.refusedByID { c.handlerID = p.userID; c.handlerName = actor }
                    if c.replyDue == nil, let received = LocalDate(iso: c.receivedOn) {
                        let deadlines = try await deadlinesFor(c, req: req, on: tx)
                        if let reply = deadlines.due(ComplaintRules.replyCodes(for: c.subjectKind), from: received) {
                            c.replyDue = reply.due.iso
                            c.replyRule = JSONText(reply.rule)
                        }
                    }
                    c.repliedOn = nil
                    c.closedOn = nil
                }
                summary = s
                kind = "review"
            }
            try await c.save(on: tx)
            try await ComplaintJournal.write(c, kind: kind, on: today, summary: summary, actor: actor, req: req, db: tx)
            try await req.audit(audit, .success, target: c.number, detail: summary, on: tx)
            return c
        }
    }

    static func deadlinesFor(_ c: Complaint, req: Request, on db: any Database) async throws -> ComplaintDeadlines {
        guard let j = try await Jurisdiction.find(c.jurisdictionID, on: db) else { throw AppError.notFound }
        return try await ComplaintDeadlines.load(jurisdiction: j, services: req.application.services, on: db)
    }

    /// A liability intake item for the complaint (`complaint` or `complaint_dropped`); one per kind and complaint.
    static func openIntake(_ c: Complaint, kind: String, on day: LocalDate, summary: String, db: any Database) async throws {
        let id = try c.requireID()
        guard try await LiabilityIntake.query(on: db).filter(\.$sourceKind == kind).filter(\.$sourceID == id).first() == nil else { return }
        let item = LiabilityIntake()
        item.sourceKind = kind
        item.sourceID = id
        item.caseID = c.caseID
        item.subjectOfficerID = c.subjectOfficerID
        item.agencyID = c.agencyID
        item.openedOn = day.iso
        item.summary = summary
        item.status = "pending"
        try await item.create(on: db)
    }
}
