import Crypto
import Fluent
import Foundation
import QuanzeCore

/// Demo 案卷评查: the year's completed 年度评查 of 市场监督管理局 and 生态环境局 (which reports no
/// closed 行政处罚 file, with a written statement, 第十二条): files drawn from a published seed,
/// each sheet scored, signed by 孙卷宗 and 钱评析 (neither from 市场监管), through 复评 and the
/// 法制办's confirmation; the lowest file fails, after a 集体会商, and is contested (维持).
/// Notices: a 案卷评查单 replied and accepted, a 政府法制建议书 overdue (red on the board).
enum DemoFileReview {
    static let planKey = "review-plan:demo"
    static func sheetID(_ order: Int) -> UUID { DemoIDs.uuid("review-sheet:demo:amr:\(order)") }
    static let overdueNoticeKey = "notice:amr:advice"
    static let repliedNoticeKey = "notice:amr:sheet"

    static func load(jurisdictionID: UUID, today: LocalDate, calendar: WorkCalendar, algorithm: RecordHashAlgorithm, now: Date,
                     on db: any Database) async throws {
        let amr = DemoIDs.uuid("agency:amr"), eco = DemoIDs.uuid("agency:eco")
        let standard = ReviewStandard(id: DemoIDs.uuid("review-standard:220100:1"), jurisdictionID: jurisdictionID, name: ReviewStandardCheck.defaultName,
                                      version: 1, passMark: ReviewStandardCheck.defaultPassMark, criteria: ReviewStandardCheck.defaultCriteria,
                                      createdBy: "陈法明")
        try await standard.create(on: db)
        let plan = ReviewPlan()
        plan.id = DemoIDs.uuid(planKey)
        plan.jurisdictionID = jurisdictionID
        plan.name = "\(today.year)年度行政处罚案卷评查"
        plan.kind = .annual
        plan.year = today.year
        plan.periodFrom = "\(today.year)-01-01"
        plan.periodTo = "\(today.year)-12-31"
        plan.sampleSize = 3
        plan.stratified = true
        plan.standardID = try standard.requireID()
        plan.contestUntil = today.adding(days: 10).iso
        plan.status = .cataloging
        plan.algorithm = FileReviewDraw.algorithm
        plan.createdBy = "陈法明"
        try await plan.create(on: db)
        let planID = try plan.requireID()
        let stream = FileReviewPlanService.stream(planID)
        func journal(_ kind: String, _ payload: [String: String], _ actor: String) async throws {
            _ = try await RecordLog.append(stream: stream, kind: "review.\(kind)", payload: payload, actor: actor, algorithm: algorithm, now: now, on: db)
        }
        try await journal("plan_create", ["name": plan.name, "kind": "annual", "year": "\(today.year)", "sampleSize": "3"], "supervisor1")
        for (id, name) in [(amr, "长春市市场监督管理局"), (eco, "长春市生态环境局")] {
            let b = ReviewPlanBody()
            b.planID = planID
            b.agencyID = id
            b.agencyName = name
            let system = try await FileReviewPlanService.systemCatalog(agencyID: id, plan: plan, on: db)
            b.reportedCount = system.count
            b.reportedNumbersText = id == amr ? JSONText(system.map(\.number)) : nil
            b.reportedOn = today.adding(days: -20).iso
            b.reportedBy = id == amr ? "周审核" : "冯环宇"
            b.systemCount = system.count
            b.matches = true
            b.explanation = system.isEmpty ? "本年度本单位无已结案的行政处罚案卷，特此书面说明（第十二条）。" : nil
            try await b.create(on: db)
            try await journal("catalog_report", ["agency": name, "reported": "\(system.count)", "system": "\(system.count)", "matches": "true"],
                              id == amr ? "legal.amr" : "legal.eco")
        }
        for (username, name, agency) in [("reviewer1", "孙卷宗", "moj"), ("reviewer2", "钱评析", "eco"), ("reviewer3", "李核卷", "amr")] {
            let r = ReviewPlanReviewer()
            r.planID = planID
            r.userID = DemoIDs.uuid("user:\(username)")
            r.name = name
            r.agencyID = DemoIDs.uuid("agency:\(agency)")
            try await r.create(on: db)
        }
        let seed = DrawStream.hex(SHA256.hash(data: Data("quanze-demo-file-review-\(today.year)".utf8)))
        try await FileReviewPlanService.perform(plan, seed: seed, day: today.adding(days: -15), actor: "陈法明",
                                                sheetID: { sheetID($0.order) }, on: db)
        try await journal("draw", ["algorithm": FileReviewDraw.algorithm, "seed": seed], "supervisor1")
        let sheets = try await ReviewSheet.query(on: db).filter(\.$planID == planID).sort(\.$drawOrder).all()
        let r1 = DemoIDs.uuid("user:reviewer1"), r2 = DemoIDs.uuid("user:reviewer2")
        let deductionSets: [[ReviewDeduction]] = [
            [.init(code: "B2", points: 3, problem: "处罚决定书未载明履行方式的具体账户", grounds: "行政处罚法 第五十九条", advice: "完善决定书格式")],
            [.init(code: "A2", points: 18, problem: "认定无证经营的主要证据仅有询问笔录，无现场检查笔录和照片", grounds: "行政处罚法 第四十条、第四十六条", advice: "补强证据，今后现场检查应制作笔录并音像记录"),
             .init(code: "A4", points: 15, problem: "未告知听证权利即作出较大数额罚款决定", grounds: "行政处罚法 第六十三条", advice: "严格履行告知程序"),
             .init(code: "B3", points: 10, problem: "送达回证缺失，案卷未按顺序装订", grounds: "第十九条 案卷整理归档", advice: "按归档要求整理案卷")],
            [.init(code: "A3", points: 5, problem: "裁量理由说明简单", grounds: "裁量基准", advice: "在调查报告和决定书中说明裁量因素"),
             .init(code: "B1", points: 2, problem: "立案审批表日期涂改", grounds: "第三条", advice: "规范文书制作")],
        ]
        for (i, s) in sheets.enumerated() {
            let set = deductionSets[i % deductionSets.count]
            let score = try ReviewScore.total(set, criteria: standard.criteria)
            s.deductionsText = JSONText(set)
            s.score = score
            s.revision = 1
            s.scoredBy = "孙卷宗"
            s.signer1ID = r1; s.signer1Name = "孙卷宗"
            s.signer2ID = r2; s.signer2Name = "钱评析"
            s.secondReviewedBy = "钱评析"
            s.stage = .confirmed
            s.confirmedScore = score
            s.finalScore = score
            s.confirmedBy = "陈法明"
            s.sentOn = today.adding(days: -5).iso
            s.contestDue = plan.contestUntil
            let failing = score < standard.passMark
            if failing {
                let d = ReviewDeliberation()
                d.sheetID = try s.requireID()
                d.heldOn = today.adding(days: -7).iso
                d.participantsText = JSONText(["孙卷宗", "钱评析", "李核卷", "陈法明"])
                d.conclusion = "主要证据不足、未告知听证权利，属合法性问题，认定为不合格案卷，并制发案卷评查单督促整改。"
                d.recordedBy = "陈法明"
                try await d.create(on: db)
                try await journal("deliberation", ["case": s.caseNumber, "conclusion": d.conclusion], "supervisor1")
                s.contestGrounds = "当事人当场承认无证经营，询问笔录经当事人签字确认，证据足以认定事实。"
                s.contestedOn = today.adding(days: -3).iso
                s.contestedBy = "周审核"
                s.contestOutcome = .maintained
                s.outcomeReason = "仅有当事人陈述而无其他证据印证，不能作为定案的唯一依据；未告知听证权利的程序问题无合理依据，维持不合格。"
                s.outcomeBy = "陈法明"
            }
            try await s.save(on: db)
            try await journal("sheet_confirm", ["case": s.caseNumber, "final": ReviewScore.format(score)], "supervisor1")
            if failing {
                try await journal("contest", ["case": s.caseNumber, "grounds": s.contestGrounds ?? ""], "legal.amr")
                try await journal("contest_outcome", ["case": s.caseNumber, "outcome": "maintained"], "supervisor1")
            }
        }
        let failing = sheets.first { ($0.finalScore ?? 100) < standard.passMark }
        let sheetNotice = SupervisionNotice()
        sheetNotice.id = DemoIDs.uuid(repliedNoticeKey)
        sheetNotice.jurisdictionID = jurisdictionID
        sheetNotice.agencyID = amr
        sheetNotice.kind = .reviewSheet
        sheetNotice.title = "\(today.year)年度案卷评查问题整改"
        sheetNotice.content = "经评查，你局抽取案卷中存在文书制作不规范、案卷归档不完整等问题，请对照案卷评查单逐项整改，并书面回复整改情况。"
        sheetNotice.reviewPlanID = planID
        sheetNotice.reviewSheetID = failing?.id
        sheetNotice.issuedOn = today.adding(days: -4).iso
        sheetNotice.replyDue = today.adding(days: 6).iso
        sheetNotice.issuedBy = "陈法明"
        sheetNotice.status = .accepted
        sheetNotice.reply = "已组织全局法制员培训，补正送达回证，重新整理归档相关案卷；修订处罚决定书格式。"
        sheetNotice.repliedOn = today.adding(days: -1).iso
        sheetNotice.repliedBy = "周审核"
        sheetNotice.reviewNote = "整改到位，予以采纳。"
        sheetNotice.reviewedOn = today.iso
        sheetNotice.reviewedBy = "陈法明"
        try await sheetNotice.create(on: db)
        let advice = SupervisionNotice()
        advice.id = DemoIDs.uuid(overdueNoticeKey)
        advice.jurisdictionID = jurisdictionID
        advice.agencyID = amr
        advice.kind = .legalAdvice
        advice.title = "关于纠正不合格案卷合法性问题的政府法制建议书"
        advice.content = "案卷评查中发现主要事实证据不足、未告知听证权利的合法性问题（第十七条），建议依法予以纠正，并改进今后工作。"
        advice.reviewPlanID = planID
        advice.reviewSheetID = failing?.id
        advice.issuedOn = today.adding(days: -20).iso
        advice.replyDue = today.adding(days: -5).iso
        advice.issuedBy = "陈法明"
        advice.status = .issued
        try await advice.create(on: db)
        for n in [sheetNotice, advice] {
            _ = try await RecordLog.append(stream: "notice:\(n.id!.uuidString.lowercased())", kind: "notice.issue",
                                           payload: ["title": n.title, "replyDue": n.replyDue], actor: "supervisor1", algorithm: algorithm, now: now, on: db)
        }
        plan.status = .drawn
        try await plan.save(on: db)
    }
}
