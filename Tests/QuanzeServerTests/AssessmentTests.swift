import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 评议考核: plans, computation from the data, fairness, confirm/contest, consequences, external
/// evaluation and the portal.
@Suite("评议考核 assessment")
struct AssessmentTests {
    static let agencyTree = """
        {"year":2026,"targetKind":"agency","name":"测试考核","indicators":[
          {"code":"A","name":"执法质量","weight":60,"children":[
            {"code":"A1","name":"按期作出决定","weight":30,"automatic":"on_time_decisions"},
            {"code":"A2","name":"复议诉讼纠错","weight":15,"automatic":"remedy_reversals"},
            {"code":"A3","name":"法制审核","weight":15,"automatic":"major_legal_review"}]},
          {"code":"B","name":"职权行使","weight":10,"automatic":"powers_exercised"},
          {"code":"C","name":"专项检查","weight":20,"kind":"entered"},
          {"code":"D","name":"外部评议","weight":10,"kind":"external"}]}
        """

    static func create(_ app: Application, _ token: String, _ body: String = agencyTree) async throws -> UUID {
        let res = try await app.send(.POST, "/api/v1/assessment-plans", token, body)
        #expect(res.status == .created, "\(res.body.string.prefix(400))")
        return try res.content.get(UUID.self, at: "id")
    }

    static func plan(_ app: Application, _ id: UUID, _ token: String) async throws -> AssessmentPlanDTO {
        let res = try await app.send(.GET, "/api/v1/assessment-plans/\(id)", token)
        #expect(res.status == .ok)
        return try res.content.decode(AssessmentPlanDTO.self)
    }

