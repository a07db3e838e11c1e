import Plot
import QuanzeCore

/// The two faces: the public portal (行政执法公示) and the workbench (工作台).
enum Layout {
    static func console(title: String, principal: Principal?, active: String? = nil,
                        content: Node<HTML.BodyContext>) -> HTML {
        HTML(
            .lang(.chinese),
            head(title: "\(title) - 权责 工作台"),
            .body(
                .a(.class("skip"), .href("#main"), .text("跳到主要内容")),
                .header(
                    .class("topbar"),
                    .a(.class("brand"), .href(SiteURL.console), .text("权责 · 行政执法责任制工作台")),
                    .unwrap(principal) { p in
                        .div(.class("who"),
                             .span(.text("\(p.displayName)（\(p.roleLabels.isEmpty ? "未授予角色" : p.roleLabels)）")),
                             .form(.method(.post), .action(SiteURL.consoleLogout), .class("inline"),
                                   UI.csrfField(p.csrfToken),
                                   .button(.type(.submit), .class("link-button"), .text("退出登录"))))
                    }
                ),
                .div(.class("shell"),
                     .unwrap(principal) { p in nav(p, active: active) },
                     .main(.id("main"), .class("content"), .attribute(named: "tabindex", value: "-1"), content)),
                footer()
            )
        )
    }

    static func publicPage(title: String, content: Node<HTML.BodyContext>) -> HTML {
        HTML(
            .lang(.chinese),
            head(title: "\(title) - 行政执法公示"),
            .body(
                .a(.class("skip"), .href("#main"), .text("跳到主要内容")),
                .header(.class("topbar public"),
                        .a(.class("brand"), .href(SiteURL.home), .text("行政执法公示平台")),
                        .nav(.attribute(named: "aria-label", value: "公示导航"), .class("public-nav"),
                             .a(.href(SiteURL.home), .text("首页")),
                             .a(.href(SiteURL.publicAgencies), .text("执法主体")),
                             .a(.href(SiteURL.publicLegalNorms), .text("执法依据")),
                             .a(.href(SiteURL.publicCertificates), .text("证件查询")),
                             .a(.href(SiteURL.publicRecords), .text("记录存证")),
                             .a(.href(SiteURL.publicInspections), .text("双随机抽查")),
                             .a(.href(SiteURL.publicDecisions), .text("执法决定")),
                             .a(.href(SiteURL.publicComplaints), .text("投诉举报")),
                             .a(.href(SiteURL.publicAssessments), .text("评议考核")),
                             .a(.href(SiteURL.publicFileReviews), .text("案卷评查")),
                             .a(.href(SiteURL.publicEvaluate), .text("执法评议")),
                             .a(.href(SiteURL.publicOpenData), .text("开放数据")),
                             .a(.href(SiteURL.consoleLogin), .text("工作人员登录")))),
                .main(.id("main"), .class("content public"), .attribute(named: "tabindex", value: "-1"), content),
                footer()
            )
        )
    }

    private static func head(title: String) -> Node<HTML.DocumentContext> {
        .head(
            .meta(.charset(.utf8)),
            .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
            .title(title),
            .stylesheet(SiteURL.stylesheet)
        )
    }

    private static func nav(_ p: Principal, active: String?) -> Node<HTML.BodyContext> {
        let items = NavItem.visible(to: p.roles)
        var modules: [String] = []
        for item in items where !modules.contains(item.module) { modules.append(item.module) }
        return .nav(
            .class("sidenav"), .attribute(named: "aria-label", value: "主导航"),
            .forEach(modules) { module in
                .div(.class("nav-group"),
                     .h2(.class("nav-module"), .text(module)),
                     .ul(.forEach(items.filter { $0.module == module }) { item in
                         .li(.a(.href(item.path),
                                .if(item.path == active, .attribute(named: "aria-current", value: "page")),
                                .text(item.title)))
                     }))
            }
        )
    }

    private static func footer() -> Node<HTML.BodyContext> {
        .footer(.class("site-footer"),
                .p(.text("权责 Quanze — 有权必有责、用权受监督、违法受追究")))
    }
}
