import Fluent
import Foundation

/// 回避: an officer's declared conflict of interest with an object of the plan, recorded before
/// the draw; the draw never assigns the officer to that object. The reason stays internal.
final class InspectionConflict: Model, @unchecked Sendable {
    static let schema = "inspection_conflicts"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Parent(key: "plan_id") var plan: InspectionPlan
    @Parent(key: "officer_id") var officer: Officer
    @Parent(key: "object_id") var object: InspectionObject
    @Field(key: "reason") var reason: String

    init() {}

    init(id: UUID? = nil, planID: UUID, officerID: UUID, objectID: UUID, reason: String) {
        self.id = id
        self.$plan.id = planID
        self.$officer.id = officerID
        self.$object.id = objectID
        self.reason = reason
    }
}
