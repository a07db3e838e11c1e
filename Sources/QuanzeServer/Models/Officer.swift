import Fluent
import Foundation
import QuanzeCore

/// 执法人员: a person working at an enforcement body. The 身份证号 is stored whole (it is checked
/// against GB 11643 and needed for certificates) and only ever shown masked.
final class Officer: Model, @unchecked Sendable {
    static let schema = "officers"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "name") var name: String
    /// 公民身份号码 (GB 11643-1999), 18 characters, check digit verified.
    @Field(key: "id_number") var idNumber: String
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "employment") var employment: EmploymentType
    @Field(key: "status") var status: OfficerStatus
    /// Date the person joined the body (YYYY-MM-DD): before a first certificate they are 新录用人员.
    @Field(key: "hired_on") var hiredOn: String
    /// 法律职业资格 (needed by a first-time 法制审核 reviewer, 行政处罚法 第五十八条).
    @Field(key: "legal_profession_qualified") var legalProfessionQualified: Bool
    /// The console account of the person, if they have one.
    @OptionalParent(key: "user_id") var user: User?

    init() {}

    init(id: UUID? = nil, agencyID: UUID, name: String, idNumber: String, phone: String?,
         employment: EmploymentType, hiredOn: String, legalProfessionQualified: Bool = false) {
        self.id = id
        self.$agency.id = agencyID
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.employment = employment
        self.status = .serving
        self.hiredOn = hiredOn
        self.legalProfessionQualified = legalProfessionQualified
    }
}
