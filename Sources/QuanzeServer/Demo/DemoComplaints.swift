import Fluent
import Foundation
import QuanzeCore

/// 投诉举报 demo: complaints in every state for 长春's bodies (some past the 5 工作日 受理情况告知, one refused
/// and found wrongly dropped on 复查, one substantiated with its liability intake item) and two about 通州
/// officers under the 30日 reply limit (one answered on time, one overdue). Each demo complaint's tracking
/// code is `DEMO-2026-CCAM-000<n>-ABCD` (n = 1…, in the order below; docs/complaints.md).
enum DemoComplaints {
    struct Step { var kind: String; var day: LocalDate; var summary: String; var actor: String }

    static func code(_ n: Int) -> String { String(format: "DEMO-2026-CCAM-%04d-ABCD", n) }

    static func load(today: LocalDate, profiles: ProfileRegistry, calendar: WorkCalendar, algorithm: RecordHashAlgorithm,
                     now: Date, on db: any Database) async throws {
        let cc = try await Jurisdiction.find(DemoIDs.uuid(DemoData.jurisdictionKey), on: db)
        let tz = try await Jurisdiction.find(DemoIDs.uuid(DemoTongzhou.jurisdictionKey), on: db)
        guard let cc, let tz else { return }
        var sequence: [String: Int] = [:]
        var n = 0
        func deadlines(_ j: Jurisdiction) -> ComplaintDeadlines {
            ComplaintDeadlines(calendar: calendar, profile: profiles.effective(id: j.profileID))
        }
        func day(_ offset: Int) -> LocalDate { today.adding(days: offset) }
        let officer = try await Officer.find(DemoIDs.uuid("officer:amr:0"), on: db)
        let tzOfficer = try await Officer.find(DemoIDs.uuid("officer:tzamr:0"), on: db)

        /// Creates one complaint and its steps; `build` sets the state fields.
        @discardableResult
        func make(_ key: String, _ j: Jurisdiction, agency: String, subject: ComplaintSubjectKind = .agency, subjectText: String? = nil,
                  officerID: UUID? = nil, channel: ComplaintChannel = .portal, named: (String, String)? = nil, content: String,
                  received: LocalDate, steps: [Step], build: (Complaint) -> Void) async throws -> Complaint {
            n += 1
            let jid = try j.requireID()
            let seqKey = "\(jid.uuidString)|\(received.year)"
            sequence[seqKey, default: 0] += 1
            let c = Complaint()
            c.id = DemoIDs.uuid("complaint:\(key)")
            c.number = ComplaintRules.number(jurisdiction: j.name, year: received.year, sequence: sequence[seqKey]!)
            c.jurisdictionID = jid
            c.agencyID = DemoIDs.uuid("agency:\(agency)")
            c.subjectKind = subject
            c.subjectText = subjectText
            c.subjectOfficerID = officerID
            c.channel = channel
            c.anonymous = named == nil
            c.complainantName = named?.0
            c.complainantPhone = named?.1
            c.content = content
            c.receivedOn = received.iso
            c.status = .registered
            c.trackingHash = ComplaintRules.trackingHash(ComplaintRules.normalize(code(n))!)
            c.registeredBy = channel == .portal ? "投诉举报人（网上）" : "陈法明"
            if let ack = deadlines(j).due([ComplaintRules.acknowledgementCode], from: received) {
                c.ackDue = ack.due.iso
                c.ackRule = JSONText(ack.rule)
            }
            build(c)
            if c.acceptedOn != nil, let reply = deadlines(j).due(ComplaintRules.replyCodes(for: subject), from: received) {
                c.replyDue = reply.due.iso
                c.replyRule = JSONText(reply.rule)
            }
            try await c.create(on: db)
            let all = [Step(kind: "register", day: received, summary: "编号登记（\(channel.label)，\(named == nil ? "匿名" : "实名")）", actor: c.registeredBy)] + steps
            for s in all {
                try await ComplaintEvent(complaintID: c.id!, kind: s.kind, on: s.day, summary: s.summary, actor: s.actor).create(on: db)
                _ = try await RecordLog.append(stream: ComplaintJournal.stream(c.id!), kind: "complaint." + s.kind,
                                               payload: ["number": c.number, "date": s.day.iso, "summary": s.summary, "actor": s.actor,
                                                         "status": c.status.rawValue, "complainant": c.anonymous ? "匿名" : "实名（保密）"],
                                               actor: "demo", algorithm: algorithm, now: now, on: db)
            }
            return c
        }
        func intake(_ c: Complaint, kind: String, on day: LocalDate, summary: String) async throws {
            let item = LiabilityIntake()
            item.sourceKind = kind
            item.sourceID = c.id!
            item.caseID = c.caseID
            item.subjectOfficerID = c.subjectOfficerID
            item.agencyID = c.agencyID
            item.openedOn = day.iso
            item.summary = summary
            item.status = "pending"
            try await item.create(on: db)
        }
        let legalAMR = DemoIDs.uuid("user:legal.amr"), supervisor = DemoIDs.uuid("user:supervisor1")

        // 1 登记, waiting (the permission matrix's complaint), with an attachment.
        let first = try await make("amr:registered", cc, agency: "amr", content: "某超市出售过期食品，执法人员现场检查后未作处理。", received: day(-1), steps: []) { _ in }
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 0, count: 64)
        let a = ComplaintAttachment()
        a.id = DemoIDs.uuid("complaint-attachment:amr:registered")
        a.complaintID = first.id!
        a.fileName = "现场照片.png"
        a.contentType = AttachmentType.png.rawValue
        a.size = png.count
        a.content = png
        try await a.create(on: db)
        // 2 登记 and never acknowledged: red.
        try await make("amr:overdue", cc, agency: "amr", named: ("张明", "13812345678"),
                       content: "举报某餐馆长期无证经营，多次反映未见查处。", received: day(-18), steps: []) { _ in }
        // 3 受理, being handled.
        try await make("eco:accepted", cc, agency: "eco", channel: .phone, named: ("李芳", "0431-88886666"),
                       content: "来电反映某企业夜间偷排废水，执法人员接报后未到场。", received: day(-10),
                       steps: [Step(kind: "accept", day: day(-8), summary: "受理，承办人：冯环宇", actor: "冯环宇")]) { c in
            c.status = .accepted; c.acceptedOn = day(-8).iso; c.acknowledgedOn = day(-8).iso
            c.handlerID = DemoIDs.uuid("user:legal.eco"); c.handlerName = "冯环宇"
        }
        // 4 不予受理, then found wrongly dropped on 复查 (责任倒查) and reopened.
        let dropped = try await make("urban:wrongly-dropped", cc, agency: "urban", channel: .letter, named: ("王强", "13987654321"),
                                     content: "来信反映城管执法人员暂扣物品不开具清单。", received: LocalDate(iso: "2026-09-01")!,
                                     steps: [Step(kind: "refuse", day: LocalDate(iso: "2026-09-03")!, summary: "不予受理，理由：不属于本机关受理范围", actor: "蒋城安"),
                                             Step(kind: "review", day: LocalDate(iso: "2026-10-15")!,
                                                  summary: "复查：应受理未受理或应追究未追究。暂扣物品属本局执法行为，应予受理；责任倒查：蒋城安（不予受理）；已转责任追究线索；重新受理",
                                                  actor: "陈法明")]) { c in
            c.refusalReason = "不属于本机关受理范围"; c.refusedByID = DemoIDs.uuid("user:legal.urban"); c.refusedByName = "蒋城安"
            c.acknowledgedOn = "2026-09-03"
            c.reviewResult = .wronglyDropped; c.reviewNote = "暂扣物品属本局执法行为，应予受理"; c.reviewedOn = "2026-10-15"; c.reviewedByName = "陈法明"
            c.status = .accepted; c.acceptedOn = "2026-10-15"; c.handlerID = supervisor; c.handlerName = "陈法明"
        }
        let finding = ComplaintLiabilityFinding()
        finding.complaintID = dropped.id!
        finding.userID = DemoIDs.uuid("user:legal.urban")
        finding.personName = "蒋城安"
        finding.step = "refuse"
        finding.foundOn = "2026-10-15"
        finding.reviewerName = "陈法明"
        finding.note = "暂扣物品属本局执法行为，应予受理"
        try await finding.create(on: db)
        try await intake(dropped, kind: "complaint_dropped", on: LocalDate(iso: "2026-10-15")!,
                         summary: "\(dropped.number)：复查认定应受理未受理或应追究未追究，责任倒查：蒋城安（不予受理）（\(ComplaintRules.backtracking)）")
        // 5 属实, answered and closed, with its intake item (about an officer).
        let officerName = officer?.name ?? "执法人员"
        let substantiated = try await make("amr:substantiated", cc, agency: "amr", subject: .officer, subjectText: officerName,
                                           officerID: officer?.id, named: ("赵磊", "13700001111"),
                                           content: "执法人员检查时态度蛮横，未出示执法证件。", received: LocalDate(iso: "2026-10-08")!,
                                           steps: [Step(kind: "accept", day: LocalDate(iso: "2026-10-09")!, summary: "受理，承办人：周审核", actor: "周审核"),
                                                   Step(kind: "verify", day: LocalDate(iso: "2026-10-20")!, summary: "核查结果：属实；已转责任追究线索", actor: "周审核"),
                                                   Step(kind: "reply", day: LocalDate(iso: "2026-10-22")!, summary: "向投诉举报人反馈处理结果", actor: "周审核"),
                                                   Step(kind: "close", day: LocalDate(iso: "2026-10-23")!, summary: "办结", actor: "周审核")]) { c in
            c.status = .closed; c.acceptedOn = "2026-10-09"; c.acknowledgedOn = "2026-10-09"; c.handlerID = legalAMR; c.handlerName = "周审核"
            c.finding = .substantiated; c.findingText = "经调取执法记录仪视频，情况属实。"; c.verifiedByName = "周审核"
            c.replyText = "经核查，您反映的情况属实，已对相关执法人员批评教育并转责任追究。"; c.repliedOn = "2026-10-22"
            c.closedOn = "2026-10-23"; c.closedByID = legalAMR; c.closedByName = "周审核"
        }
        try await intake(substantiated, kind: "complaint", on: LocalDate(iso: "2026-10-20")!,
                         summary: "\(substantiated.number)：投诉举报经核查属实（执法人员：\(officerName)）")
        // 6 不予受理 (stands).
        try await make("trans:refused", cc, agency: "trans", channel: .mailbox, content: "建议增加公交线路。", received: day(-30),
                       steps: [Step(kind: "refuse", day: day(-27), summary: "不予受理，理由：属于意见建议，不属于行政执法投诉举报，已转交通运输局公交管理部门", actor: "韩通达")]) { c in
            c.status = .refused; c.refusalReason = "属于意见建议，不属于行政执法投诉举报，已转交通运输局公交管理部门"
            c.refusedByID = DemoIDs.uuid("user:legal.trans"); c.refusedByName = "韩通达"; c.acknowledgedOn = day(-27).iso
        }
        // 7 核查 不属实, waiting for the answer.
        try await make("eco:verified", cc, agency: "eco", content: "反映某工地扬尘执法不力。", received: day(-20),
                       steps: [Step(kind: "accept", day: day(-19), summary: "受理，承办人：冯环宇", actor: "冯环宇"),
                               Step(kind: "verify", day: day(-5), summary: "核查结果：不属实", actor: "冯环宇")]) { c in
            c.status = .verified; c.acceptedOn = day(-19).iso; c.acknowledgedOn = day(-19).iso
            c.handlerID = DemoIDs.uuid("user:legal.eco"); c.handlerName = "冯环宇"
            c.finding = .unsubstantiated; c.findingText = "经现场核查，该工地已落实围挡和洒水措施。"; c.verifiedByName = "冯环宇"
        }
        // 8 反馈, not yet closed.
        try await make("amr:answered", cc, agency: "amr", named: ("孙丽", "13600002222"), content: "反映某药店价格欺诈，执法人员未立案。",
                       received: day(-25),
                       steps: [Step(kind: "accept", day: day(-24), summary: "受理，承办人：周审核", actor: "周审核"),
                               Step(kind: "verify", day: day(-10), summary: "核查结果：不属实", actor: "周审核"),
                               Step(kind: "reply", day: day(-9), summary: "向投诉举报人反馈处理结果", actor: "周审核")]) { c in
            c.status = .answered; c.acceptedOn = day(-24).iso; c.acknowledgedOn = day(-24).iso; c.handlerID = legalAMR; c.handlerName = "周审核"
            c.finding = .unsubstantiated; c.findingText = "经核查，该药店明码标价，未发现价格欺诈。"; c.verifiedByName = "周审核"
            c.replyText = "经核查，未发现您反映的价格欺诈行为，执法人员已依法作出不予立案决定。"; c.repliedOn = day(-9).iso
        }
        // 9 办结 不属实 (may be reviewed).
        try await make("amr:closed", cc, agency: "amr", content: "反映执法人员检查时未出示证件。", received: day(-40),
                       steps: [Step(kind: "accept", day: day(-39), summary: "受理，承办人：周审核", actor: "周审核"),
                               Step(kind: "verify", day: day(-30), summary: "核查结果：不属实", actor: "周审核"),
                               Step(kind: "reply", day: day(-29), summary: "向投诉举报人反馈处理结果", actor: "周审核"),
                               Step(kind: "close", day: day(-28), summary: "办结", actor: "周审核")]) { c in
            c.status = .closed; c.acceptedOn = day(-39).iso; c.acknowledgedOn = day(-39).iso; c.handlerID = legalAMR; c.handlerName = "周审核"
            c.finding = .unsubstantiated; c.findingText = "执法记录仪显示已出示证件。"; c.verifiedByName = "周审核"
            c.replyText = "经核查，执法人员检查时已出示执法证件。"; c.repliedOn = day(-29).iso
            c.closedOn = day(-28).iso; c.closedByID = legalAMR; c.closedByName = "周审核"
        }
        // 10, 11 通州: complaints about an officer, 30日 to answer (通州区行政执法人员管理办法 第二十五条).
        let tzName = tzOfficer?.name ?? "执法人员"
        let legalTZ = DemoIDs.uuid("user:legal.tzamr")
        try await make("tzamr:officer-overdue", tz, agency: "tzamr", subject: .officer, subjectText: tzName, officerID: tzOfficer?.id,
                       named: ("周伟", "13501010101"), content: "执法人员检查时索要财物。", received: LocalDate(iso: "2026-10-12")!,
                       steps: [Step(kind: "accept", day: LocalDate(iso: "2026-10-13")!, summary: "受理，承办人：袁法正", actor: "袁法正")]) { c in
            c.status = .accepted; c.acceptedOn = "2026-10-13"; c.acknowledgedOn = "2026-10-13"; c.handlerID = legalTZ; c.handlerName = "袁法正"
        }
        try await make("tzamr:officer-on-time", tz, agency: "tzamr", subject: .officer, subjectText: tzName, officerID: tzOfficer?.id,
                       content: "执法人员执法时未着装。", received: LocalDate(iso: "2026-09-01")!,
                       steps: [Step(kind: "accept", day: LocalDate(iso: "2026-09-02")!, summary: "受理，承办人：袁法正", actor: "袁法正"),
                               Step(kind: "verify", day: LocalDate(iso: "2026-09-15")!, summary: "核查结果：不属实", actor: "袁法正"),
                               Step(kind: "reply", day: LocalDate(iso: "2026-09-20")!, summary: "向投诉举报人反馈处理结果", actor: "袁法正"),
                               Step(kind: "close", day: LocalDate(iso: "2026-09-21")!, summary: "办结", actor: "袁法正")]) { c in
            c.status = .closed; c.acceptedOn = "2026-09-02"; c.acknowledgedOn = "2026-09-02"; c.handlerID = legalTZ; c.handlerName = "袁法正"
            c.finding = .unsubstantiated; c.findingText = "当日系便装暗访，已出示证件。"; c.verifiedByName = "袁法正"
            c.replyText = "经核查，执法人员当日依规出示了执法证件。"; c.repliedOn = "2026-09-20"
            c.closedOn = "2026-09-21"; c.closedByID = legalTZ; c.closedByName = "袁法正"
        }
        for (key, last) in sequence {
            let parts = key.split(separator: "|")
            let s = ComplaintSequence()
            s.jurisdictionID = UUID(uuidString: String(parts[0]))!
            s.year = Int(parts[1])!
            s.last = last
            try await s.create(on: db)
        }
    }
}
