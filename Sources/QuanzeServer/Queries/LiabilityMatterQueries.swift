import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Views of 责任追究 matters. A person concerned sees the matter, the persons (masked), the investigators and
/// recusals and their own statements; the evidence and interview log only the pursuer sees.
enum LiabilityMatterQueries {
    static let logLabels: [String: String] = [
        "liability.filed": "立案", "liability.person_add": "添加被调查人员", "liability.investigator_appoint": "指定调查人员",
        "liability.recusal_detected": "检测到应当回避（已拒绝指定）", "liability.recusal_declared": "回避",
        "liability.evidence": "证据", "liability.interview": "询问（谈话）笔录", "liability.statement": "陈述申辩",
        "liability.findings": "认定与处理建议", "liability.hearing_waiver": "告知后放弃陈述申辩", "liability.extension": "延长决定期限",
        "liability.decision": "责任追究决定", "liability.service": "送达", "liability.final": "决定生效", "liability.appeal": "复核（申诉）",
        "liability.appeal_extension": "延长复核（申诉）决定期限", "liability.appeal_decision": "复核（申诉）决定", "liability.filing": "备案",
        "liability.execution": "执行情况反馈", "liability.closed": "结案",
    ]

    static func statusLabel(_ s: String) -> String {
        switch s {
        case "investigating": "调查中"
        case "decided": "已作出决定"
        case "closed": "已结案"
        default: s
        }
    }

    static func decisionDeadline(_ m: LiabilityMatter, today: LocalDate) -> LiabilityRuleDTO {
        let due = m.extensionDueOn ?? m.decisionDueOn
        return LiabilityRuleDTO(code: LiabilityCodes.decision, name: m.decisionRule ?? "责任追究决定期限",
                                period: m.decisionRule == nil ? "未规定" : (m.decisionRule ?? ""), due: due, source: m.decisionSource,
                                overdue: m.status == "investigating" && (due.map { $0 < today.iso } ?? false))
    }

    static func detail(_ a: LiabilityAccess.MatterAccess, req: Request) async throws -> LiabilityMatterDTO {
        let m = a.matter
        let mid = try m.requireID()
        let db = req.db
        try await LiabilityDecisionService.settle(m, req: req)
        let persons = try await LiabilityPerson.query(on: db).filter(\.$matterID == mid).sort(\.$createdAt).all()
        let agencyIDs = Set(persons.compactMap(\.agencyID) + [m.subjectAgencyID])
        let agencies = try await Agency.query(on: db).filter(\.$id ~~ Array(agencyIDs)).all()
        let agencyName = Dictionary(agencies.compactMap { a in a.id.map { ($0, a.name) } }, uniquingKeysWith: { a, _ in a })
        let officers = try await Officer.query(on: db).filter(\.$id ~~ persons.compactMap(\.officerID)).all()
        let idNumbers = Dictionary(officers.compactMap { o in o.id.map { ($0, o.idNumber) } }, uniquingKeysWith: { a, _ in a })
        let investigators = try await LiabilityInvestigator.query(on: db).filter(\.$matterID == mid).sort(\.$createdAt).all()
        let recusals = try await LiabilityRecusal.query(on: db).filter(\.$matterID == mid).sort(\.$createdAt).all()
        var statements = try await LiabilityStatement.query(on: db).filter(\.$matterID == mid).sort(\.$statedOn).sort(\.$createdAt).all()
        if !a.isActor { statements = statements.filter { $0.personID == a.ownPerson?.id } }
        let names = Dictionary(persons.compactMap { p in p.id.map { ($0, p.name) } }, uniquingKeysWith: { a, _ in a })
        let log = a.isActor ? try await RecordLog.entries(stream: LiabilityJournal.matterStream(mid), on: db) : []
        var caseNumber: String?
        if let c = m.caseID { caseNumber = try await EnforcementCase.find(c, on: db)?.number }
        let minimum = LiabilityProfileRules.investigatorsMinimum(req.application.services.profiles.effective(id: m.profileID))
        var dto = LiabilityMatterDTO(
            id: mid, intakeId: m.intakeID, summary: m.summary, status: m.status, statusLabel: statusLabel(m.status),
            pursuingBody: m.pursuingBody, subjectAgencyId: m.subjectAgencyID, subjectAgencyName: agencyName[m.subjectAgencyID] ?? "",
            caseId: m.caseID, caseNumber: caseNumber, profileId: m.profileID, filedOn: m.filedOn, filedBy: m.filedBy,
            decisionDeadline: decisionDeadline(m, today: req.today),
            investigatorsMinimum: minimum?.value, investigatorsMinimumSource: minimum?.source.description, canAct: a.isActor,
            persons: persons.map { p in
                LiabilityPersonDTO(id: p.id!, name: p.name, role: p.role, roleLabel: LiabilityPersonRole.label(p.role), origin: p.origin,
                                   agencyName: p.agencyID.flatMap { agencyName[$0] } ?? "—",
                                   idNumberMasked: p.officerID.flatMap { idNumbers[$0] }.map(PersonalDataMasker.maskIDNumber), note: p.note)
            },
            investigators: investigators.map { i in
                LiabilityInvestigatorDTO(id: i.id!, userId: i.userID, name: i.name, status: i.status, appointedOn: i.appointedOn, appointedBy: i.appointedBy)
            },
            recusals: recusals.map { r in
                LiabilityRecusalDTO(id: r.id!, userId: r.userID, name: r.name, kind: r.kind, kindLabel: r.kind == "detected" ? "系统检测" : "声明回避",
                                    reason: r.reason, recordedOn: r.recordedOn, recordedBy: r.recordedBy)
            },
            statements: statements.map { s in
                LiabilityStatementDTO(id: s.id!, personId: s.personID, personName: names[s.personID] ?? "", statedOn: s.statedOn, text: s.text,
                                      submittedBy: s.submittedBy)
            },
            log: log.map { e in
                let payload = (try? JSONDecoder().decode([String: String].self, from: Data(e.payload.utf8))) ?? [:]
                return LiabilityLogEntryDTO(index: e.leafIndex, kind: e.kind, kindLabel: logLabels[e.kind] ?? e.kind, actor: e.actor,
                                            payload: payload, entryHash: e.entryHash)
            })
        dto.outcome = try await LiabilityDecisionQueries.outcome(a, persons: persons, req: req)
        return dto
    }

