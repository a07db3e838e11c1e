import Foundation
import QuanzeCore

/// The demo city's enforcement bodies: one row each (key, name, kind, mode, USCC serial).
enum DemoAgencies {
    struct Row: Sendable {
        let key: String
        let name: String
        let kind: AgencyKind
        let mode: ManagementMode
        let isLegalOffice: Bool
    }

    static let rows: [Row] = [
        Row(key: "moj", name: "长春市司法局", kind: .statutoryOrgan, mode: .territorial, isLegalOffice: true),
        Row(key: "amr", name: "长春市市场监督管理局", kind: .statutoryOrgan, mode: .territorial, isLegalOffice: false),
        Row(key: "eco", name: "长春市生态环境局", kind: .statutoryOrgan, mode: .dual, isLegalOffice: false),
        Row(key: "trans", name: "长春市交通运输局", kind: .statutoryOrgan, mode: .territorial, isLegalOffice: false),
        Row(key: "urban", name: "长春市城市管理行政执法局", kind: .concentratedPenaltyOrganization, mode: .territorial, isLegalOffice: false),
        Row(key: "housing", name: "长春市住房和城乡建设局", kind: .statutoryOrgan, mode: .territorial, isLegalOffice: false),
        Row(key: "land", name: "长春市自然资源局", kind: .statutoryOrgan, mode: .dual, isLegalOffice: false),
        Row(key: "health", name: "长春市卫生健康委员会", kind: .statutoryOrgan, mode: .territorial, isLegalOffice: false),
        Row(key: "emergency", name: "长春市应急管理局", kind: .statutoryOrgan, mode: .territorial, isLegalOffice: false),
        Row(key: "culture", name: "长春市文化广播电视和旅游局", kind: .statutoryOrgan, mode: .territorial, isLegalOffice: false),
        Row(key: "agri", name: "长春市农业农村局", kind: .statutoryOrgan, mode: .territorial, isLegalOffice: false),
        Row(key: "water", name: "长春市水利局", kind: .statutoryOrgan, mode: .territorial, isLegalOffice: false),
        Row(key: "hrss", name: "长春市人力资源和社会保障局", kind: .statutoryOrgan, mode: .territorial, isLegalOffice: false),
        Row(key: "edu", name: "长春市教育局", kind: .statutoryOrgan, mode: .territorial, isLegalOffice: false),
        Row(key: "commerce", name: "长春市商务局", kind: .statutoryOrgan, mode: .territorial, isLegalOffice: false),
        Row(key: "police", name: "长春市公安局", kind: .statutoryOrgan, mode: .dual, isLegalOffice: false),
        Row(key: "tax", name: "国家税务总局长春市税务局", kind: .statutoryOrgan, mode: .vertical, isLegalOffice: false),
        Row(key: "tobacco", name: "长春市烟草专卖局", kind: .statutoryOrgan, mode: .vertical, isLegalOffice: false),
        Row(key: "fund", name: "长春市住房公积金管理中心", kind: .authorizedOrganization, mode: .territorial, isLegalOffice: false),
        Row(key: "healthsup", name: "长春市卫生健康综合监督执法支队", kind: .entrustedOrganization, mode: .territorial, isLegalOffice: false),
        Row(key: "amrteam", name: "长春市市场监管综合行政执法支队", kind: .entrustedOrganization, mode: .territorial, isLegalOffice: false),
        // the delegate of 长春市市场监督管理局 in `DemoDelegations`
        Row(key: "foodteam", name: "长春市食品安全稽查支队", kind: .entrustedOrganization, mode: .territorial, isLegalOffice: false),
    ]

    /// Registry state: most bodies confirmed and announced; 市场监管综合行政执法支队 still waits
    /// for confirmation and 卫生健康综合监督执法支队 is confirmed but not yet announced.
    static func register(_ a: Agency, row: Row, index: Int, now: Date) {
        a.regionCode = "220100"
        if row.key != "moj" { a.$supervisingAgency.id = nil }
        switch row.key {
        case "amrteam": a.status = .pending
        case "healthsup":
            a.status = .confirmed
            a.confirmationRef = "长司确〔2026〕\(index + 1)号"
            a.confirmedAt = now
            a.confirmedBy = "supervisor1"
        default:
            a.status = .announced
            a.confirmationRef = "长司确〔2025〕\(index + 1)号"
            a.confirmedAt = now
            a.confirmedBy = "supervisor1"
            a.announcementRef = "长春市人民政府公告〔2025〕第\(index + 3)号"
            a.announcedOn = "2025-03-\(String(format: "%02d", 10 + index % 15))"
            a.complaintChannelsJSON = JSONText(["投诉举报电话：12345（长春市政务服务便民热线）",
                                                "执法监督电话：0431-8876\(String(format: "%04d", 1000 + index * 7))",
                                                "来信地址：长春市人民大街\(1000 + index * 11)号 \(row.name)法制机构（邮编 130000）"])
        }
    }

    /// A valid 统一社会信用代码 (GB 32100-2015) for row `index`: 1 (机构编制) + 1 (机关) or 2 (事业单位),
    /// region 220100, a 9-character organisation code, and the computed check character.
    static func uscc(index: Int, kind: AgencyKind) -> String {
        let category = kind == .statutoryOrgan || kind == .concentratedPenaltyOrganization ? "11" : "12"
        let first17 = category + "220100" + "MB" + String(format: "%07d", 1_900_101 + index * 37)
        return first17 + String(UnifiedSocialCreditCode.checkCharacter(for: first17)!)
    }
}
