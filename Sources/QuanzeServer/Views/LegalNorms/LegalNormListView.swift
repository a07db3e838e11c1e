import Foundation
import Plot

/// The catalog as a searchable table, shared by the console and the public portal.
enum LegalNormListView {
    static func node(norms: [LegalNorm], filter: LegalNormQueries.Filter, action: String, link: (UUID) -> String) -> Node<HTML.BodyContext> {
        .div(
            .form(.method(.get), .action(action), .class("filters"), .attribute(named: "role", value: "search"),
                  UI.field("搜索（标题或条文）", name: "q", value: filter.q),
                  UI.select("效力层级", name: "level", options: [("", "全部")] + NormLevel.allCases.map { ($0.rawValue, $0.label) },
                            selected: filter.level?.rawValue ?? ""),
                  UI.select("时效状态", name: "status", options: [("", "全部")] + NormStatus.allCases.map { ($0.rawValue, $0.label) },
                            selected: filter.status?.rawValue ?? ""),
                  .button(.type(.submit), .text("搜索"))),
            UI.table(caption: "执法依据目录（共 \(norms.count) 部）", headers: ["名称", "效力层级", "制定机关", "文号", "施行日期", "时效状态"],
                     rows: norms.map { n in
                         [.a(.href(link(n.id!)), .text(n.title)),
                          .group(.text(n.level.label), .if(!n.level.mayBeEnforcementBasis, .span(.class("badge warn"), .text("不得作为执法依据")))),
                          .text(n.issuer), .text(n.documentNumber), .text(n.effectiveOn),
                          .span(.class(n.status == .inForce ? "badge ok" : (n.status == .repealed ? "badge err" : "badge warn")), .text(n.status.label))]
                     }, empty: "没有符合条件的执法依据。")
        )
    }

    static func articles(_ norm: LegalNorm, _ articles: [LegalArticle]) -> Node<HTML.BodyContext> {
        UI.table(caption: "条款（共 \(articles.count) 条）", headers: ["条号", "条文", "状态"], rows: articles.map { a in
            [.text(a.number), .text(a.text),
             .span(.class(a.citable(in: norm) ? "badge ok" : "badge err"), .text(a.status.label + (a.citable(in: norm) ? "" : "（不可引用）")))]
        }, empty: "尚未收录条款。")
    }

    static func history(_ events: [LegalNormEvent]) -> Node<HTML.BodyContext> {
        UI.table(caption: "沿革", headers: ["生效日期", "变更", "记录人", "记录时间"], rows: events.map { e in
            [.text(e.effectiveOn), .text(e.summary), .text(e.actor ?? "—"), .text(UI.dateTime(e.createdAt))]
        }, empty: "暂无记录。")
    }

    static func summary(_ n: LegalNorm) -> Node<HTML.BodyContext> {
        .dl(.dt(.text("效力层级")), .dd(.text(n.level.label),
                                     .if(!n.level.mayBeEnforcementBasis, .text("（规范性文件可以收录，但不得作为执法依据：永政办〔2015〕98号 三(一)）"))),
            .dt(.text("制定机关")), .dd(.text(n.issuer)),
            .dt(.text("文号")), .dd(.text(n.documentNumber)),
            .dt(.text("公布日期")), .dd(.text(n.promulgatedOn)),
            .dt(.text("施行日期")), .dd(.text(n.effectiveOn)),
            .dt(.text("时效状态")), .dd(.text(n.status.label)))
    }
}
