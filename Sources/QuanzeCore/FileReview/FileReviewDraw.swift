import Crypto
import Foundation

/// The random draw of 案卷 for a review plan, `quanze-review-draw-v1` (docs/case-file-review.md):
/// the stream and the partial Fisher–Yates shuffle of `quanze-draw-v1` (docs/random-draw.md), one
/// stream for the whole plan. Bodies are taken in the byte order of their keys (lowercase agency
/// UUID); within a body, strata in the order given; within a stratum, the case numbers sorted by
/// their UTF-8 bytes and `pick(count)`. Source: 第十条(四) “在行政执法部门报送的案卷目录内随机
/// 抽取规定数量的案卷” (`004_*` 篇十一).
///
/// Extension point: a body's catalog may be split into strata (e.g. files the pre-check flagged
/// and the rest, each with its own count); the default is one stratum with the plan's sample
/// size. The strata are part of the published input, so a stratified draw re-runs the same way.
public enum FileReviewDraw {
    public static let algorithm = "quanze-review-draw-v1"

    public struct Stratum: Codable, Hashable, Sendable {
        public var label: String
        public var caseNumbers: [String]
        public var count: Int
        public init(label: String, caseNumbers: [String], count: Int) {
            self.label = label
            self.caseNumbers = caseNumbers
            self.count = count
        }
    }

    public struct Body: Codable, Hashable, Sendable {
        public var key: String
        public var strata: [Stratum]
        public init(key: String, strata: [Stratum]) {
            self.key = key
            self.strata = strata
        }
    }

    public struct Input: Codable, Hashable, Sendable {
        public var algorithm: String
        public var seed: String
        public var bodies: [Body]
        public init(algorithm: String = FileReviewDraw.algorithm, seed: String, bodies: [Body]) {
            self.algorithm = algorithm
            self.seed = seed
            self.bodies = bodies
        }
    }

    public struct Pick: Codable, Hashable, Sendable {
        public var body: String
        public var stratum: String
        public var order: Int
        public var caseNumber: String
    }

    /// The default stratification: the whole catalog, `min(sampleSize, catalog)` files.
    public static func singleStratum(_ catalog: [String], sampleSize: Int) -> [Stratum] {
        [Stratum(label: "全部", caseNumbers: catalog, count: min(sampleSize, catalog.count))]
    }

    /// Stratum labels of the pre-check allocation.
    public static let flaggedLabel = "预检查发现问题"
    public static let otherLabel = "其他案卷"

    /// The platform rule (not a seed rule — 第十条(四) only says 随机抽取规定数量; docs/case-file-review.md)
    /// for the pre-check strata: half of the quota, rounded up, from the cases with pre-check findings
    /// when there are that many, the rest from the others; a stratum too small for its share gives
    /// the difference to the other one, so the body still gets `min(sampleSize, catalog)` files.
    /// `flagged` must be a subset of `catalog`.
    public static func findingsStrata(_ catalog: [String], flagged: Set<String>, sampleSize: Int) -> [Stratum] {
        let hit = catalog.filter { flagged.contains($0) }, rest = catalog.filter { !flagged.contains($0) }
        let total = min(max(sampleSize, 0), catalog.count)
        var k = min((total + 1) / 2, hit.count)
        let m = min(total - k, rest.count)
        k = min(hit.count, total - m)
        return [Stratum(label: flaggedLabel, caseNumbers: hit, count: k), Stratum(label: otherLabel, caseNumbers: rest, count: m)]
    }

    public static func run(_ input: Input) throws(DrawError) -> [Pick] {
        guard input.algorithm == algorithm else { throw .unknownAlgorithm(input.algorithm) }
        guard let seed = DrawStream.seedBytes(hex: input.seed) else { throw .invalidSeed }
        let bodies = input.bodies.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (a, b) in zip(bodies, bodies.dropFirst()) where a.key == b.key { throw .duplicateObject(a.key) }
        var prepared: [(String, String, Int, [String])] = []
        for body in bodies {
            for s in body.strata {
                let pool = try RandomDraw.canonical(s.caseNumbers, duplicate: DrawError.duplicateObject)
                guard (0...pool.count).contains(s.count) else { throw .objectCountOutOfRange(requested: s.count, pool: pool.count) }
                prepared.append((body.key, s.label, s.count, pool))
            }
        }
        var stream = DrawStream(seed: seed)
        var out: [Pick] = []
        var orderByBody: [String: Int] = [:]
        for (key, label, count, pool) in prepared where count > 0 {
            for number in RandomDraw.pick(count, from: pool, stream: &stream) {
                let order = (orderByBody[key] ?? 0) + 1
                orderByBody[key] = order
                out.append(Pick(body: key, stratum: label, order: order, caseNumber: number))
            }
        }
        return out
    }
}
