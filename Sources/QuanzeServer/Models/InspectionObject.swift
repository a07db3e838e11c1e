import Fluent
import Foundation

/// An entry of a plan's 检查对象库: an organization by its 统一社会信用代码 (GB 32100-2015).
final class InspectionObject: Model, @unchecked Sendable {
    static let schema = "inspection_objects"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Parent(key: "plan_id") var plan: InspectionPlan
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @OptionalField(key: "address") var address: String?

    init() {}

    init(id: UUID? = nil, planID: UUID, code: String, name: String, address: String?) {
        self.id = id
        self.$plan.id = planID
        self.code = code
        self.name = name
        self.address = address
    }
}
