import Foundation
import Plot
import QuanzeCore

/// Parts shared by the console and the public plan page: facts, the draw's result, the results.
enum InspectionPlanFacts {
    static func card(_ v: InspectionQueries.View, publicLink: Bool) -> Node<HTML.BodyContext> {
        let p = v.plan
        return .section(.class("card"),
            .dl(.dt(.text("执法主体")), .dd(.text(v.agency.name)),
                .dt(.text("行政检查事项")), .dd(.text("\(v.powerCode) \(v.powerName)")),
                .dt(.text("年度/期间")), .dd(.text("\(p.year) \(p.period)")),
                .dt(.text("抽取")), .dd(.text("\(p.objectCount) 个检查对象，每个 \(p.inspectorsPerObject) 名执法人员"), .text(" "),
                                       UI.source(InspectionRules.twoOfficers)),
                .dt(.text("状态")), .dd(.span(.class("badge"), .text(p.status.label))),
                .dt(.text("算法")), .dd(.code(.text(p.algorithm)), .text("（说明见 docs/random-draw.md）")),
                .dt(.text("随机种子")), .dd(.code(.class("seed"), .text(p.seed ?? "抽取时生成"))),
                .dt(.text("对象库摘要（SHA-256）")), .dd(.code(.class("digest"), .text(p.poolDigest ?? "抽取时计算"))),
                .dt(.text("抽取时间")), .dd(.text("\(UI.dateTime(p.drawnAt))\(p.drawnByName.map { "（\($0)）" } ?? "")")),
                .dt(.text("公布时间")), .dd(.text(UI.dateTime(p.publishedAt)))),
            .if(publicLink, .p(.a(.href(SiteURL.publicInspection(p.id!)), .text("公示页面")), .text(" · "),
                               .a(.href(SiteURL.publicInspectionJSON(p.id!)), .text("下载公示数据（JSON）")))))
    }

    static func assignments(_ v: InspectionQueries.View) -> Node<HTML.BodyContext> {
        .if(v.plan.status.isDrawn, UI.table(caption: "抽取结果", headers: ["顺序", "检查对象", "执法检查人员（证件号）"], rows: v.drawn.map { d in
            [.text("\(d.position)"), .text("\(d.object.name)（\(d.object.code)）"),
             .text(d.seats.map { "\($0.officerName)（\($0.certificateNumber)）" }.joined(separator: "、"))]
        }))
    }

    /// The results; on the console each links to its 行政检查 case.
    static func results(_ v: InspectionQueries.View, linkCases: Bool = false) -> Node<HTML.BodyContext> {
        let headers = ["检查对象", "结果", "检查情况", "检查日期"] + (linkCases ? ["检查案件"] : [])
        return .if(v.plan.status.isPublic, UI.table(caption: "检查结果", headers: headers, rows: v.drawn.map { d in
            let r = d.object.id.flatMap { v.results[$0] }
            var row: [Node<HTML.BodyContext>] = [.text("\(d.object.name)（\(d.object.code)）"), .text(r?.kind.label ?? "尚未检查"),
                                                 .text(r?.summary ?? "—"), .text(r?.inspectedOn ?? "—")]
            if linkCases {
                row.append(r?.caseID.flatMap(UUID.init(uuidString:)).map { .a(.href(SiteURL.consoleCase($0)), .text("查看案件")) } ?? .text("—"))
            }
            return row
        }))
    }
}
