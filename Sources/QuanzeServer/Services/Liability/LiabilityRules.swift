import Fluent
import Foundation
import QuanzeCore
import Vapor

/// Where a 责任追究线索 comes from (issue 6 item 2; shandong 第三条 lists the channels).
enum LiabilitySourceKind: String, CaseIterable, Codable, Sendable {
    case remedyResult = "remedy_result"
    case complaint
    case complaintDropped = "complaint_dropped"
    case filingReview = "filing_review"
    case fileReview = "file_review"
    case enforcementInspection = "enforcement_inspection"
    case media
    case selfCheck = "self_check"
    case manual
    case pursuerOverdue = "pursuer_overdue"

    var label: String {
        switch self {
        case .remedyResult: "复议、诉讼结果"
        case .complaint: "投诉举报属实"
        case .complaintDropped: "投诉举报责任倒查"
        case .filingReview: "重大执法决定备案审查不通过"
        case .fileReview: "案卷评查不合格"
        case .enforcementInspection: "执法检查"
        case .media: "媒体报道"
        case .selfCheck: "自查"
        case .manual: "其他（人工登记）"
        case .pursuerOverdue: "追究机关逾期（对追究机关的线索）"
        }
    }

    /// The kinds a legal office or supervisor enters by hand.
    static let manualKinds: [LiabilitySourceKind] = [.enforcementInspection, .media, .selfCheck, .manual]

    static func label(_ raw: String) -> String { LiabilitySourceKind(rawValue: raw)?.label ?? raw }
}

/// Status of an intake item (`liability_intake.status`).
enum LiabilityIntakeStatus: String, CaseIterable, Codable, Sendable {
    case pending, filed, declined

    var label: String {
        switch self {
        case .pending: "待处理"
        case .filed: "已立案"
        case .declined: "不予立案"
        }
    }

    static func label(_ raw: String) -> String { LiabilityIntakeStatus(rawValue: raw)?.label ?? raw }
}

/// A rule of the jurisdiction's profile as the liability pages show it: the period and its source, or
/// 未规定 when the profile and its ancestors are silent (no default is ever invented).
struct LiabilityRuleText: Sendable {
    let name: String
    let period: String
    let source: SourceRef

    var sourceText: String { source.description }
}

/// The liability procedure's numbers and provisions read from a rule profile (codes in
/// `QuanzeCore/Liability/LiabilityCodes`). Pure: no database. The Core engine (feat/engine) will take
/// these over; they are kept small and named for that switch.
enum LiabilityProfileRules {
    /// national 国办发〔2005〕37号 四: who pursues a body's liability.
    static let pursuingAuthorityCode = "pursuing_authority"

    static func rule(_ code: String, in profile: EffectiveProfile?) -> (rule: DeadlineRule, text: LiabilityRuleText)? {
        guard let r = profile?.deadline(code)?.entry else { return nil }
        return (r, LiabilityRuleText(name: r.name, period: r.display, source: r.source))
    }

    /// The due date of `code` counted from `start` on the working-day calendar; nil when the profile is silent.
    static func due(_ code: String, in profile: EffectiveProfile?, calendar: WorkCalendar, from start: LocalDate) -> (due: LocalDate?, text: LiabilityRuleText)? {
        guard let found = rule(code, in: profile) else { return nil }
        let (r, text) = (found.rule, found.text)
        if let unit = r.unit.deadlineUnit {
            return ((try? calendar.deadline(value: r.value, unit: unit, from: start))?.date, text)
        }
        switch r.unit {
        case .months: return (start.adding(months: r.value), text)
        case .years: return (start.adding(months: 12 * r.value), text)
        default: return (nil, text)
        }
    }

    /// The minimum number of investigators (henan 第二十二条, hangzhou 第四十七条), or nil when the profile is silent.
    static func investigatorsMinimum(_ profile: EffectiveProfile?) -> QuantityRule? {
        profile?.quantity(LiabilityCodes.investigatorsMinimum)?.entry
    }

    /// The pursuing body is itself liable for letting an item lapse (henan 第二十六条, shandong 第二十四条).
    static func pursuerLiable(_ profile: EffectiveProfile?) -> Provision? {
        profile?.provision(LiabilityCodes.pursuerLiable)?.entry
    }

    static func pursuingAuthority(_ profile: EffectiveProfile?) -> Provision? {
        profile?.provision(pursuingAuthorityCode)?.entry
    }
}

/// Why an investigator must recuse (回避), found from the case's and the matter's own records.
/// Pure: takes the facts, returns the reasons (empty: no conflict).
enum LiabilityConflictRule {
    struct Facts {
        /// The candidate's body (nil for an account without one).
        var candidateAgencyID: UUID?
        var candidateUserID: UUID
        /// Persons concerned: their user and body.
        var persons: [(userID: UUID?, agencyID: UUID?, name: String)]
        /// Users who handled, reviewed or approved the case.
        var caseHandlers: Set<UUID>
        var caseReviewers: Set<UUID>
        var caseApprovers: Set<UUID>
    }

    static func reasons(_ f: Facts) -> [String] {
        var out: [String] = []
        if f.persons.contains(where: { $0.userID == f.candidateUserID }) { out.append("本人是被调查人员") }
        if let a = f.candidateAgencyID, let p = f.persons.first(where: { $0.agencyID == a }) {
            out.append("与被调查人员\(p.name)同一单位")
        }
        if f.caseHandlers.contains(f.candidateUserID) { out.append("曾承办本案") }
        if f.caseReviewers.contains(f.candidateUserID) { out.append("曾对本案进行法制审核") }
        if f.caseApprovers.contains(f.candidateUserID) { out.append("曾批准本案决定") }
        return out
    }
}
