import Fluent
import Foundation
import QuanzeCore

/// Demo 移送 and 执法决定公开, after `DemoCases.load`:
/// - 城管 transferred two cases to 市场监管: one accepted (an open 市场监管 case of source 移送 is linked to it),
///   one pending in 市场监管's inbox (`transfer:urban-to-amr`);
/// - 市场监管 transferred an early case to 生态环境 (pending there; the case ended as 已移送) and sent one
///   suspected crime to 长春市公安局 (the case is suspended);
/// - the decisions of 市场监管's decided cases: most published within 7 工作日, every ninth late, one
///   withdrawn after a 复议 revoked it, the newest still pending (one past its day, red on the board).
/// Deterministic (DemoIDs), no randomness.
enum DemoTransfers {
    static func load(today: LocalDate, calendar: WorkCalendar, algorithm: RecordHashAlgorithm, now: Date, on db: any Database) async throws {
        guard let amr = try await Agency.find(DemoIDs.uuid("agency:amr"), on: db),
              let urban = try await Agency.find(DemoIDs.uuid("agency:urban"), on: db),
              let eco = try await Agency.find(DemoIDs.uuid("agency:eco"), on: db) else { return }
        let cases = try await EnforcementCase.query(on: db).filter(\.$agency.$id == amr.requireID()).sort(\.$filedOn).sort(\.$number).all()
        guard !cases.isEmpty else { return }
        func journal(_ c: EnforcementCase, _ kind: String, _ day: LocalDate, _ summary: String, _ actor: String) async throws -> RecordEntry {
            try await DemoCases.record(c, kind, stage: nil, day, summary, actor: actor, algorithm: algorithm, now: now, on: db)
        }

        // 城管's two cases found to be 市场监管's matter (filed on 市场监管's item, the matter they hand over).
        var urbanSeq = 0
        var origins: [EnforcementCase] = []
        for (n, title) in ["某超市销售过期食品案", "某餐馆无证经营案"].enumerated() {
            urbanSeq += 1
            let filed = today.adding(days: -(20 + n * 10))
            let c = EnforcementCase()
            c.id = DemoIDs.uuid("case:urban:\(n + 1)")
            c.$agency.id = try urban.requireID()
            c.$powerItem.id = cases[0].$powerItem.id
            c.$powerVersion.id = cases[0].$powerVersion.id
            c.number = DocumentNumber.format(prefix: "\(urban.name)立字", year: filed.year, sequence: urbanSeq)
            c.title = title
            c.procedure = .penaltyOrdinary
            c.stage = .closed
            c.closingReason = .transferred
            c.source = .inspection
            c.facts = "市容巡查中发现当事人涉嫌食品安全违法行为，属于市场监督管理部门职责。"
            c.filedOn = filed.iso
            c.suspended = false
            c.majorCriteria = []
            c.majorReasons = []
            c.legalReviewRequired = false
            c.hearingRequested = false
            c.closedOn = filed.adding(days: 2).iso
            c.createdBy = "沈市容"
            try await c.create(on: db)
            let party = CaseParty()
            party.$enforcementCase.id = try c.requireID()
            party.kind = .organization
            party.name = n == 0 ? "长春某超市有限公司" : "长春某餐饮管理有限公司"
            party.identifier = "91220101MA0Y3XKQ1X"
            party.address = "长春市南关区"
            try await party.create(on: db)
            _ = try await journal(c, "filed", filed, "\(c.procedure.label)立案", "沈市容")
            origins.append(c)
        }
        let seq = DocumentSequence()
        seq.$agency.id = try urban.requireID()
        seq.year = today.year
        seq.kind = "filing"
        seq.last = urbanSeq
        try await seq.create(on: db)

        // Accepted: linked to an open 市场监管 case of source 移送.
        if let received = cases.first(where: { $0.source == .referral && $0.stage != .closed }) {
            let t = transfer(DemoIDs.uuid("transfer:urban-to-amr:accepted"), from: origins[1], fromAgency: urban, kind: .agency,
                             on: LocalDate(iso: origins[1].closedOn!)!, reason: "经营者无证经营食品，属于市场监督管理部门职责。")
            t.$toAgency.id = try amr.requireID()
            t.status = .accepted
            t.$acceptedCase.id = try received.requireID()
            t.acceptedOn = received.filedOn
            t.acceptedBy = "吴执法"
            try await t.create(on: db)
            _ = try await journal(origins[1], "transfer", LocalDate(iso: t.transferredOn)!, "移送\(amr.name)：\(t.reason)；本案以“已移送”结案", "沈市容")
            _ = try await journal(received, "transfer_received", LocalDate(iso: received.filedOn)!, "接收\(urban.name)移送的案件 \(origins[1].number)", "吴执法")
        }
        // Pending in 市场监管's inbox.
        let pending = transfer(DemoIDs.uuid("transfer:urban-to-amr"), from: origins[0], fromAgency: urban, kind: .agency,
                               on: LocalDate(iso: origins[0].closedOn!)!, reason: "超市销售超过保质期的食品，属于市场监督管理部门职责。")
        pending.$toAgency.id = try amr.requireID()
        pending.status = .pending
        try await pending.create(on: db)
        _ = try await journal(origins[0], "transfer", LocalDate(iso: pending.transferredOn)!, "移送\(amr.name)：\(pending.reason)；本案以“已移送”结案", "沈市容")

        // 市场监管 → 生态环境 (pending there): an early open case ends as 已移送.
        let early = cases.filter { [.filed, .investigation].contains($0.stage) && $0.source != .referral && !$0.suspended }
        if let out = early.first {
            let t = transfer(DemoIDs.uuid("transfer:amr-to-eco"), from: out, fromAgency: amr, kind: .agency, on: today.adding(days: -1),
                             reason: "当事人排放污水，涉嫌违反水污染防治规定，属于生态环境部门职责。")
            t.$toAgency.id = try eco.requireID()
            t.status = .pending
            try await t.create(on: db)
            out.stage = .closed
            out.closingReason = .transferred
            out.closedOn = t.transferredOn
            try await out.save(on: db)
            for d in try await CaseDeadline.query(on: db).filter(\.$enforcementCase.$id == out.requireID()).filter(\.$metOn == nil).all() {
                d.metOn = t.transferredOn
                try await d.save(on: db)
            }
            _ = try await journal(out, "transfer", LocalDate(iso: t.transferredOn)!, "移送\(eco.name)：\(t.reason)；本案以“已移送”结案", "吴执法")
        }
        // A suspected crime to the police: the case is suspended.
        if let crime = early.dropFirst().first ?? cases.first(where: { $0.stage == .review && !$0.suspended }) {
            let t = transfer(DemoIDs.uuid("transfer:amr-judicial"), from: crime, fromAgency: amr, kind: .judicial, on: today.adding(days: -2),
                             reason: "经抽检，当事人销售的食品致病性微生物超标，涉嫌构成犯罪。")
            t.organ = .publicSecurity
            t.organName = "长春市公安局"
            t.suspectedCrime = "生产、销售不符合安全标准的食品罪"
            t.receiptNumber = "长公（食药环）受字〔\(today.year)〕0031号"
            t.status = .judicial
            try await t.create(on: db)
            crime.suspended = true
            try await crime.save(on: db)
            for d in try await CaseDeadline.query(on: db).filter(\.$enforcementCase.$id == crime.requireID()).filter(\.$metOn == nil).all() {
                var clock = d.clock
                if clock.suspendedSince == nil { clock.suspendedSince = LocalDate(iso: t.transferredOn) }
                d.clock = clock
                try await d.save(on: db)
            }
            _ = try await journal(crime, "judicial_transfer", LocalDate(iso: t.transferredOn)!,
                                  "涉嫌\(t.suspectedCrime!)，移送公安机关（\(t.organName!)），回执 \(t.receiptNumber!)。行政案件中止办理", "吴执法")
        }

        // 执法决定公开 of every decision of 市场监管.
        let decisions = try await CaseDecision.query(on: db).filter(\.$enforcementCase.$id ~~ cases.compactMap(\.id)).sort(\.$decidedOn).sort(\.$number).all()
        let byID = Dictionary(uniqueKeysWithValues: cases.compactMap { c in c.id.map { ($0, c) } })
        var publishedOnce = false
        var withdrawnOnce = false
        for (n, d) in decisions.enumerated() {
            guard let c = byID[d.$enforcementCase.id], let decided = LocalDate(iso: d.decidedOn) else { continue }
            let code = DecisionPublicityRules.ruleCode(for: c.procedure)
            let rule = code == DecisionPublicityRules.licensePenaltyCode ? 7 : 20
            let due = try CaseClock(start: decided, value: rule, unit: .workingDays).due(calendar: calendar)
            let pub = DecisionPublication()
            pub.$enforcementCase.id = try c.requireID()
            pub.$decision.id = try d.requireID()
            pub.$agency.id = try amr.requireID()
            pub.ruleCode = code
            pub.sourceText = JSONText(SourceRef(document: "国办发〔2018〕118号", article: "二(三)"))
            pub.decidedOn = decided.iso
            pub.due = due.date.iso
            pub.provisional = due.provisional
            let isLast = n == decisions.count - 1
            let late = n % 9 == 4
            let publishOn = late ? due.date.adding(days: 3) : decided.adding(days: 3)
            let parties = try await CaseParty.query(on: db).filter(\.$enforcementCase.$id == c.requireID()).all()
            if isLast || publishOn > today {
                // Still pending: due soon, or (the newest one, if its day has passed) red on the board.
                pub.id = DemoIDs.uuid("publication:amr:\(n)")
                pub.status = .pending
                try await pub.create(on: db)
                let deadline = CaseDeadline()
                deadline.$enforcementCase.id = try c.requireID()
                deadline.code = code
                deadline.name = code == DecisionPublicityRules.licensePenaltyCode ? "行政许可、行政处罚决定信息公开" : "执法决定信息公开（事后公开）"
                deadline.clock = CaseClock(start: decided, value: rule, unit: .workingDays)
                deadline.due = due.date.iso
                deadline.provisional = due.provisional
                deadline.sourceText = pub.sourceText
                try await deadline.create(on: db)
                continue
            }
            let first = !publishedOnce
            pub.id = DemoIDs.uuid(first ? "publication:amr:published" : "publication:amr:\(n)")
            publishedOnce = true
            pub.status = .published
            pub.publishedOn = publishOn.iso
            pub.publishedBy = "周审核"
            pub.publicTextJSON = JSONText(DecisionPublicityService.publicText(c, decision: d, agency: amr, parties: parties))
            let entry = try await journal(c, "published", publishOn,
                                          "公开决定 \(d.number)（应于 \(pub.due) 前公开，\(late ? "逾期公开" : "按期公开")）", "周审核")
            pub.recordIndex = entry.leafIndex
            // One published penalty revoked by 复议 and withdrawn within 3 工作日.
            if !first && !withdrawnOnce && c.procedure.isPenalty && publishOn.adding(days: 10) <= today {
                withdrawnOnce = true
                let result = publishOn.adding(days: 7)
                let wdue = try CaseClock(start: result, value: 3, unit: .workingDays).due(calendar: calendar)
                pub.status = .withdrawn
                pub.withdrawalReason = "该处罚决定已被长春市人民政府行政复议决定撤销"
                pub.withdrawalBasis = "长府复决字〔\(result.year)〕17号"
                pub.resultOn = result.iso
                pub.withdrawalDue = wdue.date.iso
                pub.withdrawnOn = result.adding(days: 1).iso
                pub.publicTextJSON = JSONText(PublicDecisionText(agencyName: amr.name, decisionNumber: d.number, caseTitle: "", procedure: c.procedure.label,
                                                                 parties: "", facts: "", basis: "", content: "", decidedOn: d.decidedOn))
                let w = try await journal(c, "publication_withdrawn", result.adding(days: 1),
                                          "撤回已公开的决定 \(d.number)：\(pub.withdrawalReason!)（\(pub.withdrawalBasis!)）；应于 \(wdue.date.iso) 前撤回", "周审核")
                pub.withdrawalRecordIndex = w.leafIndex
            }
            try await pub.create(on: db)
        }
    }

    private static func transfer(_ id: UUID, from c: EnforcementCase, fromAgency: Agency, kind: CaseTransferKind, on day: LocalDate,
                                 reason: String) -> CaseTransfer {
        let t = CaseTransfer()
        t.id = id
        t.$enforcementCase.id = c.id!
        t.$fromAgency.id = fromAgency.id!
        t.kind = kind
        t.transferredOn = day.iso
        t.reason = reason
        t.materials = ["立案审批表", "现场检查笔录", "询问笔录", "照片及视频资料"]
        t.createdBy = kind == .judicial ? "吴执法" : "沈市容"
        return t
    }
}
