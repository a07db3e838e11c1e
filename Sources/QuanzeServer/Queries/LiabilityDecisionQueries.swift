import Fluent
import Foundation
import QuanzeCore
import Vapor

/// The findings, proposals, decision document, per-target decisions and appeals of a matter. A person concerned
/// sees the proposals and decisions that concern them (their own target lines) and the document.
enum LiabilityDecisionQueries {
    static func rule(code: String, name: String, rule: String?, due: String?, source: String?, done: Bool, today: LocalDate) -> LiabilityRuleDTO {
        LiabilityRuleDTO(code: code, name: name, period: rule ?? "未规定", due: due, source: source,
                         overdue: !done && (due.map { $0 < today.iso } ?? false))
    }

    static func outcome(_ a: LiabilityAccess.MatterAccess, persons: [LiabilityPerson], req: Request) async throws -> LiabilityOutcomeDTO {
        let m = a.matter
        let mid = try m.requireID()
        let db = req.db
        let ownKey = a.ownPerson?.id?.uuidString.lowercased()
        func visible(_ key: String) -> Bool { a.isActor || key == ownKey }
        let findings = try await LiabilityFinding.query(on: db).filter(\.$matterID == mid).sort(\.$seq).all()
        let (stated, waived) = try await LiabilityDecisionService.hearing(mid, on: db)
        let decisions = try await LiabilityTargetDecision.query(on: db).filter(\.$matterID == mid).sort(\.$createdAt).all()
        let appeals = try await LiabilityAppeal.query(on: db).filter(\.$matterID == mid).all()
        let doc = try await LiabilityDecisionDocument.query(on: db).filter(\.$matterID == mid).first()
        let profile = LiabilityMatterService.profile(m, services: req.application.services)
        func names(_ codes: [String]) -> String { codes.isEmpty ? "不予处理" : codes.map { profile?.sanction($0)?.entry.name ?? $0 }.joined(separator: "、") }
        let today = req.today
        return LiabilityOutcomeDTO(
            findings: findings.map { f in
                var snapshot = f.proposal.value
                snapshot.targets = snapshot.targets.filter { visible($0.key) }
                if !a.isActor { snapshot.apportionment.lines = snapshot.apportionment.lines.filter { _ in false } }
                return LiabilityFindingDTO(id: f.id!, seq: f.seq, foundOn: f.foundOn, foundBy: f.foundBy, faultSituation: f.faultSituation,
                                           gravityLevel: f.gravityLevel, reviewDue: f.reviewDue, established: f.established.value,
                                           views: a.isActor ? f.views.value : [:], circumstances: f.circumstances.value, stated: f.stated.value,
                                           proposal: snapshot)
            },
            hearing: persons.filter { visible($0.id!.uuidString.lowercased()) }.map { p in
                LiabilityHearingDTO(personId: p.id!, name: p.name, stated: stated.contains(p.id!), waived: waived.contains(p.id!))
            },
            extensionValue: m.extensionValue, extensionReason: m.extensionReason, extensionApprovedBy: m.extensionApprovedBy,
            document: doc.map { d in
                LiabilityDocumentDTO(id: d.id!, number: d.number, decidedOn: d.decidedOn, decidedBy: d.decidedBy, facts: d.facts, reasons: d.reasons,
                                     basis: d.basis.value, appealRights: d.appealText,
                                     filing: rule(code: LiabilityCodes.filing, name: "备案期限", rule: d.filingRule, due: d.filingDueOn, source: d.filingSource,
                                                  done: d.filedOn != nil, today: today),
                                     collectiveDecision: d.collectiveRule.map { r in
                                         rule(code: LiabilityCodes.collectiveDecision, name: "集体讨论决定期限", rule: r, due: d.collectiveDueOn,
                                              source: d.collectiveSource, done: true, today: today)
                                     },
                                     filedOn: d.filedOn, filedWith: d.filedWith, executionOutcome: d.executionOutcome, executionOn: d.executionOn,
                                     executionText: d.executionText, escalationIntakeId: a.isActor ? d.escalationIntakeID : nil,
                                     closedOn: d.closedOn, closingReport: a.isActor ? d.closingReport : nil)
            },
            decisions: decisions.filter { visible($0.targetKey) }.map { d in
                let ap = appeals.first { $0.decisionID == d.id }
                let status = LiabilityTargetStatus(rawValue: d.status)
                return LiabilityTargetDecisionDTO(
                    id: d.id!, target: d.targetKey, targetKind: d.targetKind, name: d.name, proposedShare: d.proposedShare,
                    proposedSanctions: d.proposedSanctions.value, share: d.share, sanctions: d.sanctions.value, sanctionNames: names(d.sanctions.value),
                    differsReason: d.differsReason, status: d.status, statusLabel: status?.label ?? d.status, decidedOn: d.decidedOn,
                    servedOn: d.servedOn, serviceManner: d.serviceManner, serviceRecipient: d.serviceRecipient,
                    appealWindow: rule(code: LiabilityCodes.appealWindow, name: "申诉（复核）期限", rule: d.appealWindowRule, due: d.appealWindowEnd,
                                       source: d.appealWindowSource, done: true, today: today),
                    consequences: d.consequences.value,
                    appeal: ap.map { ap in
                        let outcome = ap.outcome.flatMap(LiabilityDecisionService.AppealOutcome.init(rawValue:))
                        return LiabilityAppealDTO(
                            id: ap.id!, lodgedOn: ap.lodgedOn, lodgedBy: ap.lodgedBy, grounds: ap.grounds, reviewingBody: ap.reviewingBody,
                            reviewingSource: ap.reviewingSource,
                            decisionDeadline: rule(code: LiabilityCodes.appealDecision, name: "复核（申诉）决定期限", rule: ap.dueRule, due: ap.dueOn,
                                                   source: ap.dueSource, done: ap.outcome != nil, today: today),
                            extensionValue: ap.extensionValue, extensionReason: ap.extensionReason, extensionApprovedBy: ap.extensionApprovedBy,
                            outcome: ap.outcome, outcomeLabel: outcome?.label, outcomeSanctions: ap.outcomeSanctions?.value, outcomeReason: ap.outcomeReason,
                            decidedOn: ap.decidedOn, decidedBy: ap.decidedBy)
                    })
            })
    }
}
