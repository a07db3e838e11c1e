import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 责任追究 findings → proposal → 陈述申辩 → decision → service → appeal → 维持/变更/撤销, 备案, execution, closing
/// (issue 6 items 4, 5, 7), and every refusal on the way.
@Suite("责任追究: findings, proposal, decision, service, appeals, 备案, execution, closing")
struct LiabilityDecisionTests {
    static let matter = DemoIDs.uuid(DemoLiability.matterKey)
    static let base = "/api/v1/liability-matters/\(matter)"

    static func json(_ o: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: o), as: UTF8.self)
    }

    /// The demo matter pursued under a bundled profile (its text and deadlines), as if its jurisdiction used it.
    static func use(_ profile: String, _ app: Application) async throws {
        let m = try #require(try await LiabilityMatter.find(matter, on: app.db))
        m.profileID = profile
        try await m.save(on: app.db)
    }

    static func dto(_ res: TestingHTTPResponse) throws -> LiabilityMatterDTO { try res.content.decode(LiabilityMatterDTO.self) }

    @Test("henan: findings cite 第十六条, hearing required, not heavier after the defence (第二十四条), extension cap (第二十三条), appeal window and decision (第二十五条), 变更, final after the window, 备案, execution, closing")
    func henanWalk() async throws {
        try await withTestApp { app, clock in
            try await Self.use("henan", app)
            var sup = try await app.token("supervisor1")
            let m0 = try Self.dto(try await app.send(.GET, Self.base, sup))
            let handler = try #require(m0.persons.first { $0.role == "handler_lead" })
            let approver = try #require(m0.persons.first { $0.role == "approver" })
            let others = m0.persons.filter { $0.id != handler.id && $0.id != approver.id }
            let hk = handler.id.uuidString.lowercased(), ak = approver.id.uuidString.lowercased()

            #expect(try await app.send(.POST, "\(Self.base)/findings", sup, Self.json(["faultSituation": "no_such_situation"])).errorCode
                    == "FAULT_SITUATION_UNKNOWN")
            let findings: [String: Any] = [
                "faultSituation": "facts_unclear_evidence_insufficient", "established": ["approver_changed_correct"],
                "targets": [["target": hk, "sanctions": ["criticism_education"]],
                            ["target": ak, "sanctions": ["criticism_education", "person_circulate_criticism"]]],
            ]
            let f1 = try await app.send(.POST, "\(Self.base)/findings", sup, Self.json(findings))
            #expect(f1.status == .created, "\(f1.body.string)")
            let p1 = try #require(try Self.dto(f1).outcome?.findings.last?.proposal)
            let aLine = try #require(p1.targets.first { $0.key == ak })
            #expect(aLine.share == "全部" && aLine.rule?.source.article == "第十六条")   // 批准人改变正确意见 (henan 第十六条)
            #expect(p1.targets.first { $0.key == hk }?.share == "不承担")
            #expect(p1.targets.contains { $0.key == "agency" })

            // No decision before the person was heard.
            let decide: ([[String: Any]]) -> String = { targets in
                Self.json(["facts": "批准人改变承办人提出的正确处理意见，致处罚决定事实不清。", "reasons": "经调查属实。", "targets": targets])
            }
            #expect(try await app.send(.POST, "\(Self.base)/decision", sup,
                                       decide([["target": ak, "share": "全部", "sanctions": ["criticism_education", "person_circulate_criticism"]]])).errorCode
                    == "HEARING_REQUIRED")
            let handlerTok = try await app.token("officer.amr1")
            #expect(try await app.send(.POST, "\(Self.base)/statements", handlerTok, #"{"text":"已如实报告。"}"#).status == .created)
            #expect(try await app.send(.POST, "\(Self.base)/statements", sup,
                                       Self.json(["personId": approver.id.uuidString, "text": "批准人申辩：案情复杂。"])).status == .created)
            for o in others {
                #expect(try await app.send(.POST, "\(Self.base)/hearing-waivers", sup, Self.json(["personId": o.id.uuidString])).status == .created)
            }
            // After the defence, neither a new proposal nor a decision may be heavier (henan 第二十四条).
            var heavier = findings
            heavier["targets"] = [["target": ak, "sanctions": ["off_duty_training"]]]
            let hv = try await app.send(.POST, "\(Self.base)/findings", sup, Self.json(heavier))
            #expect(hv.errorCode == "HEAVIER_AFTER_DEFENCE" && hv.body.string.contains("第二十四条"), "\(hv.body.string)")
            #expect(try await app.send(.POST, "\(Self.base)/decision", sup,
                                       decide([["target": ak, "share": "全部", "sanctions": ["off_duty_training"], "reason": "情节严重"]])).errorCode
                    == "HEAVIER_AFTER_DEFENCE")
            #expect(try await app.send(.POST, "\(Self.base)/decision", sup,
                                       decide([["target": ak, "share": "全部", "sanctions": ["suspend_certificate"], "reason": "x"]])).errorCode
                    == "SANCTION_NOT_IN_PROFILE")
            #expect(try await app.send(.POST, "\(Self.base)/decision", sup,
                                       decide([["target": ak, "share": "全部", "sanctions": ["rectify_within_deadline"], "reason": "x"]])).errorCode
                    == "SANCTION_NOT_IN_PROFILE")
            #expect(try await app.send(.POST, "\(Self.base)/decision", sup,
                                       decide([["target": ak, "share": "全部", "sanctions": ["criticism_education"]]])).errorCode == "REASON_REQUIRED")

            // 第二十三条: 30 日, extension at most 20 日, only with an approver and a reason.
            #expect(try await app.send(.POST, "\(Self.base)/extension", sup,
                                       Self.json(["value": 21, "reason": "案情复杂", "approvedBy": "张主任"])).errorCode == "EXTENSION_EXCEEDS_CAP")
            let ext = try await app.send(.POST, "\(Self.base)/extension", sup, Self.json(["value": 20, "reason": "案情复杂", "approvedBy": "张主任"]))
            #expect(ext.status == .created, "\(ext.body.string)")
            #expect(try Self.dto(ext).decisionDeadline.due == "2026-12-30")   // 立案 2026-11-10 + 50 日
            #expect(try Self.dto(ext).outcome?.extensionApprovedBy == "张主任")

            let made = try await app.send(.POST, "\(Self.base)/decision", sup, decide([
                ["target": ak, "share": "全部", "sanctions": ["criticism_education"], "reason": "申辩后认定情节较轻"],
                ["target": hk, "share": "不承担", "sanctions": [String](), "reason": "正确意见被改变，不承担责任"],
                ["target": "agency", "share": "—", "sanctions": ["rectify_within_deadline"], "reason": "责令整改"],
            ]))
            #expect(made.status == .created, "\(made.body.string)")
            let md = try Self.dto(made)
            #expect(md.status == "decided")
            let doc = try #require(md.outcome?.document)
            #expect(doc.number.contains("责字") && doc.appealRights.contains("第二十五条") && doc.basis.contains { $0.contains("第十六条") })
            let decisions = try #require(md.outcome?.decisions)
            #expect(decisions.count == 3 && decisions.allSatisfy { $0.status == "decided" })
            let ad = try #require(decisions.first { $0.target == ak })
            let hd = try #require(decisions.first { $0.target == hk })
            let agd = try #require(decisions.first { $0.target == "agency" })
            #expect(ad.proposedSanctions == ["criticism_education", "person_circulate_criticism"] && ad.sanctions == ["criticism_education"])
            #expect(ad.differsReason == "申辩后认定情节较轻" && ad.consequences.map(\.sanction) == ["criticism_education"])
            #expect(try await app.audits(.liabilityDecision).count == 1)
            #expect(try await app.send(.POST, "\(Self.base)/findings", sup, Self.json(findings)).errorCode == "MATTER_ALREADY_DECIDED")

            // Service starts the appeal window (第二十五条: 10 日).
            for d in [ad, hd, agd] {
                let s = try await app.send(.POST, "\(Self.base)/decisions/\(d.id)/service", sup,
                                           Self.json(["manner": "直接送达", "recipient": d.name]))
                #expect(s.status == .created, "\(s.body.string)")
            }
            let served = try Self.dto(try await app.send(.GET, Self.base, sup))
            let ads = try #require(served.outcome?.decisions.first { $0.id == ad.id })
            #expect(ads.status == "served" && ads.appealWindow.due == "2026-11-30" && ads.appealWindow.source?.contains("第二十五条") == true)
            #expect(try await app.send(.POST, "\(Self.base)/decisions/\(ad.id)/service", sup,
                                       Self.json(["manner": "直接送达", "recipient": "x"])).errorCode == "ALREADY_SERVED")

            // The approver appeals (the handler may not appeal someone else's decision).
            #expect(try await app.send(.POST, "\(Self.base)/decisions/\(ad.id)/appeal", handlerTok, #"{"grounds":"不服"}"#).errorCode == "APPEAL_NOT_OWN")
            let ap = try await app.send(.POST, "\(Self.base)/decisions/\(ad.id)/appeal", sup, #"{"grounds":"批准人申诉：已尽审查义务。"}"#)
            #expect(ap.status == .created, "\(ap.body.string)")
            let apd = try #require(try Self.dto(ap).outcome?.decisions.first { $0.id == ad.id })
            #expect(apd.status == "under_appeal" && apd.appeal?.decisionDeadline.due == "2026-12-10")
            #expect(apd.appeal?.reviewingBody.contains("申诉") == true)
            #expect(try await app.send(.POST, "\(Self.base)/decisions/\(ad.id)/appeal/extension", sup,
                                       Self.json(["value": 11, "reason": "复杂", "approvedBy": "上一级机关负责人"])).errorCode == "EXTENSION_EXCEEDS_CAP")
            let apx = try await app.send(.POST, "\(Self.base)/decisions/\(ad.id)/appeal/extension", sup,
                                         Self.json(["value": 10, "reason": "复杂", "approvedBy": "上一级机关负责人"]))
            #expect(try Self.dto(apx).outcome?.decisions.first { $0.id == ad.id }?.appeal?.decisionDeadline.due == "2026-12-21")
            #expect(try await app.send(.POST, "\(Self.base)/decisions/\(ad.id)/appeal/decision", sup,
                                       Self.json(["outcome": "changed", "sanctions": ["suspend_certificate"], "reason": "x"])).errorCode == "SANCTION_NOT_IN_PROFILE")
            #expect(try await app.send(.POST, "\(Self.base)/decisions/\(ad.id)/appeal/decision", sup,
                                       Self.json(["outcome": "changed", "sanctions": [String]()])).errorCode == "REASON_REQUIRED")
            let changed = try await app.send(.POST, "\(Self.base)/decisions/\(ad.id)/appeal/decision", sup,
                                             Self.json(["outcome": "changed", "sanctions": [String](), "share": "不承担", "reason": "申诉理由成立，不予处理"]))
            #expect(changed.status == .created, "\(changed.body.string)")
            let cd = try #require(try Self.dto(changed).outcome?.decisions.first { $0.id == ad.id })
            #expect(cd.status == "final" && cd.sanctions.isEmpty && cd.share == "不承担" && cd.appeal?.outcomeLabel == "变更")

            // The window passes with no appeal: the handler's and the body's decisions become final.
            clock.advance(by: 11 * 86_400)
            sup = try await app.token("supervisor1")
            let late = try await app.send(.POST, "\(Self.base)/decisions/\(hd.id)/appeal", try await app.token("officer.amr1"), #"{"grounds":"不服"}"#)
            #expect(late.errorCode == "APPEAL_WINDOW_PASSED" && late.body.string.contains("第二十五条"), "\(late.body.string)")
            let after = try Self.dto(try await app.send(.GET, Self.base, sup))
            #expect(after.outcome?.decisions.allSatisfy { $0.status == "final" } == true)
            #expect(try await app.audits(.liabilityFinal).count == 2)

            #expect(try await app.send(.POST, "\(Self.base)/close", sup, #"{"report":"结案"}"#).errorCode == "MATTER_NOT_READY_TO_CLOSE")
            #expect(try await app.send(.POST, "\(Self.base)/filing", sup, #"{"office":"长春市人民政府"}"#).status == .created)
            #expect(try await app.send(.POST, "\(Self.base)/execution", sup, #"{"outcome":"executed","text":"已责令整改并报告。"}"#).status == .created)
            let closed = try await app.send(.POST, "\(Self.base)/close", sup, #"{"report":"各项决定已执行，结案。"}"#)
            let closedStatus = try Self.dto(closed).status
            #expect(closed.status == .created && closedStatus == "closed")
            let kinds = Set(try await RecordLog.entries(stream: LiabilityJournal.matterStream(Self.matter), on: app.db).map(\.kind))
            #expect(kinds.isSuperset(of: ["liability.findings", "liability.hearing_waiver", "liability.extension", "liability.decision", "liability.service",
                                          "liability.appeal", "liability.appeal_extension", "liability.appeal_decision", "liability.final",
                                          "liability.filing", "liability.execution", "liability.closed"]) || others.isEmpty)
        }
    }

    @Test("hangzhou: the gravity level is required (第四十条); 撤销 on appeal → revoked with no consequences; refusal to execute escalates (第五十一条)")
    func hangzhouRevokedAndRefusal() async throws {
        try await withTestApp { app, _ in
            try await Self.use("hangzhou", app)
            let sup = try await app.token("supervisor1")
            let m0 = try Self.dto(try await app.send(.GET, Self.base, sup))
            let approver = try #require(m0.persons.first { $0.role == "approver" })
            let ak = approver.id.uuidString.lowercased()
            var findings: [String: Any] = ["faultSituation": "unlawful_act", "established": ["approver_changed_correct"]]
            #expect(try await app.send(.POST, "\(Self.base)/findings", sup, Self.json(findings)).errorCode == "GRAVITY_LEVEL_REQUIRED")
            findings["gravityLevel"] = 3
            let f = try await app.send(.POST, "\(Self.base)/findings", sup, Self.json(findings))
            #expect(f.status == .created, "\(f.body.string)")
            let target = try #require(try Self.dto(f).outcome?.findings.last?.proposal.targets.first { $0.key == ak })
            #expect(Set(target.proposedSanctions) == ["suspend_certificate", "stop_enforcement"])   // 第四十条 第三档
            for p in m0.persons {
                #expect(try await app.send(.POST, "\(Self.base)/hearing-waivers", sup, Self.json(["personId": p.id.uuidString])).status == .created)
            }
            // hangzhou 第四十八条: 30 工作日 + 15 工作日.
            #expect(try await app.send(.POST, "\(Self.base)/extension", sup,
                                       Self.json(["value": 16, "reason": "复杂", "approvedBy": "主管机关"])).errorCode == "EXTENSION_EXCEEDS_CAP")
            let made = try await app.send(.POST, "\(Self.base)/decision", sup, Self.json([
                "facts": "批准人改变正确意见。", "reasons": "属实。",
                "targets": [["target": ak, "share": target.share, "sanctions": ["suspend_certificate"], "reason": "只暂扣执法证"]],
            ]))
            #expect(made.status == .created, "\(made.body.string)")
            let md = try Self.dto(made)
            let d = try #require(md.outcome?.decisions.first)
            #expect(md.outcome?.document?.filing.due == "2026-12-11" && md.outcome?.document?.filing.source?.contains("第四十九条") == true)
            #expect(md.outcome?.document?.appealRights.contains("未规定") == true)
            #expect(d.consequences.first?.effect == "suspend_certificate")
            #expect(try await app.send(.POST, "\(Self.base)/decisions/\(d.id)/appeal", sup, #"{"grounds":"不服"}"#).errorCode == "DECISION_NOT_SERVED")
            _ = try await app.send(.POST, "\(Self.base)/decisions/\(d.id)/service", sup, Self.json(["manner": "直接送达", "recipient": approver.name]))
            #expect(try await app.send(.POST, "\(Self.base)/decisions/\(d.id)/appeal", sup, #"{"grounds":"不服"}"#).status == .created)
            #expect(try await app.send(.POST, "\(Self.base)/decisions/\(d.id)/appeal/decision", sup, #"{"outcome":"revoked"}"#).errorCode == "REASON_REQUIRED")
            let revoked = try await app.send(.POST, "\(Self.base)/decisions/\(d.id)/appeal/decision", sup, #"{"outcome":"revoked","reason":"事实不清"}"#)
            let rd = try #require(try Self.dto(revoked).outcome?.decisions.first)
            #expect(rd.status == "revoked" && rd.consequences.allSatisfy { $0.state != "applied" } && rd.appeal?.outcomeLabel == "撤销")

            let refused = try await app.send(.POST, "\(Self.base)/execution", sup, #"{"outcome":"refused","text":"市场监管局拒不整改。"}"#)
            #expect(refused.status == .created, "\(refused.body.string)")
            let intakeID = try #require(try Self.dto(refused).outcome?.document?.escalationIntakeId)
            let item = try #require(try await LiabilityIntake.find(intakeID, on: app.db))
            #expect(item.sourceKind == "execution_refused" && item.agencyID == DemoIDs.uuid("agency:amr") && item.summary.contains("第五十一条"))
            #expect(try await LiabilityIntakeTrack.query(on: app.db).filter(\.$intakeID == intakeID).first() != nil)
        }
    }

    @Test("console: the findings form shows the proposal; the decision document page; persons see their own lines only")
    func pages() async throws {
        try await withTestApp { app, _ in
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.POST, SiteURL.consoleLiabilityMatterAction(Self.matter, "findings"), headers: session.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": session.csrf, "faultSituation": "no_such"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .unprocessableEntity)
            })
            try await app.testing().test(.POST, SiteURL.consoleLiabilityMatterAction(Self.matter, "findings"), headers: session.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": session.csrf, "faultSituation": "person_unlawful_or_improper_act", "established": "approver_changed_correct"],
                                       as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .ok, "\(res.body.string.prefix(300))")
                let body = res.body.string
                #expect(body.contains("第 1 次认定") && body.contains("处理建议") && body.contains("作出责任追究决定"))
            })
            try await app.testing().test(.GET, SiteURL.consoleLiabilityMatterAction(Self.matter, "document"), headers: session.headers) { res in
                #expect(res.status == .ok && res.body.string.contains("本案尚未作出决定"))
            }
            let handler = try await app.token("officer.amr1")
            let own = try Self.dto(try await app.send(.GET, Self.base, handler))
            let mine = try #require(own.persons.first { $0.role == "handler_lead" }).id.uuidString.lowercased()
            #expect(own.outcome?.findings.first?.proposal.targets.map(\.key) == [mine])
            #expect(own.outcome?.findings.first?.proposal.apportionment.lines.isEmpty == true)
        }
    }
}
