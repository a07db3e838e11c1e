import Foundation
import QuanzeCore

/// 分析材料 (`004_*` 篇六 杭州 第二十四条(二): 统计报表及分析材料): a short Chinese summary generated
/// from the figures — totals, the change against the same period a year earlier, the largest
/// categories, 复议诉讼 and the bodies with no activity. Labelled everywhere as generated from the data;
/// it is a draft for the people who write the report upward, not an assessment.
enum StatisticsAnalysis {
    static let label = "分析材料（系统根据统计数据自动生成，供撰写报送材料参考）"

    static func text(_ r: EnforcementStatistics.Report, previous p: EnforcementStatistics.Report?) -> [String] {
        let t = r.total
        let bodies = Set(r.rows.compactMap(\.agencyId)).count
        let yuan = ExportCell.yuan
        var out: [String] = []
        out.append("统计期间 \(r.from) 至 \(r.to)，范围内 \(bodies) 个执法主体共立案（受理）\(t.filedCount) 件、作出决定 \(t.decidedCount) 件、结案 \(t.closedCount) 件；"
                   + "决定罚款 \(yuan(t.fineFen)) 元、没收 \(yuan(t.confiscationFen)) 元，收缴罚没款 \(yuan(t.collectedFen)) 元。")
        if let p {
            let q = p.total
            func change(_ name: String, _ now: Int, _ before: Int, money: Bool = false) -> String {
                let show: (Int) -> String = { money ? "\(yuan($0)) 元" : "\($0) 件" }
                let diff = now - before
                let dir = diff > 0 ? "增加" : (diff < 0 ? "减少" : "持平")
                let amount = diff == 0 ? "" : " \(show(abs(diff)))"
                let pct = before == 0 ? (now == 0 ? "" : "，上年同期为零") : "，" + (diff >= 0 ? "+" : "−") + String(format: "%.1f%%", abs(Double(diff)) * 100 / Double(before))
                return "\(name) \(show(now))（上年同期 \(show(before))，\(dir)\(amount)\(pct)）"
            }
            out.append("与上年同期（\(p.from) 至 \(p.to)）相比：" + [
                change("立案", t.filedCount, q.filedCount), change("作出决定", t.decidedCount, q.decidedCount),
                change("结案", t.closedCount, q.closedCount), change("罚款金额", t.fineFen, q.fineFen, money: true),
            ].joined(separator: "；") + "。")
        }
        let ranked = r.categoryTotals.filter { $0.filedCount > 0 }.sorted { ($1.filedCount, $0.categoryLabel) < ($0.filedCount, $1.categoryLabel) }
        if ranked.isEmpty {
            out.append("本期间没有立案（受理）的案件。")
        } else {
            let parts = ranked.prefix(2).map { c in
                "\(c.categoryLabel) \(c.filedCount) 件（占 \(String(format: "%.1f", Double(c.filedCount) * 100 / Double(max(t.filedCount, 1))))%）"
            }
            out.append("按类别，立案最多的是" + parts.joined(separator: "，其次是") + "。")
        }
        if t.reconsiderationCount + t.litigationCount + t.remedyDecidedCount > 0 {
            var s = "行政复议申请 \(t.reconsiderationCount) 件、行政诉讼起诉 \(t.litigationCount) 件；审结 \(t.remedyDecidedCount) 件"
            if t.remedyDecidedCount > 0 {
                s += "，其中被撤销、变更、确认违法等 \(t.reversalCount) 件（纠错率 \(String(format: "%.1f", Double(t.reversalCount) * 100 / Double(t.remedyDecidedCount)))%）"
            }
            out.append(s + "。")
        } else {
            out.append("本期间没有行政复议、行政诉讼案件。")
        }
        var activity: [UUID: (name: String, n: Int)] = [:]
        for row in r.rows {
            guard let id = row.agencyId else { continue }
            activity[id, default: (row.agencyName, 0)].n += row.filedCount + row.decidedCount + row.closedCount
        }
        let idle = activity.values.filter { $0.n == 0 }.map(\.name).sorted()
        let scope = r.category == nil ? "" : "在所选类别中"
        out.append(idle.isEmpty ? "范围内各执法主体本期间\(scope)均有立案、决定或结案。"
                   : "本期间\(scope)没有任何立案、决定和结案的执法主体 \(idle.count) 个：\(idle.joined(separator: "、"))。")
        return out
    }
}
