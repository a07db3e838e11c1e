import Foundation
import Plot
import QuanzeCore

/// The 委托执法 part of a body's console page: the items it carries out by delegation, and links.
enum AgencyDelegationsSection {
    static func node(received: [DelegationRecord], today: LocalDate?, canCreate: Bool) -> Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "deleg-h"),
                 .h2(.id("deleg-h"), .text("委托执法")),
                 .p(.a(.href(SiteURL.consoleDelegations), .text("查看委托执法列表")),
                    .if(canCreate, .group(.text(" · "), .a(.href(SiteURL.consoleDelegationsNew), .text("登记书面委托决定"))))),
                 .if(!received.isEmpty, UI.table(caption: "受委托实施的事项", headers: ["委托机关", "事项", "委托期限", "状态"], rows: received.map { r in
                     [.a(.href(SiteURL.consoleDelegation(r.delegation.id!)), .text(r.delegator.name)),
                      .text(r.items.map { "\($0.0.code) \($0.1)" }.joined(separator: "；")),
                      .text("\(r.delegation.termStart) 至 \(r.delegation.termEnd)"),
                      today.map { DelegationBits.badge(r.delegation.state(on: $0)) } ?? .text("—")]
                 })))
    }
}
