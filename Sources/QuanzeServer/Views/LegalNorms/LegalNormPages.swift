import Foundation
import Plot
import QuanzeCore

/// 执法依据 (console list).
struct LegalNormsPage {
    let principal: Principal
    let norms: [LegalNorm]
    let filter: LegalNormQueries.Filter

    func render() -> HTML {
        Layout.console(title: "执法依据", principal: principal, active: SiteURL.consoleLegalNorms, content: .div(
            .h1(.text("执法依据")),
            .if(principal.has(.supervisor), .p(.a(.class("button"), .href(SiteURL.consoleLegalNormsNew), .text("收录执法依据")))),
            LegalNormListView.node(norms: norms, filter: filter, action: SiteURL.consoleLegalNorms, link: SiteURL.consoleLegalNorm)
        ))
    }
}

/// 收录执法依据 (监督员).
struct LegalNormNewPage {
    let principal: Principal
    var values: [String: String] = [:]
    var error: AppError? = nil

    func render() -> HTML {
        let errors = Dictionary(grouping: error?.details?.problems ?? [], by: \.field).mapValues { $0.map(\.message).joined(separator: "；") }
        return Layout.console(title: "收录执法依据", principal: principal, active: SiteURL.consoleLegalNorms, content: .div(
            .h1(.text("收录执法依据")),
            UI.alert(error?.message),
            .form(.method(.post), .action(SiteURL.consoleLegalNormsNew),
                  UI.csrfField(principal.csrfToken),
                  UI.field("名称", name: "title", value: values["title"], required: true, hint: "如 中华人民共和国行政处罚法", error: errors["title"]),
                  UI.select("效力层级", name: "level", options: NormLevel.allCases.map { ($0.rawValue, $0.label) }, selected: values["level"]),
                  UI.field("制定机关", name: "issuer", value: values["issuer"], required: true, error: errors["issuer"]),
                  UI.field("文号", name: "documentNumber", value: values["documentNumber"], required: true, hint: "如 主席令第七十号", error: errors["documentNumber"]),
                  UI.field("公布日期", name: "promulgatedOn", type: .date, value: values["promulgatedOn"], required: true, error: errors["promulgatedOn"]),
                  UI.field("施行日期", name: "effectiveOn", type: .date, value: values["effectiveOn"], required: true, error: errors["effectiveOn"]),
                  .button(.type(.submit), .text("收录")))
        ))
    }
}

/// One norm: its articles, status changes and history.
struct LegalNormDetailPage {
    let principal: Principal
    let norm: LegalNorm
    let articles: [LegalArticle]
    let history: [LegalNormEvent]
    var message: String? = nil
    var error: String? = nil

    func render() -> HTML {
        let path = SiteURL.consoleLegalNorm(norm.id!)
        let manage = principal.has(.supervisor) && norm.status != .repealed
        return Layout.console(title: norm.title, principal: principal, active: SiteURL.consoleLegalNorms, content: .div(
            .h1(.text(norm.title)),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .section(.class("card"), LegalNormListView.summary(norm)),
            .h2(.text("条款")),
            LegalNormListView.articles(norm, articles),
            .if(manage, .section(.class("card"), .attribute(named: "aria-labelledby", value: "add-a"),
                .h2(.id("add-a"), .text("收录条款")),
                .form(.method(.post), .action(path + "/articles"),
                      UI.csrfField(principal.csrfToken),
                      UI.field("条号", name: "number", required: true, hint: "如 第五十八条"),
                      .div(.class("field"), .label(.for("text"), .text("条文")),
                           .textarea(.name("text"), .id("text"), .rows(4), .cols(60))),
                      .button(.type(.submit), .text("收录条款"))))),
            .if(manage, statusForms(path)),
            .h2(.text("沿革")),
            LegalNormListView.history(history)
        ))
    }

    private func statusForms(_ path: String) -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "st-h"),
                 .h2(.id("st-h"), .text("修改或废止")),
                 .p(.class("hint"), .text("条款修改或废止后，引用该条款的职权事项将被标记为需调整。")),
                 .form(.method(.post), .action(path + "/status"),
                       UI.csrfField(principal.csrfToken),
                       UI.select("整部执法依据", name: "status", options: [("amended", "已修改"), ("repealed", "已废止")], selected: "amended"),
                       UI.field("生效日期", name: "effectiveOn", type: .date, required: true),
                       UI.field("说明", name: "note", hint: "如 修正决定的文号"),
                       .button(.type(.submit), .class("secondary"), .text("登记"))),
                 .form(.method(.post), .action(path + "/article-status"),
                       UI.csrfField(principal.csrfToken),
                       UI.select("条款", name: "articleId", options: articles.filter { $0.status != .repealed }.map { ($0.id!.uuidString, $0.number) }, selected: nil),
                       UI.select("变更", name: "status", options: [("amended", "已修改"), ("repealed", "已废止")], selected: "amended"),
                       UI.field("生效日期", name: "articleEffectiveOn", type: .date, required: true),
                       .div(.class("field"), .label(.for("newText"), .text("修改后的条文（修改时填写）")),
                            .textarea(.name("newText"), .id("newText"), .rows(3), .cols(60))),
                       UI.field("说明", name: "articleNote"),
                       .button(.type(.submit), .class("secondary"), .text("登记条款变更"))))
    }
}

/// Public catalog pages.
struct PublicLegalNormsPage {
    let norms: [LegalNorm]
    let filter: LegalNormQueries.Filter

    func render() -> HTML {
        Layout.publicPage(title: "执法依据", content: .div(
            .h1(.text("执法依据目录")),
            LegalNormListView.node(norms: norms, filter: filter, action: SiteURL.publicLegalNorms, link: SiteURL.publicLegalNorm)
        ))
    }
}

struct PublicLegalNormPage {
    let norm: LegalNorm
    let articles: [LegalArticle]
    let history: [LegalNormEvent]

    func render() -> HTML {
        Layout.publicPage(title: norm.title, content: .div(
            .h1(.text(norm.title)),
            .section(.class("card"), LegalNormListView.summary(norm)),
            .h2(.text("条款")),
            LegalNormListView.articles(norm, articles),
            .h2(.text("沿革")),
            LegalNormListView.history(history)
        ))
    }
}
