import Fluent
import Foundation
import QuanzeCore
import SQLKit
import Vapor

/// 执法统计: per body and category (行政许可、行政处罚、行政强制、行政检查 — the category of the case's
/// procedure) for a year or a period, the cases filed, decided and closed, the fines and the value
/// confiscated by the decisions, the amounts collected, and 行政复议/行政诉讼 applied and decided with the
/// reversals — each summed in SQL (one GROUP BY query per figure, no case loaded as a model).
///
/// What the seeds ask to be reported upward: "市政府各行政执法部门每年度依法作出的行政许可、行政处罚、
/// 行政强制等具体行政行为的数量及涉案款项数额，报经市政府法制办公室汇总后，上报省政府法制办公室"
/// (`002_*` 五(二) 五); and "行政处罚、行政许可、行政复议、行政诉讼案件统计报表及分析材料" (`004_*` 篇六
/// 杭州 第二十四条 (二)). The report is that 报表: a 法制员 exports the own body's, the 法制办 (监督员) the
/// jurisdiction's, as CSV or XLSX.
enum EnforcementStatistics {
    static let sources = [
        SourceRef(seed: "002_e33f53bb2a1e2b48.txt", document: "永城市人民政府办公室关于贯彻豫政办〔2015〕42号文件全面落实行政执法责任制的通知（永政办〔2015〕98号）", article: "五(二)"),
        SourceRef(seed: "004_cacaddb37daf54c4.txt", part: "篇六", document: "杭州市行政执法责任制规定", article: "第二十四条(二)"),
    ]
    /// Verbatim from the seeds (tests check them against the files).
    static let quotes = [
        "市政府各行政执法部门每年度依法作出的行政许可、行政处罚、行政强制等具体行政行为的数量及涉案款项数额，报经市政府法制办公室汇总后，上报省政府法制办公室",
        "(二)行政处罚、行政许可、行政复议、行政诉讼案件统计报表及分析材料",
    ]

    /// The categories a case can have (its procedure's), in report order.
    static let categories: [PowerCategory] = [.licensing, .penalty, .coercion, .inspection]

    static let readers: [Role] = [.supervisor, .legalOfficer]

    struct Row: Content, Sendable, Equatable {
        var agencyId: UUID?
        var agencyName: String
        var category: String?
        var categoryLabel: String
        var filedCount = 0
        var decidedCount = 0
        var closedCount = 0
        var fineFen = 0
        var confiscationFen = 0
        var collectedFen = 0
        var reconsiderationCount = 0
        var litigationCount = 0
        var remedyDecidedCount = 0
        var reversalCount = 0

        mutating func add(_ o: Row) {
            filedCount += o.filedCount; decidedCount += o.decidedCount; closedCount += o.closedCount
            fineFen += o.fineFen; confiscationFen += o.confiscationFen; collectedFen += o.collectedFen
            reconsiderationCount += o.reconsiderationCount; litigationCount += o.litigationCount
            remedyDecidedCount += o.remedyDecidedCount; reversalCount += o.reversalCount
        }
    }

    struct Report: Content, Sendable {
        var year: Int?
        var from: String
        var to: String
        var agencyId: UUID?
        var category: String?
        /// One row per body and category (every combination, zeros included: a 报表 has fixed lines).
        var rows: [Row]
        /// One row per category over the bodies.
        var categoryTotals: [Row]
        var total: Row
        var sources: [String]
        /// 分析材料: a short text generated from the figures (`StatisticsAnalysis`), with the same
        /// period a year earlier for the change.
        var analysis: [String] = []
    }

    /// The filter: a year (default this year) or a period `from`–`to` (YYYY-MM-DD, both given, at most
    /// five years), a body in scope, a category.
    struct Filter: Sendable {
        var year: Int?
        var from: LocalDate
        var to: LocalDate
        var agencyID: UUID?
        var category: PowerCategory?

        var procedures: [String] {
            guard let category else { return CaseProcedure.allCases.map(\.rawValue) }
            return CaseProcedure.procedures(forCategory: category.rawValue).map(\.rawValue)
        }

