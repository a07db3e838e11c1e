import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 监督文书: the legal office (监督员) issues 纠正过错通知书 / 政府法制建议书 / 案卷评查单 to a body
/// of its jurisdiction with a reply deadline set by the issuer (the seeds give none: 篇三 第十四条(二)
/// “在规定期限内回复办理结果”); the body's 法制员 replies with its 整改情况; the issuer accepts or
/// returns the reply (returned: the body replies again). Audited and recorded in stream `notice:<uuid>`
/// (and in `review:<plan uuid>` when the notice is about a review plan).
enum SupervisionNoticeService {
    /// The board colours: red when the deadline passed without a reply, yellow within `warnDays`.
    static let warnDays = 3

    /// The same yellow/red rule as every other deadline (`WarningLevel.of`), while a reply is awaited.
    static func warning(_ n: SupervisionNotice, today: LocalDate) -> WarningLevel {
        guard n.status == .issued || n.status == .returned, let due = LocalDate(iso: n.replyDue) else { return .none }
        return WarningLevel.of(due: due, today: today, window: warnDays)
    }

    static func streams(_ n: SupervisionNotice) -> [String] {
        var s = ["notice:\(n.id!.uuidString.lowercased())"]
        if let plan = n.reviewPlanID { s.append(FileReviewPlanService.stream(plan)) }
        return s
    }

    static func journal(_ req: Request, _ n: SupervisionNotice, _ kind: String, _ payload: [String: String], on db: any Database) async throws {
        var p = payload
        p["notice"] = n.id!.uuidString.lowercased()
        p["kind"] = n.kind.rawValue
        for s in streams(n) { try await req.record(stream: s, kind: "notice.\(kind)", payload: p, on: db) }
    }

    struct Draft: Sendable {
        var kind: NoticeKind?
        var agencyID: UUID?
        var title: String
        var content: String
        var replyDue: String
        var caseID: UUID?
        var reviewPlanID: UUID?
        var reviewSheetID: UUID?
    }

    static func issue(_ d: Draft, req: Request) async throws -> SupervisionNotice {
        let p = try req.require(.supervisor)
        guard let j = p.jurisdictionID else { throw AppError.outOfScope }
        var problems: [FieldProblem] = []
        if d.kind == nil { problems.append(.init(field: "kind", code: "required", message: "请选择文书种类")) }
        if let e = TextInput.problem(d.title, field: "title", max: 100) { problems.append(e) }
        let due = LocalDate(iso: d.replyDue)
        if due == nil { problems.append(.init(field: "replyDue", code: "date", message: "须为有效日期（YYYY-MM-DD）")) }
        else if due! <= req.today { problems.append(.init(field: "replyDue", code: "not_future", message: "回复期限须晚于今天")) }
        guard let agencyID = d.agencyID, let agency = try await Agency.find(agencyID, on: req.db) else {
            problems.append(.init(field: "agencyId", code: "not_found", message: "执法主体不存在"))
            throw AppError.validation(problems)
        }
        guard problems.isEmpty, let kind = d.kind, let due else { throw AppError.validation(problems) }
        let content = try CaseText.paragraph(d.content, field: "content", max: 5000)
        guard agency.$jurisdiction.id == j else { throw AppError.outOfScope }
        if let c = d.caseID {
            guard let ec = try await EnforcementCase.find(c, on: req.db), ec.$agency.id == agencyID else {
                throw AppError.validation("caseId", "案件不存在或不属于该执法主体", code: "not_found")
            }
        }
        if let planID = d.reviewPlanID {
            guard let plan = try await ReviewPlan.find(planID, on: req.db), plan.jurisdictionID == j,
                  try await ReviewPlanBody.query(on: req.db).filter(\.$planID == planID).filter(\.$agencyID == agencyID).first() != nil else {
                throw AppError.validation("reviewPlanId", "评查方案不存在或不包括该执法主体", code: "not_found")
            }
        }
        if let sheetID = d.reviewSheetID {
            guard let sheet = try await ReviewSheet.find(sheetID, on: req.db), sheet.agencyID == agencyID,
                  d.reviewPlanID == nil || d.reviewPlanID == sheet.planID else {
                throw AppError.validation("reviewSheetId", "案卷评查单不存在或不属于该执法主体", code: "not_found")
            }
        }
        let n = SupervisionNotice()
        n.jurisdictionID = j
        n.agencyID = agencyID
        n.kind = kind
        n.title = try TextInput.name(d.title, field: "title", max: 100)
        n.content = content
        n.caseID = d.caseID
        n.reviewSheetID = d.reviewSheetID
        if let sheetID = d.reviewSheetID, d.reviewPlanID == nil { n.reviewPlanID = try await ReviewSheet.find(sheetID, on: req.db)?.planID }
        else { n.reviewPlanID = d.reviewPlanID }
        n.issuedOn = req.today.iso
        n.replyDue = due.iso
        n.issuedBy = p.displayName
        n.status = .issued
        try await req.db.transaction { tx in
            try await n.create(on: tx)
            try await req.audit(.noticeIssue, .success, target: "\(kind.label) \(n.title)", detail: "\(agency.name)；回复期限 \(due.iso)", on: tx)
            try await journal(req, n, "issue", ["agency": agency.name, "title": n.title, "content": content, "replyDue": due.iso,
                                                "case": d.caseID?.uuidString.lowercased() ?? "", "sheet": d.reviewSheetID?.uuidString.lowercased() ?? ""], on: tx)
        }
        return n
    }

    static func load(_ req: Request, roles: [Role]) async throws -> (Principal, SupervisionNotice) {
        let p = try req.principal()
        guard p.hasAny(roles) else { throw AppError.forbidden }
        guard let id = req.parameters.get("noticeID", as: UUID.self), let n = try await SupervisionNotice.find(id, on: req.db) else {
            throw AppError.notFound
        }
        guard canRead(n, p) else { throw AppError.outOfScope }
        return (p, n)
    }

