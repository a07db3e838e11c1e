import Foundation
import QuanzeCore

/// 协调事项的种类 (通州区关于行政执法协调工作的若干规定 第四条).
enum CoordinationKind: String, CaseIterable, Codable, Sendable {
    /// 第四条(一): 执法职责不清或执法主体不明确.
    case dutyBoundary = "duty_boundary"
    /// 第四条(二): 执法依据适用.
    case legalBasis = "legal_basis"
    /// 第四条(三)(四): 联合执法 and disputes within it.
    case jointEnforcement = "joint_enforcement"
    /// 第四条(五): 衔接和配合 (案件移送、信息共享、工作配合).
    case handoff
    /// 第四条(六): 其他需要协调的事项.
    case other

    var label: String {
        switch self {
        case .dutyBoundary: "职责边界（执法职责不清或执法主体不明确）"
        case .legalBasis: "执法依据适用"
        case .jointEnforcement: "联合执法"
        case .handoff: "移交衔接（案件移送、信息共享、工作配合）"
        case .other: "其他需要协调的事项"
        }
    }

    static func label(_ raw: String) -> String { CoordinationKind(rawValue: raw)?.label ?? raw }
}

/// 协调机关 (第十二条: 区编办、区政府法制办、有执法协调职能的临时机构或议事协调机构以及区政府指定承办协调工作的部门).
enum CoordinationOffice: String, CaseIterable, Codable, Sendable {
    case staffingOffice = "staffing_office"
    case legalOffice = "legal_office"
    case government

    var label: String {
        switch self {
        case .staffingOffice: "区编办"
        case .legalOffice: "区政府法制办"
        case .government: "区政府（或有执法协调职能的议事协调机构）"
        }
    }

    static func label(_ raw: String?) -> String { raw.flatMap { CoordinationOffice(rawValue: $0)?.label ?? $0 } ?? "—" }
}

enum CoordinationStatus: String, CaseIterable, Codable, Sendable {
    /// 自行协调 (第六条).
    case selfCoordination = "self_coordination"
    /// 已向协调机关提出协调申请 (第十条, 第十二条).
    case escalated
    /// 协调机关未能协调一致，报请区政府决定 (第十五条(二)).
    case awaitingGovernment = "awaiting_government"
    /// 协调意见或协调决定执行中 (第二十条).
    case executing
    case closed

    var label: String {
        switch self {
        case .selfCoordination: "自行协调中"
        case .escalated: "协调机关协调中"
        case .awaitingGovernment: "报请区政府决定"
        case .executing: "执行中"
        case .closed: "已办结"
        }
    }

    static func label(_ raw: String) -> String { CoordinationStatus(rawValue: raw)?.label ?? raw }
}

/// The rule profile's coordination rules (codes in beijing-tongzhou.json). A profile without them is silent
/// (未规定): no deadline runs and no office is held to be the competent one.
enum CoordinationRules {
    static let seed = "004_cacaddb37daf54c4.txt"
    /// 第九条: 协调意见 filed with the 区政府法制办 within 3 工作日 of the end of coordination.
    static let opinionFilingCode = "coordination_opinion_filing"
    /// 第十二条: an office that is not competent forwards within 3 工作日.
    static let forwardingCode = "coordination_forwarding"
    /// 第十条: which office an application goes to.
    static let escalationCode = "coordination_escalation"
    /// 第十五条(二)、第十六条: the 区政府 decides.
    static let governmentDecisionCode = "coordination_government_decision"
    /// 第二十条: execution and supervision.
    static let executionCode = "coordination_execution"

    /// The competent office under 第十条: (一) 职责界定 → 区编办; (二) 执法依据适用、组织联合执法、衔接和配合 →
    /// 区政府法制办; (三) 其他 → 议事协调机构, or the 区政府. Nil when the profile has no such rule.
    static func competentOffice(for kind: CoordinationKind, profile: EffectiveProfile?) -> CoordinationOffice? {
        guard profile?.provision(escalationCode) != nil else { return nil }
        switch kind {
        case .dutyBoundary: return .staffingOffice
        case .legalBasis, .jointEnforcement, .handoff: return .legalOffice
        case .other: return .government
        }
    }

    static func escalationSource(_ profile: EffectiveProfile?) -> String? {
        profile?.provision(escalationCode).map { $0.entry.source.description }
    }

    static func provisionSource(_ code: String, _ profile: EffectiveProfile?) -> String? {
        profile?.provision(code).map { $0.entry.source.description }
    }
}

/// 典型案例 anonymization: each known person's full name becomes 张某; 身份证号 and phone numbers are masked
/// (PersonalDataMasker). Publication is refused while a full name or an unmasked number remains.
enum TypicalCaseAnonymizer {
    /// 张三 → 张某; two-character compound surnames are not guessed: the first character is kept.
    static func pseudonym(_ name: String) -> String {
        guard let first = name.trimmingCharacters(in: .whitespaces).first else { return "某某" }
        return String(first) + "某"
    }

    static func anonymize(_ text: String, names: [String]) -> String {
        var out = text
        for name in names.filter({ $0.count >= 2 }).sorted(by: { $0.count > $1.count }) {
            out = out.replacingOccurrences(of: name, with: pseudonym(name))
        }
        // Any 15/18-character ID-like run or 11+ digit phone run (DecisionPublicityRules), then the checked patterns.
        return PersonalDataMasker.maskText(DecisionPublicityRules.mask(out, personNames: []))
    }

    /// What still identifies a person: each full name found, and whether an ID number or phone is unmasked.
    static func remaining(_ text: String, names: [String]) -> [String] {
        var found = names.filter { $0.count >= 2 && text.contains($0) }.map { "姓名“\($0)”" }
        if PersonalDataMasker.maskText(text) != text || DecisionPublicityRules.mask(text, personNames: []) != text {
            found.append("未遮蔽的身份证号或电话号码")
        }
        return found
    }
}
