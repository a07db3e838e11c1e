import Fluent
import Foundation
import QuanzeCore

/// 行政执法责任书 between a government and a body (政府↔执法主体) or a body and one of its units
/// (执法主体↔执法机构), for one year: sections with targets and points (`003_*` 篇2: 五项 × 200分),
/// the signing dates of both parties, and a scanned attachment (`PledgeAttachment`).
/// `totalPoints` is the score the pledge carries into the year's assessment.
final class Pledge: Model, @unchecked Sendable {
    static let schema = "pledges"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Parent(key: "jurisdiction_id") var jurisdiction: Jurisdiction
    @Field(key: "year") var year: Int
    @Field(key: "party_kind") var partyKind: PledgePartyKind
    @Parent(key: "agency_id") var agency: Agency
    @OptionalParent(key: "unit_id") var unit: EnforcementUnit?
    @Field(key: "sections") var sectionsText: JSONText<[PledgeSection]>
    @Field(key: "total_points") var totalPoints: Int
    /// 甲方 (government, or the body for a unit pledge) and 乙方 signing dates, YYYY-MM-DD.
    @OptionalField(key: "first_party_signed_on") var firstPartySignedOn: String?
    @OptionalField(key: "second_party_signed_on") var secondPartySignedOn: String?
    @Field(key: "status") var status: PledgeStatus

    init() {}

    init(id: UUID? = nil, jurisdictionID: UUID, year: Int, partyKind: PledgePartyKind, agencyID: UUID, unitID: UUID?, sections: [PledgeSection]) {
        self.id = id
        self.$jurisdiction.id = jurisdictionID
        self.year = year
        self.partyKind = partyKind
        self.$agency.id = agencyID
        self.$unit.id = unitID
        self.sectionsText = JSONText(sections)
        self.totalPoints = sections.reduce(0) { $0 + $1.points }
        self.status = .draft
    }

    var sections: [PledgeSection] { sectionsText.value }
}

struct PledgeSection: Codable, Sendable, Equatable {
    var title: String
    var target: String
    var points: Int
}

/// 政府↔执法主体 or 执法主体↔执法机构.
enum PledgePartyKind: String, Codable, CaseIterable, Sendable {
    case governmentBody = "government_body"
    case bodyUnit = "body_unit"

    var label: String {
        switch self {
        case .governmentBody: "政府—执法主体"
        case .bodyUnit: "执法主体—执法机构"
        }
    }
}

/// 草拟 → 已签订.
enum PledgeStatus: String, Codable, CaseIterable, Sendable {
    case draft, signed

    var label: String {
        switch self {
        case .draft: "草拟"
        case .signed: "已签订"
        }
    }
}
