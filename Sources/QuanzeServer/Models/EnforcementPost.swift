import Fluent
import Foundation
import QuanzeCore

/// 执法岗位: a post within a 执法机构, with its duties (承办、审核、批准、法制审核、检查…) and the power
/// items it holds (`PostPower`). 分岗设权 (`002_*` 永政办〔2015〕98号 五(一)).
final class EnforcementPost: Model, @unchecked Sendable {
    static let schema = "enforcement_posts"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// The body, kept beside the unit so that scope checks need no join.
    @Parent(key: "agency_id") var agency: Agency
    @Parent(key: "unit_id") var unit: EnforcementUnit
    @Field(key: "name") var name: String
    @Field(key: "duties") var dutiesText: JSONText<[PostDuty]>

    init() {}

    init(id: UUID? = nil, agencyID: UUID, unitID: UUID, name: String, duties: Set<PostDuty>) {
        self.id = id
        self.$agency.id = agencyID
        self.$unit.id = unitID
        self.name = name
        self.dutiesText = JSONText(duties.sorted())
    }

    /// The post's duties, in their fixed order.
    var duties: Set<PostDuty> {
        get { Set(dutiesText.value) }
        set { dutiesText = JSONText(newValue.sorted()) }
    }

    var dutiesLabel: String { duties.sorted().map(\.label).joined(separator: "、") }
}
