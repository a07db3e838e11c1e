import Foundation

/// 评议考核: who an assessment plan assesses. A government (its 法制办) assesses its bodies; a body
/// (its 法制机构) assesses its units and officers (`001_*` 吉政办发〔2016〕91号 六(一)).
public enum AssessmentTargetKind: String, Codable, Sendable, CaseIterable {
    case agency, unit, officer

    public var label: String {
        switch self {
        case .agency: "执法部门"
        case .unit: "执法机构"
        case .officer: "执法人员"
        }
    }
}

/// How a leaf indicator gets its points.
/// - `entered`: the assessor enters the points with evidence (专项检查、暗访、法律素养测试 …);
/// - `automatic`: computed from the data by one of `AutomaticIndicator` (考核路径, `003_*` 篇4);
/// - `external`: 外部评议 — evaluation cards, survey imports and 监督评议员 ratings; its weight in the
///   tree is the plan's external weight (`000_*` 国办发〔2005〕37号 三(四): 外部评议情况要作为最终考核意见的重要根据).
public enum IndicatorKind: String, Codable, Sendable, CaseIterable {
    case entered, automatic, external

    public var label: String {
        switch self {
        case .entered: "录入"
        case .automatic: "自动计算"
        case .external: "外部评议"
        }
    }
}

/// One node of a plan's indicator system (百分制). A node with children is a group; its points are
/// shared among its children. A leaf has a kind (and, if automatic, which computation).
///
/// Weight rule (documented in docs/assessment.md): weights are whole points; the top-level
/// nodes sum to exactly 100 (百分制, `000_*` 三(四)); the children of a group sum to exactly the
/// group's weight. So every level adds up and the total score is the sum of the leaves' points.
public struct IndicatorNode: Codable, Sendable, Hashable {
    public var code: String
    public var name: String
    public var weight: Int
    public var kind: IndicatorKind?
    public var automatic: String?
    public var children: [IndicatorNode]

    public init(code: String, name: String, weight: Int, kind: IndicatorKind? = nil, automatic: AutomaticIndicator? = nil,
                children: [IndicatorNode] = []) {
        self.code = code
        self.name = name
        self.weight = weight
        self.kind = children.isEmpty ? (kind ?? (automatic == nil ? .entered : .automatic)) : nil
        self.automatic = automatic?.rawValue
        self.children = children
    }

    public var isLeaf: Bool { children.isEmpty }

    /// Every leaf, depth first.
    public var leaves: [IndicatorNode] { isLeaf ? [self] : children.flatMap(\.leaves) }
}

/// A refusal of an indicator tree, with a stable code.
public struct IndicatorTreeProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var path: String
    public var message: String

    public var description: String { "\(code) \(path): \(message)" }
}

public enum IndicatorTree {
    public static let total = 100
    public static let maxDepth = 3
    public static let maxNodes = 60

    /// All problems of a tree for a plan assessing `target`; empty when it is valid.
    /// Codes: WEIGHTS_NOT_100 (top level), CHILD_WEIGHTS_MISMATCH (a group), WEIGHT_NOT_POSITIVE,
    /// DUPLICATE_CODE, UNKNOWN_AUTOMATIC, AUTOMATIC_NOT_FOR_TARGET, EXTERNAL_MORE_THAN_ONCE,
    /// TREE_TOO_DEEP, TREE_TOO_LARGE, EMPTY_TREE, INVALID_CODE.
    public static func problems(_ roots: [IndicatorNode], target: AssessmentTargetKind) -> [IndicatorTreeProblem] {
        var out: [IndicatorTreeProblem] = []
        guard !roots.isEmpty else { return [.init(code: "EMPTY_TREE", path: "indicators", message: "指标体系不能为空")] }
        let sum = roots.reduce(0) { $0 + $1.weight }
        if sum != total {
            out.append(.init(code: "WEIGHTS_NOT_100", path: "indicators", message: "一级指标分值合计须为 100 分（百分制），现为 \(sum) 分"))
        }
        var codes = Set<String>()
        var externals = 0
        var count = 0
        func visit(_ node: IndicatorNode, path: String, depth: Int) {
            count += 1
            if depth > maxDepth { out.append(.init(code: "TREE_TOO_DEEP", path: path, message: "指标最多 \(maxDepth) 级")) }
            if node.code.isEmpty || node.code.count > 40 || !node.code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }) {
                out.append(.init(code: "INVALID_CODE", path: path, message: "指标代码须为 1–40 位字母、数字、点、下划线或连字符"))
            }
            if !codes.insert(node.code).inserted {
                out.append(.init(code: "DUPLICATE_CODE", path: path, message: "指标代码“\(node.code)”重复"))
            }
            let name = node.name.trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name.unicodeScalars.count > 60 || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                out.append(.init(code: "INVALID_NAME", path: path, message: "指标名称须为 1–60 个字符"))
            }
            if node.weight <= 0 {
                out.append(.init(code: "WEIGHT_NOT_POSITIVE", path: path, message: "指标“\(node.name)”的分值须为正整数"))
            }
            if node.isLeaf {
                switch node.kind ?? .entered {
                case .entered: break
                case .external: externals += 1
                case .automatic:
                    guard let raw = node.automatic, let a = AutomaticIndicator(rawValue: raw) else {
                        out.append(.init(code: "UNKNOWN_AUTOMATIC", path: path, message: "未知的自动指标“\(node.automatic ?? "")”"))
                        break
                    }
                    if !a.targets.contains(target) {
                        out.append(.init(code: "AUTOMATIC_NOT_FOR_TARGET", path: path, message: "自动指标“\(a.name)”不适用于\(target.label)考核"))
                    }
                }
            } else {
                let childSum = node.children.reduce(0) { $0 + $1.weight }
                if childSum != node.weight {
                    out.append(.init(code: "CHILD_WEIGHTS_MISMATCH", path: path,
                                     message: "“\(node.name)”的下级指标分值合计 \(childSum) 分，应等于其分值 \(node.weight) 分"))
                }
                for (i, c) in node.children.enumerated() { visit(c, path: "\(path).children[\(i)]", depth: depth + 1) }
            }
        }
        for (i, r) in roots.enumerated() { visit(r, path: "indicators[\(i)]", depth: 1) }
        if externals > 1 { out.append(.init(code: "EXTERNAL_MORE_THAN_ONCE", path: "indicators", message: "外部评议指标只能有一项")) }
        if count > maxNodes { out.append(.init(code: "TREE_TOO_LARGE", path: "indicators", message: "指标不超过 \(maxNodes) 项")) }
        return out
    }

    /// The external weight of a tree: the weight of its external leaf, or 0.
    public static func externalWeight(_ roots: [IndicatorNode]) -> Int {
        roots.flatMap(\.leaves).filter { $0.kind == .external }.reduce(0) { $0 + $1.weight }
    }
}
