import Fluent
import Foundation
import QuanzeCore
import Vapor

/// `quanze bench records|verify|hash` — measurements for benchmarks/README.md (not for production data):
/// - records: appends `--count` entries to the 全过程记录 through `RecordLog.append` in one transaction
///   (streams `bench:<n>` of 10 entries each), with the deployment's hash;
/// - verify: times `RecordVerifier.verify` over the whole log and prints entries per second;
/// - hash: raw SHA-256 and SM3 throughput of this machine (1 MiB blocks, and 300-byte inputs, about
///   the size of one entry's canonical bytes).
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "records、verify、hash 或 assessment")
        var action: String
        @Option(name: "count", help: "records：追加的记录条数（默认 100000）；assessment：年度")
        var count: Int?
    }

    var help: String { "性能测量：批量追加记录（records）、计时校验（verify）、哈希吞吐（hash）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        switch signature.action {
        case "records":
            let count = max(1, signature.count ?? 100_000)
            let algorithm = app.services.records.algorithm
            let now = app.services.clock.now()
            let start = ContinuousClock.now
            try await app.db.transaction { tx in
                for i in 0..<count {
                    try await RecordLog.append(stream: "bench:\(i / 10)", kind: "bench.step",
                                               payload: ["n": String(i), "summary": "基准测试记录 \(i)", "date": "2026-11-21"],
                                               actor: "bench", algorithm: algorithm, now: now, on: tx)
                }
            }
            let seconds = Self.seconds(ContinuousClock.now - start)
            context.console.print("appended \(count) entries (\(algorithm.rawValue)) in \(Self.format(seconds)) s: \(Int(Double(count) / seconds)) entries/s")
        case "verify":
            let start = ContinuousClock.now
            let report = try await RecordVerifier.verify(settings: app.services.records, on: app.db)
            let seconds = Self.seconds(ContinuousClock.now - start)
            context.console.print("verified \(report.entries) entries (\(app.services.records.algorithm.rawValue)) in \(Self.format(seconds)) s: "
                                  + "\(Int(Double(report.entries) / seconds)) entries/s; \(report.ok ? "ok" : "\(report.problems.count) problems")")
            guard report.ok else { throw CommandFailure("全过程记录校验失败") }
        case "hash":
            for algorithm in RecordHashAlgorithm.allCases {
                let block = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
                var sink: UInt8 = 0
                var start = ContinuousClock.now
                let blocks = algorithm == .sha256 ? 256 : 64
                for _ in 0..<blocks { sink ^= algorithm.hash(block)[0] }
                let mbs = Double(blocks) / Self.seconds(ContinuousClock.now - start)
                let small = Data(block.prefix(300))
                let n = algorithm == .sha256 ? 1_000_000 : 200_000
                start = ContinuousClock.now
                for _ in 0..<n { sink ^= algorithm.hash(small)[0] }
                let perSecond = Double(n) / Self.seconds(ContinuousClock.now - start)
                context.console.print("\(algorithm.rawValue): \(Int(mbs)) MiB/s (1 MiB blocks); \(Int(perSecond)) hashes/s (300-byte inputs) [\(sink)]")
            }
        case "assessment":
            // 评议考核: every automatic indicator for all bodies of the 长春 demo jurisdiction over `--count` (the year, default today's).
            let year = signature.count ?? LocalDate(instant: app.services.clock.now()).year
            let bodies = try await Agency.query(on: app.db).filter(\.$jurisdiction.$id == DemoIDs.uuid(DemoData.jurisdictionKey))
                .filter(\.$isLegalOffice == false).all().compactMap(\.id)
            let scope = IndicatorQueries.Scope(year: year, today: LocalDate(instant: app.services.clock.now()), targetKind: .agency,
                                               targets: bodies, trainingHours: 72)
            let total = ContinuousClock.now
            for a in AutomaticIndicator.allCases {
                let start = ContinuousClock.now
                let m = try await IndicatorQueries.measure(a, scope: scope, on: app.db)
                let n = m.values.reduce(0) { $0 + $1.measure.denominator }
                context.console.print("\(a.rawValue): \(bodies.count) bodies, denominator Σ \(n), \(Self.format(Self.seconds(ContinuousClock.now - start))) s")
            }
            context.console.print("all automatic indicators: \(Self.format(Self.seconds(ContinuousClock.now - total))) s")
        default:
            throw CommandFailure("未知操作：\(signature.action)（应为 records、verify、hash 或 assessment）")
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func format(_ s: Double) -> String { String(format: "%.2f", s) }
}
