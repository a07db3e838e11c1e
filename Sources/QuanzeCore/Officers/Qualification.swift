/// What is known about an officer when deciding whether they qualify for a certificate.
public struct QualificationFacts: Sendable {
    public var employment: EmploymentType
    public var status: OfficerStatus
    /// Whether the person has ever held a certificate (then they are 在岗人员, not 新录用人员).
    public var hasHeldCertificate: Bool
    public var totalTrainingHours: Int
    public var trainingHoursThisYear: Int
    /// A 法律知识考核 (or 补考) passed in the current year.
    public var examPassedThisYear: Bool

    public init(employment: EmploymentType, status: OfficerStatus, hasHeldCertificate: Bool,
                totalTrainingHours: Int, trainingHoursThisYear: Int, examPassedThisYear: Bool) {
        self.employment = employment
        self.status = status
        self.hasHeldCertificate = hasHeldCertificate
        self.totalTrainingHours = totalTrainingHours
        self.trainingHoursThisYear = trainingHoursThisYear
        self.examPassedThisYear = examPassedThisYear
    }
}

/// The outcome: qualified, or the list of unmet conditions in Chinese, each with its source.
public struct QualificationResult: Sendable, Equatable {
    public var unmet: [String]
    public var qualified: Bool { unmet.isEmpty }
}

/// 执法资格 is derived, never entered: 在编, serving, the year's exam passed, enough training.
/// 辅助人员 never qualify. (通州 管理办法 第五条、第八条、第二十二条, `004_*` 篇十一;
/// 行政处罚法 第四十二条.)
public enum Qualification {
    public static func evaluate(_ f: QualificationFacts, rules: OfficerRules) -> QualificationResult {
        var unmet: [String] = []
        if f.status != .serving {
            unmet.append("已\(f.status.label)，不再从事执法工作")
        }
        switch f.employment {
        case .auxiliary:
            unmet.append("辅助人员不能取得执法资格，只能协助执法（行政处罚法 第四十二条）")
        case .contracted:
            unmet.append("取得执法资格须为执法岗位的在编人员（通州区行政执法人员管理办法 第五条）")
        case .established:
            break
        }
        if !f.examPassedThisYear {
            unmet.append("本年度法律知识考核（含补考）尚未合格（通州区行政执法人员管理办法 第二十二条）")
        }
        if f.hasHeldCertificate {
            if let rule = rules.yearlyTrainingHours, f.trainingHoursThisYear < rule.value {
                unmet.append("本年度培训\(f.trainingHoursThisYear)学时，不足\(rule.display)（\(rule.source.document) \(rule.source.article)）")
            }
        } else if let rule = rules.newStaffTrainingHours, f.totalTrainingHours < rule.value {
            unmet.append("新录用人员累计培训\(f.totalTrainingHours)学时，不足\(rule.display)（\(rule.source.document) \(rule.source.article)）")
        }
        return QualificationResult(unmet: unmet)
    }
}
