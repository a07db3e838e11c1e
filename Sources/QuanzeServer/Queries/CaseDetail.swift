import Fluent
import Foundation
import QuanzeCore

/// Everything a case page and the case API show, read in a fixed number of queries.
enum CaseDetail {
    /// `integrity`: the record stream's check when the caller has made it already (the case page lists the entries).
    static func load(_ c: EnforcementCase, agency: Agency, today: LocalDate, window: Int, integrity known: RecordVerifier.Integrity? = nil,
                     on db: any Database) async throws -> CaseDetailDTO {
        let id = try c.requireID()
        async let partiesQ = CaseParty.query(on: db).filter(\.$enforcementCase.$id == id).all()
        async let officersQ = CaseOfficer.query(on: db).filter(\.$enforcementCase.$id == id).with(\.$officer).all()
        async let deadlinesQ = CaseDeadline.query(on: db).filter(\.$enforcementCase.$id == id).sort(\.$due).all()
        async let changesQ = CaseDeadlineChange.query(on: db).filter(\.$enforcementCase.$id == id).sort(\.$createdAt).all()
        async let eventsQ = CaseEvent.query(on: db).filter(\.$enforcementCase.$id == id).sort(\.$createdAt).all()
        async let reviewsQ = LegalReview.query(on: db).filter(\.$enforcementCase.$id == id).sort(\.$createdAt).all()
        async let decisionQ = CaseDecision.query(on: db).filter(\.$enforcementCase.$id == id).first()
        async let itemQ = PowerItem.find(c.$powerItem.id, on: db)
        async let versionQ = PowerItemVersion.find(c.$powerVersion.id, on: db)
        let (parties, officers, deadlines, changes, events, reviews, decision, item, version) =
            try await (partiesQ, officersQ, deadlinesQ, changesQ, eventsQ, reviewsQ, decisionQ, itemQ, versionQ)
        var integrity = known
        if integrity == nil { integrity = try await RecordVerifier.integrity(stream: CaseJournal.stream(id), on: db) }
        let open = deadlines.filter { $0.metOn == nil }.min { $0.due < $1.due }
        let row = CaseRow(c: c, agency: agency, next: open, today: today, window: window)
        return CaseDetailDTO(
            summary: try CaseSummaryDTO(row),
            powerItemId: c.$powerItem.id, powerCode: item?.code ?? "", powerName: version?.name ?? "", powerVersion: version?.version ?? 0,
            source: c.source, sourceLabel: c.source.label, facts: c.facts,
            parties: parties.map { p in
                CasePartyDTO(kind: p.kind, name: p.name,
                             identifier: p.kind == .person ? PersonalDataMasker.maskIDNumber(p.identifier) : p.identifier, address: p.address)
            },
            officers: officers.map { CaseOfficerDTO(officerId: $0.$officer.id, name: $0.officer.name, role: $0.role.rawValue, roleLabel: $0.role.label) },
            legalReviewRequired: c.legalReviewRequired, majorReasons: c.majorReasons, majorCriteria: c.majorCriteria,
            proposedSanction: c.proposedSanction, notifiedOn: c.notifiedOn, hearingRight: c.hearingRight, hearingRequested: c.hearingRequested,
            nextStage: CaseStateMachine.next(after: c.stage, procedure: c.procedure, context: c.context),
            path: CaseStateMachine.path(of: c.procedure, context: c.context),
            deadlines: deadlines.map { d in
                return CaseDeadlineDTO(code: d.code, name: d.name, start: d.clock.start.iso, due: d.due, provisional: d.provisional,
                                       suspended: d.clock.isSuspended, metOn: d.metOn, level: d.warningLevel(today: today, window: window, caseSuspended: c.suspended), source: d.source.description,
                                       extensionCap: d.extensionCap, extendedBy: d.clock.extendedBy)
            },
            deadlineHistory: changes.map {
                CaseDeadlineChangeDTO(deadlineCode: $0.deadlineCode, kind: $0.kind, kindLabel: CaseDeadlineChangeKind.label($0.kind), oldDue: $0.oldDue,
                                      newDue: $0.newDue, reason: $0.reason, rule: $0.rule, actor: $0.actor, recordedAt: $0.createdAt)
            },
            events: events.map { CaseEventDTO(kind: $0.kind, stage: $0.stage, onDate: $0.onDate, summary: PersonalDataMasker.maskText($0.summary), actor: $0.actor) },
            reviews: reviews.map { LegalReviewDTO(reviewerName: $0.reviewerName, passed: $0.passed, opinion: $0.opinion, reviewedOn: $0.reviewedOn) },
            decision: decision.map { d in
                var doc = d.document
                doc.parties = PersonalDataMasker.maskText(doc.parties)
                return CaseDecisionDTO(number: d.number, document: doc, sanction: d.sanction, circumstance: d.circumstance,
                                       outsideRangeReason: d.outsideRangeReason, collectingBank: d.collectingBank,
                                       approverName: d.approverName, decidedOn: d.decidedOn, discretion: d.discretion)
            },
            closedOn: c.closedOn, recordEntries: integrity?.entries, recordIntact: integrity?.ok, recordSummary: integrity?.summary)
    }
}
