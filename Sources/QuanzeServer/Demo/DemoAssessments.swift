import Fluent
import Foundation
import QuanzeCore

/// 评议考核 demo (docs/assessment.md): external evaluations of the 长春 bodies (cards, a survey, a
/// 监督评议员), two one-time evaluation codes for `case:amr:1` (PJ26-DEMO-AMRA unused,
/// PJ26-DEMO-USED already used), the year's assessment of the bodies (computed, one 零执法 reason,
/// one contest decided, published on the portal), and the 市场监督管理局's officer assessments for
/// last year (published) and this year (computed, open for confirmation) — officer:amr:1
/// (officer.amr2) is 不合格 both years, so the jilin 连续两年 consequence is proposed.
enum DemoAssessments {
    static let freshCode = "PJ26-DEMO-AMRA"
    static let usedCode = "PJ26-DEMO-USED"

    static func load(jurisdictionID: UUID, today: LocalDate, on db: any Database) async throws {
        let year = today.year
        let amr = DemoIDs.uuid("agency:amr")
        // One-time codes for the parties of case:amr:1.
        for (key, code, used) in [("fresh", freshCode, false), ("used", usedCode, true)] {
            let c = EvaluationCode()
            c.id = DemoIDs.uuid("evaluation-code:\(key)")
            c.codeHash = EvaluationService.hash(code)
            c.caseID = DemoIDs.uuid("case:amr:1")
            c.agencyID = amr
            c.issuedOn = today.adding(days: -30).iso
            c.issuedBy = "演示数据"
            c.usedOn = used ? today.adding(days: -20).iso : nil
            try await c.create(on: db)
        }
        // External evaluations of the year.
        let ratings: [(String, EvaluationChannel, [Int])] = [
            ("amr", .card, [5, 4, 5, 4]), ("eco", .card, [3, 2, 4]), ("urban", .card, [2, 3, 2, 1]), ("trans", .card, [4, 5]),
            ("amr", .survey, [4, 4, 5]), ("eco", .survey, [3, 3]), ("urban", .survey, [3]), ("trans", .evaluator, [4]), ("amr", .evaluator, [5]),
        ]
        for (key, channel, values) in ratings {
            for (i, r) in values.enumerated() {
                let e = Evaluation()
                e.agencyID = DemoIDs.uuid("agency:\(key)")
                e.caseID = channel == .card && key == "amr" && i == 0 ? DemoIDs.uuid("case:amr:1") : nil
                e.year = year
                e.channel = channel
                e.rating = r
                e.evaluatorName = channel == .evaluator ? "监督评议员王敏" : nil
                e.comment = channel == .card && r <= 2 ? "执法人员态度生硬，告知不清楚" : nil
                e.submittedOn = today.adding(days: -10 - i).iso
                try await e.create(on: db)
            }
        }

        // The bodies' assessment of the year, by the 法制办 (supervisor1).
        let bodies = plan(id: "assessment:bodies:\(year)", jurisdictionID: jurisdictionID, agencyID: nil, kind: .agency, year: year,
                          name: "\(year) 年度长春市行政执法评议考核", tree: try AssessmentText.parse(AssessmentText.template(.agency)), by: "监督员一")
        try await bodies.create(on: db)
        try await AssessmentService.computeCore(bodies, today: today.adding(days: -5), trainingHours: nil, on: db)
        let special: [String: Int] = ["amr": 950, "eco": 700, "urban": 450, "trans": 900]
        for f in try await AssessmentFinding.query(on: db).filter(\.$plan.$id == bodies.requireID()).filter(\.$kind == .entered).all() {
            let key = special.first { DemoIDs.uuid("agency:\($0.key)") == f.targetID }
            try await enter(f, centi: key?.value ?? 800, evidence: "专项检查记录：抽查执法案卷、现场暗访，见检查报告第 \(key == nil ? 3 : 1) 页", on: db)
        }
        // 市场监督管理局 states why one power was not exercised, confirms 按期 and contests 纠错 (decided: revised).
        let amrFindings = try await AssessmentFinding.query(on: db).filter(\.$plan.$id == bodies.requireID()).filter(\.$targetID == amr).all()
        if let zero = amrFindings.first(where: { $0.automatic == AutomaticIndicator.powersExercised.rawValue }), let item = zero.detail.against.first {
            let r = ZeroEnforcementReason()
            r.agencyID = amr
            r.year = year
            r.powerItemID = item.id
            r.reason = "本年度辖区内未发生该类违法行为，日常检查未发现线索"
            r.statedBy = "法制员（市场监管局）"
            r.statedOn = today.adding(days: -4).iso
            try await r.create(on: db)
            var d = zero.detail
            d.against[0].note = r.reason
            zero.detailText = JSONText(d)
            try await zero.save(on: db)
        }
        if let onTime = amrFindings.first(where: { $0.automatic == AutomaticIndicator.onTimeDecisions.rawValue }) {
            onTime.status = .confirmed
            onTime.respondedBy = "法制员（市场监管局）"
            onTime.respondedOn = today.adding(days: -4).iso
            try await onTime.save(on: db)
        }
        if let special = amrFindings.first(where: { $0.kind == .entered }) {
            special.status = .revised
            special.responseGrounds = "暗访中记录的一件问题已于检查前整改完毕，附整改报告"
            special.respondedBy = "法制员（市场监管局）"
            special.respondedOn = today.adding(days: -4).iso
            special.decisionReason = "整改报告属实，改定为 10 分"
            special.decidedBy = "监督员一"
            special.decidedOn = today.adding(days: -3).iso
            special.pointsCenti = 1000
            special.rankCenti = 1000
            try await special.save(on: db)
            try await AssessmentService.refresh(resultID: special.$result.id, plan: bodies, on: db)
        }
        bodies.status = .published
        bodies.publishedOn = today.adding(days: -2).iso
        try await bodies.save(on: db)

        // 市场监督管理局 assesses its officers: last year (all entered, published) and this year.
        let poor = DemoIDs.uuid("officer:amr:1")
        let last = plan(id: "assessment:officers:amr:\(year - 1)", jurisdictionID: jurisdictionID, agencyID: amr, kind: .officer, year: year - 1,
                        name: "\(year - 1) 年度执法人员评议考核", tree: try AssessmentText.parse("A|平时考核|50|录入\nB|专门考核|50|录入"), by: "法制员（市场监管局）")
        try await last.create(on: db)
        try await AssessmentService.computeCore(last, today: LocalDate(year: year - 1, month: 12, day: 20)!, trainingHours: nil, on: db)
        for f in try await AssessmentFinding.query(on: db).filter(\.$plan.$id == last.requireID()).all() {
            try await enter(f, centi: f.targetID == poor ? 2500 : 4100, evidence: f.indicatorCode == "A" ? "平时考核记录" : "法律素养测试、执法规范化测试成绩", on: db)
        }
        last.status = .published
        last.publishedOn = LocalDate(year: year - 1, month: 12, day: 30)!.iso
        try await last.save(on: db)

        let this = plan(id: "assessment:officers:amr:\(year)", jurisdictionID: jurisdictionID, agencyID: amr, kind: .officer, year: year,
                        name: "\(year) 年度执法人员评议考核",
                        tree: try AssessmentText.parse("A|按期作出决定|20|on_time_decisions\nB|持证及年检|10|certificate_compliance\nC|法律素养测试|30|录入\nD|执法规范化测试|30|录入\nE|外部评议|10|外部"),
                        by: "法制员（市场监管局）")
        try await this.create(on: db)
        try await AssessmentService.computeCore(this, today: today.adding(days: -1), trainingHours: nil, on: db)
        for f in try await AssessmentFinding.query(on: db).filter(\.$plan.$id == this.requireID()).filter(\.$kind == .entered).all() {
            try await enter(f, centi: f.targetID == poor ? 500 : 2600, evidence: f.indicatorCode == "C" ? "法律素养测试成绩单" : "执法规范化测试成绩单", on: db)
        }
    }

    private static func plan(id: String, jurisdictionID: UUID, agencyID: UUID?, kind: AssessmentTargetKind, year: Int, name: String,
                             tree: [IndicatorNode], by: String) -> AssessmentPlan {
        let p = AssessmentPlan()
        p.id = DemoIDs.uuid(id)
        p.$jurisdiction.id = jurisdictionID
        p.$agency.id = agencyID
        p.targetKind = kind
        p.year = year
        p.name = name
        p.indicatorsText = JSONText(tree)
        p.excellentMin = 90
        p.qualifiedMin = 60
        p.contestDays = 10
        p.status = .draft
        p.createdBy = by
        return p
    }

    private static func enter(_ f: AssessmentFinding, centi: Int, evidence: String, on db: any Database) async throws {
        guard let plan = try await AssessmentPlan.find(f.$plan.id, on: db) else { return }
        f.pointsCenti = min(centi, f.weight * 100)
        f.computedCenti = f.pointsCenti
        f.rankCenti = f.pointsCenti
        f.evidence = evidence
        f.detailText = JSONText(FindingDetail())
        try await f.save(on: db)
        try await AssessmentService.refresh(resultID: f.$result.id, plan: plan, on: db)
    }
}
