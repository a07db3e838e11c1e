import Foundation
import Plot
import QuanzeCore

/// One rule profile with every entry's source (seed file + article) and where it was inherited from.
struct ProfilePage {
    let principal: Principal
    let profile: EffectiveProfile

    func render() -> HTML {
        let c = profile.catalogs
        let a = profile.assessment
        return Layout.console(title: "规则配置 \(profile.name)", principal: principal, active: SiteURL.consoleProfiles, content: .div(
            .h1(.text("规则配置：\(profile.name)")),
            .p(.text("适用：\(profile.jurisdiction)。继承链：\(profile.lineage.joined(separator: " → "))。未作规定的事项适用 national 基线。"),
               .a(.href(SiteURL.consoleProfileComparison(left: profile.id, right: profile.lineage.dropFirst().first ?? RuleProfile.nationalID)),
                  .text("与上级配置对照"))),
            .h2(.text("期限")),
            UI.table(caption: "期限规则", headers: ["名称", "期限", "说明", "依据", "来源"], rows: profile.deadlines.map { d in
                [.text(d.entry.name), .text(d.entry.display), .text(d.entry.text ?? d.entry.note ?? ""), UI.source(d.entry.source), .text(d.originLabel)]
            }),
            .h2(.text("数量标准")),
            UI.table(caption: "数量标准", headers: ["名称", "标准", "说明", "依据", "来源"], rows: profile.quantities.map { q in
                [.text(q.entry.name), .text("\(q.entry.bound == .atLeast ? "不少于" : "达到")\(q.entry.display)"), .text(q.entry.text ?? q.entry.note ?? ""), UI.source(q.entry.source), .text(q.originLabel)]
            }, empty: "本配置未规定数量标准。"),
            catalog("对机关的处理", c.agencySanctions, machine: "效果"),
            catalog("对人员的处理", c.personSanctions, machine: "效果"),
            catalog("从重情形", c.circumstances.aggravating, machine: "自动识别"),
            catalog("从轻情形", c.circumstances.lenient, machine: "自动识别"),
            catalog("减轻情形", c.circumstances.mitigated, machine: "自动识别"),
            catalog("免责情形", c.circumstances.exempt, machine: "自动识别"),
            section("过错（追责）情形", c.faultSituations),
            .h2(.text("责任划分")),
            UI.table(caption: "责任划分规则", headers: ["情形", "触发条件", "责任人及份额", "依据", "来源"], rows: profile.apportionment.map { r in
                [.text(r.entry.situation),
                 r.entry.when.map { Node<HTML.BodyContext>.code(.text($0.rawValue)) } ?? Node<HTML.BodyContext>.text("—（仅供参考，不自动适用）"),
                 .text(r.entry.liable.map { "\($0.party.rawValue)（\($0.share.rawValue)）" }.joined(separator: "、")),
                 UI.source(r.entry.source), .text(r.originLabel)]
            }, empty: "本配置未规定责任划分规则。"),
            .h2(.text("情节与处理的对应")),
            UI.table(caption: "情节与处理的对应", headers: ["档次", "情节", "处理", "依据", "来源"], rows: profile.gravity.map { g in
                [.text("第\(g.entry.level)档"), .text(g.entry.text ?? g.entry.name),
                 .text(g.entry.sanctions.map { profile.sanction($0)?.entry.name ?? $0 }.joined(separator: "、")),
                 UI.source(g.entry.source), .text(g.originLabel)]
            }, empty: "本配置未规定情节与处理的对应。"),
            section("考核等次", a.grades),
            section("考核方法", a.methods),
            section("外部评议渠道", a.channels),
            section("考核内容", a.content),
            section("其他规定", profile.provisions)
        ))
    }

    /// A sanction or circumstance catalog with its machine column: a sanction's `effect`, a
    /// circumstance's `detect` (and `count`).
    private func catalog(_ title: String, _ list: [Inherited<CatalogItem>], machine: String) -> Node<HTML.BodyContext> {
        .group(.h2(.text(title)),
               UI.table(caption: title, headers: ["名称", "原文要点", machine, "依据", "来源"], rows: list.map { i in
                   let m: String = if let e = i.entry.effect { e.rawValue }
                       else if let d = i.entry.detect { d.rawValue + (i.entry.count.map { "（\($0)次）" } ?? "") }
                       else { "—" }
                   return [.text(i.entry.name), .text(i.entry.quote ?? ""), .code(.text(m)), UI.source(i.entry.source), .text(i.originLabel)]
               }, empty: "本配置未作规定。"))
    }

    private func section<E: ProfileEntry>(_ title: String, _ list: [Inherited<E>]) -> Node<HTML.BodyContext> {
        .group(.h2(.text(title)),
               UI.table(caption: title, headers: ["名称", "原文要点", "依据", "来源"], rows: list.map { i in
                   [.text(i.entry.name), .text(i.entry.quote ?? ""), UI.source(i.entry.source), .text(i.originLabel)]
               }, empty: "本配置未作规定。"))
    }
}

/// 规则配置 list.
struct ProfilesPage {
    let principal: Principal
    let profiles: [RuleProfile]
    let usedBy: [String: [String]]

    func render() -> HTML {
        Layout.console(title: "规则配置", principal: principal, active: SiteURL.consoleProfiles, content: .div(
            .h1(.text("规则配置")),
            .p(.text("各地的期限、处理种类、情节、责任划分和考核设置，均以数据形式配置并标明出处；未作规定的事项适用国家基线（national）。"),
               .a(.href(SiteURL.consoleProfileCompare), .text("对照两个规则配置"))),
            UI.table(caption: "规则配置列表", headers: ["标识", "名称", "适用地区", "继承", "使用该配置的辖区"], rows: profiles.map { p in
                [.a(.href(SiteURL.consoleProfile(p.id)), .text(p.id)), .text(p.name), .text(p.jurisdiction), .text(p.inherits ?? "—"),
                 .text((usedBy[p.id] ?? []).joined(separator: "、").nilIfEmpty ?? "—")]
            })
        ))
    }
}
