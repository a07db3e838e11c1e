import Foundation
import Plot

/// 工作台 home: the signed-in user's counts and to-dos.
struct HomePage {
    let principal: Principal
    let dashboard: Dashboard
    let scopeLabel: String

    func render() -> HTML {
        Layout.console(title: "工作台", principal: principal, active: SiteURL.console, content: .div(
            .h1(.text("工作台")),
            .p(.text("您好，\(principal.displayName)。角色：\(principal.roleLabels.isEmpty ? "尚未授予角色，请联系安全管理员" : principal.roleLabels)；范围：\(scopeLabel)。")),
            .section(.attribute(named: "aria-labelledby", value: "counts-h"),
                     .h2(.id("counts-h"), .text("数据概览")),
                     dashboard.counts.isEmpty
                        ? .p(.class("empty"), .text("暂无与您的角色相关的统计。"))
                        : .div(.class("stats"), .forEach(dashboard.counts) { UI.stat($0.label, $0.value, href: $0.href) })),
            .section(.attribute(named: "aria-labelledby", value: "todo-h"),
                     .h2(.id("todo-h"), .text("待办事项")),
                     dashboard.todos.isEmpty
                        ? .p(.class("empty"), .text("暂无待办事项。"))
                        : .ul(.forEach(dashboard.todos) { t in
                            .li(.unwrap(t.href, { .a(.href($0), .text(t.text)) }, else: .text(t.text)))
                        }))
        ))
    }
}
