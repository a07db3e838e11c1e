import Foundation
import Plot
import QuanzeCore

/// 用户管理: list with search and status filter.
struct UsersPage {
    let principal: Principal
    let users: [UserDTO]
    let page: PageInfo
    let q: String
    let status: String
    let agencyNames: [UUID: String]

    func render() -> HTML {
        Layout.console(title: "用户管理", principal: principal, active: SiteURL.consoleUsers, content: .div(
            .h1(.text("用户管理")),
            .if(principal.has(.systemAdmin), .p(.a(.class("button"), .href(SiteURL.consoleUsersNew), .text("新建账号")))),
            .form(.method(.get), .action(SiteURL.consoleUsers), .class("filters"),
                  UI.field("搜索（用户名或姓名）", name: "q", value: q),
                  UI.select("状态", name: "status", options: [("all", "全部"), ("locked", "锁定中"), ("disabled", "已停用"),
                                                             ("norole", "未授予角色"), ("pending", "待修改初始密码")], selected: status),
                  .button(.type(.submit), .text("筛选"))),
            UI.table(caption: "账号列表（共 \(page.total) 个）", headers: ["用户名", "姓名", "电话", "角色", "所属单位", "状态"],
                     rows: users.map { u in
                         [.a(.href(SiteURL.consoleUser(u.id)), .text(u.username)), .text(u.displayName), .text(u.phone ?? "—"),
                          .text(u.roles.isEmpty ? "未授予" : u.roles.map(\.label).joined(separator: "、")),
                          .text(u.agencyId.flatMap { agencyNames[$0] } ?? "—"),
                          .text(UserStatusLabel.of(u))]
                     }, empty: "没有符合条件的账号。")
        ))
    }
}

enum UserStatusLabel {
    static func of(_ u: UserDTO) -> String {
        var s: [String] = []
        if u.disabled { s.append("已停用") }
        if u.locked { s.append("锁定中") }
        if u.mustChangePassword { s.append("待改密") }
        if u.demo { s.append("演示账号") }
        return s.isEmpty ? "正常" : s.joined(separator: "、")
    }
}
