import Fluent
import Foundation
import QuanzeCore

/// Demo 执法办案: handlers on the posts that hold the curated powers, so that cases can be filed.
enum DemoCases {
    static let handlerRows: [(post: String, officers: [Int])] = [("case", [0, 1, 2, 3]), ("accept", [4, 5])]
    static var handlerAssignmentIDs: [UUID] {
        handlerRows.flatMap { row in row.officers.map { DemoIDs.uuid("assignment:amr:\(row.post):\($0)") } }
    }

    /// 案件承办岗 (XZCF-001) gets officers 0…3 of amr, 许可受理审查岗 (XZXK-001) officers 4 and 5.
    static func assignHandlers(on db: any Database) async throws {
        for row in handlerRows {
            let postID = DemoIDs.uuid("post:amr:\(row.post)")
            let existing = Set(try await PostAssignment.query(on: db).filter(\.$post.$id == postID).all().map { $0.$officer.id })
            for i in row.officers {
                let officerID = DemoIDs.uuid("officer:amr:\(i)")
                guard !existing.contains(officerID), let officer = try await Officer.find(officerID, on: db) else { continue }
                try await PostAssignment(id: DemoIDs.uuid("assignment:amr:\(row.post):\(i)"), postID: postID, officerID: officerID,
                                         startDate: max("2024-01-01", officer.hiredOn)).create(on: db)
            }
        }
    }
}

