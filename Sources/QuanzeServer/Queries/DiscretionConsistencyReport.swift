import Fluent
import Foundation
import NIOConcurrencyHelpers
import QuanzeCore
import SQLKit

/// 裁量一致性 (通州区行政处罚自由裁量权监督规定 第四条(四), seed 004 篇十一): per benchmark and level, the
/// fines decided in a year — count, min, median, max, mean, quartiles — and the outliers
/// (`DiscretionConsistency`: outside the level's range, or beyond Tukey's fences when n ≥ 5), each
/// with its case and written reason.
///
/// At scale: one pass streams only (benchmark, level, fine) of the year's decisions under the benchmarks
/// in scope, in SQL order, through the `case_decisions_discretion_circumstance` index; no decision or
/// case is loaded as a model. A second query per group that has outliers fetches just those rows
/// (at most `outlierLimit` per group, the most extreme first).
enum DiscretionConsistencyReport {
    static let outlierLimit = 200

    static let definition = "异常值：罚款超出所选情节的裁量幅度；或同一裁量基准、同一情节当年至少 5 件决定时，罚款低于 Q1−1.5×IQR 或高于 Q3+1.5×IQR（Tukey 界限；四分位数按相邻秩次线性插值）。"

    private struct Key: Hashable { var benchmark: UUID; var circumstance: String }