    /// The matters the caller pursues (supervisor: the jurisdiction; the legal office: its own) or is concerned in.
    static func list(_ p: Principal, on db: any Database) async throws -> [LiabilityMatterSummaryDTO] {
        var matters: [LiabilityMatter] = []
        if p.has(.supervisor), let j = p.jurisdictionID {
            matters += try await LiabilityMatter.query(on: db).filter(\.$jurisdictionID == j).all()
        }
        if p.has(.legalOfficer), let a = p.agencyID {
            matters += try await LiabilityMatter.query(on: db).filter(\.$pursuingAgencyID == a).all()
        }
        let own = try await LiabilityPerson.query(on: db).filter(\.$userID == p.userID).all().map(\.matterID)
        if !own.isEmpty { matters += try await LiabilityMatter.query(on: db).filter(\.$id ~~ own).all() }
        var seen: Set<UUID> = []
        matters = matters.filter { seen.insert($0.id!).inserted }.sorted { ($0.filedOn, $0.id!.uuidString) > ($1.filedOn, $1.id!.uuidString) }
        let agencies = try await Agency.query(on: db).filter(\.$id ~~ matters.map(\.subjectAgencyID)).all()
        let names = Dictionary(agencies.compactMap { a in a.id.map { ($0, a.name) } }, uniquingKeysWith: { a, _ in a })
        return matters.map { m in
            LiabilityMatterSummaryDTO(id: m.id!, summary: m.summary, status: m.status, statusLabel: statusLabel(m.status),
                                      subjectAgencyName: names[m.subjectAgencyID] ?? "", pursuingBody: m.pursuingBody, filedOn: m.filedOn,
                                      decisionDueOn: m.extensionDueOn ?? m.decisionDueOn)
        }
    }

    static func intakeDetail(_ item: LiabilityIntake, track: LiabilityIntakeTrack, req: Request) async throws -> LiabilityIntakeDTO {
        let agency = try await Agency.find(item.agencyID, on: req.db)
        var caseNumber: String?
        if let c = item.caseID { caseNumber = try await EnforcementCase.find(c, on: req.db)?.number }
        var complaintNumber: String?
        if item.sourceKind.hasPrefix("complaint") { complaintNumber = try await Complaint.find(item.sourceID, on: req.db)?.number }
        return LiabilityIntakeQueries.dto(item, track: track, agencyName: agency?.name ?? "", caseNumber: caseNumber ?? "",
                                          complaintNumber: complaintNumber, today: req.today.iso)
    }
}
