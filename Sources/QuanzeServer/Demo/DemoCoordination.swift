import Fluent
import Foundation
import QuanzeCore

/// Demo 执法协调 disputes in 通州区 (beijing-tongzhou profile) in every state, one in the demo city (whose profile
/// is silent on the coordination deadlines: 未规定), and two 典型案例 in the demo city (one published, one draft).
enum DemoCoordination {
    static let cityDisputeKey = "coordination:amr:1"
    static let typicalCaseKey = "typical-case:cc:published"

    static func load(services: AppServices, today: LocalDate, now: Date, on db: any Database) async throws {
        let calendar = try await services.calendar.calendar(on: db, now: now)
        let tz = DemoIDs.uuid(DemoTongzhou.jurisdictionKey)
        let city = DemoIDs.uuid(DemoData.jurisdictionKey)
        let tzProfile = services.profiles.effective(id: DemoTongzhou.profileID)
        func name(_ key: String) async throws -> String { try await Agency.find(DemoIDs.uuid("agency:\(key)"), on: db)?.name ?? key }

        struct Step { var offset: Int; var kind: String; var actor: String; var text: String; var source: String? }
        func make(_ key: String, jurisdiction: UUID, profile: String, kind: CoordinationKind, subject: String, initiator: String,
                  parties: [String], raised: Int, configure: (CoordinationDispute) throws -> Void,
                  steps: [Step], reported: Set<String>) async throws {
            let d = CoordinationDispute()
            let id = DemoIDs.uuid(key)
            d.id = id
            d.jurisdictionID = jurisdiction
            d.profileID = profile
            d.initiatorAgencyID = DemoIDs.uuid("agency:\(initiator)")
            d.kind = kind.rawValue
            d.subject = subject
            d.description = "\(subject)：相关部门对职责和做法理解不一致，需要协调。"
            d.status = CoordinationStatus.selfCoordination.rawValue
            d.raisedOn = today.adding(days: raised).iso
            d.raisedBy = "法制员"
            d.filingLate = false
            d.forwardLate = false
            try configure(d)
            try await d.create(on: db)
            for (i, body) in ([initiator] + parties).enumerated() {
                let p = CoordinationParty()
                p.id = DemoIDs.uuid("\(key):party:\(i)")
                p.disputeID = id
                p.agencyID = DemoIDs.uuid("agency:\(body)")
                p.agencyName = try await name(body)
                p.role = i == 0 ? "initiator" : "party"
                if reported.contains(body) {
                    p.reportedOn = today.adding(days: -1).iso
                    p.reportText = "已按协调意见落实。"
                    p.reportedBy = "法制员"
                }
                try await p.create(on: db)
            }
            for (i, s) in steps.enumerated() {
                let row = CoordinationStep()
                row.disputeID = id
                row.seq = i + 1
                row.day = today.adding(days: s.offset).iso
                row.kind = s.kind
                row.actor = s.actor
                row.text = s.text
                row.source = s.source
                try await row.create(on: db)
                _ = try await RecordLog.append(stream: CoordinationService.stream(id), kind: "coordination.\(s.kind)",
                                               payload: ["step": s.kind, "day": row.day, "by": s.actor, "text": s.text],
                                               actor: s.actor, algorithm: services.records.algorithm, now: now, on: db)
            }
        }
        let selfFirst = CoordinationRules.provisionSource("coordination_self_first", tzProfile)
        let escalation = CoordinationRules.escalationSource(tzProfile)
        let raise = { (o: Int) in Step(offset: o, kind: "raise", actor: "法制员", text: "提起执法协调，先由各部门自行协调", source: selfFirst) }

        try await make("coordination:tz:self", jurisdiction: tz, profile: DemoTongzhou.profileID, kind: .handoff, subject: "食品摊贩案件移送衔接",
                       initiator: "tzamr", parties: ["tzurban"], raised: -2, configure: { _ in }, steps: [raise(-2)], reported: [])

        let ended = today.adding(days: -10)
        let filingDue = try LiabilityProfileRules.due(CoordinationRules.opinionFilingCode, in: tzProfile, calendar: calendar, from: ended)
        try await make("coordination:tz:late", jurisdiction: tz, profile: DemoTongzhou.profileID, kind: .jointEnforcement, subject: "节日市场联合检查",
                       initiator: "tzamr", parties: ["tzurban"], raised: -14, configure: { d in
                           d.status = CoordinationStatus.executing.rawValue
                           d.endedOn = ended.iso
                           d.opinionText = "由市场监管局牵头、城管执法局配合，每周联合检查一次。"
                           d.filedOn = today.adding(days: -3).iso
                           d.filingDueOn = filingDue?.date.iso
                           d.filingRule = filingDue.map { "\($0.name)：\($0.period)" }
                           d.filingSource = filingDue?.source.description
                           d.filingLate = filingDue.map { today.adding(days: -3) > $0.date } ?? false
                           d.executeBy = today.adding(days: -1).iso
                       }, steps: [raise(-14), Step(offset: -3, kind: "opinion_file", actor: "法制员", text: "协调意见报送区政府法制办备案（逾期）",
                                                   source: filingDue?.source.description)],
                       reported: ["tzamr"])

        let forwardDue = try LiabilityProfileRules.due(CoordinationRules.forwardingCode, in: tzProfile, calendar: calendar, from: today.adding(days: -1))
        try await make("coordination:tz:forward", jurisdiction: tz, profile: DemoTongzhou.profileID, kind: .dutyBoundary, subject: "占道经营的监管主体",
                       initiator: "tzurban", parties: ["tzamr"], raised: -6, configure: { d in
                           d.status = CoordinationStatus.escalated.rawValue
                           d.endedOn = today.adding(days: -2).iso
                           d.appliedOffice = CoordinationOffice.legalOffice.rawValue
                           d.appliedOn = today.adding(days: -1).iso
                           d.applicationText = "自行协调未达成一致，申请协调。"
                           d.currentOffice = CoordinationOffice.legalOffice.rawValue
                           d.receivedOn = today.adding(days: -1).iso
                           d.forwardDueOn = forwardDue?.date.iso
                           d.forwardRule = forwardDue.map { "\($0.name)：\($0.period)" }
                           d.forwardSource = forwardDue?.source.description
                       }, steps: [raise(-6), Step(offset: -1, kind: "escalate", actor: "法制员",
                                                  text: "向区政府法制办提出协调申请；依第十条本事项应由区编办协调，应当移送", source: escalation)],
                       reported: [])

        try await make("coordination:tz:government", jurisdiction: tz, profile: DemoTongzhou.profileID, kind: .legalBasis, subject: "广告违法行为的法律适用",
                       initiator: "tzamr", parties: ["tzurban"], raised: -20, configure: { d in
                           d.status = CoordinationStatus.awaitingGovernment.rawValue
                           d.endedOn = today.adding(days: -15).iso
                           d.appliedOffice = CoordinationOffice.legalOffice.rawValue
                           d.appliedOn = today.adding(days: -15).iso
                           d.applicationText = "两部门对适用的法律规定理解不一致。"
                           d.currentOffice = CoordinationOffice.legalOffice.rawValue
                           d.receivedOn = today.adding(days: -15).iso
                           d.resolution = "proposed"
                           d.resolutionText = "建议适用广告法，由市场监管局查处。"
                           d.resolvedOn = today.adding(days: -4).iso
                       }, steps: [raise(-20), Step(offset: -15, kind: "escalate", actor: "法制员", text: "向区政府法制办提出协调申请", source: escalation),
                                  Step(offset: -4, kind: "resolve", actor: "区政府法制办", text: "协调未达成一致，提出意见报请区政府决定",
                                       source: CoordinationRules.provisionSource(CoordinationRules.governmentDecisionCode, tzProfile))],
                       reported: [])

        try await make("coordination:tz:closed", jurisdiction: tz, profile: DemoTongzhou.profileID, kind: .handoff, subject: "违法建设线索移送",
                       initiator: "tzurban", parties: ["tzamr"], raised: -40, configure: { d in
                           d.status = CoordinationStatus.closed.rawValue
                           d.endedOn = today.adding(days: -38).iso
                           d.opinionText = "城管执法局发现的市场主体违法线索三日内移送市场监管局。"
                           d.filedOn = today.adding(days: -37).iso
                           d.closedOn = today.adding(days: -5).iso
                           d.closedBy = "白通明"
                       }, steps: [raise(-40), Step(offset: -37, kind: "opinion_file", actor: "法制员", text: "协调意见报送区政府法制办备案", source: nil),
                                  Step(offset: -5, kind: "close", actor: "白通明", text: "各相关部门均已报告执行情况，办结",
                                       source: CoordinationRules.provisionSource(CoordinationRules.executionCode, tzProfile))],
                       reported: ["tzurban", "tzamr"])

        let cityProfile = try await Jurisdiction.find(city, on: db)?.profileID ?? RuleProfile.nationalID
        try await make(cityDisputeKey, jurisdiction: city, profile: cityProfile, kind: .handoff, subject: "生态环境违法线索的移送与配合",
                       initiator: "amr", parties: ["eco"], raised: -8, configure: { d in
                           d.status = CoordinationStatus.executing.rawValue
                           d.endedOn = today.adding(days: -6).iso
                           d.opinionText = "市场监管局发现的排污线索当日移送生态环境局。"
                           d.filedOn = today.adding(days: -5).iso
                           d.executeBy = today.adding(days: 10).iso
                       }, steps: [raise(-8), Step(offset: -5, kind: "opinion_file", actor: "法制员",
                                                  text: "协调意见报送备案（本辖区规则配置未规定备案期限）", source: nil)],
                       reported: [])

        for (key, status, title) in [(typicalCaseKey, "published", "某区执法人员未经法制审核作出重大处罚决定被追责"),
                                      ("typical-case:cc:draft", "draft", "某局执法人员超期作出处罚决定")] {
            let t = TypicalCase()
            t.id = DemoIDs.uuid(key)
            t.jurisdictionID = city
            t.title = title
            t.body = "张某在办理一起罚款20万元的案件中，未经法制审核即报请批准，作出处罚决定。"
            t.ruleCited = "行政处罚法 第五十八条"
            t.handling = "对张某给予通报批评，暂扣执法证件。"
            t.namesJSON = JSONText(["张建华"])
            t.status = status
            t.composedBy = "监督员"
            t.composedOn = today.adding(days: -7).iso
            t.publishedOn = status == "published" ? today.adding(days: -6).iso : nil
            try await t.create(on: db)
        }
    }
}