extension DemoCases {
    /// `count` cases of 长春市市场监督管理局 over 2026, in every stage: most closed with a decision,
    /// open ones around today, some past their 90 日 (red on the boards), some suspended, some fines far
    /// outside their 裁量基准 tier (outliers). Deterministic: `case:amr:<i>`, numbers continue in the
    /// body's sequences.
    static func load(count: Int, today: LocalDate, calendar: WorkCalendar, algorithm: RecordHashAlgorithm, now: Date,
                     on db: any Database) async throws {
        /// The demo's steps go into the 全过程记录 like real ones.
        func journal(_ c: EnforcementCase, _ kind: String, _ stage: CaseStage, _ day: LocalDate, _ summary: String, _ actor: String) async throws {
            try await record(c, kind, stage: stage, day, summary, actor: actor, algorithm: algorithm, now: now, on: db)
        }
        guard count > 0, let amr = try await Agency.find(DemoIDs.uuid("agency:amr"), on: db),
              let penalty = try await PowerItem.find(DemoIDs.uuid("power:amr:XZCF-001"), on: db),
              let licence = try await PowerItem.find(DemoIDs.uuid("power:amr:XZXK-001"), on: db),
              let penaltyV = try await PowerItemQueries.published(penalty, on: db),
              let licenceV = try await PowerItemQueries.published(licence, on: db) else { return }
        let start = LocalDate(year: today.year, month: 1, day: 5)!
        let span = max(1, today.dayNumber - start.dayNumber)
        var filingSeq = 0, decisionSeq = 0
        /// Closed penalty cases counted in order: the pre-check's demo findings are placed by this count.
        var closedPenalties = 0
        let stagesOpen: [CaseStage] = [.filed, .investigation, .review, .notice, .legalReview, .decision, .service, .execution]
        let names = ["某食品有限公司", "某餐饮管理有限公司", "某商贸有限责任公司", "某药房连锁有限公司", "某超市有限公司", "某农贸市场管理有限公司"]
        for i in 1...count {
            let licensing = i % 5 == 0
            let version = licensing ? licenceV : penaltyV
            let filed = start.adding(days: (i * 7919) % span)
            let age = today.dayNumber - filed.dayNumber
            let open = age < 60 || i % 13 == 0
            let stage: CaseStage = open ? stagesOpen[i % stagesOpen.count] : .closed
            filingSeq += 1
            let c = EnforcementCase()
            c.id = DemoIDs.uuid("case:amr:\(i)")
            c.$agency.id = try amr.requireID()
            c.$powerItem.id = try (licensing ? licence : penalty).requireID()
            c.$powerVersion.id = try version.requireID()
            c.number = DocumentNumber.format(prefix: "\(amr.name)立字", year: filed.year, sequence: filingSeq)
            c.procedure = licensing ? .licensing : .penaltyOrdinary
            let safeStage = CaseStateMachine.stages(of: c.procedure).contains(stage) ? stage : .review
            c.stage = safeStage
            c.title = licensing ? "\(names[i % names.count])食品经营许可申请" : "\(names[i % names.count])涉嫌无证经营案"
            c.source = licensing ? .other : CaseSource.allCases[i % 4]
            c.facts = licensing ? "申请人提交食品经营许可申请材料。" : "日常检查发现当事人涉嫌未取得食品经营许可从事食品经营活动。"
            c.filedOn = filed.iso
            c.suspended = open && i % 29 == 0
            c.majorCriteria = i % 11 == 0 ? [.complex] : []
            c.majorReasons = MajorDecisionRule.reasons(statutory: c.majorCriteria, powerCriteria: [], hearingHeld: false,
                                                 outsideDiscretion: !licensing && i % 23 == 0)
            c.legalReviewRequired = !c.majorReasons.isEmpty
            c.hearingRequested = false
            // The 裁量基准 level found (mostly 一般) and a fine inside it, in whole thousands; every 23rd
            // case is fined 95 000 元 under 一般 (inside 严重) with a written reason — the report's outliers.
            let level = DemoDiscretion.foodLevels[[0, 0, 1, 1, 1, 1, 1, 2, 2, 3][i % 10]]
            let outlier = i % 23 == 0
            let steps = (level.maxAmount! - level.minAmount!) / 1_000 + 1
            let fine = outlier ? 95_000 : level.minAmount! + ((i * 37) % steps) * 1_000
            if !licensing && [.notice, .legalReview, .decision, .service, .execution, .closed].contains(safeStage) {
                c.proposedSanction = PenaltySanction(kinds: [.fine], fineAmount: fine)
                c.notifiedOn = filed.adding(days: 20).iso
            }
            if safeStage == .closed { c.closedOn = min(today, filed.adding(days: 50)).iso }
            c.createdBy = "吴执法"
            try await c.create(on: db)
            let caseID = try c.requireID()
            let party = CaseParty()
            party.$enforcementCase.id = caseID
            party.kind = .organization
            party.name = "长春\(names[i % names.count])"
            party.identifier = "91220101MA0Y3XKQ1X"
            party.address = "长春市朝阳区"
            try await party.create(on: db)
            let closedPenalty = !licensing && safeStage == .closed
            if closedPenalty { closedPenalties += 1 }
            // 结案自动预审 demo findings: every 20th closed penalty (from the 5th) has an assisting officer
            // whose certificate missed this year's 年审 (officer 12), every 20th (from the 2nd) lacks its
            // 告知 record, every 20th (from the 3rd) is served late.
            let uninspectedAssist = closedPenalty && closedPenalties % 20 == 5
            let noNoticeRecord = closedPenalty && closedPenalties % 20 == 2
            let lateService = closedPenalty && closedPenalties % 20 == 3
            for (n, role) in [(i % 2 == 0 ? 0 : 2, CaseOfficerRole.lead), (uninspectedAssist ? 12 : 3, .assist)] {
                let o = CaseOfficer()
                o.$enforcementCase.id = caseID
                o.$officer.id = DemoIDs.uuid("officer:amr:\(n)")
                o.role = role
                try await o.create(on: db)
            }
            try await journal(c, "filed", .filed, filed, "\(c.procedure.label)立案", "吴执法")
            // The statutory limit of the procedure.
            let code = licensing ? "license_decision" : "penalty_decision"
            let clock = CaseClock(start: filed, value: licensing ? 20 : 90, unit: licensing ? .workingDays : .calendarDays)
            let due = try clock.due(calendar: calendar)
            let decided = [.decision, .service, .execution, .closed].contains(safeStage)
            let d = CaseDeadline()
            d.$enforcementCase.id = caseID
            d.code = code
            d.name = licensing ? "作出行政许可决定" : "作出行政处罚决定"
            var running = clock
            if c.suspended { running.suspendedSince = today }
            d.clock = running
            d.due = due.date.iso
            d.provisional = due.provisional
            d.sourceText = JSONText(licensing ? SourceRef(document: "行政许可法", article: "第四十二条") : SourceRef(document: "行政处罚法", article: "第六十条"))
            d.extensionCap = licensing ? 10 : nil
            let decidedOn = min(today, filed.adding(days: licensing ? 14 : (i % 31 == 0 ? 97 : 40)))
            d.metOn = decided ? decidedOn.iso : nil
            try await d.create(on: db)
            guard decided else { continue }
            decisionSeq += 1
            let decision = CaseDecision()
            decision.$enforcementCase.id = caseID
            decision.number = DocumentNumber.format(prefix: "\(amr.name)决字", year: decidedOn.year, sequence: decisionSeq)
            decision.documentText = JSONText(DecisionDocument(
                parties: "\(party.name)（统一社会信用代码 \(party.identifier)）", factsAndEvidence: c.facts,
                basis: licensing ? "《中华人民共和国食品安全法》第三十五条" : "《中华人民共和国食品安全法》第一百二十二条",
                content: licensing ? "准予行政许可" : "罚款\(fine)元", performance: licensing ? "自决定之日起生效" : "自收到本决定书之日起十五日内缴纳",
                remedies: DecisionDocument.standardRemedies(reviewBody: "长春市人民政府", court: "有管辖权的人民法院"),
                agencyName: amr.name, decidedOn: decidedOn))
            if !licensing {
                decision.sanctionText = JSONText(PenaltySanction(kinds: [.fine], fineAmount: fine))
                let chosen = outlier ? DemoDiscretion.foodLevels[1] : level
                let factors = outlier || chosen.circumstance == "较重" || chosen.circumstance == "严重" ? [DemoDiscretion.aggravating]
                    : (chosen.circumstance == "轻微" ? [DemoDiscretion.mitigating] : [])
                decision.discretionID = DemoIDs.uuid("discretion:amr:1")
                decision.circumstance = chosen.circumstance
                decision.discretionText = JSONText(DecisionDiscretion(
                    benchmarkId: DemoIDs.uuid("discretion:amr:1"), violation: "未取得食品经营许可从事食品经营活动（货值金额不足一万元）",
                    level: chosen.level, factors: factors, outsideLevel: outlier, source: DiscretionSources.kindsAndRange.description))
                decision.outsideRangeReason = outlier ? "违法经营规模大、持续时间长，经法制审核同意在“一般”情节幅度以上处罚" : nil
                decision.collectingBank = "中国工商银行长春分行"
            }
            decision.approverUserID = DemoIDs.uuid("user:officer.amr2")
            decision.approverName = "郑检查"
            decision.decidedOn = decidedOn.iso
            decision.fineFen = licensing ? 0 : fine * 100
            try await decision.create(on: db)
            if safeStage == .closed {
                // The steps before the decision, as the 全过程记录 keeps them (吉政办发〔2016〕91号 四(一)).
                let steps: [(CaseStage, Int)] = licensing ? [(.review, 3), (.notice, 8)] : [(.investigation, 2), (.review, 12), (.notice, 20)]
                for (stage, offset) in steps where !(noNoticeRecord && stage == .notice) {
                    try await journal(c, "stage", stage, min(decidedOn, filed.adding(days: offset)), "进入“\(stage.label(in: c.procedure))”环节", "吴执法")
                }
                // 法制审核 of the major ones — except every 22nd case, decided without it (应审未审).
                if c.legalReviewRequired && i % 22 != 0 {
                    let reviewedOn = decidedOn.adding(days: -2)
                    let review = LegalReview()
                    review.$enforcementCase.id = caseID
                    review.reviewerUserID = DemoIDs.uuid("user:legal.amr")
                    review.reviewerName = "周审核"
                    review.passed = true
                    review.opinion = "主体适格，事实清楚，证据确凿，程序合法，适用依据正确，裁量适当，同意。"
                    review.reviewedOn = reviewedOn.iso
                    try await review.create(on: db)
                    try await journal(c, "legal_review", .legalReview, reviewedOn, "法制审核通过：\(review.opinion)", "周审核")
                }
            }
            try await journal(c, "decision", .decision, decidedOn, "作出决定 \(decision.number)", "郑检查")
            if !licensing && safeStage == .closed {
                try await collect(c, decision, fine: fine, i: i, today: today, calendar: calendar, serveAfter: lateService ? 14 : 3,
                                  journal: journal, on: db)
            } else if licensing && safeStage == .closed {
                try await journal(c, "stage", .service, min(today, decidedOn.adding(days: 2)), "进入“送达”环节", "吴执法")
            }
        }
        for (kind, last) in [("filing", filingSeq), ("decision", decisionSeq)] where last > 0 {
            let row = DocumentSequence()
            row.$agency.id = try amr.requireID()
            row.year = today.year
            row.kind = kind
            row.last = last
            try await row.create(on: db)
        }
    }