    static func canRead(_ n: SupervisionNotice, _ p: Principal) -> Bool {
        if p.hasAny([.supervisor, .reviewer]), n.jurisdictionID == p.jurisdictionID { return true }
        if p.has(.legalOfficer), n.agencyID == p.agencyID { return true }
        return false
    }

    static func list(for p: Principal, on db: any Database) async throws -> [SupervisionNotice] {
        let q = SupervisionNotice.query(on: db).sort(\.$replyDue)
        if p.hasAny([.supervisor, .reviewer]), let j = p.jurisdictionID { return try await q.filter(\.$jurisdictionID == j).all() }
        if p.has(.legalOfficer), let a = p.agencyID { return try await q.filter(\.$agencyID == a).all() }
        return []
    }

    /// The body's 法制员 replies (整改情况) while the notice waits for a reply or was returned; a
    /// late reply is accepted and marked late (the board had shown it red).
    static func reply(_ notice: SupervisionNotice, text raw: String, req: Request) async throws -> SupervisionNotice {
        let p = try req.require(.legalOfficer)
        guard p.agencyID == notice.agencyID else { throw AppError.outOfScope }
        let text = try CaseText.paragraph(raw, field: "reply", max: 5000)
        let id = try notice.requireID()
        return try await req.db.transaction { tx in
            try await RowLock.supervisionNotice(id, on: tx)
            guard let n = try await SupervisionNotice.find(id, on: tx) else { throw AppError.notFound }
            guard n.status == .issued || n.status == .returned else { throw AppError.conflict("NOTICE_NOT_AWAITING_REPLY", "文书状态为“\(n.status.label)”，不能回复") }
            let late = req.today.iso > n.replyDue
            n.reply = text
            n.repliedOn = req.today.iso
            n.repliedBy = p.displayName
            n.status = .replied
            try await n.save(on: tx)
            try await req.audit(.noticeReply, .success, target: "\(n.kind.label) \(n.title)", detail: late ? "逾期回复（期限 \(n.replyDue)）" : "按期回复", on: tx)
            try await journal(req, n, "reply", ["reply": text, "late": late ? "true" : "false", "replyDue": n.replyDue], on: tx)
            return n
        }
    }

    /// The issuer's jurisdiction accepts (采纳) or returns (退回) a reply.
    static func review(_ notice: SupervisionNotice, accept: Bool, note raw: String?, req: Request) async throws -> SupervisionNotice {
        let p = try req.require(.supervisor)
        let note: String? = try raw.flatMap { try $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : CaseText.paragraph($0, field: "note", max: 1000) }
        if !accept && note == nil { throw AppError.validation("note", "退回须说明理由", code: "required") }
        let id = try notice.requireID()
        return try await req.db.transaction { tx in
            try await RowLock.supervisionNotice(id, on: tx)
            guard let n = try await SupervisionNotice.find(id, on: tx) else { throw AppError.notFound }
            guard n.status == .replied else { throw AppError.conflict("NOTICE_NOT_REPLIED", "文书状态为“\(n.status.label)”，没有待审查的回复") }
            n.status = accept ? .accepted : .returned
            n.reviewNote = note
            n.reviewedOn = req.today.iso
            n.reviewedBy = p.displayName
            try await n.save(on: tx)
            try await req.audit(accept ? .noticeAccept : .noticeReturn, .success, target: "\(n.kind.label) \(n.title)", detail: note, on: tx)
            try await journal(req, n, accept ? "accept" : "return", ["note": note ?? ""], on: tx)
            return n
        }
    }
}

/// Figures of 案卷评查 for other modules (评议考核 “案卷评查平均分”).
enum FileReviewStatistics {
    struct MeanScore: Sendable, Equatable {
        var files: Int
        var mean: Double?
        var sheetIDs: [UUID]
    }

    /// The body's 案卷评查 score for a year: the mean of the final scores of its confirmed sheets in
    /// all plans of that year (年度评查 and 日常抽查 together, 第十五条; the mean per 第十条(七)).
    static func meanScore(agencyID: UUID, year: Int, on db: any Database) async throws -> (files: Int, mean: Double?, sheetIDs: [UUID]) {
        let planIDs = try await ReviewPlan.query(on: db).filter(\.$year == year).all(\.$id)
        guard !planIDs.isEmpty else { return (0, nil, []) }
        let sheets = try await ReviewSheet.query(on: db).filter(\.$planID ~~ planIDs).filter(\.$agencyID == agencyID)
            .filter(\.$stage == .confirmed).sort(\.$caseNumber).all()
        let scored = sheets.filter { $0.finalScore != nil }
        return (scored.count, ReviewScore.mean(scored.compactMap(\.finalScore)), try scored.map { try $0.requireID() })
    }

    /// Per body of one plan: files drawn, files with a final score, and the mean.
    static func bodyScores(plan: ReviewPlan, on db: any Database) async throws -> [(agencyID: UUID, drawn: Int, scored: Int, mean: Double?)] {
        let planID = try plan.requireID()
        let bodies = try await ReviewPlanBody.query(on: db).filter(\.$planID == planID).sort(\.$agencyName).all()
        let sheets = try await ReviewSheet.query(on: db).filter(\.$planID == planID).all()
        return bodies.map { b in
            let mine = sheets.filter { $0.agencyID == b.agencyID }
            let finals = mine.filter { $0.stage == .confirmed }.compactMap(\.finalScore)
            return (b.agencyID, mine.count, finals.count, ReviewScore.mean(finals))
        }
    }
}
