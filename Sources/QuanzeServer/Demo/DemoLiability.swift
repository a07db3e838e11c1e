import Fluent
import Foundation
import QuanzeCore

/// Demo 责任追究 intake and one matter (issue 6 items 2–3): a media report waiting for a decision, a self-check
/// declined with its reason, and an 执法检查 finding filed (立案) on a case officer.amr1 led — so that account
/// sees the matter and may state and defend. Every item has a case, so the demo's items without a case stay
/// the two complaint items.
enum DemoLiability {
    static let pendingKey = "liability-intake:amr:media"
    static let declinedKey = "liability-intake:amr:self-check"
    static let filedKey = "liability-intake:amr:inspection"
    static let matterKey = "liability-matter:amr:1"

    static func load(services: AppServices, today: LocalDate, now: Date, on db: any Database) async throws {
        guard let officer = try await Officer.query(on: db).filter(\.$user.$id == DemoIDs.uuid("user:officer.amr1")).first() else { return }
        let led = try await CaseOfficer.query(on: db).filter(\.$officer.$id == officer.requireID()).filter(\.$role == .lead).all().map { $0.$enforcementCase.id }
        let cases = try await EnforcementCase.query(on: db).filter(\.$id ~~ led).sort(\.$number).all()
        var decided: [EnforcementCase] = []
        for c in cases {
            if try await CaseDecision.query(on: db).filter(\.$enforcementCase.$id == c.requireID()).first() != nil { decided.append(c) }
        }
        guard decided.count >= 3 else { return }
        // The matter's case: the first with a legal review (so its reviewer, legal.amr, is a person concerned too).
        var matterCase = decided[2]
        for c in decided {
            if try await LegalReview.query(on: db).filter(\.$enforcementCase.$id == c.requireID()).first() != nil {
                matterCase = c
                break
            }
        }
        let others = decided.filter { $0.id != matterCase.id }
        let amr = DemoIDs.uuid("agency:amr")
        func item(_ key: String, kind: LiabilitySourceKind, c: EnforcementCase, opened: LocalDate, summary: String) async throws -> LiabilityIntake {
            let i = LiabilityIntake()
            let id = DemoIDs.uuid(key)
            i.id = id
            i.sourceKind = kind.rawValue
            i.sourceID = id
            i.caseID = try c.requireID()
            i.agencyID = amr
            i.openedOn = opened.iso
            i.summary = summary
            i.status = LiabilityIntakeStatus.pending.rawValue
            try await i.create(on: db)
            if let t = try await LiabilityIntakeTrack.query(on: db).filter(\.$intakeID == id).first() {
                t.enteredBy = "法制办监督员"
                t.sourceDetail = kind == .media ? "长春日报 \(opened.iso) 读者来信" : (kind == .selfCheck ? "市场监管局 2026 年执法案卷自查" : "市政府 2026 年行政执法检查")
                try await t.save(on: db)
            }
            return i
        }
        func record(_ stream: String, _ kind: String, _ payload: [String: String]) async throws {
            _ = try await RecordLog.append(stream: stream, kind: kind, payload: payload, actor: "supervisor1",
                                           algorithm: services.records.algorithm, now: now, on: db)
        }
        _ = try await item(pendingKey, kind: .media, c: others[0], opened: today.adding(days: -3),
                           summary: "媒体报道：\(others[0].number) 处罚过程中执法人员态度粗暴")
        let declined = try await item(declinedKey, kind: .selfCheck, c: others[1], opened: today.adding(days: -20),
                                      summary: "自查发现：\(others[1].number) 决定书引用条款项目有误")
        declined.status = LiabilityIntakeStatus.declined.rawValue
        try await declined.save(on: db)
        if let t = try await LiabilityIntakeTrack.query(on: db).filter(\.$intakeID == declined.requireID()).first() {
            t.outcome = LiabilityIntakeStatus.declined.rawValue
            t.outcomeReason = "条款项目引用瑕疵不影响处理结果，已补正，不属于执法过错"
            t.decidedOn = today.adding(days: -15).iso
            t.decidedBy = "法制办监督员"
            try await t.save(on: db)
            try await record(LiabilityJournal.intakeStream(declined.requireID()), "liability.intake_decline",
                             ["reason": t.outcomeReason ?? "", "decidedOn": t.decidedOn ?? "", "by": "法制办监督员"])
        }
        let filed = try await item(filedKey, kind: .enforcementInspection, c: matterCase, opened: today.adding(days: -12),
                                   summary: "执法检查发现：\(matterCase.number) 事实不清、证据不足即作出处罚决定")
        guard let t = try await LiabilityIntakeTrack.query(on: db).filter(\.$intakeID == filed.requireID()).first() else { return }
        let m = LiabilityMatter()
        let mid = DemoIDs.uuid(matterKey)
        m.id = mid
        m.intakeID = try filed.requireID()
        m.jurisdictionID = t.jurisdictionID
        m.pursuingAgencyID = t.pursuingAgencyID
        m.pursuingBody = t.pursuingBody
        m.subjectAgencyID = amr
        m.caseID = filed.caseID
        m.profileID = t.profileID
        m.status = "investigating"
        let filedOn = today.adding(days: -10)
        m.filedOn = filedOn.iso
        m.filedBy = "法制办监督员"
        m.summary = filed.summary
        let calendar = try await services.calendar.calendar(on: db, now: now)
        if let d = try LiabilityProfileRules.due(LiabilityCodes.decision, in: services.profiles.effective(id: t.profileID), calendar: calendar, from: filedOn) {
            m.decisionDueOn = d.date.iso
            m.decisionRule = "\(d.name)：\(d.period)"
            m.decisionSource = d.source.description
        }
        try await m.create(on: db)
        let persons = try await LiabilityCasePeople.persons(for: filed, matterID: mid, addedBy: "法制办监督员", on: db)
        for p in persons { try await p.create(on: db) }
        filed.status = LiabilityIntakeStatus.filed.rawValue
        try await filed.save(on: db)
        t.outcome = LiabilityIntakeStatus.filed.rawValue
        t.decidedOn = filedOn.iso
        t.decidedBy = "法制办监督员"
        t.matterID = mid
        try await t.save(on: db)
        try await record(LiabilityJournal.matterStream(mid), "liability.filed", [
            "intake": m.intakeID.uuidString.lowercased(), "summary": m.summary, "filedOn": filedOn.iso, "pursuingBody": m.pursuingBody,
            "decisionDue": m.decisionDueOn ?? "未规定", "persons": persons.map(\.name).joined(separator: "、"),
        ])
        for (n, key) in ["supervisor2", "reviewer1"].enumerated() {
            guard let u = try await User.find(DemoIDs.uuid("user:\(key)"), on: db) else { continue }
            let i = LiabilityInvestigator()
            i.id = DemoIDs.uuid("liability-investigator:amr:1:\(n)")
            i.matterID = mid
            i.userID = try u.requireID()
            i.name = u.displayName
            i.status = "active"
            i.appointedOn = filedOn.iso
            i.appointedBy = "法制办监督员"
            try await i.create(on: db)
            try await record(LiabilityJournal.matterStream(mid), "liability.investigator_appoint", ["investigator": u.displayName, "on": filedOn.iso])
        }
        try await record(LiabilityJournal.matterStream(mid), "liability.interview", [
            "title": "询问主办人", "content": "主办人陈述了调查取证经过，承认现场检查笔录未经当事人签字。", "date": today.adding(days: -5).iso,
        ])
    }
}
