import Foundation

/// What a sanction does to the rest of the platform once its decision is final (or the profile
/// says an appeal does not suspend execution). A sanction without an effect is recorded only.
public enum SanctionEffect: String, Sendable, Hashable, StrictStringEnum {
    /// 暂扣执法证件: the certificate is suspended.
    case suspendCertificate = "suspend_certificate"
    /// 吊销 / 缴销 / 收回执法证件: the certificate is revoked.
    case revokeCertificate = "revoke_certificate"
    /// 停止执法 / 暂停执法活动: the officer may not handle cases.
    case stopEnforcement = "stop_enforcement"
    /// 离岗培训: off the post while trained.
    case offDutyTraining = "off_duty_training"
    /// 调离执法岗位: the officer's enforcement posts end.
    case transferOffPost = "transfer_off_post"
    /// 取消执法资格: certificate revoked and no new one.
    case revokeQualification = "revoke_qualification"
    /// 取消当年评先评优 / 不得评为优秀: shown in the year's assessment.
    case noMeritThisYear = "no_merit_this_year"
    /// 责令（限期）整改 of a body: shown in its assessment.
    case agencyRectification = "agency_rectification"
    /// 通报批评 of a body: shown in its assessment.
    case agencyCirculation = "agency_circulation"
    /// 约谈负责人: shown in its assessment.
    case agencyHeadInterview = "agency_head_interview"
    /// 年度评议考核不合格 as a sanction: the year's assessment result of the body (依法行政年度评议考核)
    /// or officer (行政执法年度评议考核) is 不合格 (beijing-tongzhou 细则 第六条(四)、第七条(五), 004_* 篇十一).
    case assessmentFailed = "assessment_failed"

    public init(from decoder: any Decoder) throws { self = try Self.strictDecode(from: decoder) }
}

/// A circumstance the platform can detect from its own data.
public enum CircumstanceDetector: String, Sendable, Hashable, StrictStringEnum {
    /// `count` or more pursued situations for the same person within one year, the present one included
    /// (hangzhou 第四十二条: 3; beijing-tongzhou 细则 第八条: 2).
    case repeatInYear = "repeat_in_year"
    /// The person found and corrected the error before it was discovered by others
    /// (hangzhou 第四十一条; shandong 第十五条; henan 第十九条).
    case selfCorrected = "self_corrected"
    /// The act has already been given a 政务处分 by 监察机关 (samr 第十六条).
    case priorGovernmentSanction = "prior_government_sanction"

    public init(from decoder: any Decoder) throws { self = try Self.strictDecode(from: decoder) }
}