    @Test func totalIsTheSumOfIndicatorPointsAndTheOnTimeIndicatorFollowsTheCases() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let id = try await Self.create(app, sup)
            let computed = try await app.send(.POST, "/api/v1/assessment-plans/\(id)/compute", sup)
            #expect(computed.status == .ok, "\(computed.body.string.prefix(400))")
            let plan = try computed.content.decode(AssessmentPlanDTO.self)
            #expect(plan.status == "computed" && plan.contestDue == "2026-11-30")
            for r in plan.results {
                let sum = r.findings.reduce(0) { $0 + Int(($1.points * 100).rounded()) }
                #expect(Int((r.total * 100).rounded()) == sum, "\(r.targetName)")
                #expect(r.findings.count == 6)
            }
            let amr = try #require(plan.results.first { $0.targetId == DemoIDs.uuid("agency:amr") })
            let onTime = try #require(amr.findings.first { $0.indicatorCode == "A1" })
            #expect(onTime.denominator ?? 0 > 0, "demo cases have decision limits")
            // Make one met decision limit of 市场监督管理局 late, recompute: only 按期 moves, by 30 × 1/n.
            let deadline = try #require(try await CaseDeadline.query(on: app.db).filter(\.$code == "penalty_decision")
                .filter(\.$metOn != nil).join(EnforcementCase.self, on: \CaseDeadline.$enforcementCase.$id == \EnforcementCase.$id)
                .filter(EnforcementCase.self, \.$agency.$id == DemoIDs.uuid("agency:amr")).all()
                .first { $0.due >= "2026-01-01" && $0.due < "2026-11-20" && ($0.metOn ?? "") <= $0.due })
            deadline.metOn = LocalDate(iso: deadline.due)!.adding(days: 3).iso
            try await deadline.save(on: app.db)
            let again = try await app.send(.POST, "/api/v1/assessment-plans/\(id)/compute", sup).content.decode(AssessmentPlanDTO.self)
            let amr2 = try #require(again.results.first { $0.targetId == DemoIDs.uuid("agency:amr") })
            let onTime2 = try #require(amr2.findings.first { $0.indicatorCode == "A1" })
            #expect(onTime2.denominator == onTime.denominator && onTime2.numerator == (onTime.numerator ?? 0) - 1)
            #expect(onTime2.against.isEmpty && onTime2.againstMore > 0, "the plan lists counts only; the finding lists the cases")
            for code in ["A2", "A3", "B", "C", "D"] {
                #expect(amr2.findings.first { $0.indicatorCode == code }?.points == amr.findings.first { $0.indicatorCode == code }?.points)
            }
            #expect(amr2.total < amr.total)
            // The detail: formula, data, interval and source.
            let detail = try await app.send(.GET, "/api/v1/assessment-findings/\(onTime2.id)", sup)
            let f = try detail.content.decode(FindingDTO.self)
            #expect(f.formula == AutomaticIndicator.onTimeDecisions.formula && f.intervalLower != nil && f.source?.article == "三(三)")
            #expect(f.against.contains { $0.id == deadline.$enforcementCase.id && $0.kind == "case" })
            #expect(try await app.audits(.assessmentCompute).count == 2)
        }
    }

    @Test("投诉举报按期办理率 and 案卷评查平均分 are computed from the complaints and the confirmed sheets, and follow them")
    func supervisionIndicatorsFollowTheirData() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let amr = DemoIDs.uuid("agency:amr")
            let id = try await Self.create(app, sup, """
                {"year":2026,"targetKind":"agency","name":"监督指标","indicators":[
                  {"code":"P","name":"投诉举报按期办理","weight":40,"automatic":"complaints_on_time"},
                  {"code":"R","name":"案卷评查","weight":60,"automatic":"file_review_score"}]}
                """)
            func findings() async throws -> (complaints: FindingDTO, review: FindingDTO) {
                let plan = try await app.send(.POST, "/api/v1/assessment-plans/\(id)/compute", sup).content.decode(AssessmentPlanDTO.self)
                let result = try #require(plan.results.first { $0.targetId == amr })
                let sum = result.findings.reduce(0) { $0 + Int(($1.points * 100).rounded()) }
                #expect(Int((result.total * 100).rounded()) == sum)
                func detail(_ code: String) async throws -> FindingDTO {
                    let f = try #require(result.findings.first { $0.indicatorCode == code })
                    return try await app.send(.GET, "/api/v1/assessment-findings/\(f.id)", sup).content.decode(FindingDTO.self)
                }
                return (try await detail("P"), try await detail("R"))
            }
            // Independently: the acknowledgement and reply limits due in 2026, and the mean of the confirmed sheets.
            let today = LocalDate(iso: "2026-11-20")!
            let ack = try await ComplaintStatistics.acknowledgedOnTime(agencyID: amr, year: 2026, asOf: today, on: app.db)
            let reply = try await ComplaintStatistics.onTime(agencyID: amr, year: 2026, asOf: today, on: app.db)
            let review = try await FileReviewStatistics.meanScore(agencyID: amr, year: 2026, on: app.db)
            #expect(ack.due > 0 && review.files > 0, "the demo has complaints about and reviewed files of 市场监管")
            let before = try await findings()
            #expect(before.complaints.numerator == ack.onTime + reply.onTime && before.complaints.denominator == ack.due + reply.due)
            #expect(before.complaints.source?.article == "五(三)")
            #expect(before.review.denominator == 100 * review.files)
            #expect(abs(Double(before.review.numerator ?? 0) / Double(review.files) - (review.mean ?? 0)) < 0.5)
            #expect(before.review.intervalLower == nil, "a mean score has no Wilson interval")
            #expect(before.review.source?.article == "第十条(七)")
            // One complaint acknowledged on time becomes late: the complaint indicator drops by one and lists it.
            let complaint = try #require(try await Complaint.query(on: app.db).filter(\.$agencyID == amr).all()
                .first { c in c.ackDue.map { $0 >= "2026-01-01" } == true && c.acknowledgedOn != nil && c.acknowledgedOn! <= c.ackDue! })
            complaint.acknowledgedOn = LocalDate(iso: complaint.ackDue!)!.adding(days: 2).iso
            try await complaint.save(on: app.db)
            // One confirmed sheet loses 10 points: the review numerator drops by 10.
            let sheet = try #require(try await ReviewSheet.query(on: app.db).filter(\.$id ~~ review.sheetIDs).first())
            sheet.finalScore = (sheet.finalScore ?? 0) - 10
            try await sheet.save(on: app.db)
            let after = try await findings()
            #expect(after.complaints.denominator == before.complaints.denominator)
            #expect(after.complaints.numerator == (before.complaints.numerator ?? 0) - 1)
            #expect(after.complaints.against.contains { $0.kind == "complaint" && $0.id == complaint.id })
            #expect(after.complaints.points < before.complaints.points)
            #expect(after.review.numerator == (before.review.numerator ?? 0) - 10)
            #expect(after.review.points < before.review.points)
            // The finding page links the complaint.
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/assessment-findings/\(after.complaints.id)", headers: session.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(SiteURL.consoleComplaint(complaint.id!)))
            }
        }
    }

    @Test func weightTreeNotSummingTo100IsRefusedWithItsCode() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let bad = Self.agencyTree.replacingOccurrences(of: #""name":"外部评议","weight":10"#, with: #""name":"外部评议","weight":15"#)
            let res = try await app.send(.POST, "/api/v1/assessment-plans", sup, bad)
            #expect(res.status == .unprocessableEntity && res.errorCode == "WEIGHTS_NOT_100")
            let child = Self.agencyTree.replacingOccurrences(of: #""weight":15,"automatic":"remedy_reversals""#, with: #""weight":10,"automatic":"remedy_reversals""#)
            let res2 = try await app.send(.POST, "/api/v1/assessment-plans", sup, child)
            #expect(res2.errorCode == "CHILD_WEIGHTS_MISMATCH")
            // A body plan may not be drafted by a body's 法制员, nor an automatic indicator unfit for officers.
            let legal = try await app.token("legal.amr")
            #expect(try await app.send(.POST, "/api/v1/assessment-plans", legal, Self.agencyTree).errorCode == "ASSESSOR_MISMATCH")
            let officerPlan = #"{"year":2026,"targetKind":"officer","name":"人员","indicators":[{"code":"A","name":"零执法","weight":100,"automatic":"powers_exercised"}]}"#
            #expect(try await app.send(.POST, "/api/v1/assessment-plans", legal, officerPlan).errorCode == "AUTOMATIC_NOT_FOR_TARGET")
            // 长春 has no yearly training-hours rule.
            let training = #"{"year":2026,"targetKind":"officer","name":"人员","indicators":[{"code":"A","name":"培训","weight":100,"automatic":"training_hours"}]}"#
            #expect(try await app.send(.POST, "/api/v1/assessment-plans", legal, training).errorCode == "INDICATOR_RULE_MISSING")
        }
    }

    @Test func confirmContestDecideAndTheWindow() async throws {
        try await withTestApp { app, clock in
            let sup = try await app.token("supervisor1")
            let id = try await Self.create(app, sup)
            let plan = try await app.send(.POST, "/api/v1/assessment-plans/\(id)/compute", sup).content.decode(AssessmentPlanDTO.self)
            let amr = try #require(plan.results.first { $0.targetId == DemoIDs.uuid("agency:amr") })
            let eco = try #require(plan.results.first { $0.targetId == DemoIDs.uuid("agency:eco") })
            let special = try #require(amr.findings.first { $0.indicatorCode == "C" })
            // The assessor enters the special inspection's points.
            let entered = try await app.send(.POST, "/api/v1/assessment-findings/\(special.id)/enter", sup, #"{"points":12.5,"evidence":"专项检查报告第2页"}"#)
            #expect(entered.status == .ok)
            #expect(try entered.content.get(Double.self, at: "points") == 12.5)
            let legal = try await app.token("legal.amr")
            // Another body's finding is not the 法制员's to answer.
            let other = try #require(eco.findings.first { $0.indicatorCode == "A1" })
            #expect(try await app.send(.POST, "/api/v1/assessment-findings/\(other.id)/respond", legal, #"{"action":"confirm"}"#).status == .forbidden)
            #expect(try await app.send(.POST, "/api/v1/assessment-findings/\(special.id)/respond", legal, #"{"action":"contest"}"#).status == .unprocessableEntity)
            let contested = try await app.send(.POST, "/api/v1/assessment-findings/\(special.id)/respond", legal, #"{"action":"contest","grounds":"问题检查前已整改"}"#)
            #expect(contested.status == .ok)
            #expect(try contested.content.get(String.self, at: "status") == "contested")
            #expect(try await app.send(.POST, "/api/v1/assessment-plans/\(id)/compute", sup).errorCode == "FINDINGS_ANSWERED")
            #expect(try await app.send(.POST, "/api/v1/assessment-plans/\(id)/publish", sup).errorCode == "CONTESTS_PENDING")
            let decided = try await app.send(.POST, "/api/v1/assessment-findings/\(special.id)/decide", sup, #"{"outcome":"revised","points":18,"reason":"整改属实"}"#)
            #expect(decided.status == .ok)
            #expect(try decided.content.get(Double.self, at: "points") == 18)
            let after = try await Self.plan(app, id, sup)
            let amrAfter = try #require(after.results.first { $0.targetId == DemoIDs.uuid("agency:amr") })
            #expect(Int((amrAfter.total * 100).rounded()) == Int((amr.total * 100).rounded()) + 1800)
            // After the window: refused.
            let onTime = try #require(amr.findings.first { $0.indicatorCode == "A1" })
            clock.advance(by: 11 * 86_400)
            let late = try await app.send(.POST, "/api/v1/assessment-findings/\(onTime.id)/respond", legal, #"{"action":"confirm"}"#)
            #expect(late.status == .conflict && late.errorCode == "CONTEST_WINDOW_CLOSED")
            let responds = try await app.audits(.assessmentRespond).count
            let decides = try await app.audits(.assessmentDecide).count
            #expect(responds >= 1 && decides == 1)
            // Published: on the portal.
            #expect(try await app.send(.POST, "/api/v1/assessment-plans/\(id)/publish", sup).status == .ok)
            try await app.testing().test(.GET, "/assessments") { res in
                #expect(res.status == .ok && res.body.string.contains("测试考核") && res.body.string.contains("长春市市场监督管理局"))
            }
        }
    }

    @Test func otherJurisdictionIsRefused() async throws {
        try await withTestApp { app, _ in
            let tz = try await app.token("supervisor.tz")
            let res = try await app.send(.GET, "/api/v1/assessment-plans/\(DemoIDs.uuid("assessment:bodies:2026"))", tz)
            #expect(res.status == .forbidden && res.errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.POST, "/api/v1/assessment-plans/\(DemoIDs.uuid("assessment:bodies:2026"))/compute", tz).errorCode == "OUT_OF_SCOPE")
            let rating = #"{"agencyId":"\#(DemoIDs.uuid("agency:amr"))","year":2026,"rating":4,"evaluatorName":"王敏"}"#
            #expect(try await app.send(.POST, "/api/v1/evaluations", tz, rating).errorCode == "OUT_OF_SCOPE")
        }
    }

    @Test func demoResultsGradesAndTheJilinTwoYearConsequence() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            let plan = try await Self.plan(app, DemoIDs.uuid("assessment:officers:amr:2026"), legal)
            let poor = try #require(plan.results.first { $0.targetId == DemoIDs.uuid("officer:amr:1") })
            #expect(poor.grade == "unqualified")
            #expect(poor.consequences.map(\.code) == ["person_unqualified", "person_unqualified_two_years"])
            #expect(poor.consequences[1].sanctions == ["调离执法岗位", "取消执法资格"] && poor.consequences[1].source.article == "六(三)")
            // The officer sees only his own result and may answer it.
            let officer = try await app.token("officer.amr2")
            let own = try await Self.plan(app, DemoIDs.uuid("assessment:officers:amr:2026"), officer)
            #expect(own.results.map(\.targetId) == [DemoIDs.uuid("officer:amr:1")])
            let f = try #require(own.results[0].findings.first { $0.indicatorCode == "C" })
            #expect(try await app.send(.POST, "/api/v1/assessment-findings/\(f.id)/respond", officer, #"{"action":"confirm"}"#).status == .ok)
            // The bodies' plan: published, 不合格 body gets 限期整改 with its source.
            let bodies = try await Self.plan(app, DemoIDs.uuid("assessment:bodies:2026"), try await app.token("supervisor1"))
            #expect(bodies.status == "published")
            for r in bodies.results where r.grade == "unqualified" { #expect(r.consequences.map(\.code) == ["agency_unqualified"]) }
            let ranks = bodies.results.map(\.rank)
            #expect(ranks == ranks.sorted())
        }
    }

    @Test func oneTimeCodeIsSingleUseAndUnknownCodesAreRefused() async throws {
        try await withTestApp { app, _ in
            let card = #"{"code":"\#(DemoAssessments.freshCode)","rating":4,"comment":"告知清楚"}"#
            var headers = HTTPHeaders()
            headers.contentType = .json
            var first: TestingHTTPResponse?
            try await app.testing().test(.POST, "/api/v1/public/evaluations", headers: headers, body: ByteBuffer(string: card)) { first = $0 }
            #expect(first?.status == .created)
            #expect(try first?.content.get(UUID.self, at: "caseId") == DemoIDs.uuid("case:amr:1"))
            try await app.testing().test(.POST, "/api/v1/public/evaluations", headers: headers, body: ByteBuffer(string: card)) { res in
                #expect(res.status == .conflict && res.errorCode == "EVALUATION_CODE_USED")
            }
            try await app.testing().test(.POST, "/api/v1/public/evaluations", headers: headers, body: ByteBuffer(string: #"{"code":"XXXX-YYYY-ZZZZ","rating":3}"#)) { res in
                #expect(res.status == .notFound && res.errorCode == "EVALUATION_CODE_UNKNOWN")
            }
            // Codes are stored hashed only.
            let stored = try await EvaluationCode.query(on: app.db).all()
            #expect(!stored.contains { $0.codeHash.contains("DEMO") } && stored.allSatisfy { $0.codeHash.count == 64 })
            // A new code for a case of the officer's body works once, through the portal form.
            let officer = try await app.token("officer.amr1")
            let issued = try await app.send(.POST, "/api/v1/cases/\(DemoIDs.uuid("case:amr:2"))/evaluation-codes", officer)
            #expect(issued.status == .created)
            let code = try issued.content.get(String.self, at: "code")
            try await app.testing().test(.POST, "/evaluate", beforeRequest: { req in
                try req.content.encode(["code": code, "rating": "5"], as: .urlEncodedForm)
            }, afterResponse: { res in #expect(res.status == .ok && res.body.string.contains("感谢您的评议")) })
            try await app.testing().test(.POST, "/evaluate", beforeRequest: { req in
                try req.content.encode(["code": code, "rating": "5"], as: .urlEncodedForm)
            }, afterResponse: { res in #expect(res.status == .conflict && res.body.string.contains("EVALUATION_CODE_USED")) })
            // Another body's case: refused.
            let eco = try await app.token("officer.eco1")
            #expect(try await app.send(.POST, "/api/v1/cases/\(DemoIDs.uuid("case:amr:2"))/evaluation-codes", eco).status == .forbidden)
        }
    }

    @Test func externalRatingsMoveTheExternalIndicator() async throws {
        try await withTestApp { app, _ in
            let sup = try await app.token("supervisor1")
            let id = try await Self.create(app, sup)
            let before = try await app.send(.POST, "/api/v1/assessment-plans/\(id)/compute", sup).content.decode(AssessmentPlanDTO.self)
            let housing = DemoIDs.uuid("agency:housing")
            #expect(before.results.first { $0.targetId == housing }?.findings.first { $0.indicatorCode == "D" }?.points == 10)
            let survey = #"{"year":2026,"csv":"执法部门,评分,意见\n长春市住房和城乡建设局,1,办事拖延\n长春市住房和城乡建设局,3,"}"#
            let imported = try await app.send(.POST, "/api/v1/evaluations/survey", sup, survey)
            #expect(imported.status == .ok)
            #expect(try imported.content.get(Int.self, at: "imported") == 2)
            let bad = try await app.send(.POST, "/api/v1/evaluations/survey", sup, #"{"year":2026,"csv":"不存在的局,3\n长春市住房和城乡建设局,9"}"#)
            #expect(bad.errorCode == "SURVEY_ROWS_INVALID")
            let rating = #"{"agencyId":"\#(housing)","year":2026,"rating":5,"evaluatorName":"王敏"}"#
            #expect(try await app.send(.POST, "/api/v1/evaluations", sup, rating).status == .created)
            let after = try await app.send(.POST, "/api/v1/assessment-plans/\(id)/compute", sup).content.decode(AssessmentPlanDTO.self)
            // Ratings 1, 3, 5: mean 3 → (3 − 1) ÷ 4 × 10 = 5 points.
            #expect(after.results.first { $0.targetId == housing }?.findings.first { $0.indicatorCode == "D" }?.points == 5)
        }
    }

    @Test func consolePagesAndZeroEnforcementReason() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/assessments/\(DemoIDs.uuid("assessment:bodies:2026"))", headers: s.headers) { res in
                #expect(res.status == .ok && res.body.string.contains("排名分") && res.body.string.contains("依据"))
            }
            try await app.testing().test(.POST, "/console/assessments", headers: s.headers, beforeRequest: { req in
                try req.content.encode(["_csrf": s.csrf, "year": "2026", "name": "坏方案", "targetKind": "agency", "indicators": "A|甲|50|录入\nB|乙|40|外部",
                                        "excellentMin": "90", "qualifiedMin": "60", "contestDays": "10"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("WEIGHTS_NOT_100"))
            })
            let legal = try await app.signIn("legal.amr")
            let zero = try #require(try await AssessmentFinding.query(on: app.db).filter(\.$plan.$id == DemoIDs.uuid("assessment:bodies:2026"))
                .filter(\.$targetID == DemoIDs.uuid("agency:amr")).filter(\.$indicatorCode == "B.1").first())
            try await app.testing().test(.GET, "/console/assessment-findings/\(zero.id!)", headers: legal.headers) { res in
                #expect(res.status == .ok && res.body.string.contains("本年度辖区内未发生该类违法行为"))
            }
            if let item = zero.detail.against.dropFirst().first {
                try await app.testing().test(.POST, "/console/assessment-findings/\(zero.id!)/zero-reason", headers: legal.headers, beforeRequest: { req in
                    try req.content.encode(["_csrf": legal.csrf, "powerItemId": item.id.uuidString, "reason": "该事项须国家统一部署"], as: .urlEncodedForm)
                }, afterResponse: { res in
                    #expect(res.status == .ok && res.body.string.contains("该事项须国家统一部署"))
                })
                #expect(try await app.audits(.zeroEnforcementReason).count == 1)
            }
        }
    }
}
