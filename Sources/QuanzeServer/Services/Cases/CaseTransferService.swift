import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 移送. A body hands a case to the body whose matter it is (长春 实施意见, 004_* 篇十二 二(三)10:
/// "接受机构不得拒绝或者再次移送"): the sending case ends as 已移送, the receiving body must accept it by
/// filing its own case (source 移送, linked to the transfer) — there is no refusal — and a case
/// received so cannot be transferred to another body again. A suspected crime goes to the judicial
/// organs (004_* 篇二 第十七条: "应当及时移送公安机关处理，不得以行政处罚代替刑事处罚"): the organ, the
/// suspected crime, the date and the organ's receipt are recorded and the administrative case is
/// suspended (中止), not closed — see `judicial` for why. Every step is journalled on the cases.
enum CaseTransferService {
    struct Input: Sendable {
        var kind: CaseTransferKind
        var toAgencyID: UUID?
        var reason: String
        var materials: [String]
        var organ: JudicialOrgan?
        var organName: String?
        var suspectedCrime: String?
        var receiptNumber: String?
        var transferredOn: String?
    }

    /// What the receiving body files; the parties come from the sending case, the source is 移送.
    struct Acceptance: Sendable {
        var powerItemID: UUID
        var procedure: CaseProcedure
        var title: String?
        var facts: String?
        var filedOn: String?
        var officers: [CaseFiling.Member]
        var majorCriteria: [StatutoryMajorCriterion]
    }

    /// A case filed to accept a transfer (it cannot be passed on to another body).
    static func receivedTransfer(of caseID: UUID, on db: any Database) async throws -> CaseTransfer? {
        try await CaseTransfer.query(on: db).filter(\.$acceptedCase.$id == caseID).first()
    }

    static func transfer(_ c: EnforcementCase, _ input: Input, agency: Agency, req: Request) async throws -> CaseTransfer {
        let today = req.today
        let caseID = try c.requireID()
        let reason = try required(input.reason, field: "reason", max: 500)
        let materials = try materials(input.materials)
        let day = try CaseText.date(input.transferredOn, field: "transferredOn", default: today, notAfter: today,
                                    notBefore: LocalDate(iso: c.filedOn))
        let actor = try req.principal().displayName
        let t = CaseTransfer()
        t.$enforcementCase.id = caseID
        t.$fromAgency.id = try agency.requireID()
        t.kind = input.kind
        t.transferredOn = day.iso
        t.reason = reason
        t.materials = materials
        t.createdBy = actor
        switch input.kind {
        case .agency:
            guard let toID = input.toAgencyID else { throw AppError.validation("toAgencyId", "须选择接收移送的执法主体", code: "required") }
            guard let to = try await Agency.find(toID, on: req.db) else {
                throw AppError.badRequest("AGENCY_NOT_FOUND", "接收移送的执法主体不在执法主体名录中", field: "toAgencyId")
            }
            guard toID != agency.id else { throw AppError.badRequest("TRANSFER_TO_SELF", "不能移送给本机关", field: "toAgencyId") }
            guard input.organ == nil, input.organName == nil, input.suspectedCrime == nil, input.receiptNumber == nil else {
                throw AppError.validation("organ", "移送其他行政机关时不填写司法机关、涉嫌罪名和回执", code: "inconsistent")
            }
            t.$toAgency.id = toID
            t.status = .pending
            try await req.db.transaction { tx in
                try await lockCase(caseID, on: tx)
                guard let fresh = try await EnforcementCase.find(caseID, on: tx) else { throw AppError.notFound }
                let received = try await receivedTransfer(of: caseID, on: tx) != nil
                do { _ = try CaseStateMachine.closeByTransfer(from: fresh.stage, procedure: fresh.procedure, receivedByTransfer: received) }
                catch { throw CaseRefusal.from(error) }
                try await t.create(on: tx)
                c.stage = .closed
                c.closingReason = .transferred
                c.closedOn = today.iso
                c.suspended = false
                try await c.save(on: tx)
                let open = try await CaseDeadline.query(on: tx).filter(\.$enforcementCase.$id == caseID).filter(\.$metOn == nil).all(\.$code)
                try await CaseDeadlines.meet(open, caseID: caseID, on: today, db: tx)
                let summary = "移送\(to.name)：\(reason)；移送材料：\(materials.joined(separator: "、"))。本案以“已移送”结案（\(CaseTransferRules.agencySource)）"
                try await CaseJournal.write(c, kind: "transfer", stage: .closed, on: day, summary: summary, actor: actor, req: req, db: tx)
                try await req.audit(.caseTransfer, .success, target: c.number, detail: "移送\(to.name)", on: tx)
                try await CaseCheckService.checkClosed(caseID: caseID, services: req.services, on: tx)
            }
        case .judicial:
            guard input.toAgencyID == nil else {
                throw AppError.validation("toAgencyId", "移送司法机关时不选择行政执法主体", code: "inconsistent")
            }
            guard let organ = input.organ else { throw AppError.validation("organ", "须选择公安机关或检察机关", code: "required") }
            t.organ = organ
            t.organName = try required(input.organName ?? "", field: "organName", max: 100, name: true)
            t.suspectedCrime = try required(input.suspectedCrime ?? "", field: "suspectedCrime", max: 100, name: true)
            t.receiptNumber = try required(input.receiptNumber ?? "", field: "receiptNumber", max: 50, name: true)
            t.status = .judicial
            let clocks = try await CaseDeadlines.load(jurisdictionID: agency.$jurisdiction.id, actor: actor, services: req.services, on: req.db)
            try await req.db.transaction { tx in
                try await lockCase(caseID, on: tx)
                guard let fresh = try await EnforcementCase.find(caseID, on: tx) else { throw AppError.notFound }
                let judicialBefore = try await CaseTransfer.query(on: tx).filter(\.$enforcementCase.$id == caseID)
                    .filter(\.$kind == .judicial).count() > 0
                let pending = fresh.suspended && judicialBefore
                do { try CaseTransferRules.check(kind: .judicial, stage: fresh.stage, receivedByTransfer: false, judicialPending: pending) }
                catch { throw CaseRefusal.from(error) }
                try await t.create(on: tx)
                // Suspended, not closed: the organ may decide not to prosecute and hand the case back for
                // an administrative penalty; the body then resumes it (恢复办理). See docs/cases.md 移送.
                if !fresh.suspended {
                    let tclocks = CaseDeadlines(calendar: clocks.calendar, profile: clocks.profile, actor: actor, db: tx)
                    for d in try await CaseDeadline.query(on: tx).filter(\.$enforcementCase.$id == caseID).filter(\.$metOn == nil).all() {
                        var clock = d.clock
                        do { try clock.suspend(on: today) } catch { throw CaseRefusal.from(error) }
                        d.clock = clock
                        try await tclocks.recompute(d, kind: "suspend", reason: "移送司法机关", rule: "中止期间不计入期限")
                    }
                }
                c.suspended = true
                try await c.save(on: tx)
                let summary = "涉嫌\(t.suspectedCrime!)，移送\(organ.label)（\(t.organName!)），回执 \(t.receiptNumber!)：\(reason)；"
                    + "移送材料：\(materials.joined(separator: "、"))。行政案件中止办理（\(CaseTransferRules.crimeSource)）"
                try await CaseJournal.write(c, kind: "judicial_transfer", stage: nil, on: day, summary: summary, actor: actor, req: req, db: tx)
                try await req.audit(.caseJudicialTransfer, .success, target: c.number, detail: "移送\(t.organName!)：涉嫌\(t.suspectedCrime!)", on: tx)
            }
        }
        return t
    }

    /// The receiving body accepts by filing its case (source 移送). Only its own officers and 法制员;
    /// a transfer is accepted once.
    static func accept(_ transferID: UUID, _ input: Acceptance, req: Request) async throws -> (CaseTransfer, EnforcementCase) {
        let p = try req.principal()
        guard let t = try await CaseTransfer.find(transferID, on: req.db) else { throw AppError.notFound }
        guard p.hasAny([.officer, .legalOfficer]), let own = p.agencyID, t.$toAgency.id == own,
              let agency = try await Agency.find(own, on: req.db) else { throw AppError.outOfScope }
        guard t.status == .pending else { throw AppError.conflict("TRANSFER_ALREADY_ACCEPTED", "该移送已接收立案") }
        guard let origin = try await EnforcementCase.find(t.$enforcementCase.id, on: req.db),
              let from = try await Agency.find(t.$fromAgency.id, on: req.db) else { throw AppError.notFound }
        let parties = try await CaseParty.query(on: req.db).filter(\.$enforcementCase.$id == origin.requireID()).all()
        let filing = CaseFiling.Input(
            powerItemID: input.powerItemID, procedure: input.procedure, source: .referral,
            title: input.title.flatMap { $0.isEmpty ? nil : $0 } ?? origin.title,
            facts: input.facts.flatMap { $0.isEmpty ? nil : $0 } ?? "\(from.name)移送（原案 \(origin.number)）：\(t.reason)\n原案事实：\(origin.facts)",
            filedOn: input.filedOn,
            parties: parties.map { .init(kind: $0.kind, name: $0.name, identifier: $0.identifier, address: $0.address) },
            officers: input.officers, majorCriteria: input.majorCriteria)
        let actor = p.displayName
        let today = req.today
        let c = try await CaseFiling.file(filing, agency: agency, req: req) { c, tx in
            try await lockTransfer(transferID, on: tx)
            guard let fresh = try await CaseTransfer.find(transferID, on: tx), fresh.status == .pending else {
                throw AppError.conflict("TRANSFER_ALREADY_ACCEPTED", "该移送已接收立案")
            }
            fresh.status = .accepted
            fresh.$acceptedCase.id = try c.requireID()
            fresh.acceptedOn = today.iso
            fresh.acceptedBy = actor
            try await fresh.save(on: tx)
            try await CaseJournal.write(c, kind: "transfer_received", stage: nil, on: today,
                                        summary: "接收\(from.name)移送的案件 \(origin.number)（移送日期 \(fresh.transferredOn)）：\(fresh.reason)；"
                                            + "材料：\(fresh.materials.joined(separator: "、"))。接受机构不得拒绝或者再次移送（\(CaseTransferRules.agencySource)）",
                                        actor: actor, req: req, db: tx)
            try await CaseJournal.write(origin, kind: "transfer_accepted", stage: nil, on: today,
                                        summary: "\(agency.name)已接收移送并立案 \(c.number)", actor: actor, req: req, db: tx)
            try await req.audit(.caseTransferAccept, .success, target: c.number, detail: "接收\(from.name)移送的 \(origin.number)", on: tx)
        }
        guard let done = try await CaseTransfer.find(transferID, on: req.db) else { throw AppError.notFound }
        return (done, c)
    }

    /// Transfers the caller may see: sent by or to a body in scope.
    static func visible(for p: Principal, status: CaseTransferStatus?, on db: any Database) async throws -> [CaseTransfer] {
        let scope = try await AgencyQueries.scopedIDs(for: p, on: db)
        var q = CaseTransfer.query(on: db).group(.or) { g in
            g.filter(\.$fromAgency.$id ~~ scope).filter(\.$toAgency.$id ~~ scope.map { Optional($0) })
        }
        if let status { q = q.filter(\.$status == status) }
        return try await q.sort(\.$transferredOn, .descending).sort(\.$createdAt, .descending).limit(500).all()
    }

    static func ofCase(_ caseID: UUID, on db: any Database) async throws -> [CaseTransfer] {
        try await CaseTransfer.query(on: db).group(.or) { g in
            g.filter(\.$enforcementCase.$id == caseID).filter(\.$acceptedCase.$id == caseID)
        }.sort(\.$createdAt).all()
    }

    private static func required(_ raw: String, field: String, max: Int, name: Bool = false) throws -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw AppError.validation(field, "必填", code: "required") }
        return name ? try TextInput.name(trimmed, field: field, max: max) : try CaseText.paragraph(trimmed, field: field, max: max)
    }

    private static func materials(_ list: [String]) throws -> [String] {
        let names = list.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw AppError.validation("materials", "须列明移送的材料", code: "required") }
        guard names.count <= 30 else { throw AppError.validation("materials", "移送材料不超过 30 项", code: "too_many") }
        return try names.enumerated().map { i, n in try TextInput.name(n, field: "materials[\(i)]", max: 100) }
    }

    private static func lockCase(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(EnforcementCase.schema).set("stage", to: SQLIdentifier("stage")).where("id", .equal, id).run()
    }

    private static func lockTransfer(_ id: UUID, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.update(CaseTransfer.schema).set("status", to: SQLIdentifier("status")).where("id", .equal, id).run()
    }
}
