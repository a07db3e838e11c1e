import Fluent
import Foundation
import QuanzeCore

/// 执法主体: an enforcement body. The 职责界定 issue extends it (confirmation, delegation, …).
final class Agency: Model, @unchecked Sendable {
    static let schema = "agencies"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    @Field(key: "name") var name: String
    /// 统一社会信用代码 (GB 32100-2015).
    @OptionalField(key: "uscc") var uscc: String?
    @Field(key: "kind") var kind: AgencyKind
    @Field(key: "level") var level: String
    @Field(key: "management_mode") var managementMode: ManagementMode
    /// The government's legal office itself (司法局), which supervises the others.
    @Field(key: "is_legal_office") var isLegalOffice: Bool

    // relationships
    @Parent(key: "jurisdiction_id") var jurisdiction: Jurisdiction

    init() {}

    init(id: UUID? = nil, jurisdictionID: UUID, name: String, uscc: String?, kind: AgencyKind,
         level: String, managementMode: ManagementMode, isLegalOffice: Bool = false) {
        self.id = id
        self.$jurisdiction.id = jurisdictionID
        self.name = name
        self.uscc = uscc
        self.kind = kind
        self.level = level
        self.managementMode = managementMode
        self.isLegalOffice = isLegalOffice
    }
}

/// 执法主体类别.
enum AgencyKind: String, Codable, CaseIterable, Sendable {
    case statutoryOrgan = "statutory_organ"               // 法定行政机关
    case authorizedOrganization = "authorized_org"        // 法律法规授权组织
    case entrustedOrganization = "entrusted_org"          // 受委托组织
    case concentratedPenaltyOrganization = "concentrated_penalty_org" // 相对集中行使处罚权的组织

    var label: String {
        switch self {
        case .statutoryOrgan: "法定行政机关"
        case .authorizedOrganization: "法律法规授权组织"
        case .entrustedOrganization: "受委托组织"
        case .concentratedPenaltyOrganization: "相对集中行使处罚权的组织"
        }
    }
}

/// 管理体制.
enum ManagementMode: String, Codable, CaseIterable, Sendable {
    case territorial   // 属地
    case vertical      // 垂直
    case dual          // 双重

    var label: String {
        switch self {
        case .territorial: "属地管理"
        case .vertical: "垂直管理"
        case .dual: "双重管理"
        }
    }
}
