/// Why a draw was refused. Every refusal depends on the input only, never on the seed, so a draw
/// that fails fails for every seed (nobody can re-roll by provoking an error).
public enum DrawError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownAlgorithm(String)
    case invalidSeed
    case objectCountOutOfRange(requested: Int, pool: Int)
    /// Fewer than two inspectors per object (行政处罚法 第四十二条).
    case tooFewInspectorsPerObject(Int)
    case duplicateObject(String)
    case duplicateInspector(String)
    case unknownConflict(DrawConflict)
    /// Some object of the pool has fewer eligible (not recused) inspectors than needed.
    case notEnoughInspectors(object: String, eligible: Int, required: Int)

    public var code: String {
        switch self {
        case .unknownAlgorithm: "UNKNOWN_ALGORITHM"
        case .invalidSeed: "INVALID_SEED"
        case .objectCountOutOfRange: "POOL_TOO_SMALL"
        case .tooFewInspectorsPerObject: "TOO_FEW_INSPECTORS_PER_OBJECT"
        case .duplicateObject: "DUPLICATE_OBJECT"
        case .duplicateInspector: "DUPLICATE_INSPECTOR"
        case .unknownConflict: "UNKNOWN_CONFLICT"
        case .notEnoughInspectors: "NOT_ENOUGH_INSPECTORS"
        }
    }

    public var description: String {
        switch self {
        case .unknownAlgorithm(let a): "不支持的抽取算法“\(a)”（本实现为 \(RandomDraw.algorithm)）"
        case .invalidSeed: "随机种子须为 64 位十六进制数字"
        case .objectCountOutOfRange(let n, let pool): "抽取数量须为 1 至检查对象库数量（库中 \(pool) 个，要求抽取 \(n) 个）"
        case .tooFewInspectorsPerObject(let k): "每个检查对象至少须有两名执法人员（行政处罚法 第四十二条），当前为 \(k) 名"
        case .duplicateObject(let c): "检查对象库中代码重复：\(c)"
        case .duplicateInspector(let k): "执法人员名单中重复：\(k)"
        case .unknownConflict(let c): "回避声明涉及名单外的执法人员或检查对象：\(c.inspector) / \(c.object)"
        case .notEnoughInspectors(let o, let e, let r): "检查对象 \(o) 回避后可抽取的执法人员只有 \(e) 名，不足 \(r) 名"
        }
    }
}
