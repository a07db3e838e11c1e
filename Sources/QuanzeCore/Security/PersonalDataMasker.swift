/// Masks personal data (公民身份号码、电话号码) before it reaches the security audit, logs or a
/// screen that does not need it (个人信息保护法 第五十一条: 去标识化; 等级保护 数据保密性).
/// Masking replaces characters with `*` and keeps the string's length and separators.
public enum PersonalDataMasker {
    public static let maskCharacter: Character = "*"

    /// Keeps the first 3 and last 4 characters: `110101199003071234` → `110***********1234`,
    /// 15-digit `110101900307123` → `110********7123`. Strings of 7 characters or fewer are
    /// masked entirely.
    public static func maskIDNumber(_ id: String) -> String {
        let chars = Array(id)
        guard chars.count > 7 else { return String(repeating: maskCharacter, count: chars.count) }
        return String(chars.prefix(3)) + String(repeating: maskCharacter, count: chars.count - 7)
            + String(chars.suffix(4))
    }

    /// Masks a phone number, keeping separators:
    /// - mobile (11 digits `1[3-9]…`, optionally after `86`/`0086`): middle 4 digits,
    ///   `13812345678` → `138****5678`, `138-1234-5678` → `138-****-5678`;
    /// - landline: area code and extension kept, local number masked except its last 2 digits,
    ///   `0431-88886666` → `0431-******66`, `01088886666` → `010******66`;
    /// - anything else: every digit but the last 2.
    public static func maskPhone(_ phone: String) -> String {
        var chars = Array(phone)
        let positions = chars.indices.filter { asciiDigit(chars[$0]) != nil }
        let digits = String(positions.map { asciiDigit(chars[$0])! })
        let hidden = hiddenDigitIndices(digits: digits, groups: digitGroupLengths(chars, positions))
        for k in hidden { chars[positions[k]] = maskCharacter }
        return String(chars)
    }

    /// Indices into `digits` that are masked.
    private static func hiddenDigitIndices(digits: String, groups: [Int]) -> Range<Int> {
        let n = digits.count
        for prefix in ["", "86", "0086"] where n == prefix.count + 11 && digits.hasPrefix(prefix) {
            if isMobile(digits.dropFirst(prefix.count)) { return (prefix.count + 3)..<(prefix.count + 7) }
        }
        if digits.hasPrefix("0") {
            if groups.count >= 2, isAreaCode(digits.prefix(groups[0])), (7...8).contains(groups[1]) {
                return groups[0]..<(groups[0] + groups[1] - 2)
            }
            let area = areaCodeLength(digits)
            if groups.count == 1, (7...8).contains(n - area) { return area..<(n - 2) }
        }
        return 0..<max(n - 2, 0)
    }

    /// Lengths of runs of adjacent digits.
    private static func digitGroupLengths(_ chars: [Character], _ positions: [Int]) -> [Int] {
        var groups: [Int] = []
        var last = -2
        for p in positions {
            if p == last + 1 { groups[groups.count - 1] += 1 } else { groups.append(1) }
            last = p
        }
        return groups
    }

    // MARK: Shared recognisers (ASCII digits; full-width digits are mapped to ASCII first)

    /// 11 digits, `1` then `3`–`9`.
    static func isMobile(_ digits: Substring) -> Bool {
        let d = Array(digits)
        return d.count == 11 && d[0] == "1" && ("3"..."9").contains(d[1])
    }

    /// Chinese long-distance area codes: `010` and `02x` have 3 digits, all others 4.
    static func areaCodeLength(_ digits: String) -> Int {
        digits.hasPrefix("010") || digits.hasPrefix("02") ? 3 : 4
    }

    static func isAreaCode(_ digits: Substring) -> Bool {
        digits.hasPrefix("0") && digits.count == areaCodeLength(String(digits))
    }

    /// The ASCII letter or digit for an ASCII or full-width (ＡＢＣ１２３) letter or digit.
    static func asciiAlphanumeric(_ c: Character) -> Character? {
        guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first else { return nil }
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
            return c
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return Character(Unicode.Scalar(s.value - 0xFEE0)!)
        default:
            return nil
        }
    }

    static func asciiDigit(_ c: Character) -> Character? {
        guard let a = asciiAlphanumeric(c), a.isNumber else { return nil }
        return a
    }
}
