import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 作出决定: the approver (neither handler nor reviewer) makes the decision once everything the law
/// requires is in place — the stage order, a passed 法制审核 where required, the hearing window
/// closed, the sanction within the procedure and the discretion range (or reasoned), every element
/// of the document — and the body's yearly sequence gives it its 文号.
enum CaseDecisionService {
    struct Input: Sendable {
        var factsAndEvidence: String
        var basis: String
        var content: String
        var performance: String
        var remedies: String?
        var sanction: PenaltySanction?
        var partyKind: PartyKind?
        var discretionID: UUID?
        var circumstance: String?
        var outsideRangeReason: String?
        var collectingBank: String?
        /// The listed 从轻、减轻、从重 情节 found (texts from the benchmark's lists).
        var factors: [String] = []
    }

    static func decide(_ c: EnforcementCase, _ input: Input, req: Request) async throws -> CaseDecision {
        let p = try req.principal()
        let today = req.today
        let caseID = try c.requireID()
        guard !c.suspended else { throw AppError.conflict("CASE_SUSPENDED", "案件已中止，恢复后才能作出决定") }
        do { try CaseStateMachine.check(from: c.stage, to: .decision, procedure: c.procedure, context: c.context) }
        catch { throw CaseRefusal.from(error) }
        let reviews = try await LegalReview.query(on: req.db).filter(\.$enforcementCase.$id == caseID).sort(\.$createdAt, .descending).all()
        let review = reviews.first
        if c.legalReviewRequired && review?.passed != true {
            throw AppError.badRequest("LEGAL_REVIEW_NOT_PASSED", "重大执法决定应审未审或审核未通过的，不得作出执法决定（\(CaseSources.majorDecisionReview)）")
        }
        let people = try await CasePeople.load(c, on: req.db)
        let approverIsHandler = people.includes(userID: p.userID, officer: try await CasePeople.officer(ofUser: p.userID, on: req.db))
        do {
            var handlers = Set(people.handlerUserIDs.map(\.uuidString))
            if approverIsHandler { handlers.insert(p.userID.uuidString) }
            try SeparationOfDuties.check(handlers: handlers, reviewer: review?.reviewerUserID.uuidString, approver: p.userID.uuidString)
        } catch { throw CaseRefusal.from(error) }
        let agency = try await Agency.find(c.$agency.id, on: req.db)!
        let clocks = try await CaseDeadlines.load(jurisdictionID: agency.$jurisdiction.id, actor: p.displayName, services: req.services, on: req.db)
        try await checkHearingWindow(c, today: today, on: req.db)
        let (sanction, discretion) = try await checkSanction(c, input, clocks: clocks)
        let outsideReason = try discretion?.outsideLevel == true
            ? input.outsideRangeReason.map { try CaseText.paragraph($0, field: "outsideRangeReason", max: 1000) } : nil
        let bank = try input.collectingBank.flatMap { $0.isEmpty ? nil : try TextInput.name($0, field: "collectingBank", max: 100) }
        if let sanction, sanction.kinds.contains(.fine), bank == nil {
            throw AppError.badRequest("COLLECTING_BANK_REQUIRED", "罚缴分离：罚款决定须写明代收罚款的银行（行政处罚法 第六十七条）", field: "collectingBank")
        }
        let parties = try await CaseParty.query(on: req.db).filter(\.$enforcementCase.$id == caseID).all()
        let document = DecisionDocument(
            parties: parties.map { "\($0.name)（\($0.kind == .person ? "身份证号" : "统一社会信用代码") \($0.identifier)）" }.joined(separator: "；"),
            factsAndEvidence: try CaseText.paragraph(input.factsAndEvidence, field: "factsAndEvidence", max: 5000),
            basis: try CaseText.paragraph(input.basis, field: "basis", max: 2000),
            content: try CaseText.paragraph(input.content, field: "content", max: 2000),
            performance: try CaseText.paragraph(input.performance, field: "performance", max: 1000),
            remedies: try CaseText.paragraph(input.remedies ?? DecisionDocument.standardRemedies(reviewBody: "长春市人民政府", court: "有管辖权的人民法院"),
                                             field: "remedies", max: 1000),
            agencyName: agency.name, decidedOn: today)
        do { try document.checkComplete() } catch { throw CaseRefusal.from(error) }
        let decision = CaseDecision()
        try await req.db.transaction { tx in
            decision.$enforcementCase.id = caseID
            decision.number = try await DocumentNumbers.next(.decision, agency: agency, year: today.year, on: tx)
            decision.documentText = JSONText(document)
            decision.sanctionText = sanction.map(JSONText.init)
            decision.discretionID = discretion?.benchmarkId
            decision.circumstance = discretion?.level.circumstance
            decision.discretionText = discretion.map(JSONText.init)
            decision.outsideRangeReason = outsideReason
            decision.collectingBank = bank
            decision.approverUserID = p.userID
            decision.approverName = p.displayName
            decision.decidedOn = today.iso
            try await decision.create(on: tx)
            c.stage = .decision
            try await c.save(on: tx)
            let clocks = CaseDeadlines(calendar: clocks.calendar, profile: clocks.profile, actor: p.displayName, db: tx)
            try await clocks.meet(["penalty_decision", "license_decision", "seizure_duration", "promised_limit"], caseID: caseID, on: today)
            try await clocks.meetSteps(caseID: caseID, on: today)
            try await DecisionPublicityService.open(c, decision: decision, clocks: clocks)
            // 重大行政处罚备案: a major decision is to be filed with the legal office.
            try await MajorFilingService.open(c, decision: decision, clocks: clocks)
            if c.procedure.isPenalty {
                try await clocks.start("penalty_service", from: today, caseID: caseID, reason: "作出处罚决定（当事人不在场的，七日内送达）")
            }
            let summary = "作出决定 \(decision.number)：\(document.content)" + (sanction.map { "（\($0.text)）" } ?? "")
                + (discretion.map { "；裁量情节：\($0.level.circumstance)" + ($0.outsideLevel ? "（超出幅度，已说明理由）" : "") } ?? "")
            try await CaseJournal.write(c, kind: "decision", stage: .decision, on: today, summary: summary, actor: p.displayName, req: req, db: tx)
            try await req.audit(.caseDecide, .success, target: c.number, detail: summary, on: tx)
        }
        return decision
    }

