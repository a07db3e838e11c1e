import Fluent
import Foundation
import QuanzeCore
import Vapor

enum CoordinationQueries {
    struct Filter {
        var status: String?
        var kind: String?
        var agencyID: UUID?
    }

    /// The caller's disputes: a supervisor's whole jurisdiction, a 法制员's own body's (as initiator or party).
    static func list(_ p: Principal, filter: Filter, today: LocalDate, on db: any Database) async throws -> [CoordinationSummaryDTO] {
        let q = CoordinationDispute.query(on: db)
        if p.has(.supervisor), let j = p.jurisdictionID {
            q.filter(\.$jurisdictionID == j)
        } else if p.has(.legalOfficer), let a = p.agencyID {
            let ids = try await CoordinationParty.query(on: db).filter(\.$agencyID == a).all(\.$disputeID)
            q.filter(\.$id ~~ ids)
        } else {
            return []
        }
        if let s = filter.status, !s.isEmpty { q.filter(\.$status == s) }
        if let k = filter.kind, !k.isEmpty { q.filter(\.$kind == k) }
        if let a = filter.agencyID {
            let ids = try await CoordinationParty.query(on: db).filter(\.$agencyID == a).all(\.$disputeID)
            q.filter(\.$id ~~ ids)
        }
        let rows = try await q.sort(\.$raisedOn, .descending).sort(\.$createdAt, .descending).limit(500).all()
        let ids = rows.compactMap(\.id)
        let parties = ids.isEmpty ? [] : try await CoordinationParty.query(on: db).filter(\.$disputeID ~~ ids).sort(\.$createdAt).all()
        let byDispute = Dictionary(grouping: parties, by: \.disputeID)
        return rows.map { d in
            let ps = byDispute[d.id!] ?? []
            return CoordinationSummaryDTO(
                id: d.id!, kind: d.kind, kindLabel: CoordinationKind.label(d.kind), subject: d.subject, status: d.status,
                statusLabel: CoordinationStatus.label(d.status), initiatorAgencyId: d.initiatorAgencyID,
                initiatorName: ps.first { $0.role == "initiator" }?.agencyName ?? "", parties: ps.filter { $0.role != "initiator" }.map(\.agencyName),
                raisedOn: d.raisedOn, currentOffice: d.currentOffice, filingLate: d.filingLate,
                executionOverdue: executionOverdue(d, ps, today: today))
        }
    }

    static func executionOverdue(_ d: CoordinationDispute, _ parties: [CoordinationParty], today: LocalDate) -> Bool {
        guard d.status == CoordinationStatus.executing.rawValue, let by = d.executeBy else { return false }
        return today.iso > by && parties.contains { $0.reportedOn == nil }
    }

    static func detail(_ a: CoordinationAccess.DisputeAccess, req: Request) async throws -> CoordinationDTO {
        let d = try await CoordinationDispute.find(a.dispute.requireID(), on: req.db) ?? a.dispute
        let id = try d.requireID()
        let parties = try await CoordinationParty.query(on: req.db).filter(\.$disputeID == id).sort(\.$createdAt).all()
        let steps = try await CoordinationStep.query(on: req.db).filter(\.$disputeID == id).sort(\.$seq).all()
        let prof = CoordinationService.profile(d, req.application.services)
        let kind = CoordinationKind(rawValue: d.kind) ?? .other
        let competent = CoordinationRules.competentOffice(for: kind, profile: prof)
        let today = req.today
        var deadlines: [CoordinationDeadlineDTO] = []
        let filingRule = prof?.deadline(CoordinationRules.opinionFilingCode)?.entry
        deadlines.append(CoordinationDeadlineDTO(
            code: CoordinationRules.opinionFilingCode, name: filingRule?.name ?? "协调意见备案", dueOn: d.filingDueOn,
            rule: d.filingRule ?? filingRule.map { "\($0.name)：\($0.unit.format($0.value))" } ?? "未规定",
            source: d.filingSource ?? filingRule?.source.description, met: d.filedOn, late: d.filingLate))
        if d.forwardDueOn != nil || d.forwardedOn != nil {
            let fr = prof?.deadline(CoordinationRules.forwardingCode)?.entry
            deadlines.append(CoordinationDeadlineDTO(
                code: CoordinationRules.forwardingCode, name: fr?.name ?? "移送协调申请", dueOn: d.forwardDueOn,
                rule: d.forwardRule ?? "未规定", source: d.forwardSource ?? fr?.source.description, met: d.forwardedOn,
                late: d.forwardLate || (d.forwardedOn == nil && d.forwardDueOn.map { today.iso > $0 } ?? false)))
        }
        if let by = d.executeBy {
            deadlines.append(CoordinationDeadlineDTO(
                code: "coordination_execution", name: "协调意见/决定的执行", dueOn: by, rule: "协调意见或协调决定所定实施期限",
                source: CoordinationRules.provisionSource(CoordinationRules.executionCode, prof), met: nil,
                late: executionOverdue(d, parties, today: today)))
        }
        return CoordinationDTO(
            id: id, kind: d.kind, kindLabel: kind.label, subject: d.subject, description: d.description, status: d.status,
            statusLabel: CoordinationStatus.label(d.status), profileId: d.profileID, raisedOn: d.raisedOn, raisedBy: d.raisedBy,
            endedOn: d.endedOn, opinion: d.opinionText, filedOn: d.filedOn, appliedOffice: d.appliedOffice, application: d.applicationText,
            currentOffice: d.currentOffice, competentOffice: competent?.rawValue, competentSource: CoordinationRules.escalationSource(prof),
            receivedOn: d.receivedOn, forwardedOn: d.forwardedOn, resolution: d.resolution, resolutionText: d.resolutionText,
            resolvedOn: d.resolvedOn, decisionText: d.decisionText, decidedOn: d.decidedOn, executeBy: d.executeBy, closedOn: d.closedOn,
            deadlines: deadlines,
            parties: parties.map { p in
                CoordinationPartyDTO(agencyId: p.agencyID, agencyName: p.agencyName, role: p.role, reportedOn: p.reportedOn,
                                     reportText: p.reportText, reportedBy: p.reportedBy,
                                     overdue: d.status == CoordinationStatus.executing.rawValue && p.reportedOn == nil
                                         && d.executeBy.map { today.iso > $0 } ?? false)
            },
            steps: steps.map { CoordinationStepDTO(seq: $0.seq, day: $0.day, kind: $0.kind, actor: $0.actor, text: $0.text, source: $0.source) },
            recordStream: CoordinationService.stream(id))
    }
}
