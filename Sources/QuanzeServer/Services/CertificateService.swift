import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 行政执法证件: issued by the legal office only to a qualified officer of a body that may
/// enforce; every later change (年审、暂扣、恢复、核销、注销) goes through the lifecycle of
/// `QuanzeCore.CertificateLifecycle` and is written to the certificate's electronic archive.
enum CertificateService {
    static let numberPattern = #"^[A-Za-z0-9-]{6,30}$"#

    static func issue(_ s: OfficerSummary, number raw: String, validUntil rawUntil: String, req: Request) async throws -> Certificate {
        let number = raw.trimmingCharacters(in: .whitespaces).uppercased()
        var problems: [FieldProblem] = []
        if number.range(of: numberPattern, options: .regularExpression) == nil {
            problems.append(.init(field: "number", code: "format", message: "证件编号为 6 至 30 位字母、数字或“-”"))
        }
        let today = req.today
        let until = LocalDate(iso: rawUntil)
        if until == nil || until! <= today || until! > today.adding(months: 120) {
            problems.append(.init(field: "validUntil", code: "date", message: "有效期至须为今天之后、10 年以内的日期（YYYY-MM-DD）"))
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        guard s.agency.mayEnforce else {
            throw AppError.conflict("AGENCY_NOT_ANNOUNCED", "\(s.agency.name) 尚未经确认并公告，不能为其人员核发执法证件")
        }
        guard s.qualification.qualified else {
            throw AppError("OFFICER_NOT_QUALIFIED", .conflict, "\(s.officer.name) 不具备执法资格，不能核发证件：" + s.qualification.unmet.joined(separator: "；"))
        }
        if let c = try await LiabilityConsequenceQueries.stopping(officerID: try s.officer.requireID(), on: req.db),
           c.effect == SanctionEffect.revokeQualification.rawValue {
            throw AppError.conflict("QUALIFICATION_REVOKED", "\(s.officer.name) 已被取消执法资格（责任追究处理决定 \(c.documentNumber)），不能核发证件")
        }
        if let held = s.certificate, !held.status.isFinal {
            throw AppError.conflict("CERTIFICATE_ALREADY_HELD", "\(s.officer.name) 已持有证件 \(held.number)（\(held.status.label)）")
        }
        if try await Certificate.query(on: req.db).filter(\.$number == number).first() != nil {
            throw AppError.conflict("CERTIFICATE_NUMBER_TAKEN", "证件编号 \(number) 已被使用")
        }
        let cert = Certificate(officerID: try s.officer.requireID(), number: number, issuedOn: today.iso, validUntil: until!.iso)
        let actor = try req.principal().displayName
        try await req.db.transaction { tx in
            try await cert.create(on: tx)
            try await CertificateEvent(certificateID: cert.requireID(), kind: .issue, occurredOn: today.iso,
                                       detail: "核发，有效期至 \(until!.iso)", actorName: actor, sequence: 1).create(on: tx)
            try await req.audit(.certificateIssue, .success, target: number, detail: "\(s.officer.name)，\(s.agency.name)", on: tx)
        }
        return cert
    }

    struct Action: Sendable {
        var kind: CertificateEventKind
        var reason: String?
        var documentRef: String?
    }

    /// Applies one lifecycle action, recording the event. A suspension sets its decision due date
    /// (通州 第十八条) and, at the profile's n-th suspension, records a 核销建议 (第十七条).
    static func act(_ cert: Certificate, _ a: Action, summary s: OfficerSummary, req: Request) async throws {
        let today = req.today
        let reason = try a.reason.map { try TextInput.name($0, field: "reason", max: 200) }
        let documentRef = try a.documentRef.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try TextInput.name($0, field: "documentRef", max: 50) }
        if [.suspend, .restore, .revoke, .cancel].contains(a.kind), reason == nil {
            throw AppError.validation("reason", "请填写\(a.kind.label)的理由", code: "required")
        }
        if a.kind == .suspend, documentRef == nil {
            throw AppError.validation("documentRef", "暂扣须开具暂扣通知书，请填写通知书编号（通州区行政执法人员管理办法 第十八条）", code: "required")
        }
        let actor = try req.principal().displayName
        let certID = try cert.requireID()
        // An officer concerned in a liability matter not yet closed has an unprocessed fault: no 年审 until it is
        // processed (通州 第十三条; issue 6 item 6).
        let openMatters: [LiabilityMatter]
        if a.kind == .inspect {
            openMatters = try await LiabilityConsequenceQueries.openMatters(officerID: s.officer.requireID(), on: req.db)
        } else {
            openMatters = []
        }
        try await req.db.transaction { tx in
            try await RowLock.certificate(certID, on: tx)
            guard let fresh = try await Certificate.find(certID, on: tx) else { throw AppError.notFound }
            let next: CertificateStatus
            do { next = try CertificateLifecycle.next(from: fresh.status, on: a.kind) } catch let r as CertificateRefusal {
                throw AppError.conflict(r.code, r.message)
            }
            var detail = reason ?? ""
            var events: [(CertificateEventKind, String)] = []
            switch a.kind {
            case .inspect:
                let inspected = fresh.lastInspectionYear == today.year
                let refusal = AnnualInspection.refusal(examPassedThisYear: s.facts.examPassedThisYear, unprocessedFaults: s.unprocessedFaults,
                                                       status: fresh.status, alreadyInspected: inspected, year: today.year)
                if let r = refusal, r.code != "INSPECTION_NOT_PASSED" { throw AppError.conflict(r.code, r.message) }
                if !openMatters.isEmpty {
                    let matters = openMatters.map(LiabilityConsequenceQueries.describe).joined(separator: "；")
                    throw AppError.conflict("FAULT_UNPROCESSED", "不予年检：\(s.officer.name) 涉及的\(matters)尚未办结，执法过错未经处理（通州区行政执法人员管理办法 第十三条）"
                                            + (refusal.map { "；另：" + $0.message } ?? ""))
                }
                if let r = refusal { throw AppError.conflict(r.code, r.message) }
                fresh.lastInspectionYear = today.year
                detail = "\(today.year)年度年审通过"
            case .suspend:
                let due = SuspensionCheck.decisionDue(suspendedOn: today, rule: s.rules.suspensionDecision)
                fresh.suspendedOn = today.iso
                fresh.decisionDue = due?.iso
                if let due, let rule = s.rules.suspensionDecision {
                    detail += "；应于 \(due.iso) 前作出处理决定（\(rule.display)，\(rule.source.document) \(rule.source.article)）"
                }
                let count = try await CertificateEvent.query(on: tx).filter(\.$certificate.$id == certID).filter(\.$kind == .suspend).count() + 1
                if SuspensionCheck.proposesRevocation(suspensionCount: count, rule: s.rules.suspensionsForRevocation), let rule = s.rules.suspensionsForRevocation {
                    fresh.revocationProposed = true
                    events.append((.revocationProposed, SuspensionCheck.proposalText(suspensionCount: count, rule: rule)))
                }
            case .restore, .revoke, .cancel:
                if a.kind == .restore, let held = try await LiabilityConsequenceQueries.holding(certificateID: certID, on: tx) {
                    throw AppError.conflict("CERTIFICATE_HELD_BY_LIABILITY",
                                            "证件依责任追究处理决定 \(held.documentNumber) 暂扣，只能随该决定的变更或撤销恢复")
                }
                fresh.suspendedOn = nil
                fresh.decisionDue = nil
            case .issue, .revocationProposed:
                throw AppError.badRequest("INVALID_ACTION", "不支持的证件操作")
            }
            fresh.status = next
            try await fresh.save(on: tx)
            var sequence = try await CertificateEvent.query(on: tx).filter(\.$certificate.$id == certID).count()
            for (kind, text) in [(a.kind, detail)] + events {
                sequence += 1
                try await CertificateEvent(certificateID: certID, kind: kind, occurredOn: today.iso, detail: text,
                                           documentRef: kind == a.kind ? documentRef : nil, actorName: actor, sequence: sequence).create(on: tx)
            }
            try await req.audit(.certificateChange, .success, target: fresh.number, detail: "\(a.kind.label)：\(detail)", on: tx)
            cert.status = fresh.status
            cert.lastInspectionYear = fresh.lastInspectionYear
            cert.suspendedOn = fresh.suspendedOn
            cert.decisionDue = fresh.decisionDue
            cert.revocationProposed = fresh.revocationProposed
        }
    }
}
