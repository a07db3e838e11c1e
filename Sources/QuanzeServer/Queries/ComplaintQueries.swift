import Fluent
import Foundation
import QuanzeCore
import Vapor

struct ComplaintDeadlineDTO: Content, Sendable {
    var code: String
    var name: String
    var period: String
    var due: String
    var metOn: String?
    var level: WarningLevel
    var levelLabel: String
    var source: String
    var sourceRef: SourceRef
}

struct ComplaintEventDTO: Content, Sendable {
    var kind: String
    var onDate: String
    var summary: String
    var actor: String
}

struct ComplaintAttachmentDTO: Content, Sendable {
    var id: UUID
    var fileName: String
    var contentType: String
    var size: Int
}

struct ComplaintFindingDTO: Content, Sendable {
    var personName: String
    var step: String
    var stepLabel: String
    var foundOn: String
    var reviewerName: String
    var note: String
}

/// A complaint as staff see it. `complainant` and `complainantPhone` are masked unless the caller is the handler.
struct ComplaintDTO: Content, Sendable {
    var id: UUID
    var number: String
    var jurisdictionId: UUID
    var agencyId: UUID
    var agencyName: String
    var subjectKind: ComplaintSubjectKind
    var subjectKindLabel: String
    var subjectText: String?
    var subjectOfficerId: UUID?
    var caseId: UUID?
    var channel: ComplaintChannel
    var channelLabel: String
    var anonymous: Bool
    var complainant: String
    var complainantPhone: String?
    var identityVisible: Bool
    var content: String
    var receivedOn: String
    var status: ComplaintStatus
    var statusLabel: String
    var registeredBy: String
    var handlerId: UUID?
    var handlerName: String?
    var level: WarningLevel
    var deadlines: [ComplaintDeadlineDTO]
    var acceptedOn: String?
    var acknowledgedOn: String?
    var refusalReason: String?
    var refusedBy: String?
    var finding: ComplaintFinding?
    var findingLabel: String?
    var findingText: String?
    var verifiedBy: String?
    var replyText: String?
    var repliedOn: String?
    var closedOn: String?
    var closedBy: String?
    var reviewResult: ComplaintReviewResult?
    var reviewResultLabel: String?
    var reviewNote: String?
    var reviewedOn: String?
    var reviewedBy: String?
    var actions: [ComplaintAction]
    var events: [ComplaintEventDTO]
    var attachments: [ComplaintAttachmentDTO]
    var findings: [ComplaintFindingDTO]
}

/// What the complainant sees with the tracking code: no staff names, no identity.
struct PublicComplaintDTO: Content, Sendable {
    var number: String
    var agencyName: String
    var subjectKindLabel: String
    var receivedOn: String
    var status: ComplaintStatus
    var statusLabel: String
    var acknowledgementDue: String?
    var acknowledgementSource: String?
    var acknowledgedOn: String?
    var refusalReason: String?
    var replyDue: String?
    var replySource: String?
    var replyText: String?
    var repliedOn: String?
    var closedOn: String?
    var steps: [PublicComplaintStep]
}

struct PublicComplaintStep: Content, Sendable {
    var onDate: String
    var label: String
}

/// The receipt of a submission: the number and the tracking code (shown once, never stored).
struct ComplaintReceiptDTO: Content, Sendable {
    var id: UUID
    var number: String
    var trackingCode: String
    var acknowledgementDue: String?
    var acknowledgementSource: String?
}

enum ComplaintQueries {
    static let stepLabels = ["register": "编号登记", "accept": "受理", "refuse": "不予受理", "assign": "指定承办人", "verify": "核查",
                             "reply": "反馈处理结果", "close": "办结", "review": "复查"]

    static func deadlines(_ c: Complaint, today: LocalDate, window: Int) -> [ComplaintDeadlineDTO] {
        var out: [ComplaintDeadlineDTO] = []
        func add(_ due: String?, _ rule: ComplaintDeadlineRule?, met: String?, open: Bool) {
            guard let due, let rule, let day = LocalDate(iso: due) else { return }
            let level: WarningLevel = met == nil && open ? WarningLevel.of(due: day, today: today, window: window) : .none
            out.append(ComplaintDeadlineDTO(code: rule.code, name: rule.name, period: rule.period, due: due, metOn: met, level: level,
                                            levelLabel: met != nil ? (met! <= due ? "按期" : "逾期完成") : level.label,
                                            source: rule.source.description, sourceRef: rule.source))
        }
        add(c.ackDue, c.ackRule?.value, met: c.acknowledgedOn, open: true)
        add(c.replyDue, c.replyRule?.value, met: c.repliedOn, open: c.status.isOpen)
        return out
    }

    static func level(_ c: Complaint, today: LocalDate, window: Int) -> WarningLevel {
        deadlines(c, today: today, window: window).map(\.level).max() ?? .none
    }

    static func complainant(_ c: Complaint, visible: Bool) -> (String, String?) {
        if c.anonymous { return ("匿名", nil) }
        let name = c.complainantName ?? ""
        let phone = c.complainantPhone
        return visible ? (name, phone) : (ComplaintRules.maskName(name), phone.map(PersonalDataMasker.maskPhone))
    }

