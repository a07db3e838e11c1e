import Foundation
import Plot

/// 登录 page.
struct LoginPage {
    var csrfToken: String
    var username: String = ""
    var next: String = ""
    var error: String? = nil
    var notice: String? = nil

    func render() -> HTML {
        Layout.console(title: "登录", principal: nil, content: .div(
            .class("login card"),
            .h1(.text("登录工作台")),
            UI.alert(notice, kind: "warn"),
            UI.alert(error),
            .form(
                .method(.post), .action(SiteURL.consoleLogin),
                UI.csrfField(csrfToken),
                .input(.type(.hidden), .name("next"), .value(next)),
                UI.field("用户名", name: "username", value: username, required: true, autocomplete: "username"),
                UI.field("密码", name: "password", type: .password, required: true, autocomplete: "current-password"),
                .button(.type(.submit), .text("登录"))
            ),
            .p(.class("hint"), .text("连续 5 次密码错误将锁定账号 15 分钟；空闲 30 分钟自动退出。"))
        ))
    }
}
