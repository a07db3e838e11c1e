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
    /// 行政区划代码 of the area the body serves (GB/T 2260).
    @OptionalField(key: "region_code") var regionCode: String?
    @Field(key: "status") var status: AgencyStatus
    /// 确认文件文号 of the legal office's confirmation of the body's qualification.
    @OptionalField(key: "confirmation_ref") var confirmationRef: String?
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "confirmed_by") var confirmedBy: String?
    /// 公告文号 and date (YYYY-MM-DD) of the public announcement.
    @OptionalField(key: "announcement_ref") var announcementRef: String?
    @OptionalField(key: "announced_on") var announcedOn: String?
    /// Why a 统一社会信用代码 failing the check character was accepted (pilot regions before the standard).
    @OptionalField(key: "uscc_exception_reason") var usccExceptionReason: String?
    /// 投诉举报渠道 (phone, address, mailbox …), one entry per line, published on the portal.
    @OptionalField(key: "complaint_channels") var complaintChannelsJSON: JSONText<[String]>?

    var complaintChannels: [String] { complaintChannelsJSON?.value ?? [] }

    // relationships
    @Parent(key: "jurisdiction_id") var jurisdiction: Jurisdiction
    /// 上级主管/监督机关 (e.g. the upper-level department of a vertically managed body).
    @OptionalParent(key: "supervising_agency_id") var supervisingAgency: Agency?

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
        self.status = .pending
    }

    /// Only a confirmed and publicly announced body may enforce (`002_*` 四(二); `004_*` 篇二 第五条).
    var mayEnforce: Bool { status == .announced }
}

/// 主体资格状态: 待确认 → 已确认 (by the legal office) → 已公告 (may enforce); 已撤销.
enum AgencyStatus: String, Codable, CaseIterable, Sendable {
    case pending, confirmed, announced, revoked

    var label: String {
        switch self {
        case .pending: "待确认"
        case .confirmed: "已确认（待公告）"
        case .announced: "已公告"
        case .revoked: "已撤销"
        }
    }
}

/// 层级.
enum AgencyLevel: String, CaseIterable, Sendable {
    case province = "省级", city = "市级", county = "县级", township = "乡镇级"
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
