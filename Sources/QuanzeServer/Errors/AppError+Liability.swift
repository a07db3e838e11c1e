import QuanzeCore
import Vapor

extension AppError {
    /// A refusal of the liability engine (`QuanzeCore/Liability`) as an API error: its stable code and
    /// its Chinese reason with the rule's source. Input the rules refuse (a sanction or circumstance
    /// the profile lacks, an extension beyond its cap, a malformed number) is 422; a state the rules
    /// forbid (a heavier proposal after the defence, an investigator who must recuse, too few
    /// investigators) is 409.
    static func refusal(_ r: LiabilityRefusal) -> AppError {
        let unprocessable: Set<String> = [LiabilityRefusal.sanctionNotInProfile, LiabilityRefusal.circumstanceNotInProfile,
                                          LiabilityRefusal.validationFailed, LiabilityRefusal.gravityLevelRequired,
                                          LiabilityRefusal.gravityLevelUnknown, LiabilityRefusal.faultSituationUnknown,
                                          LiabilityRefusal.extensionExceedsCap, LiabilityRefusal.extensionNotAllowed]
        return AppError(r.code, unprocessable.contains(r.code) ? .unprocessableEntity : .conflict, r.text)
    }
}
