import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Moves a case along its procedure (`CaseStateMachine`), with what each stage starts or ends:
/// 告知 records the proposed sanction and the hearing right (行政处罚法 第六十三、六十四条), 送达
/// starts the payment period (第六十七条), a flow step's 时限 runs while its stage lasts.
enum CaseProgress {
    struct Input: Sendable {
        var to: CaseStage
        var note: String?
        /// 告知: the proposed sanction of a penalty.
        var sanction: PenaltySanction?
        var partyKind: PartyKind?
        /// 听证: the day the hearing is held.
        var hearingOn: String?
    }

    static func advance(_ c: EnforcementCase, _ input: Input, req: Request) async throws {
        guard input.to != .decision else {
            throw AppError.badRequest("USE_DECISION_ACTION", "作出决定须通过“作出决定”操作，提交决定书内容", field: "to")
        }
        guard !c.suspended else { throw AppError.conflict("CASE_SUSPENDED", "案件已中止，恢复后才能继续办理") }
        do { try CaseStateMachine.check(from: c.stage, to: input.to, procedure: c.procedure, context: c.context) }
        catch { throw CaseRefusal.from(error, field: "to") }
        let today = req.today
        if input.to == .closed { try await CaseCollection.checkClosable(c, today: today, on: req.db) }
        let note = try input.note.map { try CaseText.paragraph($0, field: "note", max: 1000) }
        let actor = try req.principal().displayName
        let version = try await PowerItemVersion.find(c.$powerVersion.id, on: req.db)
        let agency = try await Agency.find(c.$agency.id, on: req.db)
        let clocks = try await CaseDeadlines.load(jurisdictionID: agency!.$jurisdiction.id, actor: actor, services: req.services, on: req.db)
        var summary = "进入“\(input.to.label(in: c.procedure))”环节"
        switch input.to {
        case .notice where c.procedure.isPenalty:
            summary += try notice(c, input, rules: penaltyRules(clocks.profile), today: today)
        case .hearing:
            let hearingOn = try hearingDay(input.hearingOn, today: today, calendar: clocks.calendar)
            summary += "，听证日期 \(hearingOn.iso)"
        default: break
        }
        if let note { summary += "。\(note)" }
        let from = c.stage
        let done = summary
        c.stage = input.to
        if input.to == .closed { c.closedOn = today.iso }
        try await req.db.transaction { tx in
            let clocks = CaseDeadlines(calendar: clocks.calendar, profile: clocks.profile, actor: actor, db: tx)
            try await c.save(on: tx)
            let caseID = try c.requireID()
            try await clocks.meet(["step:\(from.rawValue)"], caseID: caseID, on: today)
            try await startStepLimit(c, stage: input.to, version: version, clocks: clocks, today: today)
            switch input.to {
            case .notice where c.hearingRight != nil:
                try await clocks.start(c.procedure == .licensing ? "license_hearing_request" : "penalty_hearing_request",
                                       from: today, caseID: caseID, reason: "告知听证权利")
            case .investigation where c.procedure == .seizure:
                // 行政强制法 第二十五条: 查封、扣押 lasts at most 30 日 from the day it is carried out.
                try await clocks.start("seizure_duration", from: today, caseID: caseID, reason: "实施查封、扣押")
            case .service:
                try await clocks.meet(["penalty_service"], caseID: caseID, on: today)
                if let fine = try await CaseDecision.query(on: tx).filter(\.$enforcementCase.$id == caseID).first()?.sanction,
                   fine.kinds.contains(.fine), fine.fineAmount > 0 {
                    try await clocks.start("fine_payment", from: today, caseID: caseID, reason: "送达处罚决定书")
                }
            case .closed:
                let open = try await CaseDeadline.query(on: tx).filter(\.$enforcementCase.$id == caseID).filter(\.$metOn == nil).all(\.$code)
                try await clocks.meet(open, caseID: caseID, on: today)
            default: break
            }
            try await CaseJournal.write(c, kind: "stage", stage: input.to, on: today, summary: done, actor: actor, req: req, db: tx)
            try await req.audit(.caseAdvance, .success, target: c.number, detail: done, on: tx)
            // 结案自动预审: the closed case is checked in the closing transaction.
            if input.to == .closed { try await CaseCheckService.checkClosed(caseID: caseID, services: req.services, on: tx) }
        }
    }

