import Foundation
import Plot
import QuanzeCore

/// 执法人员 list: 身份证号 and phone masked; qualification and certificate status at a glance.
struct OfficerListPage {
    let principal: Principal
    let rows: [OfficerSummary]
    let agencies: [Agency]
    let filter: OfficerQueries.Filter
    let page: PageInfo
    let today: LocalDate

    func render() -> HTML {
        let canAdd = principal.hasAny([.supervisor, .legalOfficer])
        return Layout.console(title: "执法人员", principal: principal, active: SiteURL.consoleOfficers, content: .div(
            .h1(.text("执法人员")),
            .if(canAdd, .p(.a(.class("button"), .href(SiteURL.consoleOfficersNew), .text("登记执法人员")))),
            .form(.method(.get), .action(SiteURL.consoleOfficers), .class("search"),
                  UI.field("姓名", name: "q", value: filter.query),
                  UI.select("执法主体", name: "agencyId", options: [("", "全部")] + agencies.map { ($0.id!.uuidString, $0.name) },
                            selected: filter.agencyID?.uuidString),
                  UI.select("用工性质", name: "employment", options: [("", "全部")] + EmploymentType.allCases.map { ($0.rawValue, $0.label) },
                            selected: filter.employment?.rawValue),
                  .button(.type(.submit), .text("筛选"))),
            UI.table(caption: "执法人员（共 \(page.total) 人）", headers: ["姓名", "执法主体", "身份证号", "用工性质", "执法资格", "证件"], rows: rows.map { s in
                [.a(.href(SiteURL.consoleOfficer(s.officer.id!)), .text(s.officer.name)), .text(s.agency.name),
                 .text(PersonalDataMasker.maskIDNumber(s.officer.idNumber)), .text(s.officer.employment.label),
                 s.qualification.qualified ? .span(.class("badge ok"), .text("具备")) : .span(.class("badge warn"), .text("不具备")),
                 .unwrap(s.certificate, { c in .text("\(c.number)（\(CertificateView.publicStatus(c, today: today).rawValue)）") }, else: .text("—"))]
            }, empty: "没有符合条件的执法人员。"),
            pager
        ))
    }

    private var pager: Node<HTML.BodyContext> {
        let pages = max(1, (page.total + page.per - 1) / page.per)
        guard pages > 1 else { return .empty }
        func link(_ n: Int) -> String {
            var parts = ["page=\(n)"]
            if let q = filter.query { parts.append("q=\(q.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")") }
            if let a = filter.agencyID { parts.append("agencyId=\(a)") }
            if let e = filter.employment { parts.append("employment=\(e.rawValue.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")") }
            return SiteURL.consoleOfficers + "?" + parts.joined(separator: "&")
        }
        return .nav(.class("pager"), .attribute(named: "aria-label", value: "分页"),
                    .if(page.page > 1, .a(.href(link(page.page - 1)), .text("上一页"))),
                    .span(.text(" 第 \(page.page) / \(pages) 页 ")),
                    .if(page.page < pages, .a(.href(link(page.page + 1)), .text("下一页"))))
    }
}

/// 登记执法人员.
struct OfficerNewPage {
    let principal: Principal
    let agencies: [Agency]
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    var error: String? = nil

    func render() -> HTML {
        Layout.console(title: "登记执法人员", principal: principal, active: SiteURL.consoleOfficers, content: .div(
            .h1(.text("登记执法人员")),
            UI.alert(error),
            .form(.method(.post), .action(SiteURL.consoleOfficersNew),
                  UI.csrfField(principal.csrfToken),
                  UI.select("执法主体", name: "agencyId", options: agencies.map { ($0.id!.uuidString, $0.name) }, selected: values["agencyId"], required: true),
                  UI.field("姓名", name: "name", value: values["name"], required: true, error: errors["name"]),
                  UI.field("公民身份号码", name: "idNumber", value: values["idNumber"], required: true,
                           hint: "18 位，按 GB 11643-1999 校验；保存后只显示脱敏号码", error: errors["idNumber"]),
                  UI.field("联系电话", name: "phone", type: .tel, value: values["phone"], error: errors["phone"]),
                  UI.select("用工性质", name: "employment", options: EmploymentType.allCases.map { ($0.rawValue, $0.label) },
                            selected: values["employment"], required: true),
                  UI.field("入职日期", name: "hiredOn", type: .date, value: values["hiredOn"], required: true, error: errors["hiredOn"]),
                  .div(.class("field"), .label(.input(.type(.checkbox), .name("legalProfessionQualified"), .value("true")),
                                               .text(" 具有法律职业资格"))),
                  .button(.type(.submit), .text("登记")))
        ))
    }
}
