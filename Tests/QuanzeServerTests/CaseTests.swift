import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("执法办案: filing guards, the procedure, 法制审核, separation of duties, decision and 文号, deadlines and 预警")
struct CaseTests {
    static let penalty = DemoIDs.uuid("power:amr:XZCF-001")
    static let licence = DemoIDs.uuid("power:amr:XZXK-001")
    static let seizure = DemoIDs.uuid("power:amr:XZQZ-001")
    static func officer(_ i: Int, _ body: String = "amr") -> UUID { DemoIDs.uuid("officer:\(body):\(i)") }
    static let companyCode = "91220101MA0Y3XKQ1X"

    static func filing(power: UUID = penalty, procedure: String = "penalty_ordinary", officers: [(UUID, String)] = [(officer(0), "lead"), (officer(2), "assist")],
                       party: String = #"{"kind":"organization","name":"长春某食品有限公司","identifier":"91220101MA0Y3XKQ1X","address":"长春市朝阳区"}"#,
                       filedOn: String = "2026-11-20", extra: String = "") -> String {
        let team = officers.map { #"{"officerId":"\#($0.0)","role":"\#($0.1)"}"# }.joined(separator: ",")
        return #"{"powerItemId":"\#(power)","procedure":"\#(procedure)","source":"inspection","title":"无证经营食品案","facts":"检查发现当事人未取得食品经营许可从事经营。","filedOn":"\#(filedOn)","parties":[\#(party)],"officers":[\#(team)]\#(extra)}"#
    }

    static func id(_ res: TestingHTTPResponse) throws -> UUID {
        try #require(UUID(uuidString: try res.content.get(String.self, at: "summary", "id")))
    }

    /// The demo's last number in the body's 2026 sequence (the demo cases use the first ones).
    static func lastNumber(_ kind: String, _ app: Application) async throws -> Int {
        try await DocumentSequence.query(on: app.db).filter(\.$agency.$id == DemoIDs.uuid("agency:amr")).filter(\.$year == 2026)
            .filter(\.$kind == kind).first()?.last ?? 0
    }

    @Test("bad filings are refused with their codes and nothing is saved")
    func badFilings() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("officer.amr1")
            let before = try await EnforcementCase.query(on: app.db).count()
            let deadlinesBefore = try await CaseDeadline.query(on: app.db).count()
            let refused: [(String, String)] = [
                (Self.filing(officers: [(Self.officer(0), "lead")]), "TOO_FEW_OFFICERS"),
                (Self.filing(officers: [(Self.officer(0), "lead"), (Self.officer(9), "assist")]), "TOO_FEW_OFFICERS"),   // 辅助人员 does not count
                (Self.filing(officers: [(Self.officer(0), "lead"), (Self.officer(14), "assist")]), "CERTIFICATE_SUSPENDED"),
                (Self.filing(officers: [(Self.officer(0), "lead"), (Self.officer(12), "assist")]), "CERTIFICATE_NOT_INSPECTED"),
                (Self.filing(officers: [(Self.officer(0), "lead"), (Self.officer(5), "assist")]), "OFFICER_NOT_ON_POST"),
                (Self.filing(officers: [(Self.officer(0), "lead"), (Self.officer(1, "eco"), "assist")]), "OFFICER_NOT_IN_AGENCY"),
                (Self.filing(power: Self.seizure, procedure: "seizure"), "OFFICER_NOT_ON_POST"),   // XZQZ-001 is held by no post
                (Self.filing(procedure: "licensing"), "PROCEDURE_NOT_FOR_CATEGORY"),
                (Self.filing(power: DemoIDs.uuid("power:eco:XZCF-001")), "POWER_NOT_HELD"),
                (Self.filing(party: #"{"kind":"person","name":"张三","identifier":"220102199001011234"}"#), "VALIDATION_FAILED"),
                (Self.filing(party: #"{"kind":"organization","name":"某公司","identifier":"91220101MA0Y3XKQ1N"}"#), "VALIDATION_FAILED"),
                (Self.filing(party: #"{"kind":"organization","name":"某公司","identifier":"91220101MA0Y3XKQ1X","extra":1}"#), "VALIDATION_FAILED"),
                (Self.filing(filedOn: "2026-11-21"), "VALIDATION_FAILED"),
            ]
            for (body, code) in refused {
                let res = try await app.send(.POST, "/api/v1/cases", token, body)
                #expect(res.errorCode == code, "\(code): \(res.body.string)")
            }
            #expect(try await EnforcementCase.query(on: app.db).count() == before)
            #expect(try await CaseDeadline.query(on: app.db).count() == deadlinesBefore)
            // A 监督员 reads but does not file; another body's officer cannot see the case.
            #expect(try await app.send(.POST, "/api/v1/cases", try await app.token("supervisor1"), Self.filing()).status == .forbidden)
        }
    }

    @Test("an ordinary penalty through notice, hearing, 法制审核, decision with 文号, service and payment")
    func ordinaryPenalty() async throws {
        try await withTestApp { app, clock in
            let handler = try await app.token("officer.amr1")
            let lastFiling = try await Self.lastNumber("filing", app)
            let lastDecision = try await Self.lastNumber("decision", app)
            let filed = try await app.send(.POST, "/api/v1/cases", handler, Self.filing(filedOn: "2026-11-20"))
            #expect(filed.status == .created, "\(filed.body.string)")
            let id = try Self.id(filed)
            #expect(try filed.content.get(String.self, at: "summary", "number") == "长春市市场监督管理局立字〔2026〕\(lastFiling + 1)号")
            // 第六十条: 90 日 from filing → 2027-02-18, provisional while the 2027 notice is not out.
            let decisionDue = try filed.content.get([CaseDeadlineDTO].self, at: "deadlines").first { $0.code == "penalty_decision" }
            #expect(decisionDue?.due == "2027-02-18")
            #expect(decisionDue?.provisional == true)
            #expect(decisionDue?.source.contains("第六十条") == true)
            // The power's flow says its 作出决定 90 日 counts from filing (起算 立案): it runs from filing, not from entering 决定.
            let flowDecision = try filed.content.get([CaseDeadlineDTO].self, at: "deadlines").first { $0.code == "step:decision" }
            #expect(flowDecision?.start == "2026-11-20" && flowDecision?.due == "2027-02-18")
            let path = "/api/v1/cases/\(id)"
            // Out of order.
            #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"notice"}"#).errorCode == "STAGE_OUT_OF_ORDER")
            #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"decision"}"#).errorCode == "USE_DECISION_ACTION")
            for stage in ["investigation", "review"] {
                #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"\#(stage)"}"#).status == .ok)
            }
            let noticed = try await app.send(.POST, "\(path)/advance", handler,
                #"{"to":"notice","sanction":{"kinds":["fine","confiscation"],"fineAmount":150000,"confiscationAmount":8000},"partyKind":"organization"}"#)
            #expect(noticed.status == .ok, "\(noticed.body.string)")
            #expect(try noticed.content.get(String?.self, at: "hearingRight")?.contains("第六十三条") == true)
            // 第六十四条: 5 工作日 to ask for a hearing → 2026-11-27; no decision while it is open.
            let window = try noticed.content.get([CaseDeadlineDTO].self, at: "deadlines").first { $0.code == "penalty_hearing_request" }
            #expect(window?.due == "2026-11-27")
            let approver = try await app.token("officer.amr2")
            let decision = #"{"factsAndEvidence":"现场检查笔录、询问笔录证实当事人无证经营。","basis":"《中华人民共和国食品安全法》第一百二十二条","content":"罚款150000元，没收违法所得8000元","performance":"自收到本决定书之日起十五日内缴至指定银行","sanction":{"kinds":["fine","confiscation"],"fineAmount":150000,"confiscationAmount":8000},"collectingBank":"中国工商银行长春分行"}"#
            #expect(try await app.send(.POST, "\(path)/decision", approver, decision).errorCode == "HEARING_WINDOW_OPEN")
            #expect(try await app.send(.POST, "\(path)/hearing-request", handler).status == .ok)
            // 7 工作日 notice before the hearing: 2026-11-20 + 7 → 2026-12-01.
            #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"hearing","hearingOn":"2026-11-30"}"#).errorCode == "HEARING_NOTICE_TOO_SHORT")
            #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"hearing","hearingOn":"2026-12-01"}"#).status == .ok)
            // After a hearing the decision needs 法制审核 (第五十八条).
            #expect(try await app.send(.POST, "\(path)/decision", approver, decision).errorCode == "LEGAL_REVIEW_REQUIRED")
            #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"legal_review"}"#).status == .ok)
            #expect(try await app.send(.POST, "\(path)/legal-review", handler, #"{"passed":true,"opinion":"同意"}"#).status == .forbidden)
            #expect(try await app.send(.POST, "\(path)/decision", approver, decision).errorCode == "LEGAL_REVIEW_NOT_PASSED")
            let legal = try await app.token("legal.amr")
            let reviewed = try await app.send(.POST, "\(path)/legal-review", legal, #"{"passed":true,"opinion":"事实清楚，证据确凿，适用依据正确，程序合法，同意。"}"#)
            #expect(reviewed.status == .ok, "\(reviewed.body.string)")
            // Separation of duties: handler and reviewer may not approve.
            #expect(try await app.send(.POST, "\(path)/decision", handler, decision).errorCode == "HANDLER_CANNOT_APPROVE")
            #expect(try await app.send(.POST, "\(path)/decision", legal, decision).errorCode == "REVIEWER_CANNOT_APPROVE")
            #expect(try await app.send(.POST, "\(path)/decision", approver, decision.replacingOccurrences(of: #","collectingBank":"中国工商银行长春分行""#, with: "")).errorCode == "COLLECTING_BANK_REQUIRED")
            #expect(try await app.send(.POST, "\(path)/decision", approver, decision.replacingOccurrences(of: "\"fineAmount\":150000", with: "\"fineAmount\":160000")).errorCode == "HEAVIER_THAN_NOTIFIED")
            let decided = try await app.send(.POST, "\(path)/decision", approver, decision)
            #expect(decided.status == .ok, "\(decided.body.string)")
            #expect(try decided.content.get(String.self, at: "decision", "number") == "长春市市场监督管理局决字〔2026〕\(lastDecision + 1)号")
            #expect(try decided.content.get(String.self, at: "summary", "stage") == "decision")
            // 第六十一条: 7 工作日 to serve → 2026-12-01.
            let serviceDue = try decided.content.get([CaseDeadlineDTO].self, at: "deadlines").first { $0.code == "penalty_service" }
            #expect(serviceDue?.due == "2026-12-01")
            #expect(try decided.content.get([CaseDeadlineDTO].self, at: "deadlines").first { $0.code == "penalty_decision" }?.metOn == "2026-11-20")
            // The decision ends every flow step before it; the steps counted from entering them started then (告知 5 工作日).
            let steps = try decided.content.get([CaseDeadlineDTO].self, at: "deadlines").filter { $0.code.hasPrefix("step:") }
            #expect(Set(steps.map(\.code)) == ["step:decision", "step:notice", "step:legal_review"])
            #expect(steps.allSatisfy { $0.metOn == "2026-11-20" })
            #expect(steps.first { $0.code == "step:notice" }?.due == "2026-11-27")
            // Served three days later; 15 日 to pay (第六十七条).
            clock.set(clock.now().addingTimeInterval(3 * 86_400))
            let served = try await app.send(.POST, "\(path)/advance", handler, #"{"to":"service"}"#)
            let pay = try served.content.get([CaseDeadlineDTO].self, at: "deadlines").first { $0.code == "fine_payment" }
            #expect(pay?.start == "2026-11-23")
            #expect(pay?.due == "2026-12-08")
            #expect(try served.content.get([CaseDeadlineDTO].self, at: "deadlines").first { $0.code == "penalty_service" }?.metOn == "2026-11-23")
            // Paid in full (罚缴分离, see CaseCollectionTests): the case may be closed.
            #expect(try await app.send(.POST, "\(path)/payments", handler,
                #"{"amount":"150000","paidOn":"2026-11-23","receiptNumber":"ICBC-0001","channel":"bank"}"#).status == .created)
            for stage in ["execution", "closed"] {
                #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"\#(stage)"}"#).status == .ok)
            }
            #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"closed"}"#).errorCode == "CASE_CLOSED")
            let shown = try await app.send(.GET, path, try await app.token("supervisor1"))
            #expect(shown.status == .ok)
            #expect(try shown.content.get(String.self, at: "summary", "stage") == "closed")
            let events = try shown.content.get([CaseEventDTO].self, at: "events")
            #expect(events.count >= 10)
            // Every step is also an entry of the case's stream in the 全过程记录, and the chain checks.
            #expect(try shown.content.get(Int.self, at: "recordEntries") == events.count)
            #expect(try shown.content.get(Bool.self, at: "recordIntact"))
            let entries = try await RecordLog.entries(stream: CaseJournal.stream(id), on: app.db)
            #expect(entries.map(\.kind).first == "case.filed")
            #expect(entries.contains { $0.kind == "case.decision" })
            #expect(try await app.send(.GET, path, try await app.token("officer.eco1")).status == .forbidden)
            #expect(try await app.audits(.caseDecide).count == 1)
        }
    }

    @Test("a first-time reviewer needs the 法律职业资格; a reviewer on the case is refused")
    func reviewerRules() async throws {
        try await withTestApp { app, _ in
            let handler = try await app.token("officer.amr1")
            // legal.amr (officer 6, qualified) as a handler of the case: cannot review it.
            let onCase = try await app.send(.POST, "/api/v1/cases", handler,
                Self.filing(officers: [(Self.officer(0), "lead"), (Self.officer(2), "assist")], extra: #","majorCriteria":["complex"]"#))
            let id = try Self.id(onCase)
            #expect(try onCase.content.get(Bool.self, at: "legalReviewRequired"))
            for stage in ["investigation", "review"] { _ = try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler, #"{"to":"\#(stage)"}"#) }
            _ = try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler, #"{"to":"notice","sanction":{"kinds":["warning"]}}"#)
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler, #"{"to":"decision"}"#).errorCode == "USE_DECISION_ACTION")
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/decision", try await app.token("officer.amr2"),
                #"{"factsAndEvidence":"事实","basis":"依据","content":"警告","performance":"当场执行"}"#).errorCode == "LEGAL_REVIEW_REQUIRED")
            _ = try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler, #"{"to":"legal_review"}"#)
            // The demo's closed major cases were reviewed by legal.amr; without them this is a first review.
            try await LegalReview.query(on: app.db).filter(\.$reviewerUserID == app.userID("legal.amr")).delete()
            // Unlink legal.amr from the qualified officer: first review without the 法律职业资格 is refused.
            let six = try #require(try await Officer.find(Self.officer(6), on: app.db))
            six.legalProfessionQualified = false
            try await six.save(on: app.db)
            let legal = try await app.token("legal.amr")
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/legal-review", legal, #"{"passed":true,"opinion":"同意"}"#).errorCode == "REVIEWER_NOT_QUALIFIED")
            six.legalProfessionQualified = true
            try await six.save(on: app.db)
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/legal-review", legal, #"{"passed":false,"opinion":"证据不足，退回补充调查"}"#).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/decision", try await app.token("officer.amr2"),
                #"{"factsAndEvidence":"事实","basis":"依据","content":"警告","performance":"当场执行"}"#).errorCode == "LEGAL_REVIEW_NOT_PASSED")
        }
    }

    @Test("查封、扣押: 30 日 from the day it is carried out (行政强制法 第二十五条), not from filing")
    func seizureRunsFromCarryingOut() async throws {
        try await withTestApp { app, clock in
            try await PostPower(postID: DemoIDs.uuid("post:amr:case"), itemID: Self.seizure, overlapReason: nil).create(on: app.db)
            let handler = try await app.token("officer.amr1")
            let filed = try await app.send(.POST, "/api/v1/cases", handler, Self.filing(power: Self.seizure, procedure: "seizure"))
            #expect(filed.status == .created, "\(filed.body.string)")
            #expect(try filed.content.get([CaseDeadlineDTO].self, at: "deadlines").contains { $0.code == "seizure_duration" } == false)
            clock.set(clock.now().addingTimeInterval(3 * 86_400))
            let carried = try await app.send(.POST, "/api/v1/cases/\(try Self.id(filed))/advance", handler, #"{"to":"investigation"}"#)
            #expect(carried.status == .ok, "\(carried.body.string)")
            let period = try carried.content.get([CaseDeadlineDTO].self, at: "deadlines").first { $0.code == "seizure_duration" }
            #expect(period?.start == "2026-11-23" && period?.due == "2026-12-23")
            #expect(period?.source.contains("第二十五条") == true)
        }
    }

    @Test("简易程序 only within 第五十一条; 中止 and 延期 move the clock and are recorded")
    func simpleProcedureAndClock() async throws {
        try await withTestApp { app, clock in
            let handler = try await app.token("officer.amr1")
            let simple = try Self.id(try await app.send(.POST, "/api/v1/cases", handler, Self.filing(procedure: "penalty_simple")))
            #expect(try await app.send(.POST, "/api/v1/cases/\(simple)/advance", handler,
                #"{"to":"notice","sanction":{"kinds":["fine"],"fineAmount":3001},"partyKind":"organization"}"#).errorCode == "SIMPLE_PROCEDURE_NOT_ALLOWED")
            #expect(try await app.send(.POST, "/api/v1/cases/\(simple)/advance", handler,
                #"{"to":"notice","sanction":{"kinds":["fine"],"fineAmount":201},"partyKind":"person"}"#).errorCode == "SIMPLE_PROCEDURE_NOT_ALLOWED")
            #expect(try await app.send(.POST, "/api/v1/cases/\(simple)/advance", handler,
                #"{"to":"notice","sanction":{"kinds":["fine"],"fineAmount":3000},"partyKind":"organization"}"#).status == .ok)

            // A licence: 20 工作日 from acceptance (行政许可法 第四十二条), extendable by 10 with approval.
            let licensing = try Self.id(try await app.send(.POST, "/api/v1/cases", handler,
                Self.filing(power: Self.licence, procedure: "licensing", officers: [(Self.officer(4), "lead"), (Self.officer(5), "assist")])))
            let path = "/api/v1/cases/\(licensing)"
            var shown = try await app.send(.GET, path, handler)
            #expect(try shown.content.get([CaseDeadlineDTO].self, at: "deadlines").first { $0.code == "license_decision" }?.due == "2026-12-18")
            // Suspended on 11-20 (awaiting an appraisal), resumed on 11-27: five working days do not count.
            #expect(try await app.send(.POST, "\(path)/clock", handler, #"{"action":"suspend","reason":"等待检验检测结果"}"#).status == .ok)
            #expect(try await app.send(.POST, "\(path)/advance", handler, #"{"to":"review"}"#).errorCode == "CASE_SUSPENDED")
            clock.set(clock.now().addingTimeInterval(7 * 86_400))
            #expect(try await app.send(.POST, "\(path)/clock", handler, #"{"action":"resume","reason":"检测结果已出具"}"#).status == .ok)
            shown = try await app.send(.GET, path, handler)
            #expect(try shown.content.get([CaseDeadlineDTO].self, at: "deadlines").first { $0.code == "license_decision" }?.due == "2026-12-25")
            // Extension: only with approval (法制员), at most 10 工作日 in all.
            #expect(try await app.send(.POST, "\(path)/clock", handler, #"{"action":"extend","deadlineCode":"license_decision","days":10,"reason":"情况复杂"}"#).errorCode == "EXTENSION_NEEDS_APPROVAL")
            let legal = try await app.token("legal.amr")
            #expect(try await app.send(.POST, "\(path)/clock", legal, #"{"action":"extend","deadlineCode":"license_decision","days":11,"reason":"情况复杂"}"#).errorCode == "EXTENSION_EXCEEDS_CAP")
            let extended = try await app.send(.POST, "\(path)/clock", legal, #"{"action":"extend","deadlineCode":"license_decision","days":10,"reason":"情况复杂，经负责人批准"}"#)
            // 35 工作日 in all reach into 2027, whose holiday notice is not out: Monday–Friday stand-in, marked provisional.
            let extendedDue = try extended.content.get([CaseDeadlineDTO].self, at: "deadlines").first { $0.code == "license_decision" }
            #expect(extendedDue?.due == "2027-01-08")
            #expect(extendedDue?.provisional == true)
            let history = try extended.content.get([CaseDeadlineChangeDTO].self, at: "deadlineHistory").filter { $0.deadlineCode == "license_decision" }
            #expect(history.map(\.kind) == ["start", "suspend", "resume", "extend"])
            #expect(history.last?.actor == "周审核")
            #expect(history.last?.rule.contains("第四十二条") == true)
            // A penalty's 90 日 cannot be extended.
            let ordinary = try Self.id(try await app.send(.POST, "/api/v1/cases", handler, Self.filing()))
            #expect(try await app.send(.POST, "/api/v1/cases/\(ordinary)/clock", legal,
                #"{"action":"extend","deadlineCode":"penalty_decision","days":5,"reason":"复杂"}"#).errorCode == "EXTENSION_NOT_ALLOWED")
        }
    }

    @Test("预警: a case filed in August is red on the boards and in the officer's to-do")
    func warnings() async throws {
        try await withTestApp { app, _ in
            let handler = try await app.token("officer.amr1")
            let supervisor = try await app.token("supervisor1")
            let boardBefore = try await app.send(.GET, "/api/v1/case-warnings", supervisor).content.decode([WarningRow].self)
            let redBefore = try await app.send(.GET, "/api/v1/cases?warning=red", handler).content.get(Int.self, at: "total")
            let late = try await app.send(.POST, "/api/v1/cases", handler, Self.filing(filedOn: "2026-08-01"))
            #expect(late.status == .created, "\(late.body.string)")
            #expect(try late.content.get(String.self, at: "summary", "warning") == "red")
            let lateID = try Self.id(late)
            let board = try await app.send(.GET, "/api/v1/case-warnings", supervisor)
            let rows = try board.content.decode([WarningRow].self)
            #expect(rows.count > boardBefore.count)
            #expect(rows.contains { $0.caseID == lateID && $0.level == .red && $0.due == "2026-10-30" && $0.source.contains("第六十条") })
            let mine = try await app.send(.GET, "/api/v1/case-warnings?mine=1", handler)
            #expect(try mine.content.decode([WarningRow].self).contains { $0.caseID == lateID })
            // officer.amr2 (officer 1) handles none of the demo cases nor this one.
            #expect(try await app.send(.GET, "/api/v1/case-warnings?mine=1", try await app.token("officer.amr2")).content.decode([WarningRow].self).isEmpty)
            #expect(try await app.send(.GET, "/api/v1/case-warnings?mine=1", try await app.token("supervisor1")).errorCode == "NO_OFFICER_RECORD")
            let red = try await app.send(.GET, "/api/v1/cases?warning=red", handler)
            #expect(try red.content.get(Int.self, at: "total") == redBefore + 1)
            #expect(try await app.send(.GET, "/api/v1/cases?warning=none", handler).errorCode == "VALIDATION_FAILED")
            #expect(try await app.send(.GET, "/api/v1/cases?stage=", handler).errorCode == "VALIDATION_FAILED")
            #expect(try await app.send(.GET, "/api/v1/cases", try await app.token("officer.eco1")).content.get(Int.self, at: "total") == 0)
        }
    }
}
