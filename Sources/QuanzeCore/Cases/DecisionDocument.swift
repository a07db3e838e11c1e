import Foundation

/// 行政执法决定书: the elements a decision must state (黑龙江省行政执法责任制规定 第三十一条, seed
/// 004 篇二): (一)当事人基本情况 (二)事实和证据 (三)适用依据 (四)决定内容 (五)履行方式和期限
/// (六)申请行政复议或者提起行政诉讼的途径和期限 (七)行政机关名称和决定日期.
public struct DecisionDocument: Codable, Sendable, Hashable {
    public var parties: String
    public var factsAndEvidence: String
    public var basis: String
    public var content: String
    public var performance: String
    public var remedies: String
    public var agencyName: String
    public var decidedOn: LocalDate?

    public init(parties: String, factsAndEvidence: String, basis: String, content: String, performance: String,
                remedies: String, agencyName: String, decidedOn: LocalDate?) {
        self.parties = parties
        self.factsAndEvidence = factsAndEvidence
        self.basis = basis
        self.content = content
        self.performance = performance
        self.remedies = remedies
        self.agencyName = agencyName
        self.decidedOn = decidedOn
    }

    public static let source = CaseSources.seed004("第三十一条")

    /// The elements that are missing, by their name in the article; empty when complete.
    public var missingElements: [String] {
        func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        var missing: [String] = []
        if blank(parties) { missing.append("（一）当事人基本情况") }
        if blank(factsAndEvidence) { missing.append("（二）事实和证据") }
        if blank(basis) { missing.append("（三）适用依据") }
        if blank(content) { missing.append("（四）决定内容") }
        if blank(performance) { missing.append("（五）履行方式和期限") }
        if blank(remedies) { missing.append("（六）申请行政复议或者提起行政诉讼的途径和期限") }
        if blank(agencyName) || decidedOn == nil { missing.append("（七）行政机关名称和决定日期") }
        return missing
    }

    public func checkComplete() throws(CaseRuleViolation) {
        let missing = missingElements
        guard missing.isEmpty else {
            throw CaseRuleViolation("DECISION_INCOMPLETE", "决定书缺少应当载明的事项：\(missing.joined(separator: "、"))", source: Self.source)
        }
    }

    /// The standard remedies paragraph (行政复议法 第二十条 60日; 行政诉讼法 第四十六条 6个月).
    public static func standardRemedies(reviewBody: String, court: String) -> String {
        "如不服本决定，可以在收到本决定书之日起六十日内向\(reviewBody)申请行政复议，或者在六个月内依法向\(court)提起行政诉讼。"
    }
}

/// 文号: `〔2026〕12号` with the body's prefix, from the body's yearly sequence.
public enum DocumentNumber {
    public static func format(prefix: String, year: Int, sequence: Int) -> String {
        "\(prefix)〔\(year)〕\(sequence)号"
    }
}
