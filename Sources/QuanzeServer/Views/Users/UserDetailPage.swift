import Foundation
import Plot
import QuanzeCore

/// One account: details, edit (系统管理员), unlock and role grants (安全管理员).
struct UserDetailPage {
    let principal: Principal
    let user: UserDTO
    let jurisdictions: [Jurisdiction]
    let agencies: [Agency]
    var message: String? = nil
    var error: String? = nil
    var resetPassword: String? = nil

    func render() -> HTML {
        let path = SiteURL.consoleUser(user.id)
        return Layout.console(title: "账号 \(user.username)", principal: principal, active: SiteURL.consoleUsers, content: .div(
            .h1(.text("账号：\(user.username)")),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .unwrap(resetPassword) { pw in
                .div(.class("alert ok"), .attribute(named: "role", value: "status"),
                     .p(.text("已重置密码。临时密码（仅显示一次，须在下次登录时修改）：")), .p(.class("token"), .text(pw)))
            },
            .section(.class("card"),
                     .dl(.dt(.text("姓名")), .dd(.text(user.displayName)),
                         .dt(.text("电话")), .dd(.text(user.phone ?? "—")),
                         .dt(.text("状态")), .dd(.text(UserStatusLabel.of(user))),
                         .dt(.text("角色")), .dd(.text(user.roles.isEmpty ? "未授予" : user.roles.map(\.label).joined(separator: "、"))),
                         .dt(.text("上次登录")), .dd(.text(UI.dateTime(user.lastLoginAt))))),
            .if(principal.has(.systemAdmin), editSection(path)),
            .if(principal.has(.securityAdmin), securitySection(path))
        ))
    }

    private func editSection(_ path: String) -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "edit-h"),
                 .h2(.id("edit-h"), .text("修改账号")),
                 .form(.method(.post), .action(path + "/edit"),
                       UI.csrfField(principal.csrfToken),
                       UI.field("姓名", name: "displayName", value: user.displayName, required: true),
                       UI.field("电话", name: "phone", type: .tel, hint: "留空则不修改；当前：\(user.phone ?? "无")"),
                       ScopeSelects.jurisdiction(jurisdictions, selected: user.jurisdictionId?.uuidString, error: nil),
                       ScopeSelects.agency(agencies, selected: user.agencyId?.uuidString, error: nil),
                       .button(.type(.submit), .text("保存"))),
                 .form(.method(.post), .action(path + "/reset-password"), .class("inline"),
                       UI.csrfField(principal.csrfToken), .button(.type(.submit), .class("secondary"), .text("重置密码"))),
                 .text(" "),
                 .form(.method(.post), .action(path + (user.disabled ? "/enable" : "/disable")), .class("inline"),
                       UI.csrfField(principal.csrfToken),
                       .button(.type(.submit), .class("secondary"), .text(user.disabled ? "启用账号" : "停用账号"))))
    }

    private func securitySection(_ path: String) -> Node<HTML.BodyContext> {
        let grantable = Role.allCases.filter { !user.roles.contains($0) }
        return .section(.class("card"), .attribute(named: "aria-labelledby", value: "role-h"),
                        .h2(.id("role-h"), .text("角色授权")),
                        .p(.class("hint"), .text("三员分立：系统管理员、安全管理员、审计管理员互斥，且不得兼任业务角色；监督员、评查员须有所属辖区，法制员、执法人员须有所属执法主体。")),
                        .ul(.forEach(user.roles) { role in
                            .li(.text(role.label + " "),
                                .form(.method(.post), .action(path + "/roles/\(role.rawValue)/revoke"), .class("inline"),
                                      UI.csrfField(principal.csrfToken),
                                      .button(.type(.submit), .class("secondary"), .text("撤销"),
                                              .attribute(named: "aria-label", value: "撤销角色 \(role.label)"))))
                        }),
                        .form(.method(.post), .action(path + "/roles"),
                              UI.csrfField(principal.csrfToken),
                              UI.select("授予角色", name: "role", options: grantable.map { ($0.rawValue, $0.label) }, selected: nil),
                              .button(.type(.submit), .text("授予"))),
                        .if(user.locked, .form(.method(.post), .action(path + "/unlock"),
                                               UI.csrfField(principal.csrfToken),
                                               .button(.type(.submit), .text("解除锁定")))))
    }
}
