import Fluent
import Foundation
import QuanzeCore

/// Demo 结案自动预审 and 重大行政处罚备案: every closed demo case is pre-checked as closing would; the
/// major decisions of the demo cases are filed and reviewed in turn — passed, not filed, filed and
/// failed (a liability intake item), filed and waiting for review. The demo city's profile sets no
/// filing period (no seed does), so none has a due day; a profile that sets `major_decision_filing`
/// gets due days and late filings here.
enum DemoChecks {
    static func load(services: AppServices, today: LocalDate, calendar: WorkCalendar, algorithm: RecordHashAlgorithm, now: Date,
                     on db: any Database) async throws {
        let profile = services.profiles.effective(id: "changchun")
        let rule = profile?.deadline(MajorFilingService.ruleCode)?.entry
        let major = try await EnforcementCase.query(on: db).filter(\.$legalReviewRequired == true).all().filter(MajorFilingService.applies)
        let byID = Dictionary(uniqueKeysWithValues: major.compactMap { c in c.id.map { ($0, c) } })
        let majors = (0...services.options.demoCaseCount).compactMap { i in byID[DemoIDs.uuid("case:amr:\(i)")].map { (i, $0) } }
        var k = 0
        for (i, c) in majors {
            let caseID = try c.requireID()
            guard let d = try await CaseDecision.query(on: db).filter(\.$enforcementCase.$id == caseID).first(),
                  let decided = LocalDate(iso: d.decidedOn) else { continue }
            k += 1
            let f = MajorDecisionFiling()
            f.id = DemoIDs.uuid("major-filing:amr:\(i)")
            f.caseID = caseID
            f.decisionID = try d.requireID()
            f.agencyID = c.$agency.id
            f.jurisdictionID = DemoIDs.uuid(DemoData.jurisdictionKey)
            f.decidedOn = d.decidedOn
            f.majorReasonsText = JSONText(c.majorReasons)
            f.provisional = false
            if let rule, let unit = rule.unit.deadlineUnit {
                let due = try CaseClock(start: decided, value: rule.value, unit: unit).due(calendar: calendar)
                f.due = due.date.iso
                f.provisional = due.provisional
                f.dueSource = "\(rule.value)\(unit.label)，\(rule.source)"
            } else {
                f.dueSource = MajorFilingService.noPeriod
            }
            f.status = .pending
            let plan = k % 4
            let due = f.due.flatMap(LocalDate.init(iso:)) ?? decided.adding(days: 15)
            if plan != 2 {
                // Filed: in time (1, 3) or late (0); reviewed: passed (1), failed (3), not yet (0).
                let filedOn = min(today, plan == 0 ? due.adding(days: 6) : decided.adding(days: 5))
                f.status = .filed
                f.filedOn = filedOn.iso
                f.report = "本机关作出的重大行政处罚决定 \(d.number)，依法报送备案。"
                f.documentsText = JSONText(["行政处罚决定书", "法制审核意见书", "案件调查终结报告"])
                f.filedBy = "周审核"
                if plan != 0 {
                    let reviewedOn = min(today, filedOn.adding(days: 10))
                    f.reviewedOn = reviewedOn.iso
                    f.reviewedBy = "陈法明"
                    f.conclusion = plan == 1 ? .passed : .failed
                    f.status = plan == 1 ? .passed : .failed
                    f.reasons = plan == 1 ? nil : "罚款数额明显高于同类案件，裁量理由不充分，且未说明从重情节的证据。"
                }
            }
            try await f.create(on: db)
            if let filedOn = f.filedOn.flatMap(LocalDate.init(iso:)) {
                let late = f.filedLate ? "（逾期：应于 \(f.due ?? "") 前备案）" : ""
                try await DemoCases.record(c, "major_filing", stage: nil, filedOn, "重大执法决定报送备案\(late)：\(f.report ?? "")", actor: "周审核",
                                           algorithm: algorithm, now: now, on: db)
            }
            if let conclusion = f.conclusion, let on = f.reviewedOn.flatMap(LocalDate.init(iso:)) {
                try await DemoCases.record(c, "major_filing_review", stage: nil, on, "重大执法决定备案审查\(conclusion.label)" + (f.reasons.map { "：\($0)" } ?? ""),
                                           actor: "陈法明", algorithm: algorithm, now: now, on: db)
                if conclusion == .failed {
                    let item = LiabilityIntake()
                    item.sourceKind = "filing_review"
                    item.sourceID = try f.requireID()
                    item.caseID = caseID
                    item.agencyID = f.agencyID
                    item.openedOn = on.iso
                    item.summary = "\(c.number)：重大执法决定备案审查不通过：\(f.reasons ?? "")"
                    item.status = "pending"
                    try await item.create(on: db)
                    f.intakeID = item.id
                    try await f.save(on: db)
                }
            }
        }
        // Every closed case is pre-checked, as closing does.
        for year in Set([today.year - 1, today.year]) {
            _ = try await CaseCheckService.run(agencyID: nil, year: year, services: services, on: db)
        }
    }
}
