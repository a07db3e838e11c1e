import Foundation
import Plot
import QuanzeCore

/// Small building blocks shared by pages.
enum UI {
    static func csrfField<C: HTML.BodyContext>(_ token: String?) -> Node<C> {
        .input(.type(.hidden), .name(CSRFMiddleware.field), .value(token ?? ""))
    }

    /// A labelled input with an optional hint and error; the error is linked by aria-describedby.
    static func field<C: HTML.BodyContext>(_ label: String, name: String, type: HTMLInputType = .text,
                                           value: String? = nil, required: Bool = false,
                                           hint: String? = nil, error: String? = nil,
                                           autocomplete: String? = nil) -> Node<C> {
        let describedBy = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }
        return .div(.class(error == nil ? "field" : "field has-error"),
                    .label(.for(name), .text(label), .if(required, .span(.class("req"), .text("（必填）")))),
                    input(type: type, name: name, value: value ?? "", required: required, autocomplete: autocomplete,
                          describedBy: describedBy, invalid: error != nil),
                    .unwrap(hint) { .p(.class("hint"), .id("\(name)-hint"), .text($0)) },
                    .unwrap(error) { .p(.class("error-text"), .id("\(name)-error"), .text($0)) })
    }

    static func select<C: HTML.BodyContext>(_ label: String, name: String, options: [(value: String, label: String)],
                                            selected: String?, required: Bool = false) -> Node<C> {
        .div(.class("field"),
             .label(.for(name), .text(label)),
             .select(.attribute(named: "name", value: name), .id(name), .if(required, .attribute(named: "required", value: "required")),
                     .forEach(options) { opt in option(opt.value, opt.label, selected: opt.value == selected) }))
    }

    private static func input<C: HTML.BodyContext>(type: HTMLInputType, name: String, value: String, required: Bool,
                                                    autocomplete: String?, describedBy: [String], invalid: Bool) -> Node<C> {
        var attrs: [Attribute<HTML.InputContext>] = [.type(type), .name(name), .id(name), .value(value)]
        if required { attrs.append(.required(true)) }
        if let autocomplete { attrs.append(Attribute(name: "autocomplete", value: autocomplete)) }
        if !describedBy.isEmpty { attrs.append(Attribute(name: "aria-describedby", value: describedBy.joined(separator: " "))) }
        if invalid { attrs.append(Attribute(name: "aria-invalid", value: "true")) }
        return .selfClosedElement(named: "input", attributes: attrs)
    }

    /// An `<option>` with visible text (Plot's `.option` takes attributes only).
    static func option(_ value: String, _ label: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [
            .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
            .if(selected, .attribute(named: "selected", value: "selected")),
            .text(label),
        ])
    }

    static func alert(_ message: String?, kind: String = "error") -> Node<HTML.BodyContext> {
        .unwrap(message) { msg in
            .div(.class("alert \(kind)"), .attribute(named: "role", value: kind == "error" ? "alert" : "status"), .text(msg))
        }
    }

    /// A table with a caption for screen readers and header cells with scope.
    static func table(caption: String, headers: [String], rows: [[Node<HTML.BodyContext>]],
                      empty: String = "暂无数据") -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .p(.class("empty"), .text(empty)) }
        return .div(.class("table-wrap"),
                    .table(.caption(.text(caption)),
                           .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                           .tbody(.forEach(rows) { row in .tr(.forEach(row) { .td($0) }) })))
    }

    static func source(_ ref: SourceRef) -> Node<HTML.BodyContext> {
        .span(.class("source"), .text("依据：\(ref.description)"))
    }

    static func stat(_ label: String, _ value: Int, href: String? = nil) -> Node<HTML.BodyContext> {
        .div(.class("stat"),
             .p(.class("stat-value"), .text("\(value)")),
             .p(.class("stat-label"), .unwrap(href, { .a(.href($0), .text(label)) }, else: .text(label))))
    }

    static func dateTime(_ date: Date?) -> String {
        guard let date else { return "—" }
        return DateFormats.display.string(from: date)
    }
}

enum DateFormats {
    static var display: DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "zh_CN")
        f.timeZone = LocalDate.zone
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f
    }
}
