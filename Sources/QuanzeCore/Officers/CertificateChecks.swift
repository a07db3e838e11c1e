/// 年审 (通州 第十三条): passes only with the year's 法律知识考核 passed and no unprocessed fault record.
public enum AnnualInspection {
    public static func refusal(examPassedThisYear: Bool, unprocessedFaults: Int, status: CertificateStatus,
                               alreadyInspected: Bool, year: Int) -> CertificateRefusal? {
        if status != .valid {
            return CertificateRefusal(code: "CERTIFICATE_NOT_VALID", message: "证件当前状态为“\(status.label)”，不能年审")
        }
        if alreadyInspected {
            return CertificateRefusal(code: "ALREADY_INSPECTED", message: "该证件\(year)年度已年审")
        }
        var reasons: [String] = []
        if !examPassedThisYear { reasons.append("\(year)年度法律知识考核（含补考）未合格") }
        if unprocessedFaults > 0 { reasons.append("有\(unprocessedFaults)条行政执法过错记录未经处理") }
        guard !reasons.isEmpty else { return nil }
        return CertificateRefusal(code: "INSPECTION_NOT_PASSED",
                                  message: "不予年检：" + reasons.joined(separator: "；") + "（通州区行政执法人员管理办法 第十三条）")
    }
}

/// 暂扣 must be decided within the profile's period (通州 第十八条: 2 个月 from the suspension).
public enum SuspensionCheck {
    public static func decisionDue(suspendedOn: LocalDate, rule: DeadlineRule?) -> LocalDate? {
        guard let rule else { return nil }
        return rule.unit.end(of: rule.value, from: suspendedOn)
    }

    /// True when a suspension is still undecided after its due date.
    public static func isOverdue(due: LocalDate?, today: LocalDate) -> Bool {
        guard let due else { return false }
        return today > due
    }

    /// The 核销建议 recorded in the archive when the count is reached.
    public static func proposalText(suspensionCount: Int, rule: QuantityRule) -> String {
        "第\(suspensionCount)次暂扣，依规予以核销，已自动提出核销建议（\(rule.source.document) \(rule.source.article)）"
    }

    /// Whether this suspension (counting itself) reaches the revocation count (通州 第十七条: 3 次以上 → 核销).
    public static func proposesRevocation(suspensionCount: Int, rule: QuantityRule?) -> Bool {
        guard let rule else { return false }
        return suspensionCount >= rule.value
    }
}

/// What the public lookup tells (公示): valid, suspended, revoked, cancelled, expired, or valid
/// but without this year's inspection mark (通州 第十六条(四): the public may refuse such a certificate).
public enum PublicCertificateStatus: String, Codable, CaseIterable, Sendable {
    case valid = "有效"
    case suspended = "暂扣"
    case revoked = "已核销"
    case cancelled = "已注销"
    case expired = "已过有效期"
    case notInspected = "本年度未年审"

    public static func of(status: CertificateStatus, validUntil: LocalDate, issuedOn: LocalDate,
                          lastInspectionYear: Int?, today: LocalDate) -> PublicCertificateStatus {
        switch status {
        case .suspended: return .suspended
        case .revoked: return .revoked
        case .cancelled: return .cancelled
        case .valid:
            if validUntil < today { return .expired }
            if issuedOn.year == today.year || lastInspectionYear == today.year { return .valid }
            return .notInspected
        }
    }
}
