import Foundation
import Plot

/// The Chinese error page.
struct ErrorPage {
    let error: AppError
    let principal: Principal?

    var heading: String {
        switch error.status.code {
        case 401: "请先登录"
        case 403: "无权访问"
        case 404: "页面不存在"
        case 405: "请求方法不被支持"
        case 413: "提交的内容过大"
        case 400, 422: "提交的内容有误"
        case 500...: "服务器出错了"
        default: "请求无法完成"
        }
    }

    func render() -> HTML {
        let content: Node<HTML.BodyContext> = .div(
            .h1(.text(heading)),
            .div(.class("alert error"), .attribute(named: "role", value: "alert"), .text(error.message)),
            .p(.class("hint"), .text("错误代码：\(error.code)（HTTP \(error.status.code)）")),
            .p(.a(.href(principal == nil ? SiteURL.home : SiteURL.console), .text(principal == nil ? "返回首页" : "返回工作台")))
        )
        return principal == nil
            ? Layout.publicPage(title: heading, content: content)
            : Layout.console(title: heading, principal: principal, content: content)
    }
}
