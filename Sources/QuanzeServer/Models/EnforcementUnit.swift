import Fluent
import Foundation

/// 执法机构: an internal unit of an enforcement body (科、队、所) to which its 职权 are
/// distributed (`000_*` 国办发〔2005〕37号 二(二) 分解执法职权). The name is unique within the body.
final class EnforcementUnit: Model, @unchecked Sendable {
    static let schema = "enforcement_units"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "name") var name: String
    @OptionalField(key: "description") var description: String?

    init() {}

    init(id: UUID? = nil, agencyID: UUID, name: String, description: String?) {
        self.id = id
        self.$agency.id = agencyID
        self.name = name
        self.description = description
    }
}
