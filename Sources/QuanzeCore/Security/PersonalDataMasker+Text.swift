extension PersonalDataMasker {
    /// Masks 公民身份号码 and phone numbers embedded in free text (Chinese or mixed), e.g. audit
    /// details and log lines, and leaves every other number alone.
    ///
    /// The text is split into tokens: maximal runs of ASCII or full-width letters and digits.
    /// A token containing letters (UUID segments, hashes, 统一社会信用代码 with letters) is never
    /// masked, except an 18-character ID number ending in X. Masked:
    /// - 18 characters (17 digits + digit/X) that pass the GB 11643-1999 check character AND
    ///   carry a real birth date (so an all-digit 统一社会信用代码 is almost always left alone);
    /// - 15 digits with a province code and a real 19YYMMDD birth date (pre-1999 numbers);
    /// - 11-digit mobile numbers `1[3-9]…`, also `+86…` and grouped `138-1234-5678` / `138 1234 5678`;
    /// - landlines `0431-88886666`, `(0431)88886666`, `0431 88886666`, `043188886666`.
    /// Hyphen-joined chains that look like UUIDs or hex identifiers are never masked.
    /// Numbers that are part of a decimal (`13812345678.50`) are left alone, as are amounts,
    /// dates (`20250101`), timestamps and other lengths. Masking is idempotent.
    public static func maskText(_ text: String) -> String {
        var chars = Array(text)
        let scanner = TokenScanner(chars)
        var t = 0
        while t < scanner.tokens.count {
            if let (consumed, hidden) = scanner.match(at: t) {
                for p in hidden { chars[p] = maskCharacter }
                t += consumed
            } else {
                t += 1
            }
        }
        return String(chars)
    }
}

/// Tokenizes text and recognises ID and phone numbers; yields the positions to hide.
private struct TokenScanner {
    let chars: [Character]
    /// ASCII form of each letter/digit; nil for every other character.
    let ascii: [Character?]
    let tokens: [Range<Int>]

    static let provinces: Set<String> = Set(
        ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
         "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"])

    init(_ chars: [Character]) {
        self.chars = chars
        ascii = chars.map(PersonalDataMasker.asciiAlphanumeric)
        var tokens: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            guard ascii[i] != nil else { i += 1; continue }
            var j = i
            while j < chars.count, ascii[j] != nil { j += 1 }
            tokens.append(i..<j)
            i = j
        }
        self.tokens = tokens
        protected = Self.hexChains(tokens, chars, ascii)
    }

    /// Tokens in hyphen-joined chains that look like UUIDs or hex identifiers: the 8-4-4-4-12
    /// shape, or any member mixing hex letters and digits (`e29b`, `4abc`).
    let protected: Set<Int>

    private static func hexChains(_ tokens: [Range<Int>], _ chars: [Character], _ ascii: [Character?]) -> Set<Int> {
        var result = Set<Int>()
        var start = 0
        while start < tokens.count {
            var end = start
            while end + 1 < tokens.count, tokens[end].upperBound + 1 == tokens[end + 1].lowerBound,
                  chars[tokens[end].upperBound] == "-" { end += 1 }
            let chain = tokens[start...end]
            let hexMixed = chain.contains { r in
                let s = r.map { ascii[$0]! }
                return s.allSatisfy(\.isHexDigit) && s.contains(where: \.isNumber) && s.contains(where: \.isLetter)
            }
            if chain.count >= 2, hexMixed || chain.map(\.count) == [8, 4, 4, 4, 12] {
                result.formUnion(start...end)
            }
            start = end + 1
        }
        return result
    }

    /// (tokens consumed, character positions to mask) for a match starting at token `t`.
    func match(at t: Int) -> (Int, [Int])? {
        if protected.contains(t) { return nil }
        if let hidden = groupedMobile(t) { return (3, hidden) }
        if let hidden = separatedLandline(t) { return (2, hidden) }
        if let hidden = single(tokens[t]) { return (1, hidden) }
        return nil
    }

    private func text(_ r: Range<Int>) -> String { String(r.map { ascii[$0]! }) }
    private func isDigits(_ r: Range<Int>) -> Bool { r.allSatisfy { ascii[$0]!.isNumber } }
    private func gap(_ a: Int, _ b: Int) -> String? {
        guard b < tokens.count else { return nil }
        return String(chars[tokens[a].upperBound..<tokens[b].lowerBound])
    }

    /// True when the span is part of a decimal number such as `13812345678.50`.
    private func inDecimal(_ lower: Int, _ upper: Int) -> Bool {
        let after = upper + 1 < chars.count && chars[upper] == "." && ascii[upper + 1]?.isNumber == true
        let before = lower >= 2 && chars[lower - 1] == "." && ascii[lower - 2]?.isNumber == true
        return after || before
    }

    private func groupedMobile(_ t: Int) -> [Int]? {
        guard t + 2 < tokens.count, !protected.contains(t + 2) else { return nil }
        let (a, b, c) = (tokens[t], tokens[t + 1], tokens[t + 2])
        guard a.count == 3, b.count == 4, c.count == 4, isDigits(a), isDigits(b), isDigits(c),
              let sep = gap(t, t + 1), ["-", "－", " "].contains(sep), gap(t + 1, t + 2) == sep,
              PersonalDataMasker.isMobile(Substring(text(a) + "00000000")),
              !inDecimal(a.lowerBound, c.upperBound) else { return nil }
        return Array(b)
    }

    private func separatedLandline(_ t: Int) -> [Int]? {
        guard t + 1 < tokens.count, !protected.contains(t + 1) else { return nil }
        let (a, b) = (tokens[t], tokens[t + 1])
        guard isDigits(a), isDigits(b), PersonalDataMasker.isAreaCode(Substring(text(a))),
              let sep = gap(t, t + 1), ["-", "－", " ", ")", "）", ") ", "） "].contains(sep),
              (7...8).contains(b.count), text(b).first! >= "2",
              !inDecimal(a.lowerBound, b.upperBound) else { return nil }
        return Array(b.lowerBound..<(b.upperBound - 2))
    }

    private func single(_ r: Range<Int>) -> [Int]? {
        let s = text(r)
        guard !inDecimal(r.lowerBound, r.upperBound) else { return nil }
        let base = r.lowerBound
        if s.count == 18, s.dropLast().allSatisfy(\.isNumber), ResidentIDNumber.isValid(s) {
            return Array((base + 3)..<(r.upperBound - 4))
        }
        guard isDigits(r) else { return nil }
        let n = s.count
        if n == 15, Self.provinces.contains(String(s.prefix(2))),
           ResidentIDNumber.birthDate(yyyymmdd: "19" + s.dropFirst(6).prefix(6)) != nil {
            return Array((base + 3)..<(r.upperBound - 4))
        }
        if PersonalDataMasker.isMobile(Substring(s)) { return Array((base + 3)..<(base + 7)) }
        if n == 13, s.hasPrefix("86"), base > 0, chars[base - 1] == "+", PersonalDataMasker.isMobile(s.dropFirst(2)) {
            return Array((base + 5)..<(base + 9))
        }
        if n == 15, s.hasPrefix("0086"), PersonalDataMasker.isMobile(s.dropFirst(4)) {
            return Array((base + 7)..<(base + 11))
        }
        let area = PersonalDataMasker.areaCodeLength(s)
        if s.hasPrefix("0"), (7...8).contains(n - area), s.dropFirst(area).first! >= "2" {
            return Array((base + area)..<(r.upperBound - 2))
        }
        return nil
    }
}