    static func dto(_ c: Complaint, for p: Principal, today: LocalDate, window: Int, detail: Bool, on db: any Database) async throws -> ComplaintDTO {
        let id = try c.requireID()
        let agency = try await Agency.find(c.agencyID, on: db)
        let visible = ComplaintAccess.isHandler(c, p)
        let (who, phone) = complainant(c, visible: visible)
        var events: [ComplaintEventDTO] = [], attachments: [ComplaintAttachmentDTO] = [], findings: [ComplaintFindingDTO] = []
        if detail {
            events = try await ComplaintEvent.query(on: db).filter(\.$complaintID == id).sort(\.$createdAt).all()
                .map { ComplaintEventDTO(kind: $0.kind, onDate: $0.onDate, summary: $0.summary, actor: $0.actor) }
            attachments = try await ComplaintAttachment.query(on: db).filter(\.$complaintID == id).field(\.$id).field(\.$fileName)
                .field(\.$contentType).field(\.$size).all()
                .map { ComplaintAttachmentDTO(id: $0.id!, fileName: $0.fileName, contentType: $0.contentType, size: $0.size) }
            findings = try await ComplaintLiabilityFinding.query(on: db).filter(\.$complaintID == id).sort(\.$createdAt).all()
                .map { ComplaintFindingDTO(personName: $0.personName, step: $0.step, stepLabel: $0.step == "refuse" ? "应受理未受理（不予受理）" : "应追究未追究（办结）",
                                           foundOn: $0.foundOn, reviewerName: $0.reviewerName, note: $0.note) }
        }
        let dls = deadlines(c, today: today, window: window)
        var actions = ComplaintStateMachine.actions(from: c.status, finding: c.finding)
        if !p.has(.supervisor) { actions.removeAll { $0 == .review } }
        if c.reviewResult == .upheld { actions.removeAll { $0 == .review } }
        return ComplaintDTO(
            id: id, number: c.number, jurisdictionId: c.jurisdictionID, agencyId: c.agencyID, agencyName: agency?.name ?? "",
            subjectKind: c.subjectKind, subjectKindLabel: c.subjectKind.label, subjectText: c.subjectText, subjectOfficerId: c.subjectOfficerID,
            caseId: c.caseID, channel: c.channel, channelLabel: c.channel.label, anonymous: c.anonymous, complainant: who,
            complainantPhone: phone, identityVisible: visible && !c.anonymous, content: c.content, receivedOn: c.receivedOn,
            status: c.status, statusLabel: c.status.label, registeredBy: c.registeredBy, handlerId: c.handlerID, handlerName: c.handlerName,
            level: dls.map(\.level).max() ?? .none, deadlines: dls, acceptedOn: c.acceptedOn, acknowledgedOn: c.acknowledgedOn,
            refusalReason: c.refusalReason, refusedBy: c.refusedByName, finding: c.finding, findingLabel: c.finding?.label,
            findingText: c.findingText, verifiedBy: c.verifiedByName, replyText: c.replyText, repliedOn: c.repliedOn, closedOn: c.closedOn,
            closedBy: c.closedByName, reviewResult: c.reviewResult, reviewResultLabel: c.reviewResult?.label, reviewNote: c.reviewNote,
            reviewedOn: c.reviewedOn, reviewedBy: c.reviewedByName, actions: actions, events: events, attachments: attachments, findings: findings)
    }

    static func publicView(_ c: Complaint, on db: any Database) async throws -> PublicComplaintDTO {
        let agency = try await Agency.find(c.agencyID, on: db)
        let labels = stepLabels
        let steps = try await ComplaintEvent.query(on: db).filter(\.$complaintID == c.requireID()).sort(\.$createdAt).all()
            .filter { $0.kind != "assign" }
            .map { PublicComplaintStep(onDate: $0.onDate, label: labels[$0.kind] ?? $0.kind) }
        return PublicComplaintDTO(number: c.number, agencyName: agency?.name ?? "", subjectKindLabel: c.subjectKind.label, receivedOn: c.receivedOn,
                                  status: c.status, statusLabel: c.status.label, acknowledgementDue: c.ackDue,
                                  acknowledgementSource: c.ackRule?.value.source.description, acknowledgedOn: c.acknowledgedOn,
                                  refusalReason: c.status == .refused ? c.refusalReason : nil, replyDue: c.replyDue,
                                  replySource: c.replyRule?.value.source.description,
                                  replyText: c.replyText, repliedOn: c.repliedOn, closedOn: c.closedOn, steps: steps)
    }

    struct Filter: Sendable {
        var status: ComplaintStatus?
        var level: WarningLevel?
        var agencyID: UUID?
    }

    /// The caller's complaints, newest first (at most 500), with the filter applied; the level filter keeps
    /// complaints whose worst open deadline is at that level.
    static func list(_ f: Filter, for p: Principal, today: LocalDate, window: Int, on db: any Database) async throws -> [ComplaintDTO] {
        let q = Complaint.query(on: db)
        q.group(.or) { g in
            if p.has(.supervisor), let j = p.jurisdictionID { g.filter(\.$jurisdictionID == j) }
            if p.has(.legalOfficer), let a = p.agencyID { g.filter(\.$agencyID == a) }
            g.filter(\.$id == UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        }
        if let s = f.status { q.filter(\.$status == s) }
        if let a = f.agencyID { q.filter(\.$agencyID == a) }
        let rows = try await q.sort(\.$receivedOn, .descending).sort(\.$number, .descending).limit(500).all()
        var out: [ComplaintDTO] = []
        for c in rows {
            let d = try await dto(c, for: p, today: today, window: window, detail: false, on: db)
            if let level = f.level, d.level != level { continue }
            out.append(d)
        }
        return out
    }
}
