import Fluent
import Foundation

/// 行政区/政府: a government whose legal office (司法局/法制办) supervises enforcement in its region,
/// and which chooses a rule profile (规则配置).
final class Jurisdiction: Model, @unchecked Sendable {
    static let schema = "jurisdictions"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    /// 行政区划代码 (GB/T 2260), e.g. 220100.
    @Field(key: "region_code") var regionCode: String
    @Field(key: "name") var name: String
    @Field(key: "government_name") var governmentName: String
    @Field(key: "legal_office_name") var legalOfficeName: String
    /// Rule profile id (e.g. `national`).
    @Field(key: "profile_id") var profileID: String

    init() {}

    init(id: UUID? = nil, regionCode: String, name: String, governmentName: String,
         legalOfficeName: String, profileID: String) {
        self.id = id
        self.regionCode = regionCode
        self.name = name
        self.governmentName = governmentName
        self.legalOfficeName = legalOfficeName
        self.profileID = profileID
    }
}
