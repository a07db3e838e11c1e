import Foundation
import Plot
import QuanzeCore

/// 登记书面委托决定: a 监督员 first chooses the delegating body; then the delegate, the body's
/// published items (checkboxes), the basis, the term and the decision date. Shows the filing rule.
struct DelegationFormPage {
    let principal: Principal
    var delegators: [Agency] = []
    var delegator: Agency? = nil
    var delegates: [Agency] = []
    var items: [(PowerItem, PowerItemVersion)] = []
    var citable: [(LegalArticle, LegalNorm)] = []
    var filingRule: String? = nil
    var filingSource: SourceRef? = nil
    var values: [String: String] = [:]
    var selectedItems: Set<String> = []
    var selectedArticles: Set<String> = []
    var error: String? = nil

    func render() -> HTML {
        Layout.console(title: "登记书面委托决定", principal: principal, active: SiteURL.consoleDelegations, content: .div(
            .h1(.text("登记书面委托决定")),
            UI.alert(error),
            .if(principal.has(.supervisor), chooser()),
            .unwrap(delegator) { form($0) }
        ))
    }

    private func chooser() -> Node<HTML.BodyContext> {
        .form(.method(.get), .action(SiteURL.consoleDelegationsNew), .class("inline"),
              UI.select("委托机关", name: "delegatingAgencyId", options: [("", "（请选择）")] + delegators.map { ($0.id!.uuidString, $0.name) },
                        selected: delegator?.id?.uuidString),
              .button(.type(.submit), .class("secondary"), .text("选择")))
    }

    private func form(_ a: Agency) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(SiteURL.consoleDelegationsNew),
              UI.csrfField(principal.csrfToken),
              .input(.type(.hidden), .name("delegatingAgencyId"), .value(a.id!.uuidString)),
              .p(.text("委托机关：\(a.name)")),
              .unwrap(filingRule) { rule in
                  .p(.class("hint"), .text("备案期限：\(rule)。"), .unwrap(filingSource) { UI.source($0) })
              },
              UI.select("受委托方（受委托组织或其他行政机关）", name: "delegateAgencyId",
                        options: [("", "（请选择）")] + delegates.map { ($0.id!.uuidString, "\($0.name)（\($0.kind.label)）") },
                        selected: values["delegateAgencyId"]),
              .div(.class("field"), .attribute(named: "role", value: "group"), .attribute(named: "aria-labelledby", value: "items-h"),
                        .p(.id("items-h"), .text("委托事项（本机关已公布的职权事项；行政强制措施不得委托）")),
                        .if(items.isEmpty, .p(.class("empty"), .text("本机关尚无已公布的职权事项。"))),
                        .forEach(items) { item, v in checkbox(item, v) }),
              UI.field("委托依据", name: "basis", value: values["basis"], required: true, hint: "如 《中华人民共和国行政处罚法》第二十条"),
              .div(.class("field"),
                   .label(.for("basisArticles"), .text("引用条款（可多选，可不选）")),
                   .select(.attribute(named: "name", value: "basisArticleIds[]"), .id("basisArticles"),
                           .attribute(named: "multiple", value: "multiple"), .attribute(named: "size", value: "5"),
                           .forEach(citable) { art, n in UI.option(art.id!.uuidString, "《\(n.title)》\(art.number)", selected: selectedArticles.contains(art.id!.uuidString)) })),
              UI.field("委托期限开始", name: "termStart", type: .date, value: values["termStart"], required: true),
              UI.field("委托期限结束", name: "termEnd", type: .date, value: values["termEnd"], required: true),
              UI.field("书面委托决定日期", name: "decisionOn", type: .date, value: values["decisionOn"], required: true),
              .button(.type(.submit), .text("登记")))
    }

    private func checkbox<C: HTML.BodyContext>(_ item: PowerItem, _ v: PowerItemVersion) -> Node<C> {
        let id = item.id!.uuidString
        var attrs: [Attribute<HTML.InputContext>] = [.type(.checkbox), .name("powerItemIds[]"), .value(id), .id("item-\(id)")]
        if selectedItems.contains(id) { attrs.append(Attribute(name: "checked", value: "checked")) }
        return .div(.class("check"),
                    .selfClosedElement(named: "input", attributes: attrs),
                    .label(.for("item-\(id)"), .text(" \(item.code) \(v.name)（\(v.category.label)）")))
    }
}