        /// `strict` (the API): an empty parameter is refused; the console sends empty for 全部.
        static func parse(_ req: Request, today: LocalDate, strict: Bool, defaultFrom: LocalDate? = nil) throws -> Filter {
            func value(_ key: String) throws -> String? {
                guard let raw = try req.query.get(String?.self, at: key) else { return nil }
                if raw.isEmpty && !strict { return nil }
                return raw
            }
            var f = Filter(year: today.year, from: LocalDate(year: today.year, month: 1, day: 1)!, to: LocalDate(year: today.year, month: 12, day: 31)!)
            if let defaultFrom {
                f.year = nil
                f.from = defaultFrom
                f.to = today
            }
            if let raw = try value("year") {
                guard let y = Int(raw), (2000...2100).contains(y) else { throw AppError.validation("year", "须为 2000 至 2100 的年份") }
                f.year = y
                f.from = LocalDate(year: y, month: 1, day: 1)!
                f.to = LocalDate(year: y, month: 12, day: 31)!
            }
            let from = try value("from"), to = try value("to")
            if from != nil || to != nil {
                guard let a = from.flatMap(LocalDate.init(iso:)), (2000...2100).contains(a.year) else {
                    throw AppError.validation("from", "须为 YYYY-MM-DD 日期，并与 to 同时给出")
                }
                guard let b = to.flatMap(LocalDate.init(iso:)), (2000...2100).contains(b.year) else {
                    throw AppError.validation("to", "须为 YYYY-MM-DD 日期，并与 from 同时给出")
                }
                guard a <= b else { throw AppError.validation("to", "不得早于 from") }
                guard b.dayNumber - a.dayNumber <= 5 * 366 else { throw AppError.validation("to", "期间不得超过五年") }
                guard try value("year") == nil else { throw AppError.validation("year", "year 与 from/to 只能给出其一") }
                f.year = nil
                f.from = a
                f.to = b
            }
            if let raw = try value("agencyId") {
                guard let id = UUID(uuidString: raw) else { throw AppError.validation("agencyId", "须为执法主体的 UUID") }
                f.agencyID = id
            }
            if let raw = try value("category") {
                guard let c = PowerCategory(rawValue: raw), categories.contains(c) else {
                    throw AppError.validation("category", "须为 " + categories.map(\.rawValue).joined(separator: "、") + " 之一")
                }
                f.category = c
            }
            return f
        }

        /// The query string that reproduces the filter (links to the exports).
        var query: String {
            var parts = year.map { ["year=\($0)"] } ?? ["from=\(from.iso)", "to=\(to.iso)"]
            if let agencyID { parts.append("agencyId=\(agencyID.uuidString)") }
            if let category { parts.append("category=\(category.rawValue)") }
            return parts.joined(separator: "&")
        }
    }

    /// The bodies in the caller's scope (监督员: the jurisdiction's; 法制员: the own), or the one asked
    /// for — `OUT_OF_SCOPE` (403) when it is not among them.
    static func agencies(_ req: Request, agencyID: UUID?) async throws -> [Agency] {
        let p = try req.principal()
        let all = try await AgencyQueries.scoped(for: p, on: req.db).sort(\.$name).all()
        guard let agencyID else { return all }
        guard let one = all.first(where: { $0.id == agencyID }) else { throw AppError.outOfScope }
        return [one]
    }

    private struct Key: Hashable { var agency: UUID; var category: String }

    static func load(agencies: [Agency], filter f: Filter, on db: any Database) async throws -> Report {
        var r = try await figures(agencies: agencies, filter: f, on: db)
        var before = f
        before.year = f.year.map { $0 - 1 }
        before.from = f.from.adding(months: -12)
        before.to = f.to.adding(months: -12)
        r.analysis = StatisticsAnalysis.text(r, previous: try await figures(agencies: agencies, filter: before, on: db))
        return r
    }

