/// The officer and certificate rules of one jurisdiction's profile, each with its source.
/// A rule the profile does not set is nil, and the check it drives is not applied (the page says so).
public struct OfficerRules: Sendable {
    /// 新录用人员 cumulative training before a first certificate (通州 第八条: 60 学时).
    public var newStaffTrainingHours: QuantityRule?
    /// 在岗人员 yearly training (通州 第八条: 72 学时).
    public var yearlyTrainingHours: QuantityRule?
    /// Time to decide on a suspended certificate (通州 第十八条: 2 个月).
    public var suspensionDecision: DeadlineRule?
    /// Number of suspensions at which the certificate is revoked (通州 第十七条: 3 次).
    public var suspensionsForRevocation: QuantityRule?

    public init(newStaffTrainingHours: QuantityRule? = nil, yearlyTrainingHours: QuantityRule? = nil,
                suspensionDecision: DeadlineRule? = nil, suspensionsForRevocation: QuantityRule? = nil) {
        self.newStaffTrainingHours = newStaffTrainingHours
        self.yearlyTrainingHours = yearlyTrainingHours
        self.suspensionDecision = suspensionDecision
        self.suspensionsForRevocation = suspensionsForRevocation
    }

    public init(profile: EffectiveProfile?) {
        self.init(
            newStaffTrainingHours: profile?.quantity("training_hours_new_staff")?.entry,
            yearlyTrainingHours: profile?.quantity("training_hours_yearly")?.entry,
            suspensionDecision: profile?.deadline("certificate_suspension_decision")?.entry,
            suspensionsForRevocation: profile?.quantity("certificate_suspensions_for_revocation")?.entry)
    }
}
