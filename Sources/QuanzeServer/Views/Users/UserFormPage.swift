import Foundation
import Plot
import QuanzeCore

/// 新建账号 (系统管理员).
struct UserFormPage {
    let principal: Principal
    let jurisdictions: [Jurisdiction]
    let agencies: [Agency]
    var values: [String: String] = [:]
    var problems: [FieldProblem] = []
    var created: CreatedUserDTO? = nil

    func render() -> HTML {
        let errors = Dictionary(grouping: problems, by: \.field).mapValues { $0.map(\.message).joined(separator: "；") }
        return Layout.console(title: "新建账号", principal: principal, active: SiteURL.consoleUsers, content: .div(
            .h1(.text("新建账号")),
            .unwrap(created) { c in
                .div(.class("alert ok"), .attribute(named: "role", value: "status"),
                     .p(.text("已创建账号 \(c.user.username)。初始密码（仅显示一次，须在首次登录时修改）：")),
                     .p(.class("token"), .text(c.initialPassword)),
                     .p(.a(.href(SiteURL.consoleUser(c.user.id)), .text("查看账号；角色由安全管理员授予"))))
            },
            UI.alert(problems.isEmpty ? nil : "账号未创建，请按提示更正。"),
            .form(.method(.post), .action(SiteURL.consoleUsersNew),
                  UI.csrfField(principal.csrfToken),
                  UI.field("用户名", name: "username", value: values["username"], required: true,
                           hint: "3–32 位小写字母、数字或 . _ -", error: errors["username"]),
                  UI.field("姓名", name: "displayName", value: values["displayName"], required: true, error: errors["displayName"]),
                  UI.field("电话", name: "phone", type: .tel, value: values["phone"], error: errors["phone"]),
                  ScopeSelects.jurisdiction(jurisdictions, selected: values["jurisdictionId"], error: errors["jurisdictionId"]),
                  ScopeSelects.agency(agencies, selected: values["agencyId"], error: errors["agencyId"]),
                  .button(.type(.submit), .text("创建账号")))
        ))
    }
}

/// Selects for an account's jurisdiction and agency.
enum ScopeSelects {
    static func jurisdiction<C: HTML.BodyContext>(_ list: [Jurisdiction], selected: String?, error: String?) -> Node<C> {
        .group(UI.select("所属辖区", name: "jurisdictionId",
                         options: [("", "（无）")] + list.map { ($0.id!.uuidString, $0.name) }, selected: selected ?? ""),
               .unwrap(error) { .p(.class("error-text"), .text($0)) })
    }

    static func agency<C: HTML.BodyContext>(_ list: [Agency], selected: String?, error: String?) -> Node<C> {
        .group(UI.select("所属执法主体", name: "agencyId",
                         options: [("", "（无）")] + list.map { ($0.id!.uuidString, $0.name) }, selected: selected ?? ""),
               .unwrap(error) { .p(.class("error-text"), .text($0)) })
    }
}