    /// 告知 of a penalty: the proposed sanction must fit the procedure (简易程序 limits) and decides
    /// the hearing right.
    private static func notice(_ c: EnforcementCase, _ input: Input, rules: PenaltyProcedureRules, today: LocalDate) throws -> String {
        guard let sanction = input.sanction, !sanction.kinds.isEmpty else {
            throw AppError.validation("sanction", "告知时须写明拟作出的行政处罚", code: "required")
        }
        try CaseSanction.validate(sanction)
        let party = input.partyKind ?? .organization
        if c.procedure == .penaltySimple {
            do { try rules.checkSimpleProcedure(sanction, party: party) } catch { throw CaseRefusal.from(error, field: "sanction") }
        }
        c.proposedSanction = sanction
        c.notifiedOn = today.iso
        let right = c.procedure == .penaltyOrdinary ? rules.hearingRight(for: sanction, party: party) : nil
        c.hearingRight = right.map { "\($0.reason)（\($0.source)）" }
        return "，拟作出：\(sanction.text)" + (right.map { "；已告知听证权利：\($0.reason)" } ?? "")
    }

    /// A hearing is notified 7 working days before it is held (行政处罚法 第六十四条).
    private static func hearingDay(_ raw: String?, today: LocalDate, calendar: WorkCalendar) throws -> LocalDate {
        guard let raw, let day = LocalDate(iso: raw) else {
            throw AppError.validation("hearingOn", "须填写听证日期（YYYY-MM-DD）", code: "required")
        }
        let earliest = try calendar.addWorkingDays(7, to: today).date
        guard day > earliest || day == earliest else {
            throw AppError.badRequest("HEARING_NOTICE_TOO_SHORT", "听证应当在举行七日前通知当事人，最早可定于 \(earliest.iso)（行政处罚法 第六十四条）", field: "hearingOn")
        }
        return day
    }

    /// The flow steps (一图) of the procedure's branch that carry a 时限, each with the stage it
    /// governs (the first step per stage).
    static func flowLimits(_ version: PowerItemVersion, procedure: CaseProcedure) -> [(CaseStage, FlowStep, TimeLimit)] {
        var seen = Set<CaseStage>()
        return version.flow.compactMap { step in
            guard step.branch == nil || step.branch == procedure.flowBranch, let limit = step.limit,
                  let stage = CaseStateMachine.stage(ofFlowStep: step.name), CaseStateMachine.stages(of: procedure).contains(stage),
                  seen.insert(stage).inserted else { return nil }
            return (stage, step, limit)
        }
    }

    /// The 时限 a power's flow sets for the stage just entered, when it counts from entering the step
    /// (a limit counted from filing started at filing, `CaseFiling`).
    private static func startStepLimit(_ c: EnforcementCase, stage: CaseStage, version: PowerItemVersion?, clocks: CaseDeadlines,
                                       today: LocalDate) async throws {
        guard let version, stage != .filed,
              let (_, step, limit) = flowLimits(version, procedure: c.procedure).first(where: { $0.0 == stage }), !step.countsFromFiling else { return }
        try await clocks.start(code: "step:\(stage.rawValue)", name: "\(step.name)时限", limit: limit,
                               source: SourceRef(document: "权责清单 \(version.name) 流程图", article: step.name), from: today,
                               caseID: try c.requireID(), reason: "进入\(stage.label(in: c.procedure))环节")
    }

    static func penaltyRules(_ profile: EffectiveProfile?) -> PenaltyProcedureRules {
        func q(_ code: String, _ fallback: Int) -> Int { profile?.quantity(code)?.entry.value ?? fallback }
        return PenaltyProcedureRules(simpleFinePerson: q("simple_procedure_fine_person", 200),
                                     simpleFineOrganization: q("simple_procedure_fine_organization", 3000),
                                     hearingAmountPerson: q("hearing_large_amount_person", 10_000),
                                     hearingAmountOrganization: q("hearing_large_amount_organization", 100_000),
                                     hearingAmountSource: profile?.quantity("hearing_large_amount_person")?.entry.source
                                        ?? SourceRef(document: "市场监督管理行政处罚听证办法", article: "第五条"))
    }
}

enum CaseSanction {
    static func validate(_ s: PenaltySanction) throws {
        guard Set(s.kinds).count == s.kinds.count else { throw AppError.validation("sanction.kinds", "处罚种类不能重复", code: "duplicate") }
        guard s.fineAmount >= 0, s.confiscationAmount >= 0, s.fineAmount <= 1_000_000_000, s.confiscationAmount <= 1_000_000_000 else {
            throw AppError.validation("sanction", "金额须为 0 至 10 亿元之间的整数", code: "range")
        }
        if s.kinds.contains(.fine) && s.fineAmount == 0 { throw AppError.validation("sanction.fineAmount", "罚款须写明金额", code: "required") }
        if !s.kinds.contains(.fine) && s.fineAmount > 0 { throw AppError.validation("sanction.fineAmount", "未选择罚款，不能填写罚款金额", code: "inconsistent") }
    }
}
