import Foundation
import Plot
import QuanzeCore

/// 我的账号: profile, change password, API tokens.
struct AccountPage {
    let principal: Principal
    let user: UserDTO
    let scope: String
    let tokens: [TokenDTO]
    var issued: IssuedTokenDTO? = nil
    var error: String? = nil

    func render() -> HTML {
        Layout.console(title: "我的账号", principal: principal, active: SiteURL.consoleAccount, content: .div(
            .h1(.text("我的账号")),
            UI.alert(error),
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "info-h"),
                     .h2(.id("info-h"), .text("基本信息")),
                     .dl(.dt(.text("用户名")), .dd(.text(user.username)),
                         .dt(.text("姓名")), .dd(.text(user.displayName)),
                         .dt(.text("电话")), .dd(.text(user.phone ?? "—")),
                         .dt(.text("角色")), .dd(.text(principal.roleLabels.isEmpty ? "未授予" : principal.roleLabels)),
                         .dt(.text("范围")), .dd(.text(scope)),
                         .dt(.text("上次登录")), .dd(.text(UI.dateTime(user.lastLoginAt))))),
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "pw-h"),
                     .h2(.id("pw-h"), .text("修改密码")),
                     PasswordForm.node(csrf: principal.csrfToken)),
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "tok-h"),
                     .h2(.id("tok-h"), .text("API 令牌")),
                     .p(.class("hint"), .text("供系统对接使用：请求时在 Authorization 头中携带 “Bearer 令牌”。令牌仅在创建时显示一次，有效期 90 天。")),
                     .unwrap(issued) { t in
                         .div(.class("alert ok"), .attribute(named: "role", value: "status"),
                              .p(.text("已创建令牌“\(t.name)”，请立即复制保存：")),
                              .p(.class("token"), .text(t.token)))
                     },
                     UI.table(caption: "我的 API 令牌", headers: ["名称", "创建时间", "到期时间", "最近使用", "状态", "操作"],
                              rows: tokens.map(row), empty: "尚未创建 API 令牌。"),
                     .form(.method(.post), .action(SiteURL.consoleTokens),
                           UI.csrfField(principal.csrfToken),
                           UI.field("令牌名称", name: "name", required: true, hint: "例如：统计报表对接"),
                           .button(.type(.submit), .text("创建令牌"))))
        ))
    }

    private func row(_ t: TokenDTO) -> [Node<HTML.BodyContext>] {
        [.text(t.name), .text(UI.dateTime(t.createdAt)), .text(UI.dateTime(t.expiresAt)), .text(UI.dateTime(t.lastUsedAt)),
         .text(t.revoked ? "已吊销" : "有效"),
         t.revoked ? .text("—") : .form(.method(.post), .action(SiteURL.consoleToken(t.id)), .class("inline"),
                                        UI.csrfField(principal.csrfToken),
                                        .button(.type(.submit), .class("secondary"), .text("吊销"),
                                                .attribute(named: "aria-label", value: "吊销令牌 \(t.name)")))]
    }
}
