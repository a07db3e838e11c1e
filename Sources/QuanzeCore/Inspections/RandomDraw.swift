import Crypto

/// 双随机一公开: randomly draw 检查对象 from the plan's pool and, for each, 执法检查人员 from the
/// eligible inspectors, reproducibly from a published seed (`quanze-draw-v1`, docs/random-draw.md).
///
/// 1. Canonical order: objects and inspectors sorted by the bytes of their UTF-8 code/key.
/// 2. Objects: a partial Fisher–Yates shuffle of the sorted pool — for i = 0…m−1, j = i +
///    uniform(N − i), swap positions i and j — gives the m drawn objects in draw order.
/// 3. Inspectors: for each drawn object in draw order, the sorted inspectors without those recused
///    for it, and the same partial shuffle for k picks, continuing the same stream.
///
/// Sources: `004_*` 篇二 黑龙江省行政执法责任制规定 第十五条 (全面推行“双随机一公开”检查方式);
/// two officers per object, 行政处罚法 第四十二条 (see `InspectionRules`).
public enum RandomDraw {
    public static let algorithm = "quanze-draw-v1"

    public static func run(_ input: DrawInput) throws(DrawError) -> [DrawAssignment] {
        guard input.algorithm == algorithm else { throw .unknownAlgorithm(input.algorithm) }
        guard let seed = DrawStream.seedBytes(hex: input.seed) else { throw .invalidSeed }
        let pool = try canonical(input.objects, duplicate: DrawError.duplicateObject)
        let inspectors = try canonical(input.inspectors, duplicate: DrawError.duplicateInspector)
        let m = input.objectCount, k = input.inspectorsPerObject
        guard (1...max(1, pool.count)).contains(m), m <= pool.count else { throw .objectCountOutOfRange(requested: m, pool: pool.count) }
        guard k >= 2 else { throw .tooFewInspectorsPerObject(k) }
        let conflicts = Set(input.conflicts)
        let poolSet = Set(pool), inspectorSet = Set(inspectors)
        for c in input.conflicts where !poolSet.contains(c.object) || !inspectorSet.contains(c.inspector) {
            throw .unknownConflict(c)
        }
        // Refuse before drawing, for every object of the pool, so a refusal never depends on the seed.
        for object in pool {
            let eligible = inspectors.filter { !conflicts.contains(DrawConflict(inspector: $0, object: object)) }.count
            if eligible < k { throw .notEnoughInspectors(object: object, eligible: eligible, required: k) }
        }
        var stream = DrawStream(seed: seed)
        let drawn = pick(m, from: pool, stream: &stream)
        return drawn.enumerated().map { i, object in
            let eligible = inspectors.filter { !conflicts.contains(DrawConflict(inspector: $0, object: object)) }
            return DrawAssignment(order: i + 1, object: object, inspectors: pick(k, from: eligible, stream: &stream))
        }
    }

    /// The first `count` elements of a partial Fisher–Yates shuffle of `items`.
    public static func pick(_ count: Int, from items: [String], stream: inout DrawStream) -> [String] {
        var a = items
        for i in 0..<count {
            let j = i + stream.uniform(a.count - i)
            a.swapAt(i, j)
        }
        return Array(a.prefix(count))
    }

    /// Sorted by UTF-8 bytes; duplicates refused.
    public static func canonical(_ values: [String], duplicate: (String) -> DrawError) throws(DrawError) -> [String] {
        let sorted = values.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a == b { throw duplicate(a) }
        return sorted
    }

    /// The pool digest published with a plan: SHA-256 (lowercase hex) of the canonical pool, each
    /// code followed by a line feed ("\n").
    public static func poolDigest(_ objects: [String]) -> String {
        let sorted = objects.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let text = sorted.map { $0 + "\n" }.joined()
        return DrawStream.hex(SHA256.hash(data: Array(text.utf8)))
    }
}
