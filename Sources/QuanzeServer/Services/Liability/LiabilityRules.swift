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
    /// A body refused to execute a liability decision (hangzhou 第五十一条, provision `liability_refusal_escalates`).
    case executionRefused = "execution_refused"

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
        case .executionRefused: "拒不执行责任追究决定"
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

/// The liability procedure's numbers and provisions read from a rule profile (codes in
/// `QuanzeCore/Liability/LiabilityCodes`). Pure: no database. The Core engine (feat/engine) will take
/// these over; they are kept small and named for that switch.
enum LiabilityProfileRules {
    /// national 国办发〔2005〕37号 四: who pursues a body's liability.
    static let pursuingAuthorityCode = "pursuing_authority"

    /// The due date of `code` from `start` (`LiabilitySchedule`); nil when the profile is silent (未规定).
    /// A calendar that cannot count the period is refused (LiabilityRefusal VALIDATION_FAILED), never
    /// turned into a missing date.
    static func due(_ code: String, in profile: EffectiveProfile?, calendar: WorkCalendar, from start: LocalDate) throws -> LiabilityDue? {
        guard let profile else { return nil }
        return try LiabilitySchedule(profile: profile, calendar: calendar).due(code, from: start)
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
