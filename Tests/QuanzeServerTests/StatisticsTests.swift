import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 执法统计, exports, 执法监督看板 and 开放数据: every figure against counts computed here from the rows.
@Suite("执法统计、看板与开放数据")
struct StatisticsTests {
    static let amr = DemoIDs.uuid("agency:amr")
    static let city = DemoIDs.uuid(DemoData.jurisdictionKey)

    struct Key: Hashable { var agency: UUID; var category: String }

    /// The statistics computed independently from the rows (Swift over all rows, no SQL aggregate).
    static func expected(_ app: Application, agencies: Set<UUID>, from: String, to: String, category: String? = nil) async throws -> [Key: EnforcementStatistics.Row] {
        let cases = try await EnforcementCase.query(on: app.db).all().filter { agencies.contains($0.$agency.id) }
            .filter { category == nil || $0.procedure.category == category }
        let byID = Dictionary(uniqueKeysWithValues: cases.map { ($0.id!, $0) })
        var out: [Key: EnforcementStatistics.Row] = [:]
        func bump(_ c: EnforcementCase, _ change: (inout EnforcementStatistics.Row) -> Void) {
            let key = Key(agency: c.$agency.id, category: c.procedure.category)
            var row = out[key] ?? EnforcementStatistics.Row(agencyId: key.agency, agencyName: "", category: key.category, categoryLabel: "")
            change(&row)
            out[key] = row
        }
        func within(_ d: String?) -> Bool { d.map { $0 >= from && $0 <= to } ?? false }
        for c in cases {
            if within(c.filedOn) { bump(c) { $0.filedCount += 1 } }
            if within(c.closedOn) { bump(c) { $0.closedCount += 1 } }
        }
        for d in try await CaseDecision.query(on: app.db).all() where within(d.decidedOn) {
            guard let c = byID[d.$enforcementCase.id] else { continue }
            bump(c) {
                $0.decidedCount += 1
                $0.fineFen += (d.sanction?.fineAmount ?? 0) * 100
                $0.confiscationFen += (d.sanction?.confiscationAmount ?? 0) * 100
            }
        }
        for p in try await CasePayment.query(on: app.db).all() where within(p.paidOn) {
            guard let c = byID[p.$enforcementCase.id] else { continue }
            bump(c) { $0.collectedFen += p.fineFen + p.lateFeeFen }
        }
        for r in try await CaseRemedy.query(on: app.db).all() {
            guard let c = byID[r.$enforcementCase.id] else { continue }
            if within(r.appliedOn) { bump(c) { if r.kind == .reconsideration { $0.reconsiderationCount += 1 } else { $0.litigationCount += 1 } } }
            if let result = r.result, within(r.resultOn) {
                bump(c) {
                    $0.remedyDecidedCount += 1
                    if result.isReversal { $0.reversalCount += 1 }
                }
            }
        }
        return out
    }

    static func same(_ a: EnforcementStatistics.Row, _ b: EnforcementStatistics.Row?) -> Bool {
        let b = b ?? EnforcementStatistics.Row(agencyId: nil, agencyName: "", category: nil, categoryLabel: "")
        return (a.filedCount, a.decidedCount, a.closedCount, a.fineFen, a.confiscationFen, a.collectedFen) ==
            (b.filedCount, b.decidedCount, b.closedCount, b.fineFen, b.confiscationFen, b.collectedFen)
            && (a.reconsiderationCount, a.litigationCount, a.remedyDecidedCount, a.reversalCount) ==
            (b.reconsiderationCount, b.litigationCount, b.remedyDecidedCount, b.reversalCount)
    }

    static func cityAgencies(_ app: Application) async throws -> Set<UUID> {
        Set(try await Agency.query(on: app.db).filter(\.$jurisdiction.$id == city).all().compactMap(\.id))
    }

    @Test("the seeds' wording the statistics cite is verbatim in the seed files")
    func quotes() throws {
        let seeds = URL(fileURLWithPath: "/work/shared/seeds")
        for (ref, quote) in zip(EnforcementStatistics.sources, EnforcementStatistics.quotes) {
            let text = try String(contentsOf: seeds.appendingPathComponent(ref.seed!), encoding: .utf8)
            #expect(text.contains(quote), "\(ref.seed!): \(quote)")
        }
    }

