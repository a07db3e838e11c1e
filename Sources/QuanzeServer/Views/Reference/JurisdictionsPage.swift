import Foundation
import Plot
import QuanzeCore

/// 辖区与规则: each government and the rule profile it has chosen.
struct JurisdictionsPage {
    let principal: Principal
    let jurisdictions: [Jurisdiction]
    let profiles: [RuleProfile]
    var message: String? = nil
    var error: String? = nil

    func render() -> HTML {
        Layout.console(title: "辖区与规则", principal: principal, active: SiteURL.consoleJurisdictions, content: .div(
            .h1(.text("辖区与规则")),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            UI.table(caption: "辖区", headers: ["行政区划代码", "政府", "行政执法监督机关", "规则配置"], rows: jurisdictions.map { j in
                [.text(j.regionCode), .text(j.governmentName), .text(j.legalOfficeName), profileCell(j)]
            }),
            .if(principal.has(.systemAdmin), addForm)
        ))
    }

    private var addForm: Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "add-j"),
                 .h2(.id("add-j"), .text("登记辖区")),
                 .form(.method(.post), .action(SiteURL.consoleJurisdictions),
                       UI.csrfField(principal.csrfToken),
                       UI.field("行政区划代码", name: "regionCode", required: true, hint: "6 位数字（GB/T 2260），如 220100"),
                       UI.field("辖区名称", name: "name", required: true, hint: "如 长春市"),
                       UI.field("政府名称", name: "governmentName", required: true, hint: "如 长春市人民政府"),
                       UI.field("行政执法监督机关", name: "legalOfficeName", required: true, hint: "如 长春市司法局"),
                       UI.select("规则配置", name: "profileId", options: profiles.map { ($0.id, "\($0.id)（\($0.name)）") }, selected: "national"),
                       .button(.type(.submit), .text("登记"))))
    }

    private func profileCell(_ j: Jurisdiction) -> Node<HTML.BodyContext> {
        guard principal.has(.systemAdmin) else {
            return .a(.href(SiteURL.consoleProfile(j.profileID)), .text(j.profileID))
        }
        return .form(.method(.post), .action(SiteURL.consoleJurisdictions + "/\(j.id!)/profile"), .class("filters"),
                     UI.csrfField(principal.csrfToken),
                     .div(.class("field"),
                          .label(.for("profile-\(j.id!)"), .text("\(j.name)的规则配置")),
                          .select(.attribute(named: "name", value: "profileId"), .id("profile-\(j.id!)"),
                                  .forEach(profiles) { p in UI.option(p.id, "\(p.id)（\(p.name)）", selected: p.id == j.profileID) })),
                     .button(.type(.submit), .text("保存")))
    }
}

/// 执法主体 (console, scoped).
struct AgenciesPage {
    let principal: Principal
    let agencies: [Agency]

    func render() -> HTML {
        Layout.console(title: "执法主体", principal: principal, active: SiteURL.consoleAgencies, content: .div(
            .h1(.text("执法主体")),
            .if(principal.has(.supervisor), .p(.a(.class("button"), .href(SiteURL.consoleAgenciesNew), .text("登记执法主体")))),
            UI.table(caption: "您范围内的执法主体（共 \(agencies.count) 个）",
                     headers: ["名称", "主体类别", "层级", "管理体制", "统一社会信用代码", "主体资格"],
                     rows: agencies.map { a in
                         [.a(.href(SiteURL.consoleAgency(a.id!)), .text(a.name + (a.isLegalOffice ? "（行政执法监督机关）" : ""))),
                          .text(a.kind.label), .text(a.level), .text(a.managementMode.label), .text(a.uscc ?? "—"),
                          .span(.class(a.mayEnforce ? "badge ok" : "badge warn"), .text(a.status.label))]
                     }, empty: "您的范围内没有执法主体。")
        ))
    }
}
