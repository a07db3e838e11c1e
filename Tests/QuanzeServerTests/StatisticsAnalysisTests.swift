import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 执法统计: the legal office's own zero row and the generated 分析材料.
@Suite("执法统计: legal office row, 分析材料")
struct StatisticsAnalysisTests {
    static let moj = DemoIDs.uuid("agency:moj")

    @Test("the legal office's own body has its zero rows in the jurisdiction's table")
    func legalOfficeRow() async throws {
        try await withTestApp { app, _ in
            let supervisor = try await app.token("supervisor1")
            let report = try await app.send(.GET, "/api/v1/statistics?year=2026", supervisor).content.decode(EnforcementStatistics.Report.self)
            let rows = report.rows.filter { $0.agencyId == Self.moj }
            #expect(rows.count == 4)
            #expect(rows.allSatisfy { $0.filedCount == 0 && $0.decidedCount == 0 && $0.fineFen == 0 })
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/statistics?year=2026", headers: session.headers) { res in
                #expect(res.body.string.contains("长春市司法局"))
            }
        }
    }

    @Test("分析材料: totals, the change against the year before, the largest category, the bodies without activity; on the page and in the XLSX")
    func analysis() async throws {
        try await withTestApp { app, _ in
            let supervisor = try await app.token("supervisor1")
            let r = try await app.send(.GET, "/api/v1/statistics?year=2026", supervisor).content.decode(EnforcementStatistics.Report.self)
            let before = try await app.send(.GET, "/api/v1/statistics?year=2025", supervisor).content.decode(EnforcementStatistics.Report.self)
            #expect(r.analysis.count == 5)
            let text = r.analysis.joined(separator: "\n")
            #expect(r.analysis[0].contains("共立案（受理）\(r.total.filedCount) 件、作出决定 \(r.total.decidedCount) 件"))
            #expect(r.analysis[0].contains("决定罚款 \(ExportCell.yuan(r.total.fineFen)) 元"))
            #expect(r.analysis[1].contains("与上年同期（2025-01-01 至 2025-12-31）相比"))
            #expect(r.analysis[1].contains("立案 \(r.total.filedCount) 件（上年同期 \(before.total.filedCount) 件"))
            let most = try #require(r.categoryTotals.map(\.filedCount).max())
            #expect(r.categoryTotals.filter { $0.filedCount == most }.contains { r.analysis[2].contains("立案最多的是\($0.categoryLabel) \(most) 件") })
            // every body without a filing, decision or closing is named; the legal office is one
            #expect(r.analysis[4].contains("长春市司法局"))
            var active = Set<UUID>()
            for row in r.rows where row.filedCount + row.decidedCount + row.closedCount > 0 { active.insert(row.agencyId!) }
            for row in r.rows where !active.contains(row.agencyId!) { #expect(r.analysis[4].contains(row.agencyName)) }
            for row in r.rows where active.contains(row.agencyId!) { #expect(!r.analysis[4].contains(row.agencyName + "、") && !r.analysis[4].hasSuffix(row.agencyName + "。")) }
            #expect(!text.isEmpty)
            let xlsx = try await app.send(.GET, "/api/v1/statistics/xlsx?year=2026", supervisor)
            let entries = try #require(ZipArchive.readStored(Array(xlsx.body.readableBytesView)))
            let sheet = String(decoding: try #require(entries.first { $0.name == "xl/worksheets/sheet1.xml" }).data, as: UTF8.self)
            #expect(sheet.contains("分析材料（系统根据统计数据自动生成"))
            #expect(sheet.contains("与上年同期"))
            let session = try await app.signIn("supervisor1")
            try await app.testing().test(.GET, "/console/statistics?year=2026", headers: session.headers) { res in
                #expect(res.body.string.contains(StatisticsAnalysis.label))
                #expect(res.body.string.contains("与上年同期"))
            }
        }
    }

    @Test("the text follows the figures: no filing at all, and a body with activity is not listed as idle")
    func textRules() {
        let a = UUID(), b = UUID()
        func row(_ id: UUID, _ name: String, _ cat: PowerCategory, filed: Int) -> EnforcementStatistics.Row {
            var r = EnforcementStatistics.Row(agencyId: id, agencyName: name, category: cat.rawValue, categoryLabel: cat.label)
            r.filedCount = filed
            return r
        }
        var total = EnforcementStatistics.Row(agencyId: nil, agencyName: "合计", category: nil, categoryLabel: "全部类别")
        total.filedCount = 3
        var pen = EnforcementStatistics.Row(agencyId: nil, agencyName: "合计", category: "penalty", categoryLabel: PowerCategory.penalty.label)
        pen.filedCount = 3
        let r = EnforcementStatistics.Report(year: 2026, from: "2026-01-01", to: "2026-12-31", agencyId: nil, category: nil,
                                             rows: [row(a, "甲局", .penalty, filed: 3), row(b, "乙局", .penalty, filed: 0)],
                                             categoryTotals: [pen], total: total, sources: [])
        var prevTotal = total
        prevTotal.filedCount = 2
        let p = EnforcementStatistics.Report(year: 2025, from: "2025-01-01", to: "2025-12-31", agencyId: nil, category: nil, rows: [],
                                             categoryTotals: [], total: prevTotal, sources: [])
        let t = StatisticsAnalysis.text(r, previous: p)
        #expect(t[1].contains("立案 3 件（上年同期 2 件，增加 1 件，+50.0%）"))
        #expect(t[2].contains("100.0%"))
        #expect(t[4] == "本期间没有任何立案、决定和结案的执法主体 1 个：乙局。")
        var empty = r
        empty.total = EnforcementStatistics.Row(agencyId: nil, agencyName: "合计", category: nil, categoryLabel: "全部类别")
        empty.categoryTotals = []
        #expect(StatisticsAnalysis.text(empty, previous: nil)[1] == "本期间没有立案（受理）的案件。")
    }
}
