import Foundation

/// "A profile may add, never relax": decides whether a child's deadline relaxes the one it
/// overrides, by the direction the period binds (`DeadlineBound`).
enum DeadlineRelaxation {
    /// A Chinese explanation if `child` relaxes `parent`, nil if it is allowed.
    static func problem(child: DeadlineRule, parent: DeadlineRule, parentID: String) -> String? {
        let was = "上级 \(parentID) 为 \(parent.display)（\(parent.source)）"
        if child.bound != parent.bound {
            return "不得改变期限的约束方向（\(parent.bound.rawValue) → \(child.bound.rawValue)），\(was)（the bound of a deadline cannot change）"
        }
        switch parent.bound {
        case .fixed:
            if child.value != parent.value || child.unit != parent.unit || !sameExtension(child, parent) {
                return "法定期限不得更改：本级 \(child.display)，\(was)（a fixed statutory period cannot change）"
            }
        case .atMost:
            if !notLonger(child.periodParts(includingExtension: false), parent.periodParts(includingExtension: false)) {
                return "放宽了期限：本级 \(child.display) 长于\(was)（a profile may add, never relax）"
            }
            if !notLonger(child.periodParts(includingExtension: true), parent.periodParts(includingExtension: true)) {
                return "放宽了延长期限：本级 \(child.display) 合计长于\(was)（extension relaxes the limit）"
            }
        case .atLeast:
            if !notLonger(parent.periodParts(includingExtension: false), child.periodParts(includingExtension: false)) {
                return "放宽了最短期限：本级 \(child.display) 短于\(was)（a minimum period cannot be shortened）"
            }
        }
        return nil
    }

    private static func sameExtension(_ a: DeadlineRule, _ b: DeadlineRule) -> Bool {
        a.extension?.value == b.extension?.value && a.extension?.unit == b.extension?.unit
    }

    /// Whether period `a` can never be longer than period `b`. Same single unit: compare the
    /// numbers; different units: `a` at its longest must not exceed `b` at its shortest.
    static func notLonger(_ a: [PeriodUnit: Int], _ b: [PeriodUnit: Int]) -> Bool {
        if a.count == 1, b.count == 1, let unit = a.keys.first, b.keys.first == unit {
            return a[unit]! <= b[unit]!
        }
        return span(a).upperBound <= span(b).lowerBound
    }

    private static func span(_ parts: [PeriodUnit: Int]) -> ClosedRange<Int> {
        parts.reduce(0...0) { total, part in
            let s = part.key.calendarSpan(part.value)
            return (total.lowerBound + s.lowerBound)...(total.upperBound + s.upperBound)
        }
    }
}

extension DeadlineRule {
    /// The period as amounts per unit, e.g. `[工作日: 30]` for 20 + 10 working days.
    func periodParts(includingExtension: Bool) -> [PeriodUnit: Int] {
        var parts = [unit: value]
        if includingExtension, let ext = `extension` { parts[ext.unit, default: 0] += ext.value }
        return parts
    }
}
