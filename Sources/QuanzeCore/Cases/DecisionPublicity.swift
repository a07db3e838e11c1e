import Foundation

/// 执法决定公开: which period of the rule profile applies to a decision, and the masked public text.
///
/// - 国办发〔2018〕118号 二(三) (事后公开): 行政许可、行政处罚 decisions within 7 个工作日, other
///   enforcement decisions within 20 个工作日 of the decision (profile rules
///   `license_penalty_publication`, `enforcement_decision_publication`). The document is not among
///   the seeds; it is cited from /work/shared/domain/statutes.md.
/// - 行政处罚法 第四十八条: a published decision later 变更、撤销、确认违法或者确认无效 is withdrawn within
///   3 (working) days with the reasons (profile rule `penalty_publication_withdrawal`, 第八十五条).
public enum DecisionPublicityRules {
    public static let licensePenaltyCode = "license_penalty_publication"
    public static let otherDecisionCode = "enforcement_decision_publication"
    public static let withdrawalCode = "penalty_publication_withdrawal"

    /// The profile rule that sets the publication period of a decision taken in `procedure`.
    public static func ruleCode(for procedure: CaseProcedure) -> String {
        switch procedure {
        case .penaltySimple, .penaltyOrdinary, .licensing: licensePenaltyCode
        case .seizure, .inspection: otherDecisionCode
        }
    }

    /// Decisions published without being marked: 行政处罚 and 行政许可. Others only when the body
    /// marks them as of public concern.
    public static func publishedByDefault(_ procedure: CaseProcedure) -> Bool {
        ruleCode(for: procedure) == licensePenaltyCode
    }

    /// A natural person's name on the portal: the surname kept, the rest masked (张三 → 张*).
    public static func maskName(_ name: String) -> String {
        let chars = Array(name.trimmingCharacters(in: .whitespaces))
        guard let first = chars.first else { return "" }
        return String(first) + String(repeating: PersonalDataMasker.maskCharacter, count: max(chars.count - 1, 1))
    }

    /// Masks a text for the portal: each natural person's name, every 身份证号 (15 or 18 characters)
    /// and every phone number (a run of 11 or more digits, with or without dashes). Shorter numbers
    /// (amounts, document numbers) and 统一社会信用代码 (letters break the run) stay.
    public static func mask(_ text: String, personNames: [String]) -> String {
        var out = text
        for name in personNames.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            out = out.replacingOccurrences(of: name, with: maskName(name))
        }
        return maskNumbers(out)
    }

    static func maskNumbers(_ text: String) -> String {
        let chars = Array(text)
        var result = ""
        var i = 0
        while i < chars.count {
            guard PersonalDataMasker.asciiDigit(chars[i]) != nil else { result.append(chars[i]); i += 1; continue }
            var j = i
            while j < chars.count, PersonalDataMasker.asciiDigit(chars[j]) != nil || (chars[j] == "-" && j + 1 < chars.count
                    && PersonalDataMasker.asciiDigit(chars[j + 1]) != nil) { j += 1 }
            var run = String(chars[i..<j])
            let digits = run.filter { $0 != "-" }.count
            // 18-character ID numbers end with a check character that may be X.
            if digits == 17, j < chars.count, chars[j] == "X" || chars[j] == "x" { run.append(chars[j]); j += 1 }
            if !run.contains("-") && (run.count == 18 || run.count == 15) {
                result += PersonalDataMasker.maskIDNumber(run)
            } else if digits >= 11 || (run.contains("-") && digits >= 10) {
                result += PersonalDataMasker.maskPhone(run)
            } else {
                result += run
            }
            i = j
        }
        return result
    }
}
