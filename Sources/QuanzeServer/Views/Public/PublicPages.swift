import Foundation
import Plot

/// 行政执法公示 home.
struct PublicHomePage {
    let jurisdictions: [Jurisdiction]
    let agencyCount: Int
    let kinds: [(label: String, count: Int)]

    func render() -> HTML {
        Layout.publicPage(title: "首页", content: .div(
            .h1(.text("行政执法公示")),
            .p(.text("依法公开行政执法主体、职责权限、执法依据、执法程序和执法结果，接受社会监督。有权必有责、用权受监督、违法受追究。")),
            .section(.attribute(named: "aria-labelledby", value: "gov-h"),
                     .h2(.id("gov-h"), .text("辖区")),
                     .ul(.forEach(jurisdictions) { j in .li(.text("\(j.governmentName)（行政执法监督机关：\(j.legalOfficeName)）")) })),
            .section(.attribute(named: "aria-labelledby", value: "ag-h"),
                     .h2(.id("ag-h"), .text("执法主体")),
                     .div(.class("stats"),
                          UI.stat("执法主体总数", agencyCount, href: SiteURL.publicAgencies),
                          .forEach(kinds) { UI.stat($0.label, $0.count) }))
        ))
    }
}

/// Public list of enforcement bodies.
struct PublicAgenciesPage {
    let agencies: [Agency]

    func render() -> HTML {
        Layout.publicPage(title: "执法主体", content: .div(
            .h1(.text("执法主体公示")),
            UI.table(caption: "执法主体名录（共 \(agencies.count) 个）",
                     headers: ["名称", "主体类别", "层级", "管理体制", "统一社会信用代码", "公告"],
                     rows: agencies.map { a in
                         [.a(.href(SiteURL.publicAgency(a.id!)), .text(a.name)), .text(a.kind.label), .text(a.level), .text(a.managementMode.label), .text(a.uscc ?? "—"),
                          .text("\(a.announcementRef ?? "")（\(a.announcedOn ?? "")）")]
                     }),
            .p(.class("hint"), .text("仅列出经行政执法监督机关确认并公告的执法主体；未经确认、公告的主体不得从事行政执法。"))
        ))
    }
}
