import Crypto
import Foundation

/// 投诉举报 (001_* 五(三)): 编号登记 → 受理 or 不予受理 (with reasons, written in the register) → 核查 →
/// 反馈 → 办结; a supervisor's 复查 of a dropped complaint (001_* 七(二) 责任倒查).
public enum ComplaintStatus: String, Codable, Sendable, CaseIterable {
    /// 登记: numbered, waiting for the 受理 decision.
    case registered
    /// 受理: within scope, being handled.
    case accepted
    /// 不予受理: outside scope; the reasons are shown to the complainant.
    case refused
    /// 核查: the verification's result is recorded.
    case verified
    /// 反馈: the answer is given to the complainant.
    case answered
    /// 办结.
    case closed

    public var label: String {
        switch self {
        case .registered: "已登记"
        case .accepted: "已受理"
        case .refused: "不予受理"
        case .verified: "已核查"
        case .answered: "已反馈"
        case .closed: "已办结"
        }
    }

    /// Whether the complaint still waits for the body (a refused or closed one does not).
    public var isOpen: Bool { ![.refused, .closed].contains(self) }
}

/// One step of the workflow.
public enum ComplaintAction: String, Codable, Sendable, CaseIterable {
    case accept, refuse, verify, reply, close, review

    public var label: String {
        switch self {
        case .accept: "受理"
        case .refuse: "不予受理"
        case .verify: "核查"
        case .reply: "反馈"
        case .close: "办结"
        case .review: "复查"
        }
    }
}

/// The legal moves: which action may be taken in which state (复查 only of a dropped complaint).
public enum ComplaintStateMachine {
    public static func allowed(_ action: ComplaintAction, from status: ComplaintStatus, finding: ComplaintFinding? = nil) -> Bool {
        switch action {
        case .accept, .refuse: status == .registered
        case .verify: status == .accepted
        case .reply: status == .verified || status == .answered
        case .close: status == .answered
        case .review: status == .refused || (status == .closed && finding?.pursued != true)
        }
    }

    public static func actions(from status: ComplaintStatus, finding: ComplaintFinding?) -> [ComplaintAction] {
        ComplaintAction.allCases.filter { allowed($0, from: status, finding: finding) }
    }
}

/// How it arrived: the portal, or registered by staff from a call, a letter or the mailbox.
public enum ComplaintChannel: String, Codable, Sendable, CaseIterable {
    case portal, phone, letter, mailbox

    public var label: String {
        switch self {
        case .portal: "网上投诉"
        case .phone: "电话"
        case .letter: "来信"
        case .mailbox: "意见箱（电子信箱）"
        }
    }
}

/// What the complaint is about.
public enum ComplaintSubjectKind: String, Codable, Sendable, CaseIterable {
    case agency, officer, `case`

    public var label: String {
        switch self {
        case .agency: "执法主体"
        case .officer: "执法人员"
        case .case: "执法案件"
        }
    }
}

/// 核查 result.
public enum ComplaintFinding: String, Codable, Sendable, CaseIterable {
    case substantiated, partly, unsubstantiated

    public var label: String {
        switch self {
        case .substantiated: "属实"
        case .partly: "部分属实"
        case .unsubstantiated: "不属实"
        }
    }

    /// 属实 and 部分属实 are pursued (a liability intake item).
    public var pursued: Bool { self != .unsubstantiated }
}

/// 复查 result.
public enum ComplaintReviewResult: String, Codable, Sendable, CaseIterable {
    /// The refusal or closing stands.
    case upheld
    /// 应受理未受理、应追究未追究 (001_* 七(二)).
    case wronglyDropped = "wrongly_dropped"

    public var label: String {
        switch self {
        case .upheld: "维持"
        case .wronglyDropped: "应受理未受理或应追究未追究"
        }
    }
}

/// Limits of a submission and the tracking code.
public enum ComplaintRules {
    /// Text of the complaint, in Unicode code points.
    public static let maxContent = 2000
    public static let maxAttachments = 3
    public static let maxAttachmentBytes = 5 * 1024 * 1024
    /// 登记 source (001_* 五(三)).
    public static let registration = SourceRef(seed: "001_0f2d1a5e9a94fac7.txt", document: "吉政办发〔2016〕91号", article: "五(三)")
    /// 责任倒查 source (001_* 七(二)).
    public static let backtracking = SourceRef(seed: "001_0f2d1a5e9a94fac7.txt", document: "吉政办发〔2016〕91号", article: "七(二)")

    /// Profile rule codes: 受理情况告知; 核查处理并答复 (for complaints about an officer, and in general).
    public static let acknowledgementCode = "complaint_acknowledgement"
    public static let officerReplyCode = "complaint_officer_reply"
    public static let replyCode = "complaint_reply"

    /// The reply rule codes that apply to a subject, most specific first.
    public static func replyCodes(for subject: ComplaintSubjectKind) -> [String] {
        subject == .officer ? [officerReplyCode, replyCode] : [replyCode]
    }

    /// Alphabet of the tracking code: Crockford base32 (no I, L, O, U).
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// 20 symbols × 5 bits = 100 random bits: guessing one of even a million live codes takes ~2^80 tries.
    public static let trackingSymbols = 20

    /// A fresh tracking code from the system CSPRNG, shown once, grouped by 4: `7KQ2-M9XD-…`.
    public static func newTrackingCode() -> String {
        var generator = SystemRandomNumberGenerator()
        let symbols = (0..<trackingSymbols).map { _ in alphabet[Int(generator.next(upperBound: UInt8(32)))] }
        return stride(from: 0, to: symbols.count, by: 4).map { String(symbols[$0..<min($0 + 4, symbols.count)]) }.joined(separator: "-")
    }

    /// The code as typed (any case, spaces or dashes; O read as 0, I and L as 1), or nil when it cannot be one.
    public static func normalize(_ raw: String) -> String? {
        var out = ""
        for c in raw.uppercased() {
            if c == "-" || c == " " { continue }
            let mapped: Character = switch c {
            case "O": "0"
            case "I", "L": "1"
            default: c
            }
            guard alphabet.contains(mapped) else { return nil }
            out.append(mapped)
            if out.count > trackingSymbols { return nil }
        }
        return out.count == trackingSymbols ? out : nil
    }

    /// What is stored: the SHA-256 of the normalized code (never the code).
    public static func trackingHash(_ normalized: String) -> String {
        TokenDigest.sha256Hex("complaint-tracking:" + normalized)
    }

    /// A complainant's name as others see it: the first character, the rest `*`.
    public static func maskName(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }

    /// 登记编号: `长春市投诉〔2026〕3号`.
    public static func number(jurisdiction: String, year: Int, sequence: Int) -> String {
        DocumentNumber.format(prefix: "\(jurisdiction)投诉", year: year, sequence: sequence)
    }
}
