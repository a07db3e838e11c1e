import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("裁量基准 levels: allowed kinds, listed factors, amounts inside the levels; 裁量一致性 report")
struct DiscretionLevelTests {
    let amr = DemoIDs.uuid("agency:amr")
    static let benchmark1 = DemoIDs.uuid("discretion:amr:1")

    static func tier(_ name: String, _ kinds: [String], _ min: Int?, _ max: Int?) -> String {
        var s = #"{"circumstance":"\#(name)","sanction":"罚款","allowedKinds":[\#(kinds.map { "\"\($0)\"" }.joined(separator: ","))]"#
        if let min { s += #","minAmount":\#(min)"# }
        if let max { s += #","maxAmount":\#(max)"# }
        return s + "}"
    }

    static func body(_ tiers: [String], mitigating: String = "", aggravating: String = "") -> String {
        #"{"articleId":"\#(DemoIDs.uuid("article:penalty2021:第五十一条"))","violation":"未按规定公示信息","tiers":[\#(tiers.joined(separator: ","))]"#
            + (mitigating.isEmpty ? "" : #","mitigatingFactors":[\#(mitigating)]"#)
            + (aggravating.isEmpty ? "" : #","aggravatingFactors":[\#(aggravating)]"#) + "}"
    }

    static func problem(_ res: TestingHTTPResponse) -> String {
        let field = (try? res.content.get(String.self, at: "error", "details", "problems", 0, "field")) ?? "?"
        let code = (try? res.content.get(String.self, at: "error", "details", "problems", 0, "code")) ?? "?"
        return "\(field):\(code)"
    }

    @Test("unknown kind, empty or duplicate level, inverted or overlapping range, duplicate factor: refused with their codes; nothing saved")
    func badBenchmarks() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let path = "/api/v1/agencies/\(amr)/discretion-benchmarks"
            let before = try await DiscretionBenchmark.query(on: app.db).count()
            let cases: [(String, String)] = [
                (Self.body([Self.tier("一般", ["fine", "flogging"], 100, 200)]), "tiers[0].allowedKinds:unknown_kind"),
                (Self.body([Self.tier(" ", ["fine"], 100, 200)]), "tiers[0].circumstance:required"),
                (Self.body([Self.tier("一般", ["fine"], 100, 200), Self.tier("一般", ["fine"], 200, 300)]), "tiers[1].circumstance:duplicate"),
                (Self.body([Self.tier("一般", [], 100, 200)]), "tiers[0].allowedKinds:required"),
                (Self.body([Self.tier("一般", ["fine"], 300, 200)]), "tiers[0].maxAmount:range"),
                (Self.body([Self.tier("轻微", ["fine"], 100, 250), Self.tier("一般", ["fine"], 200, 300)]), "tiers[1].minAmount:overlap"),
                (Self.body([Self.tier("一般", ["fine"], nil, nil)]), "tiers[0].minAmount:fine_range_required"),
                (Self.body([Self.tier("一般", ["warning"], 100, 200)]), "tiers[0].minAmount:range_without_fine"),
                (Self.body([Self.tier("一般", ["fine"], 100, 200)], mitigating: #"{"text":"初次违法"}"#, aggravating: #"{"text":"初次违法"}"#),
                 "aggravatingFactors[0].text:duplicate"),
            ]
            for (body, expected) in cases {
                let res = try await app.send(.POST, path, token, body)
                #expect(res.errorCode == "VALIDATION_FAILED", "\(expected): \(res.body.string)")
                #expect(Self.problem(res) == expected, "\(res.body.string)")
            }
            // An unknown field inside a level or factor is refused too.
            #expect(try await app.send(.POST, path, token, Self.body([#"{"circumstance":"一般","sanction":"罚款","allowedKinds":["fine"],"minAmount":1,"maxAmount":2,"x":1}"#])).status.code >= 400)
            #expect(try await DiscretionBenchmark.query(on: app.db).count() == before)
            #expect(try await app.audits(.discretionCreate).isEmpty)
        }
    }

    @Test("a benchmark with kinds and factors is recorded, revised by its own 法制员 only, and audited")
    func createAndRevise() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let created = try await app.send(.POST, "/api/v1/agencies/\(amr)/discretion-benchmarks", token, Self.body(
                [Self.tier("初次", ["warning"], nil, nil), Self.tier("再次", ["fine"], 500, 1_000), Self.tier("多次", ["fine", "suspend_business"], 1_000, 3_000)],
                mitigating: #"{"text":"当场改正","basis":"行政处罚法 第三十二条"}"#, aggravating: #"{"text":"拒不改正"}"#))
            #expect(created.status == .created, "\(created.body.string)")
            let dto = try created.content.decode(DiscretionBenchmarkDTO.self)
            #expect(dto.tiers.map(\.allowedKinds) == [[.warning], [.fine], [.fine, .suspendBusiness]])
            #expect(dto.mitigatingFactors.first?.basis == "行政处罚法 第三十二条")
            #expect(dto.aggravatingFactors.map(\.text) == ["拒不改正"])
            let path = "/api/v1/discretion-benchmarks/\(dto.id)"
            // Another body's 法制员, a 监督员: refused before the body is read.
            #expect(try await app.send(.PUT, path, try await app.token("legal.eco"), Self.body([Self.tier("一般", ["fine"], 1, 2)])).status == .forbidden)
            #expect(try await app.send(.PUT, path, try await app.token("supervisor1"), Self.body([Self.tier("一般", ["fine"], 1, 2)])).status == .forbidden)
            #expect(Self.problem(try await app.send(.PUT, path, token, Self.body([Self.tier("一般", ["fine"], 1, 200), Self.tier("较重", ["fine"], 100, 300)])))
                    == "tiers[1].minAmount:overlap")
            let revised = try await app.send(.PUT, path, token, Self.body([Self.tier("一般", ["fine"], 500, 1_500)]))
            #expect(revised.status == .ok, "\(revised.body.string)")
            #expect(try revised.content.decode(DiscretionBenchmarkDTO.self).tiers.map(\.circumstance) == ["一般"])
            #expect(try revised.content.decode(DiscretionBenchmarkDTO.self).mitigatingFactors.isEmpty)
            #expect(try await app.audits(.discretionCreate).count == 1)
            #expect(try await app.audits(.discretionUpdate).count == 1)
            // Old rows without kinds or factors still read: every kind allowed, nothing listed.
            let legacy = try JSONDecoder().decode(DiscretionTier.self, from: Data(#"{"circumstance":"一般","sanction":"罚款","minAmount":1,"maxAmount":2}"#.utf8))
            #expect(legacy.allowedKinds.isEmpty && legacy.level.allows(.closure))
        }
    }

    /// Files a penalty case and takes it to the decision: 告知 of 警告 and a 70 000 元 fine (no hearing right).
    static func caseAtDecision(_ app: Application) async throws -> UUID {
        let handler = try await app.token("officer.amr1")
        let filed = try await app.send(.POST, "/api/v1/cases", handler, CaseTests.filing())
        let id = try CaseTests.id(filed)
        for stage in ["investigation", "review"] {
            #expect(try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler, #"{"to":"\#(stage)"}"#).status == .ok)
        }
        let noticed = try await app.send(.POST, "/api/v1/cases/\(id)/advance", handler,
                                         #"{"to":"notice","sanction":{"kinds":["warning","fine"],"fineAmount":70000},"partyKind":"organization"}"#)
        #expect(noticed.status == .ok, "\(noticed.body.string)")
        return id
    }

    static func decision(kinds: String = #""fine""#, fine: Int = 70_000, level: String = "一般", factors: [String] = [], reason: String? = nil) -> String {
        #"{"factsAndEvidence":"现场检查笔录证实当事人无证经营。","basis":"《中华人民共和国食品安全法》第一百二十二条","content":"罚款","performance":"十五日内缴纳","#
            + #""sanction":{"kinds":[\#(kinds)],"fineAmount":\#(fine)},"collectingBank":"中国工商银行长春分行","discretionId":"\#(benchmark1)","circumstance":"\#(level)""#
            + (factors.isEmpty ? "" : #","factors":[\#(factors.map { "\"\($0)\"" }.joined(separator: ","))]"#)
            + (reason.map { #","outsideRangeReason":"\#($0)""# } ?? "") + "}"
    }

    @Test("a decision names a level of the benchmark and its listed factors; a kind the level does not allow, an amount outside every level or an unlisted factor is refused")
    func decisionAgainstLevels() async throws {
        try await withTestApp { app, _ in
            let id = try await Self.caseAtDecision(app)
            let approver = try await app.token("officer.amr2")
            let path = "/api/v1/cases/\(id)/decision"
            let before = try await CaseDecision.query(on: app.db).count()
            let refused: [(String, String)] = [
                (Self.decision(kinds: #""warning","fine""#), "PENALTY_KIND_NOT_ALLOWED"),
                (Self.decision(fine: 45_000, level: "轻微", reason: "当事人经济困难"), "AMOUNT_OUTSIDE_ALL_LEVELS"),
                (Self.decision(factors: ["态度良好"]), "DISCRETION_FACTOR_UNKNOWN"),
                (Self.decision(level: "特别严重"), "DISCRETION_LEVEL_UNKNOWN"),
                (Self.decision(level: "轻微"), "DISCRETION_REASON_REQUIRED"),
                (Self.decision(level: "轻微", reason: "违法经营时间较长"), "LEGAL_REVIEW_REQUIRED"),
            ]
            for (body, code) in refused {
                let res = try await app.send(.POST, path, approver, body)
                #expect(res.errorCode == code, "\(code): \(res.body.string)")
            }
            let kind = try await app.send(.POST, path, approver, Self.decision(kinds: #""warning","fine""#))
            #expect(kind.body.string.contains("第四条(二)"))
            #expect(try await CaseDecision.query(on: app.db).count() == before)
            let mitigating = DemoDiscretion.mitigating.text
            let decided = try await app.send(.POST, path, approver, Self.decision(factors: [mitigating]))
            #expect(decided.status == .ok, "\(decided.body.string)")
            let d = try decided.content.get(DecisionDiscretion.self, at: "decision", "discretion")
            #expect(d.level.circumstance == "一般" && d.level.minAmount == 60_000 && d.level.maxAmount == 80_000)
            #expect(d.factors == [DemoDiscretion.mitigating])
            #expect(!d.outsideLevel)
            let row = try #require(try await CaseDecision.query(on: app.db).filter(\.$enforcementCase.$id == id).first())
            #expect(row.fineFen == 7_000_000 && row.circumstance == "一般" && row.discretionID == Self.benchmark1)
            // The case page and the 决定书 show the level, the factor with its basis and the source.
            let s = try await app.signIn("legal.amr")
            try await app.testing().test(.GET, "/console/cases/\(id)", headers: s.headers) { res in
                let html = res.body.string
                #expect(html.contains("裁量基准适用"))
                #expect(html.contains("一般（罚款、没收违法所得、没收非法财物；罚款60000元至80000元）"))
                #expect(html.contains("主动消除或者减轻违法行为危害后果（行政处罚法 第三十二条(一)）"))
                #expect(html.contains("通州区行政处罚自由裁量权监督规定 第四条(二)"))
            }
            try await app.testing().test(.GET, "/console/cases/\(id)/documents/decision", headers: s.headers) { res in
                #expect(res.body.string.contains("裁量情节：依据裁量基准"))
                #expect(res.body.string.contains("从轻、减轻情节：主动消除或者减轻违法行为危害后果"))
            }
        }
    }

    @Test("the console decision form offers each level with its kinds and range and the listed factors; a refusal is shown")
    func decisionForm() async throws {
        try await withTestApp { app, _ in
            let id = try await Self.caseAtDecision(app)
            let s = try await app.signIn("officer.amr2")
            try await app.testing().test(.GET, "/console/cases/\(id)", headers: s.headers) { res in
                let html = res.body.string
                #expect(html.contains("\(Self.benchmark1.uuidString)|较重"))
                #expect(html.contains("较重（罚款、没收违法所得、没收非法财物；80000元至90000元）"))
                #expect(html.contains("从重：被责令改正后拒不改正"))
            }
            var headers = s.headers
            headers.contentType = .urlEncodedForm
            let fields: [(String, String)] = [
                ("_csrf", s.csrf), ("factsAndEvidence", "笔录"), ("basis", "第一百二十二条"), ("content", "罚款"), ("performance", "十五日内"),
                ("kinds[]", "fine"), ("fineAmount", "40000"), ("collectingBank", "中国工商银行长春分行"),
                ("discretionLevel", "\(Self.benchmark1.uuidString)|轻微"),
            ]
            try await app.testing().test(.POST, "/console/cases/\(id)/decision", headers: headers, body: CasePageTests.form(fields)) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("不在裁量基准任何情节的幅度内"))
            }
            try await app.testing().test(.POST, "/console/cases/\(id)/decision", headers: headers,
                                         body: CasePageTests.form(fields.map { $0.0 == "fineAmount" ? ($0.0, "55000") : $0 } + [("factors[]", DemoDiscretion.mitigating.text)])) { res in
                #expect(res.status == .ok, "\(res.body.string.prefix(500))")
                #expect(res.body.string.contains("已作出决定"))
            }
            let d = try #require(try await CaseDecision.query(on: app.db).filter(\.$enforcementCase.$id == id).first())
            #expect(d.circumstance == "轻微" && d.discretion?.factors == [DemoDiscretion.mitigating])
        }
    }

    @Test("裁量一致性: figures per benchmark and level and the outliers of the definition, on known data; scoped; the page draws it")
    func consistencyReport() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let created = try await app.send(.POST, "/api/v1/agencies/\(amr)/discretion-benchmarks", token, Self.body(
                [Self.tier("轻微", ["fine"], 50_000, 60_000), Self.tier("一般", ["fine"], 60_000, 80_000)]))
            let benchmark = try created.content.decode(DiscretionBenchmarkDTO.self).id
            // Eight of the demo's fines, re-measured under the new benchmark with known amounts.
            let decisions = try await CaseDecision.query(on: app.db).filter(\.$fineFen > 0).sort(\.$number).all()
            try #require(decisions.count >= 8)
            let known: [(String, Int, String?)] = [("一般", 70_000, nil), ("一般", 70_000, nil), ("一般", 71_000, nil), ("一般", 72_000, nil),
                                                   ("一般", 73_000, nil), ("一般", 99_000, "涉案数量特别大"), ("轻微", 50_000, nil), ("轻微", 65_000, nil)]
            for (d, (level, amount, reason)) in zip(decisions, known) {
                d.discretionID = benchmark
                d.circumstance = level
                d.sanctionText = JSONText(PenaltySanction(kinds: [.fine], fineAmount: amount))
                d.outsideRangeReason = reason
                d.decidedOn = "2026-06-30"
                try await d.save(on: app.db)
            }
            let res = try await app.send(.GET, "/api/v1/discretion-consistency?year=2026", token)
            #expect(res.status == .ok, "\(res.body.string)")
            let report = try res.content.decode(DiscretionConsistencyDTO.self)
            let groups = report.groups.filter { $0.benchmarkId == benchmark }
            #expect(groups.map(\.circumstance) == ["轻微", "一般"])
            let general = try #require(groups.last)
            #expect(general.count == 6 && general.min == 70_000 && general.max == 99_000)
            #expect(general.median == 71_500 && general.q1 == 70_250 && general.q3 == 72_750)
            #expect(abs(general.mean - 455_000.0 / 6) < 0.001)
            #expect(general.highFence == 76_500 && general.lowFence == 66_500)
            #expect(general.outlierCount == 1)
            let outlier = try #require(general.outliers.first)
            #expect(outlier.amount == 99_000 && outlier.reasons == [.outsideLevel, .aboveFence])
            #expect(outlier.outsideRangeReason == "涉案数量特别大")
            #expect(outlier.caseId == decisions[5].$enforcementCase.id)
            let minor = try #require(groups.first)
            #expect(minor.count == 2 && minor.lowFence == nil)   // fewer than five: only the range counts
            #expect(minor.outliers.map(\.amount) == [65_000] && minor.outliers.first?.reasons == [.outsideLevel])
            #expect(report.source.contains("第四条(四)"))
            // Another year has none of these; out of scope is refused; a bad year is refused.
            let other = try await app.send(.GET, "/api/v1/discretion-consistency?year=2025", token).content.decode(DiscretionConsistencyDTO.self)
            #expect(!other.groups.contains { $0.benchmarkId == benchmark })
            #expect(try await app.send(.GET, "/api/v1/discretion-consistency?agencyID=\(amr)", try await app.token("legal.eco")).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, "/api/v1/discretion-consistency?year=abc", token).errorCode == "VALIDATION_FAILED")
            let sup = try await app.send(.GET, "/api/v1/discretion-consistency?year=2026&agencyID=\(amr)", try await app.token("supervisor1"))
            #expect(try sup.content.decode(DiscretionConsistencyDTO.self).groups.contains { $0.benchmarkId == benchmark })
            let tz = try await app.send(.GET, "/api/v1/discretion-consistency?year=2026", try await app.token("supervisor.tz"))
            #expect(try tz.content.decode(DiscretionConsistencyDTO.self).groups.isEmpty)
            // The page: figures, the SVG box plot, the outlier linked to its case with its reason.
            let s = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/discretion-consistency?year=2026", headers: s.headers) { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("<svg"))
                #expect(html.contains("/console/cases/\(decisions[5].$enforcementCase.id)"))
                #expect(html.contains("涉案数量特别大"))
                #expect(html.contains("明显高于同一情节的其他决定"))
                #expect(html.contains("71500"))
            }
        }
    }

    @Test("the benchmark pages: list with the form, refusal re-rendered, recorded through the form, revised on its page")
    func pages() async throws {
        try await withTestApp { app, _ in
            let s = try await app.signIn("legal.amr")
            try await app.testing().test(.GET, "/console/discretion-benchmarks", headers: s.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("未取得食品经营许可从事食品经营活动"))
                #expect(res.body.string.contains("制定裁量基准"))
                #expect(res.body.string.contains(SiteURL.consoleDiscretionConsistency))
            }
            var headers = s.headers
            headers.contentType = .urlEncodedForm
            let fields: [(String, String)] = [
                ("_csrf", s.csrf), ("violation", "未按规定公示信息"), ("articleId", DemoIDs.uuid("article:penalty2021:第五十一条").uuidString),
                ("c0", "轻微"), ("s0", "罚款"), ("k0[]", "fine"), ("min0", "100"), ("max0", "300"),
                ("c1", "一般"), ("s1", "罚款"), ("k1[]", "fine"), ("k1[]", "warning"), ("min1", "200"), ("max1", "500"),
                ("mitigating", "初次违法｜行政处罚法 第三十三条\n当场改正"),
            ]
            let before = try await DiscretionBenchmark.query(on: app.db).count()
            try await app.testing().test(.POST, "/console/discretion-benchmarks", headers: headers, body: CasePageTests.form(fields)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("重叠"))
                #expect(res.body.string.contains("未按规定公示信息"))   // the form keeps what was typed
            }
            #expect(try await DiscretionBenchmark.query(on: app.db).count() == before)
            var location = ""
            try await app.testing().test(.POST, "/console/discretion-benchmarks", headers: headers,
                                         body: CasePageTests.form(fields.map { $0.0 == "min1" ? ("min1", "300") : $0 })) { res in
                #expect(res.status == .seeOther, "\(res.body.string.prefix(500))")
                location = res.headers.first(name: .location) ?? ""
            }
            let b = try #require(try await DiscretionBenchmark.query(on: app.db).filter(\.$violation == "未按规定公示信息").first())
            #expect(b.tiers.map(\.allowedKinds) == [[.fine], [.fine, .warning]])
            #expect(b.mitigatingFactors.map(\.citation) == ["初次违法（行政处罚法 第三十三条）", "当场改正"])
            try await app.testing().test(.GET, location, headers: s.headers) { res in
                #expect(res.body.string.contains("修改裁量基准"))
                #expect(res.body.string.contains("初次违法（行政处罚法 第三十三条）"))
            }
            try await app.testing().test(.POST, location, headers: headers,
                                         body: CasePageTests.form(fields.filter { !$0.0.hasSuffix("1") && $0.0 != "k1[]" } + [("aggravating", "拒不改正")])) { res in
                #expect(res.status == .ok, "\(res.body.string.prefix(500))")
                #expect(res.body.string.contains("已保存裁量基准"))
            }
            let revised = try #require(try await DiscretionBenchmark.find(b.id, on: app.db))
            #expect(revised.tiers.count == 1 && revised.aggravatingFactors.map(\.text) == ["拒不改正"])
            // A 执法人员 reads the page but gets no form.
            let officer = try await app.signIn("officer.amr1")
            try await app.testing().test(.GET, location, headers: officer.headers) { res in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains("修改裁量基准"))
            }
        }
    }
}