    static func figures(agencies: [Agency], filter f: Filter, on db: any Database) async throws -> Report {
        let cats = f.category.map { [$0] } ?? categories
        var rows: [Key: Row] = [:]
        for a in agencies {
            guard let id = a.id else { continue }
            for c in cats { rows[Key(agency: id, category: c.rawValue)] = Row(agencyId: id, agencyName: a.name, category: c.rawValue, categoryLabel: c.label) }
        }
        let ids: [any Encodable & Sendable] = agencies.compactMap(\.id)
        let procedures: [any Encodable & Sendable] = f.procedures
        let (from, to) = (f.from.iso, f.to.iso)
        if let sql = db as? any SQLDatabase, !ids.isEmpty {
            func each(_ query: SQLQueryString, _ apply: (inout Row, any SQLRow) throws -> Void) async throws {
                for r in try await sql.raw(query).all() {
                    let agency = try r.decode(column: "agency_id", as: UUID.self)
                    let procedure = try r.decode(column: "procedure", as: String.self)
                    guard let category = CaseProcedure(rawValue: procedure)?.category else { continue }
                    let key = Key(agency: agency, category: category)
                    guard var row = rows[key] else { continue }
                    try apply(&row, r)
                    rows[key] = row
                }
            }
            func int(_ r: any SQLRow, _ column: String) throws -> Int { try r.decode(column: column, as: Int?.self) ?? 0 }
            try await each("""
                SELECT agency_id, procedure, COUNT(*) AS n FROM cases
                WHERE agency_id IN (\(binds: ids)) AND filed_on >= \(bind: from) AND filed_on <= \(bind: to) AND procedure IN (\(binds: procedures))
                GROUP BY agency_id, procedure
                """) { row, r in row.filedCount += try int(r, "n") }
            try await each("""
                SELECT agency_id, procedure, COUNT(*) AS n FROM cases
                WHERE agency_id IN (\(binds: ids)) AND closed_on >= \(bind: from) AND closed_on <= \(bind: to) AND procedure IN (\(binds: procedures))
                GROUP BY agency_id, procedure
                """) { row, r in row.closedCount += try int(r, "n") }
            try await each("""
                SELECT d.agency_id AS agency_id, d.procedure AS procedure, COUNT(*) AS n,
                  CAST(COALESCE(SUM(d.fine_fen), 0) AS BIGINT) AS fine, CAST(COALESCE(SUM(d.confiscation_fen), 0) AS BIGINT) AS confiscated
                FROM case_decisions d
                WHERE d.decided_on >= \(bind: from) AND d.decided_on <= \(bind: to) AND d.agency_id IN (\(binds: ids)) AND d.procedure IN (\(binds: procedures))
                GROUP BY d.agency_id, d.procedure
                """) { row, r in
                row.decidedCount += try int(r, "n")
                row.fineFen += try int(r, "fine")
                row.confiscationFen += try int(r, "confiscated")
            }
            // Fines and 加处罚款 paid in the period (a reversal is a negative payment and nets out).
            try await each("""
                SELECT c.agency_id AS agency_id, c.procedure AS procedure, CAST(COALESCE(SUM(p.fine_fen + p.late_fee_fen), 0) AS BIGINT) AS paid
                FROM case_payments p JOIN cases c ON c.id = p.case_id
                WHERE p.agency_id IN (\(binds: ids)) AND p.paid_on >= \(bind: from) AND p.paid_on <= \(bind: to) AND c.procedure IN (\(binds: procedures))
                GROUP BY c.agency_id, c.procedure
                """) { row, r in row.collectedFen += try int(r, "paid") }
            try await each("""
                SELECT c.agency_id AS agency_id, c.procedure AS procedure,
                  CAST(SUM(CASE WHEN r.kind = 'reconsideration' THEN 1 ELSE 0 END) AS BIGINT) AS reconsiderations,
                  CAST(SUM(CASE WHEN r.kind = 'litigation' THEN 1 ELSE 0 END) AS BIGINT) AS litigations
                FROM case_remedies r JOIN cases c ON c.id = r.case_id
                WHERE r.agency_id IN (\(binds: ids)) AND r.applied_on >= \(bind: from) AND r.applied_on <= \(bind: to) AND c.procedure IN (\(binds: procedures))
                GROUP BY c.agency_id, c.procedure
                """) { row, r in
                row.reconsiderationCount += try int(r, "reconsiderations")
                row.litigationCount += try int(r, "litigations")
            }
            // Results dated in the period; a reversal is any result other than 维持/驳回 (`RemedyResult.isReversal`).
            try await each("""
                SELECT c.agency_id AS agency_id, c.procedure AS procedure, COUNT(*) AS n,
                  CAST(SUM(CASE WHEN r.result IN ('upheld', 'dismissed') THEN 0 ELSE 1 END) AS BIGINT) AS reversals
                FROM case_remedies r JOIN cases c ON c.id = r.case_id
                WHERE r.agency_id IN (\(binds: ids)) AND r.result IS NOT NULL AND r.result_on >= \(bind: from) AND r.result_on <= \(bind: to)
                  AND c.procedure IN (\(binds: procedures))
                GROUP BY c.agency_id, c.procedure
                """) { row, r in
                row.remedyDecidedCount += try int(r, "n")
                row.reversalCount += try int(r, "reversals")
            }
        }
        let order = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1.rawValue, $0) })
        let list = rows.values.sorted { ($0.agencyName, order[$0.category ?? ""] ?? 0) < ($1.agencyName, order[$1.category ?? ""] ?? 0) }
        var totals: [Row] = cats.map { Row(agencyId: nil, agencyName: "合计", category: $0.rawValue, categoryLabel: $0.label) }
        var total = Row(agencyId: nil, agencyName: "合计", category: nil, categoryLabel: "全部类别")
        for r in list {
            if let i = totals.firstIndex(where: { $0.category == r.category }) { totals[i].add(r) }
            total.add(r)
        }
        return Report(year: f.year, from: from, to: to, agencyId: f.agencyID, category: f.category?.rawValue, rows: list,
                      categoryTotals: totals, total: total, sources: sources.map(\.description))
    }

    static let headers = ["执法主体", "类别", "立案（受理）件数", "作出决定件数", "结案件数", "罚款金额(元)", "没收金额(元)", "收缴罚没款(元)",
                          "行政复议申请", "行政诉讼起诉", "复议诉讼审结", "被撤销变更确认违法等"]

    static func cells(_ r: Row) -> [ExportCell] {
        [.text(r.agencyName), .text(r.categoryLabel), .integer(r.filedCount), .integer(r.decidedCount), .integer(r.closedCount),
         .fen(r.fineFen), .fen(r.confiscationFen), .fen(r.collectedFen), .integer(r.reconsiderationCount), .integer(r.litigationCount),
         .integer(r.remedyDecidedCount), .integer(r.reversalCount)]
    }

    static func title(_ r: Report) -> String {
        (r.year.map { "\($0)年度" } ?? "\(r.from) 至 \(r.to) ") + "行政执法统计报表"
    }

    /// The 报表 as a table: body × category rows, the category totals and the grand total.
    static func table(_ r: Report) -> ExportTable {
        ExportTable(title: title(r),
                    notes: ["统计期间：\(r.from) 至 \(r.to)；金额单位：元（两位小数）。", "依据：" + r.sources.joined(separator: "；")]
                        + (r.analysis.isEmpty ? [] : [StatisticsAnalysis.label + "："] + r.analysis),
                    headers: headers, rows: (r.rows + r.categoryTotals + [r.total]).map(cells))
    }

    static func filename(_ r: Report, _ ext: String) -> String {
        "enforcement-statistics-" + (r.year.map(String.init) ?? "\(r.from)_\(r.to)") + "." + ext
    }

    /// A CSV or XLSX download, audited as a data export.
    static func download(_ r: Report, format: String, req: Request) async throws -> Response {
        try await req.audit(.dataExport, .success, target: "enforcement_statistics",
                            detail: "导出\(title(r))（\(format.uppercased())）" + (r.agencyId.map { "，执法主体 \($0.uuidString)" } ?? ""))
        var headers = HTTPHeaders()
        let body: Response.Body
        if format == "xlsx" {
            headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            body = .init(data: Data(XLSXWriter.workbook(table(r), sheetName: "执法统计")))
        } else {
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            body = .init(string: table(r).csv())
        }
        headers.contentDisposition = .init(.attachment, filename: filename(r, format))
        return Response(status: .ok, headers: headers, body: body)
    }
}
