import Foundation

/// Bar and line charts drawn on the server as inline SVG (no script): `role="img"` with a `<title>`
/// and `<desc>` naming every value, so that a screen reader gets the figures; the page puts a table
/// with the same numbers beside each chart.
enum SVGChart {
    struct Series: Sendable {
        var name: String
        /// One value per label; nil is drawn as a gap (e.g. a rate with nothing to measure).
        var values: [Double?]
        var color: String
    }

    enum Kind: Sendable { case bar, line }

    static let width = 640.0, height = 240.0
    static let left = 48.0, right = 12.0, top = 16.0, bottom = 40.0
    static let palette = ["rgb(31,95,168)", "rgb(204,102,0)", "rgb(0,128,96)", "rgb(170,0,0)"]

    static func render(id: String, kind: Kind, title: String, labels: [String], series: [Series], unit: String = "",
                       maxValue: Double? = nil) -> String {
        let esc = DiscretionBoxPlot.escape
        let all = series.flatMap { $0.values.compactMap { $0 } }
        let top = niceMax(maxValue ?? max(all.max() ?? 0, 1))
        let plotW = width - left - right, plotH = height - Self.top - bottom
        func y(_ v: Double) -> Double { Self.top + plotH - v / top * plotH }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        func value(_ v: Double?) -> String { v.map { ($0.rounded() == $0 ? String(Int($0)) : String(format: "%.1f", $0)) + unit } ?? "无" }
        let slot = labels.isEmpty ? plotW : plotW / Double(labels.count)
        var s = #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="\#(id)-title \#(id)-desc" "#
        s += #"viewBox="0 0 \#(Int(width)) \#(Int(height))" width="\#(Int(width))" height="\#(Int(height))">"#
        s += #"<title id="\#(id)-title">\#(esc(title))</title>"#
        let desc = series.map { sr in sr.name + "：" + zip(labels, sr.values).map { "\($0) \(value($1))" }.joined(separator: "，") }.joined(separator: "；")
        s += #"<desc id="\#(id)-desc">\#(esc(desc))</desc>"#
        // Axis and four grid lines with their values.
        for i in 0...4 {
            let v = top * Double(i) / 4
            s += #"<line x1="\#(f(left))" y1="\#(f(y(v)))" x2="\#(f(width - right))" y2="\#(f(y(v)))" stroke="rgb(221,221,221)"/>"#
            s += #"<text x="\#(f(left - 4))" y="\#(f(y(v) + 4))" font-size="10" text-anchor="end">\#(esc(value(v)))</text>"#
        }
        // Month labels: at most twelve written, so that they do not overlap.
        let step = max(1, Int((Double(labels.count) / 12).rounded(.up)))
        for (i, label) in labels.enumerated() where i % step == 0 {
            s += #"<text x="\#(f(left + slot * (Double(i) + 0.5)))" y="\#(f(height - bottom + 14))" font-size="10" text-anchor="middle">\#(esc(label))</text>"#
        }
        switch kind {
        case .bar:
            let barW = max(1, slot * 0.8 / Double(max(series.count, 1)))
            for (k, sr) in series.enumerated() {
                for (i, v) in sr.values.enumerated() {
                    guard let v else { continue }
                    let x = left + slot * Double(i) + slot * 0.1 + barW * Double(k)
                    s += #"<rect x="\#(f(x))" y="\#(f(y(v)))" width="\#(f(barW))" height="\#(f(max(y(0) - y(v), 0)))" fill="\#(sr.color)">"#
                    s += "<title>\(esc(sr.name)) \(esc(labels[i]))：\(esc(value(v)))</title></rect>"
                }
            }
        case .line:
            for sr in series {
                var path = "", pen = false
                for (i, v) in sr.values.enumerated() {
                    guard let v else { pen = false; continue }
                    path += (pen ? " L" : " M") + "\(f(left + slot * (Double(i) + 0.5))) \(f(y(v)))"
                    pen = true
                }
                if !path.isEmpty { s += #"<path d="\#(path.trimmingCharacters(in: .whitespaces))" fill="none" stroke="\#(sr.color)" stroke-width="2"/>"# }
                for (i, v) in sr.values.enumerated() {
                    guard let v else { continue }
                    s += #"<circle cx="\#(f(left + slot * (Double(i) + 0.5)))" cy="\#(f(y(v)))" r="3" fill="\#(sr.color)"><title>\#(esc(sr.name)) \#(esc(labels[i]))：\#(esc(value(v)))</title></circle>"#
                }
            }
        }
        // Legend.
        for (k, sr) in series.enumerated() {
            let x = left + Double(k) * 150
            s += #"<rect x="\#(f(x))" y="\#(f(height - 14))" width="10" height="10" fill="\#(sr.color)"/>"#
            s += #"<text x="\#(f(x + 14))" y="\#(f(height - 5))" font-size="11">\#(esc(sr.name))</text>"#
        }
        return s + "</svg>"
    }

    /// 1, 2 or 5 times a power of ten at or above `v`.
    static func niceMax(_ v: Double) -> Double {
        guard v > 0 else { return 1 }
        let p = pow(10, floor(log10(v)))
        for m in [1.0, 2.0, 5.0, 10.0] where m * p >= v { return m * p }
        return 10 * p
    }
}
