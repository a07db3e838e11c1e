import Foundation

/// 条号: parses article numbers as statutes write them — `第五十八条`, `第一百零三条`,
/// `第八条之一` — or with Arabic digits (`第58条`) into their ordinal, for ordering and lookup.
public enum ArticleNumber {
    private static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

    /// The ordinal of `第…条` (an `之N` suffix is ignored for ordering), or nil when it is not an article number.
    public static func ordinal(_ text: String) -> Int? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        guard s.hasPrefix("第") else { return nil }
        s = s.dropFirst()
        guard let end = s.firstIndex(of: "条") else { return nil }
        let rest = s[s.index(after: end)...]
        guard rest.isEmpty || (rest.hasPrefix("之") && rest.count >= 2 && parse(rest.dropFirst()) != nil) else { return nil }
        return parse(s[..<end])
    }

    /// Parses a Chinese (一 … 九千九百九十九) or Arabic number.
    static func parse(_ s: Substring) -> Int? {
        guard !s.isEmpty else { return nil }
        if s.allSatisfy(\.isASCII), let n = Int(s), n > 0 { return n }
        var total = 0
        var current: Int? = nil
        for ch in s {
            if let d = digits[ch] {
                current = d
            } else if let u = units[ch] {
                total += (current ?? (u == 10 ? 1 : 0)) * u
                if current == nil && u != 10 { return nil }
                current = nil
            } else {
                return nil
            }
        }
        total += current ?? 0
        return total > 0 ? total : nil
    }

}
