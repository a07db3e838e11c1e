import Foundation
import QuanzeCore

/// 一图: the process flowchart drawn as SVG on the server from a version's steps. Steps without a
/// branch run top to bottom; steps of branches (简易程序 / 普通程序 …) run in parallel columns
/// between the shared steps before and after them. Text is XML-escaped.
enum FlowchartSVG {
    static let boxWidth = 220, boxHeight = 54, gapY = 34, gapX = 30, margin = 20

    static func render(title: String, steps: [FlowStep]) -> String {
        // Segments: runs of shared steps, and groups of consecutive branch steps by branch name.
        var rows: [[[FlowStep]]] = []   // each row: one column (shared) or several (branches)
        var i = 0
        while i < steps.count {
            if steps[i].branch == nil {
                rows.append([[steps[i]]]); i += 1
            } else {
                var columns: [String: [FlowStep]] = [:], order: [String] = []
                while i < steps.count, let b = steps[i].branch {
                    if columns[b] == nil { order.append(b) }
                    columns[b, default: []].append(steps[i]); i += 1
                }
                let depth = columns.values.map(\.count).max() ?? 0
                for level in 0..<depth { rows.append(order.map { b in level < columns[b]!.count ? [columns[b]![level]] : [] }) }
            }
        }
        let maxColumns = max(1, rows.map(\.count).max() ?? 1)
        let width = margin * 2 + maxColumns * boxWidth + (maxColumns - 1) * gapX
        let height = margin * 2 + 30 + rows.count * (boxHeight + gapY)
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-label="\(esc(title))流程图">
        <title>\(esc(title))流程图</title>
        <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#52606d"/></marker></defs>
        <text x="\(width / 2)" y="\(margin + 14)" text-anchor="middle" font-size="15" font-weight="bold" fill="#1f2933">\(esc(title))</text>
        """
        var previousCenters: [Int] = []
        for (r, row) in rows.enumerated() {
            let y = margin + 30 + r * (boxHeight + gapY)
            let rowWidth = row.count * boxWidth + (row.count - 1) * gapX
            let startX = (width - rowWidth) / 2
            var centers: [Int] = []
            for (c, cell) in row.enumerated() {
                let x = startX + c * (boxWidth + gapX)
                let cx = x + boxWidth / 2
                guard let step = cell.first else { centers.append(cx); continue }
                centers.append(cx)
                for px in previousCenters where previousCenters.count == 1 || row.count == 1 || px == cx {
                    out += "<line x1=\"\(px)\" y1=\"\(y - gapY)\" x2=\"\(cx)\" y2=\"\(y - 2)\" stroke=\"#52606d\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n"
                }
                let limit = step.limit.map { "\($0.value)\($0.unit == "工作日" ? "个工作日" : "日")" + (step.countsFromFiling ? "（自立案）" : "") } ?? ""
                let sub = [step.branch, step.role, limit.isEmpty ? nil : limit].compactMap { $0 }.joined(separator: " · ")
                out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(boxWidth)\" height=\"\(boxHeight)\" rx=\"6\" fill=\"#fff\" stroke=\"#9b1c1c\" stroke-width=\"1.5\"/>\n"
                out += "<text x=\"\(cx)\" y=\"\(y + 22)\" text-anchor=\"middle\" font-size=\"14\" fill=\"#1f2933\">\(esc(step.name))</text>\n"
                out += "<text x=\"\(cx)\" y=\"\(y + 42)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#52606d\">\(esc(sub))</text>\n"
            }
            previousCenters = centers
        }
        return out + "</svg>\n"
    }

    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
