import Fluent
import Foundation
import QuanzeCore

/// A second demo government, 北京市通州区, on the `beijing-tongzhou` profile: its officer rules
/// (60/72 学时, 暂扣 2 个月, 3 次核销; 通政发〔2008〕8号) differ from 长春's, and the demo shows both.
enum DemoTongzhou {
    static let jurisdictionKey = "jurisdiction:110112"
    static let profileID = "beijing-tongzhou"

    static let agencies: [(key: String, name: String, kind: AgencyKind, legalOffice: Bool)] = [
        ("tzmoj", "北京市通州区司法局", .statutoryOrgan, true),
        ("tzamr", "北京市通州区市场监督管理局", .statutoryOrgan, false),
        ("tzurban", "北京市通州区城市管理综合行政执法局", .concentratedPenaltyOrganization, false),
    ]

    static let accounts: [DemoData.Account] = [
        DemoData.Account(username: "supervisor.tz", name: "白通明", role: .supervisor, agency: "tzmoj", phone: "13801120011"),
        DemoData.Account(username: "legal.tzamr", name: "袁法正", role: .legalOfficer, agency: "tzamr", phone: "13801120101"),
    ]

    static func load(profiles: ProfileRegistry, now: Date, on db: any Database) async throws -> UUID {
        let jurisdictionID = DemoIDs.uuid(jurisdictionKey)
        let profile = profiles.profile(id: profileID) != nil ? profileID : RuleProfile.nationalID
        try await Jurisdiction(id: jurisdictionID, regionCode: "110112", name: "通州区", governmentName: "北京市通州区人民政府",
                               legalOfficeName: "北京市通州区司法局", profileID: profile).create(on: db)
        for (i, row) in agencies.enumerated() {
            let category = "11"
            let first17 = category + "110112" + "MB" + String(format: "%07d", 2_800_203 + i * 41)
            let a = Agency(id: DemoIDs.uuid("agency:\(row.key)"), jurisdictionID: jurisdictionID, name: row.name,
                           uscc: first17 + String(UnifiedSocialCreditCode.checkCharacter(for: first17)!), kind: row.kind,
                           level: "县级", managementMode: .territorial, isLegalOffice: row.legalOffice)
            a.regionCode = "110112"
            a.status = .announced
            a.confirmationRef = "通司确〔2025〕\(i + 1)号"
            a.confirmedAt = now
            a.confirmedBy = "supervisor.tz"
            a.announcementRef = "通州区人民政府公告〔2025〕第\(i + 5)号"
            a.announcedOn = "2025-04-0\(i + 1)"
            a.complaintChannelsJSON = JSONText(["投诉举报电话：12345（北京市民服务热线）", "执法监督电话：010-6954\(String(format: "%04d", 2100 + i))"])
            try await a.create(on: db)
        }
        return jurisdictionID
    }
}