    static func load(agencyIDs: [UUID], agencyID: UUID?, year: Int, on db: any Database) async throws -> DiscretionConsistencyDTO {
        let empty = DiscretionConsistencyDTO(year: year, agencyId: agencyID, definition: definition,
                                             source: DiscretionConsistency.source.description, groups: [])
        guard !agencyIDs.isEmpty, let sql = db as? any SQLDatabase else { return empty }
        let benchmarks = try await DiscretionBenchmark.query(on: db).filter(\.$agency.$id ~~ agencyIDs).all()
        guard !benchmarks.isEmpty else { return empty }
        let (from, to) = (String(format: "%04d-01-01", year), String(format: "%04d-12-31", year))
        let ids = benchmarks.compactMap(\.id)
        let amounts = NIOLockedValueBox<[Key: [Int]]>([:])
        try await sql.raw("""
            SELECT discretion_id, circumstance, fine_fen / 100 AS fine_amount FROM \(ident: CaseDecision.schema)
            WHERE discretion_id IN (\(binds: ids)) AND circumstance IS NOT NULL AND fine_fen > 0
              AND decided_on >= \(bind: from) AND decided_on <= \(bind: to)
            """).run { row in
            guard let id = try? row.decode(column: "discretion_id", as: UUID.self),
                  let level = try? row.decode(column: "circumstance", as: String.self),
                  let amount = try? row.decode(column: "fine_amount", as: Int.self) else { return }
            amounts.withLockedValue { $0[Key(benchmark: id, circumstance: level), default: []].append(amount) }
        }
        let byID = Dictionary(uniqueKeysWithValues: benchmarks.map { ($0.id!, $0) })
        let agencies = try await Agency.query(on: db).filter(\.$id ~~ Array(Set(benchmarks.map { $0.$agency.id }))).all()
        let agencyName = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.name) })
        let itemIDs = Array(Set(benchmarks.compactMap { $0.$powerItem.id }))
        let items = itemIDs.isEmpty ? [] : try await PowerItem.query(on: db).filter(\.$id ~~ itemIDs).all()
        let itemCode = Dictionary(uniqueKeysWithValues: items.map { ($0.id!, $0.code) })

        var groups: [DiscretionConsistencyGroupDTO] = []
        for (key, list) in amounts.withLockedValue({ $0 }) {
            guard let b = byID[key.benchmark], let f = DiscretionConsistency.figures(list) else { continue }
            let tier = b.tiers.first { $0.circumstance == key.circumstance }
            let range = tier.map { $0.level.range }
            // The amounts below `low` or above `high` are the outliers (both conditions of the definition).
            var low = -Double.infinity, high = Double.infinity
            if let lo = range?.minAmount { low = max(low, Double(lo)) }
            if let hi = range?.maxAmount { high = min(high, Double(hi)) }
            if let fence = f.lowFence { low = max(low, fence) }
            if let fence = f.highFence { high = min(high, fence) }
            let flagged = list.filter { Double($0) < low || Double($0) > high }.count
            let outliers = flagged > 0 ? try await outlierRows(sql, key: key, low: low, high: high, from: from, to: to, range: range, figures: f) : []
            groups.append(DiscretionConsistencyGroupDTO(
                benchmarkId: key.benchmark, agencyId: b.$agency.id, agencyName: agencyName[b.$agency.id] ?? "",
                powerCode: b.$powerItem.id.flatMap { itemCode[$0] }, violation: b.violation, circumstance: key.circumstance,
                minAmount: tier?.minAmount, maxAmount: tier?.maxAmount, levelInBenchmark: tier != nil,
                count: f.count, min: f.min, max: f.max, median: f.median, mean: f.mean, q1: f.q1, q3: f.q3,
                lowFence: f.lowFence, highFence: f.highFence, outlierCount: flagged, outliers: outliers))
        }
        // Benchmark order, then the level's place in it.
        let order = Dictionary(uniqueKeysWithValues: benchmarks.sorted { ($0.violation, $0.id!.uuidString) < ($1.violation, $1.id!.uuidString) }
            .enumerated().map { ($1.id!, $0) })
        groups.sort {
            let (a, b) = (order[$0.benchmarkId] ?? 0, order[$1.benchmarkId] ?? 0)
            if a != b { return a < b }
            let tiers = byID[$0.benchmarkId]?.tiers.map(\.circumstance) ?? []
            return (tiers.firstIndex(of: $0.circumstance) ?? tiers.count, $0.circumstance) < (tiers.firstIndex(of: $1.circumstance) ?? tiers.count, $1.circumstance)
        }
        var out = empty
        out.groups = groups
        return out
    }

    private static func outlierRows(_ sql: any SQLDatabase, key: Key, low: Double, high: Double, from: String, to: String,
                                    range: DiscretionRange?, figures: DiscretionConsistency.Figures) async throws -> [DiscretionOutlierDTO] {
        // Integer thresholds: amount < low ⇔ amount < ceil(low); amount > high ⇔ amount > floor(high).
        let lowBound = low.isFinite ? Int(low.rounded(.up)) : Int.min
        let highBound = high.isFinite ? Int(high.rounded(.down)) : Int.max
        let rows = try await sql.raw("""
            SELECT d.case_id, c.number AS case_number, d.number AS decision_number, d.decided_on, d.fine_fen / 100 AS fine_amount, d.outside_range_reason
            FROM \(ident: CaseDecision.schema) d JOIN \(ident: EnforcementCase.schema) c ON c.id = d.case_id
            WHERE d.discretion_id = \(bind: key.benchmark) AND d.circumstance = \(bind: key.circumstance) AND d.fine_fen > 0
              AND d.decided_on >= \(bind: from) AND d.decided_on <= \(bind: to)
              AND (d.fine_fen / 100 < \(bind: lowBound) OR d.fine_fen / 100 > \(bind: highBound))
            ORDER BY ABS(d.fine_fen / 100 - \(bind: figures.median)) DESC, d.number
            LIMIT \(literal: outlierLimit)
            """).all()
        var out: [DiscretionOutlierDTO] = []
        for row in rows {
            let amount = try row.decode(column: "fine_amount", as: Int.self)
            out.append(DiscretionOutlierDTO(
                caseId: try row.decode(column: "case_id", as: UUID.self), caseNumber: try row.decode(column: "case_number", as: String.self),
                decisionNumber: try row.decode(column: "decision_number", as: String.self),
                decidedOn: try row.decode(column: "decided_on", as: String.self), amount: amount,
                reasons: DiscretionConsistency.reasons(amount, range: range, figures: figures),
                outsideRangeReason: try row.decode(column: "outside_range_reason", as: String?.self)))
        }
        return out
    }
}