    /// A party told of the hearing right decides within its window; the decision waits for it.
    private static func checkHearingWindow(_ c: EnforcementCase, today: LocalDate, on db: any Database) async throws {
        guard c.hearingRight != nil, !c.hearingRequested else { return }
        guard let window = try await CaseDeadlines.hearingWindow(caseID: try c.requireID(), db: db),
              let due = LocalDate(iso: window.due), today <= due else { return }
        throw AppError.badRequest("HEARING_WINDOW_OPEN", "当事人申请听证的期限至 \(due.iso) 届满，期限内不得作出决定（\(window.source)）")
    }

    private static func checkSanction(_ c: EnforcementCase, _ input: Input, clocks: CaseDeadlines) async throws -> (PenaltySanction?, DecisionDiscretion?) {
        guard c.procedure.isPenalty else { return (nil, nil) }
        guard let sanction = input.sanction ?? c.proposedSanction, !sanction.kinds.isEmpty else {
            throw AppError.validation("sanction", "处罚决定须写明处罚种类", code: "required")
        }
        try CaseSanction.validate(sanction)
        let party = input.partyKind ?? .organization
        if c.procedure == .penaltySimple {
            do { try CaseProgress.penaltyRules(clocks.profile).checkSimpleProcedure(sanction, party: party) }
            catch { throw CaseRefusal.from(error, field: "sanction") }
        }
        // Heavier than what was notified needs a new 告知 (the party was heard on the proposal).
        if let proposed = c.proposedSanction, sanction.fineAmount > proposed.fineAmount || !Set(sanction.kinds).isSubset(of: Set(proposed.kinds)) {
            throw AppError.badRequest("HEAVIER_THAN_NOTIFIED", "决定的处罚（\(sanction.text)）重于告知时拟作出的处罚（\(proposed.text)），应当重新告知（行政处罚法 第四十四条）", field: "sanction")
        }
        var discretion: DecisionDiscretion?
        if let id = input.discretionID {
            discretion = try await checkDiscretion(c, id: id, input, sanction: sanction, db: clocks.db)
        } else if input.circumstance != nil || !input.factors.isEmpty {
            throw AppError.validation("discretionId", "选择情节或裁量情节时须写明所依据的裁量基准", code: "required")
        }
        return (sanction, discretion)
    }

    /// 裁量基准 (seed 004 篇十一 通州区行政处罚自由裁量权监督规定 第四条(二)(六)): the level named must be
    /// the benchmark's, allow every kind decided, the factors must be listed, a fine must lie inside some
    /// level (`AMOUNT_OUTSIDE_ALL_LEVELS`), and outside the chosen level it needs a written reason and a
    /// passed 法制审核.
    private static func checkDiscretion(_ c: EnforcementCase, id: UUID, _ input: Input, sanction: PenaltySanction,
                                        db: any Database) async throws -> DecisionDiscretion {
        guard let benchmark = try await DiscretionBenchmark.find(id, on: db), benchmark.$agency.id == c.$agency.id || benchmark.$powerItem.id == c.$powerItem.id else {
            throw AppError.badRequest("DISCRETION_NOT_FOUND", "裁量基准不存在或不适用于本案", field: "discretionId")
        }
        let measure: DiscretionMeasure
        do {
            measure = try benchmark.scale.measure(circumstance: input.circumstance, sanction: sanction, factors: input.factors, reason: input.outsideRangeReason)
        } catch {
            // `measure` throws only CaseRuleViolation (typed throws).
            let field = switch error.code {
            case "DISCRETION_LEVEL_UNKNOWN": "circumstance"
            case "DISCRETION_FACTOR_UNKNOWN": "factors"
            case "DISCRETION_REASON_REQUIRED": "outsideRangeReason"
            default: "sanction"
            }
            throw CaseRefusal.from(error, field: field)
        }
        if measure.outsideLevel {
            let reviewed = try await LegalReview.query(on: db).filter(\.$enforcementCase.$id == c.requireID()).filter(\.$passed == true).count() > 0
            guard reviewed else {
                throw AppError.badRequest("LEGAL_REVIEW_REQUIRED", "罚款超出“\(measure.level.circumstance)”情节的裁量幅度（\(measure.level.range.text)），须经法制审核后方可决定（\(DiscretionRange.source)）")
            }
        }
        return DecisionDiscretion(benchmarkId: id, violation: benchmark.violation, level: measure.level, factors: measure.factors,
                                  outsideLevel: measure.outsideLevel, source: DiscretionSources.kindsAndRange.description)
    }
}
