import Foundation
import Plot
import QuanzeCore

/// Small pieces shared by the case pages.
enum CaseBits {
    static func level(_ level: WarningLevel, suspended: Bool = false) -> Node<HTML.BodyContext> {
        if suspended { return .span(.class("badge"), .text("中止")) }
        let kind = switch level {
        case .none: "ok"
        case .yellow: "warn"
        case .red: "err"
        }
        return .span(.class("badge \(kind)"), .text(level.label))
    }

    static func textarea<C: HTML.BodyContext>(_ name: String, _ label: String, _ value: String = "", required: Bool = false, rows: Int = 3) -> Node<C> {
        .div(.class("field"), .label(.for(name), .text(label), .if(required, .span(.class("req"), .text("（必填）")))),
             .textarea(.name(name), .id(name), .rows(rows), .cols(60), .if(required, .attribute(named: "required", value: "required")), .text(value)))
    }

    static func checkbox<C: HTML.BodyContext>(_ name: String, value: String, label: String, id: String, checked: Bool = false) -> Node<C> {
        var attrs: [Attribute<HTML.InputContext>] = [.type(.checkbox), .name(name), .value(value), .id(id)]
        if checked { attrs.append(Attribute(name: "checked", value: "checked")) }
        return .div(.class("check"), .selfClosedElement(named: "input", attributes: attrs), .label(.for(id), .text(" \(label)")))
    }

    /// The sanction fields of 告知 and 决定: kinds, fine and confiscated value, party kind.
    static func sanctionFields<C: HTML.BodyContext>(_ proposed: PenaltySanction?) -> Node<C> {
        .fieldset(.element(named: "legend", text: "行政处罚"),
                  .forEach(PenaltyKind.allCases) { k in
                      checkbox("kinds[]", value: k.rawValue, label: k.label, id: "kind-\(k.rawValue)", checked: proposed?.kinds.contains(k) ?? false)
                  },
                  UI.field("罚款金额（元）", name: "fineAmount", type: .number, value: proposed.map { String($0.fineAmount) }),
                  UI.field("没收违法所得、非法财物价值（元）", name: "confiscationAmount", type: .number, value: proposed.map { String($0.confiscationAmount) }),
                  UI.select("当事人类型", name: "partyKind", options: PartyKind.allCases.map { ($0.rawValue, $0.label) }, selected: PartyKind.organization.rawValue))
    }
}