    /// 执行 of a closed penalty case: served three days after the decision, 15 日 to pay (第六十七条).
    /// Most pay on time; every 7th late with its 加处罚款; every 17th never pays and is handed to the
    /// court (申请人民法院强制执行); every 19th is revoked in 复议 (refunded), every 37th changed in
    /// 诉讼, every 19th+7 upheld.
    static func collect(_ c: EnforcementCase, _ decision: CaseDecision, fine: Int, i: Int, today: LocalDate, calendar: WorkCalendar,
                        serveAfter: Int = 3,
                        journal: (EnforcementCase, String, CaseStage, LocalDate, String, String) async throws -> Void,
                        on db: any Database) async throws {
        let caseID = try c.requireID()
        guard let decided = LocalDate(iso: decision.decidedOn) else { return }
        let served = min(today, decided.adding(days: serveAfter))
        let clock = CaseClock(start: served, value: 15, unit: .calendarDays)
        let computed = try clock.due(calendar: calendar)
        let due = computed.date
        let d = CaseDeadline()
        d.$enforcementCase.id = caseID
        d.code = "fine_payment"
        d.name = "缴纳罚款"
        d.clock = clock
        d.due = due.iso
        d.provisional = computed.provisional
        d.sourceText = JSONText(SourceRef(document: "行政处罚法", article: "第六十七条"))
        try await journal(c, "stage", .service, served, "进入“送达”环节", "吴执法")
        var remedy: CaseRemedy?
        if i % 19 == 0 || i % 37 == 0 || i % 19 == 7 {
            let r = CaseRemedy()
            r.id = DemoIDs.uuid("remedy:amr:\(i)")
            r.$enforcementCase.id = caseID
            r.decisionID = try decision.requireID()
            r.agencyID = c.$agency.id
            r.kind = i % 37 == 0 ? .litigation : .reconsideration
            r.organ = r.kind == .litigation ? "长春市朝阳区人民法院" : "长春市人民政府"
            let applied = min(today, served.adding(days: 20))
            r.appliedOn = applied.iso
            r.receivedOn = min(today, applied.adding(days: 2)).iso
            r.windowDue = (r.kind == .litigation ? served.adding(months: 6) : served.adding(days: 60)).iso
            r.late = false
            let resultOn = applied.adding(days: 45)
            if resultOn <= today {
                r.result = i % 19 == 0 ? .revoked : (i % 37 == 0 ? .changed : .upheld)
                r.resultOn = resultOn.iso
                r.resultNumber = r.kind == .litigation ? "（\(resultOn.year)）吉0104行初\(i)号" : "长府复决字〔\(resultOn.year)〕\(i)号"
                if r.result == .changed { r.newSanctionText = JSONText(PenaltySanction(kinds: [.fine], fineAmount: fine * 6 / 10)) }
                r.removedFen = r.result == .revoked ? fine * 100 : (r.result == .changed ? (fine - fine * 6 / 10) * 100 : 0)
            } else { r.removedFen = 0 }
            r.recordedByName = "周审核"
            try await r.create(on: db)
            try await journal(c, "remedy", .execution, applied, "当事人申请\(r.kind.label)（\(r.organ)）", "周审核")
            if let result = r.result, let on = r.resultOn.flatMap(LocalDate.init(iso:)) {
                try await journal(c, "remedy_result", .execution, on, "\(r.kind.label)结果：\(result.label)（\(r.resultNumber ?? "")）", "周审核")
                if result.isReversal {
                    let item = LiabilityIntake()
                    item.sourceKind = "remedy_result"
                    item.sourceID = try r.requireID()
                    item.caseID = caseID
                    item.agencyID = c.$agency.id
                    item.openedOn = on.iso
                    item.summary = "\(c.number)：\(r.kind.label)（\(r.organ)）\(result.label)原决定（\(r.resultNumber ?? "")）"
                    item.status = "pending"
                    try await item.create(on: db)
                }
            }
            remedy = r
        }
        if i % 17 == 0 && remedy == nil {
            let step = CaseEnforcementStep()
            step.$enforcementCase.id = caseID
            step.kind = EnforcementStepKind.courtEnforcement.rawValue
            let on = min(today, due.adding(days: 30))
            step.takenOn = on.iso
            step.note = "当事人逾期不缴纳罚款，已申请人民法院强制执行"
            step.recordedByName = "吴执法"
            try await step.create(on: db)
            try await journal(c, "enforcement", .execution, on, "执行措施：申请人民法院强制执行", "吴执法")
            try await d.create(on: db)
            return
        }
        let late = i % 7 == 0 && remedy == nil
        let paidOn = min(today, late ? due.adding(days: 3 + i % 5) : served.adding(days: 1 + i % 10))
        let fee = late ? LateFee.amount(fineYuan: fine, due: due, asOf: paidOn).fen : 0
        let p = CasePayment()
        p.$enforcementCase.id = caseID
        p.decisionID = try decision.requireID()
        p.agencyID = c.$agency.id
        p.fineFen = fine * 100
        p.lateFeeFen = fee
        p.paidOn = paidOn.iso
        p.receiptNumber = "ICBC-CC-\(paidOn.year)-\(String(format: "%05d", i))"
        p.channel = i % 3 == 0 ? PaymentChannel.online.rawValue : PaymentChannel.bank.rawValue
        p.recordedByID = DemoIDs.uuid("user:officer.amr1")
        p.recordedByName = "吴执法"
        try await p.create(on: db)
        d.metOn = paidOn.iso
        try await d.create(on: db)
        try await journal(c, "payment", .execution, paidOn, "登记缴款 \(CollectionDTO.yuan(p.amountFen))元（凭证号 \(p.receiptNumber ?? "")）", "吴执法")
        if let r = remedy, r.result == .revoked || r.result == .changed, let on = r.resultOn.flatMap(LocalDate.init(iso:)), on.adding(days: 10) <= today {
            let refund = CaseRefund()
            refund.$enforcementCase.id = caseID
            refund.remedyID = try r.requireID()
            refund.agencyID = c.$agency.id
            refund.applicant = "长春某企业（当事人）"
            refund.amountFen = r.removedFen
            refund.appliedOn = on.adding(days: 3).iso
            refund.paidOn = on.adding(days: 10).iso
            refund.approvedByID = DemoIDs.uuid("user:legal.amr")
            refund.approvedByName = "周审核"
            try await refund.create(on: db)
            try await journal(c, "refund", .execution, on.adding(days: 10), "退还罚款 \(CollectionDTO.yuan(refund.amountFen))元", "周审核")
        }
    }
}

extension DemoCases {
    /// A demo step as a real one is kept: a `CaseEvent` and its entry in the case's stream of the 全过程记录.
    @discardableResult
    static func record(_ c: EnforcementCase, _ kind: String, stage: CaseStage?, _ day: LocalDate, _ summary: String, actor: String,
                       algorithm: RecordHashAlgorithm, now: Date, on db: any Database) async throws -> RecordEntry {
        let caseID = try c.requireID()
        try await CaseEvent(caseID: caseID, kind: kind, stage: stage, on: day, summary: summary, actor: actor).create(on: db)
        return try await RecordLog.append(stream: CaseJournal.stream(caseID), kind: "case." + kind,
                                          payload: CaseJournal.payload(c, stage: stage, day: day, summary: summary, actor: actor),
                                          actor: "demo", algorithm: algorithm, now: now, on: db)
    }
}