    @Test("annual statistics equal the counts and sums over the rows, per body and category; year, period and category filters")
    func figures() async throws {
        try await withTestApp { app, _ in
            // A decision that also confiscates: the middleware keeps confiscation_fen, the report sums it.
            let d = try #require(try await CaseDecision.query(on: app.db).filter(\.$decidedOn >= "2026-01-01").all()
                .first { $0.sanction?.kinds.contains(.fine) == true })
            d.sanctionText = JSONText(PenaltySanction(kinds: [.fine, .confiscation], fineAmount: d.sanction?.fineAmount ?? 0, confiscationAmount: 4321))
            try await d.save(on: app.db)
            #expect(try await CaseDecision.find(d.id, on: app.db)?.confiscationFen == 432_100)

            let supervisor = try await app.token("supervisor1")
            let agencies = try await Self.cityAgencies(app)
            for (query, from, to, category) in [("year=2026", "2026-01-01", "2026-12-31", nil as String?),
                                                ("from=2026-03-01&to=2026-09-30", "2026-03-01", "2026-09-30", nil),
                                                ("year=2026&category=penalty", "2026-01-01", "2026-12-31", "penalty"),
                                                ("year=2025", "2025-01-01", "2025-12-31", nil)] {
                let res = try await app.send(.GET, "/api/v1/statistics?\(query)", supervisor)
                #expect(res.status == .ok, "\(res.body.string)")
                let report = try res.content.decode(EnforcementStatistics.Report.self)
                let want = try await Self.expected(app, agencies: agencies, from: from, to: to, category: category)
                #expect(report.from == from && report.to == to)
                #expect(Set(report.rows.compactMap(\.agencyId)) == agencies)
                #expect(report.rows.count == agencies.count * (category == nil ? 4 : 1))
                for row in report.rows {
                    #expect(Self.same(row, want[Key(agency: row.agencyId!, category: row.category!)]), "\(query) \(row)")
                }
                var sum = EnforcementStatistics.Row(agencyId: nil, agencyName: "", category: nil, categoryLabel: "")
                for row in want.values { sum.add(row) }
                #expect(Self.same(report.total, sum), "\(query) total")
                if query == "year=2026" {
                    #expect(report.total.filedCount > 0 && report.total.decidedCount > 0 && report.total.fineFen > 0, "the demo shows a year")
                    #expect(report.total.confiscationFen >= 432_100)
                    #expect(report.categoryTotals.map(\.category) == ["licensing", "penalty", "coercion", "inspection"])
                }
                if category != nil { #expect(report.rows.allSatisfy { $0.category == category }) }
            }
            // A 法制员: the own body only.
            let legal = try await app.token("legal.amr")
            let own = try await app.send(.GET, "/api/v1/statistics?year=2026", legal).content.decode(EnforcementStatistics.Report.self)
            #expect(Set(own.rows.compactMap(\.agencyId)) == [Self.amr])
            let wantOwn = try await Self.expected(app, agencies: [Self.amr], from: "2026-01-01", to: "2026-12-31")
            for row in own.rows { #expect(Self.same(row, wantOwn[Key(agency: Self.amr, category: row.category!)])) }
        }
    }

    @Test("filters are validated; another body or jurisdiction is refused with OUT_OF_SCOPE; officers are refused")
    func scope() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            let eco = DemoIDs.uuid("agency:eco")
            for path in ["/api/v1/statistics", "/api/v1/statistics/csv", "/api/v1/statistics/xlsx", "/api/v1/statistics/dashboard"] {
                let refused = try await app.send(.GET, "\(path)?agencyId=\(eco)", legal)
                #expect(refused.status == .forbidden && refused.errorCode == "OUT_OF_SCOPE", "\(path)")
            }
            let other = try await ScopeTests.addOtherCity(app)
            let outsider = try await app.token(other.supervisor)
            #expect(try await app.send(.GET, "/api/v1/statistics/xlsx?agencyId=\(Self.amr)", outsider).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.GET, "/api/v1/statistics?agencyId=\(other.agency)", try await app.token("supervisor1")).errorCode == "OUT_OF_SCOPE")
            // The other city's supervisor sees only the own city's body.
            let theirs = try await app.send(.GET, "/api/v1/statistics", outsider).content.decode(EnforcementStatistics.Report.self)
            #expect(Set(theirs.rows.compactMap(\.agencyId)) == [other.agency])
            // Refused exports are not audited as exports.
            let exports = try await app.audits(.dataExport).filter { $0.target == "enforcement_statistics" }
            #expect(exports.isEmpty)
            let session = try await app.signIn("legal.amr")
            try await app.testing().test(.GET, "/console/statistics/csv?agencyId=\(eco)", headers: session.headers) { res in
                #expect(res.status == .forbidden)
            }
            for bad in ["year=1999", "year=", "category=levy", "from=2026-01-01", "from=2026-05-01&to=2026-04-01", "year=2026&from=2026-01-01&to=2026-02-01",
                        "agencyId=x", "from=2026-02-30&to=2026-03-01"] {
                #expect(try await app.send(.GET, "/api/v1/statistics?\(bad)", legal).errorCode == "VALIDATION_FAILED", "\(bad)")
            }
            #expect(try await app.send(.GET, "/api/v1/statistics/dashboard?from=2020-01-01&to=2026-01-01", legal).errorCode == "VALIDATION_FAILED")
            #expect(try await app.send(.GET, "/api/v1/statistics", try await app.token("officer.amr1")).status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/statistics", try await app.token("reviewer1")).status == .forbidden)
        }
    }

    @Test("CSV and XLSX exports: same figures, amounts in 元 with two decimals, Chinese text kept, audited")
    func exports() async throws {
        try await withTestApp { app, _ in
            let supervisor = try await app.token("supervisor1")
            let report = try await app.send(.GET, "/api/v1/statistics?year=2026", supervisor).content.decode(EnforcementStatistics.Report.self)
            let amrName = try #require(try await Agency.find(Self.amr, on: app.db)).name
            let csv = try await app.send(.GET, "/api/v1/statistics/csv?year=2026", supervisor)
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let records = try CSVReader.read(Data(csv.body.readableBytesView)).map(\.fields)
            #expect(records.first == EnforcementStatistics.headers)
            #expect(records.count == 1 + report.rows.count + report.categoryTotals.count + 1)
            let last = try #require(records.last)
            #expect(last[0] == "合计" && last[5] == ExportCell.yuan(report.total.fineFen) && last[2] == String(report.total.filedCount))
            #expect(last[5].range(of: #"^-?[0-9]+\.[0-9]{2}$"#, options: .regularExpression) != nil)
            #expect(records.contains { $0[0] == amrName && $0[1] == "行政处罚" })

            let xlsx = try await app.send(.GET, "/api/v1/statistics/xlsx?year=2026&agencyId=\(Self.amr)", supervisor)
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(xlsx.headers.contentDisposition?.filename == "enforcement-statistics-2026.xlsx")
            let entries = try #require(ZipArchive.readStored(Array(xlsx.body.readableBytesView)))
            #expect(entries.allSatisfy { $0.crcOK })
            let sheet = String(decoding: try #require(entries.first { $0.name == "xl/worksheets/sheet1.xml" }).data, as: UTF8.self)
            let own = try await app.send(.GET, "/api/v1/statistics?year=2026&agencyId=\(Self.amr)", supervisor).content.decode(EnforcementStatistics.Report.self)
            #expect(sheet.contains("2026年度行政执法统计报表"))
            #expect(sheet.contains(">\(amrName)</t>"))
            #expect(sheet.contains("<v>\(ExportCell.yuan(own.total.fineFen))</v>"))
            #expect(sheet.contains("第二十四条"))
            #expect(try await app.audits(.dataExport).filter { $0.target == "enforcement_statistics" }.count == 2)
            // Console page and download.
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/statistics?year=2026&category=penalty", headers: session.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("2026年度行政执法统计报表"))
                #expect(res.body.string.contains("/console/statistics/xlsx?year=2026&amp;category=penalty") || res.body.string.contains("/console/statistics/xlsx?year=2026&category=penalty"))
                #expect(res.body.string.contains("第二十四条"))
            }
            try await app.testing().test(.GET, "/console/statistics/xlsx?year=2026", headers: session.headers) { res in
                #expect(res.status == .ok)
                #expect(ZipArchive.readStored(Array(res.body.readableBytesView)) != nil)
            }
        }
    }

    @Test("dashboard: monthly workload, on-time and reversal rates, warnings equal the rows; SVG charts with tables")
    func dashboard() async throws {
        try await withTestApp { app, _ in
            let supervisor = try await app.token("supervisor1")
            let res = try await app.send(.GET, "/api/v1/statistics/dashboard", supervisor)
            #expect(res.status == .ok, "\(res.body.string)")
            let board = try res.content.decode(DashboardStatistics.Board.self)
            #expect(board.from == "2025-12-01" && board.to == "2026-11-20")
            #expect(board.months.map(\.month) == ["2025-12"] + (1...11).map { String(format: "2026-%02d", $0) })
            let agencies = try await Self.cityAgencies(app)
            let cases = try await EnforcementCase.query(on: app.db).all().filter { agencies.contains($0.$agency.id) }
            let ids = Set(cases.compactMap(\.id))
            for m in board.months {
                #expect(m.filed == cases.filter { $0.filedOn.hasPrefix(m.month) }.count, "\(m.month)")
                #expect(m.closed == cases.filter { $0.closedOn?.hasPrefix(m.month) == true }.count, "\(m.month)")
            }
            let deadlines = try await CaseDeadline.query(on: app.db).all().filter { ids.contains($0.$enforcementCase.id) }
            let met = deadlines.filter { ($0.metOn ?? "") >= board.from && ($0.metOn ?? "") <= board.to }
            #expect(board.limitsMet == met.count)
            #expect(board.limitsMetOnTime == met.filter { $0.metOn! <= $0.due }.count)
            #expect(board.onTimeRate == DashboardStatistics.rate(board.limitsMetOnTime, board.limitsMet))
            let open = cases.filter { $0.stage != .closed }
            #expect(board.open == open.count)
            let window = app.services.options.warningDays
            let today = LocalDate(iso: "2026-11-20")!
            var red = 0, yellow = 0
            for c in open where !c.suspended {
                guard let due = deadlines.filter({ $0.$enforcementCase.id == c.id && $0.metOn == nil }).map(\.due).min(),
                      let day = LocalDate(iso: due) else { continue }
                switch WarningLevel.of(due: day, today: today, window: window) {
                case .red: red += 1
                case .yellow: yellow += 1
                case .none: break
                }
            }
            #expect(board.red == red && board.yellow == yellow)
            #expect(board.open > 0 && board.months.reduce(0) { $0 + $1.filed } > 0, "the demo shows a year of work")
            let remedies = try await CaseRemedy.query(on: app.db).all().filter { ids.contains($0.$enforcementCase.id) && $0.result != nil }
                .filter { $0.resultOn! >= board.from && $0.resultOn! <= board.to }
            #expect(board.remedyDecided == remedies.count)
            #expect(board.reversals == remedies.filter { $0.result!.isReversal }.count)
            // 投诉举报流转: per month of the board, as the complaints register counts them.
            let complaints = try #require(board.complaints)
            #expect(complaints.map(\.month) == board.months.map(\.month))
            let registered = try await Complaint.query(on: app.db).all().filter { agencies.contains($0.agencyID) }
            for m in complaints {
                #expect(m.received == registered.filter { $0.receivedOn.hasPrefix(m.month) }.count, "\(m.month)")
                #expect(m.closed == registered.filter { $0.closedOn?.hasPrefix(m.month) == true }.count, "\(m.month)")
            }
            #expect(complaints.reduce(0) { $0 + $1.received } > 0, "the demo has complaints this year")
            // Category and body filters.
            let penalty = try await app.send(.GET, "/api/v1/statistics/dashboard?category=inspection&agencyId=\(Self.amr)", supervisor)
                .content.decode(DashboardStatistics.Board.self)
            #expect(penalty.agencies.map(\.agencyId) == [Self.amr])
            #expect(penalty.open == cases.filter { $0.$agency.id == Self.amr && $0.stage != .closed && $0.procedure == .inspection }.count)
            // A 法制员's board: the own body.
            let own = try await app.send(.GET, "/api/v1/statistics/dashboard?year=2026", try await app.token("legal.amr")).content.decode(DashboardStatistics.Board.self)
            #expect(own.agencies.map(\.agencyId) == [Self.amr] && own.months.count == 12)
            // The page: each chart an accessible SVG with a table of the same numbers beside it.
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/dashboard", headers: session.headers) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                for id in ["workload", "ontime", "reversal", "agencies"] {
                    #expect(html.contains(#"aria-labelledby="\#(id)-svg-title \#(id)-svg-desc""#), "\(id)")
                    #expect(html.contains(#"<title id="\#(id)-svg-title">"#))
                }
                #expect(html.components(separatedBy: "role=\"img\"").count - 1 >= 4)
                #expect(html.components(separatedBy: "<table").count - 1 >= 4)
                let dec = try #require(board.months.last)
                #expect(html.contains("<td>\(dec.month)</td><td>\(dec.filed)</td><td>\(dec.closed)</td>"))
                #expect(html.contains("投诉举报流转") && html.contains("complaints-chart-svg-title"))
            }
            try await app.testing().test(.GET, "/console/dashboard?category=levy", headers: session.headers) { res in
                #expect(res.status == .unprocessableEntity)
            }
        }
    }

    @Test("SVG chart: title and description name every value; gaps for missing rates")
    func chart() {
        let svg = SVGChart.render(id: "t", kind: .line, title: "按期 <率>", labels: ["2026-01", "2026-02"],
                                  series: [.init(name: "率", values: [50, nil], color: "red")], unit: "%", maxValue: 100)
        #expect(svg.hasPrefix("<svg") && svg.contains(#"role="img""#))
        #expect(svg.contains(#"<title id="t-title">按期 &lt;率&gt;</title>"#))
        #expect(svg.contains("率：2026-01 50%，2026-02 无"))
        #expect(svg.components(separatedBy: "<circle").count == 2)
        #expect(SVGChart.niceMax(7) == 10 && SVGChart.niceMax(23) == 50 && SVGChart.niceMax(100) == 100)
    }

    static let schemas: [String: [String]] = [
        "bodies": ["id", "name", "uscc", "kind", "kindLabel", "level", "managementMode", "jurisdiction", "regionCode", "announcementRef",
                   "announcedOn", "complaintChannels"],
        "power-items": ["id", "code", "agencyId", "agencyName", "name", "category", "categoryLabel", "version", "statutoryLimit",
                        "promisedLimit", "basis", "publishedOn", "flowchartUrl"],
        "decisions": ["id", "agencyId", "agencyName", "decisionNumber", "procedure", "caseTitle", "parties", "facts", "basis", "content",
                      "decidedOn", "publishedOn", "status", "withdrawnOn", "withdrawalReason"],
        "statistics": ["year", "agencyId", "agencyName", "jurisdiction", "category", "categoryLabel", "filedCount", "decidedCount",
                       "closedCount", "fineYuan", "confiscationYuan", "collectedYuan", "reconsiderationCount", "litigationCount",
                       "remedyDecidedCount", "reversalCount"],
        "assessment-results": ["year", "planName", "agencyId", "agencyName", "total", "grade", "gradeLabel", "publishedOn"],
    ]

    @Test("open data: public, the schema's field lists are stable, records match them, no personal data")
    func openData() async throws {
        try await withTestApp { app, clock in
            clock.set(CaseTransferTests.cst("2026-09-29"))
            let id = try await CaseTransferTests.decidedPersonCase(app)
            let pub = try #require(try await DecisionPublication.query(on: app.db).filter(\.$enforcementCase.$id == id).first())
            #expect(try await app.send(.POST, "/api/v1/decision-publications/\(pub.requireID())/publish", try await app.token("legal.amr")).status == .ok)
            clock.set(CaseTransferTests.cst("2026-11-20"))

            #expect(Dictionary(uniqueKeysWithValues: OpenData.catalog.filter(\.available).map { ($0.name, $0.fields.map(\.name)) }) == Self.schemas)
            #expect(OpenData.catalog.allSatisfy { $0.available })
            try await app.testing().test(.GET, "/open-data") { res in
                #expect(res.status == .ok)
                for name in Self.schemas.keys { #expect(res.body.string.contains("/open-data/\(name).json")) }
                #expect(res.body.string.contains("评议考核结果"))
                #expect(res.body.string.contains("<code>complaintChannels</code>"))
            }
            let parties = try await CaseParty.query(on: app.db).all()
            let people = parties.filter { $0.kind == .person }
            #expect(!people.isEmpty)
            let published = try await DecisionPublication.query(on: app.db).filter(\.$status ~~ [.published, .withdrawn]).filter(\.$publishedOn != nil).count()
            for (name, fields) in Self.schemas {
                var jsonRes: (status: HTTPStatus, version: String?, body: Data)?
                try await app.testing().test(.GET, "/open-data/\(name).json") { res in
                    jsonRes = (res.status, res.headers.first(name: "X-Dataset-Version"), Data(res.body.readableBytesView))
                }
                let j = try #require(jsonRes)
                #expect(j.status == .ok && j.version == "1.0")
                let json = String(decoding: j.body, as: UTF8.self)
                let doc = try JSONSerialization.jsonObject(with: j.body) as? [String: Any]
                #expect(doc?["dataset"] as? String == name && doc?["version"] as? String == "1.0")
                #expect((doc?["fields"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == fields)
                let records = doc?["records"] as? [[String: Any]] ?? []
                #expect(!records.isEmpty, "\(name)")
                for r in records { #expect(Set(r.keys) == Set(fields), "\(name)") }
                if name == "decisions" {
                    let mine = records.first { $0["id"] as? String == pub.id!.uuidString.lowercased() }
                    #expect((mine?["parties"] as? String)?.contains("张**") == true)
                    #expect(records.count == published)
                }
                if name == "assessment-results" {
                    // Only published plans assessing bodies; officers' results never appear.
                    let plans = try await AssessmentPlan.query(on: app.db).filter(\.$targetKind == .agency).filter(\.$status == .published).all()
                    let results = try await AssessmentResult.query(on: app.db).filter(\.$plan.$id ~~ plans.compactMap(\.id)).all()
                    #expect(records.count == results.count)
                    let officers = Set(try await Officer.query(on: app.db).all().compactMap(\.id).map { $0.uuidString.lowercased() })
                    #expect(records.allSatisfy { !officers.contains($0["agencyId"] as? String ?? "") })
                    if let first = results.first, let rec = records.first(where: { $0["agencyId"] as? String == first.targetID.uuidString.lowercased() }) {
                        #expect(Double(rec["total"] as? String ?? "") == Double(first.totalCenti) / 100)
                    }
                }
                if name == "statistics" {
                    #expect(records.allSatisfy { ($0["fineYuan"] as? String)?.range(of: #"^[0-9]+\.[0-9]{2}$"#, options: .regularExpression) != nil })
                }
                var csvRes: (status: HTTPStatus, body: Data)?
                try await app.testing().test(.GET, "/open-data/\(name).csv") { res in csvRes = (res.status, Data(res.body.readableBytesView)) }
                let c = try #require(csvRes)
                #expect(c.status == .ok)
                let csv = String(decoding: c.body, as: UTF8.self)
                #expect(try CSVReader.read(c.body).first?.fields == fields)
                for text in [json, csv] {
                    for p in people {
                        #expect(!text.contains(p.name), "\(name): a person's name")
                        #expect(!text.contains(p.identifier), "\(name): an ID number")
                    }
                    #expect(!text.contains("13804310000"), "\(name): a phone number")
                }
            }
            try await app.testing().test(.GET, "/open-data/statistics.json?year=1999") { res in #expect(res.status == .unprocessableEntity) }
            try await app.testing().test(.GET, "/open-data/decisions.json?page=2") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#""records":[]"#))
            }
        }
    }
}
