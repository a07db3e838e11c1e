import Foundation
import Plot

/// 修改密码 page (also the forced change of an initial password).
struct PasswordPage {
    var principal: Principal
    var forced: Bool
    var problems: [FieldProblem] = []
    var done: Bool = false

    func render() -> HTML {
        let byField = Dictionary(grouping: problems, by: \.field).mapValues { $0.map(\.message).joined(separator: "；") }
        return Layout.console(title: "修改密码", principal: principal, active: SiteURL.consoleAccount, content: .div(
            .h1(.text("修改密码")),
            .if(forced, UI.alert("这是初始密码或已被管理员重置的密码，请先设置新密码后再使用系统。", kind: "warn")),
            .if(done, UI.alert("密码已修改。", kind: "ok")),
            UI.alert(problems.isEmpty ? nil : "密码未修改，请按提示更正。"),
            PasswordForm.node(csrf: principal.csrfToken, errors: byField)
        ))
    }
}

/// The change-password form, shared by the account page and the password page.
enum PasswordForm {
    static func node(csrf: String?, errors: [String: String] = [:]) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.consolePassword),
            UI.csrfField(csrf),
            UI.field("原密码", name: "currentPassword", type: .password, required: true,
                     error: errors["currentPassword"], autocomplete: "current-password"),
            UI.field("新密码", name: "newPassword", type: .password, required: true,
                     hint: "至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类，且不含用户名。",
                     error: errors["newPassword"], autocomplete: "new-password"),
            UI.field("确认新密码", name: "confirmPassword", type: .password, required: true,
                     error: errors["confirmPassword"], autocomplete: "new-password"),
            .button(.type(.submit), .text("修改密码"))
        )
    }
}
