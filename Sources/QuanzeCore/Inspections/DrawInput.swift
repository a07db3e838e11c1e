/// Everything `RandomDraw.run` needs, and everything a plan publishes so that anyone can re-run its
/// draw: the algorithm name, the seed, the pool of 检查对象 (by code), how many to draw, the
/// inspectors (by key: the 执法证件 number), how many per object, and the declared conflicts (回避).
public struct DrawInput: Codable, Sendable, Equatable {
    public var algorithm: String
    /// 64 hexadecimal digits (32 bytes).
    public var seed: String
    /// The pool: object codes (统一社会信用代码), in any order; the draw sorts them.
    public var objects: [String]
    public var objectCount: Int
    /// Inspector keys, in any order; the draw sorts them.
    public var inspectors: [String]
    public var inspectorsPerObject: Int
    public var conflicts: [DrawConflict]

    public init(algorithm: String = RandomDraw.algorithm, seed: String, objects: [String], objectCount: Int,
                inspectors: [String], inspectorsPerObject: Int, conflicts: [DrawConflict] = []) {
        self.algorithm = algorithm
        self.seed = seed
        self.objects = objects
        self.objectCount = objectCount
        self.inspectors = inspectors
        self.inspectorsPerObject = inspectorsPerObject
        self.conflicts = conflicts
    }
}

/// A declared conflict of interest: `inspector` is never assigned to `object` (回避).
public struct DrawConflict: Codable, Sendable, Hashable {
    public var inspector: String
    public var object: String

    public init(inspector: String, object: String) {
        self.inspector = inspector
        self.object = object
    }
}

/// One drawn object (`order` 1, 2, … in draw order) and its inspectors in the order drawn.
public struct DrawAssignment: Codable, Sendable, Equatable {
    public var order: Int
    public var object: String
    public var inspectors: [String]

    public init(order: Int, object: String, inspectors: [String]) {
        self.order = order
        self.object = object
        self.inspectors = inspectors
    }
}
