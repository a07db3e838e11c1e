import Foundation
import Plot
import QuanzeCore

/// 执法机构与岗位 of one body: units, posts (duties, powers held, current officers) and, for the
/// body's 法制员, the forms to add a unit or a post, give a post a power, and assign or release officers.
struct PostsPage {
    let principal: Principal
    let agency: Agency
    let overview: PostQueries.Overview
    /// The body's items that may be given to a post (审核通过/已公布), with their names.
    let items: [(PowerItem, String)]
    let officers: [Officer]
    let canManage: Bool
    var message: String? = nil
    var error: String? = nil

    func render() -> HTML {
        let id = agency.id!
        return Layout.console(title: "执法机构与岗位", principal: principal, active: SiteURL.consoleAgencies, content: .div(
            .h1(.text("执法机构与岗位：\(agency.name)")),
            .p(.a(.href(SiteURL.consoleAgency(id)), .text("返回执法主体")), .text(" · "),
               .a(.href(SiteURL.consoleCoverage(id)), .text("职权分解情况报告"))),
            UI.alert(message, kind: "ok"),
            UI.alert(error),
            .p(.class("hint"), .text("将本主体的法定职权分解到具体执法机构和执法岗位；只能分解本主体权责清单中审核通过或已公布的事项，\(PostRules.noExpansion.quote)。"),
               UI.source(PostRules.noExpansion.source)),
            .h2(.text("执法机构")),
            UI.table(caption: "执法机构（共 \(overview.units.count) 个）", headers: ["名称", "说明", "岗位数"], rows: overview.units.map { u in
                [.text(u.name), .text(u.description ?? "—"), .text("\(overview.posts.filter { $0.unit.id == u.id }.count)")]
            }, empty: "尚未设立执法机构。"),
            .if(canManage, unitForm(id)),
            .h2(.text("执法岗位")),
            .if(overview.posts.isEmpty, .p(.class("empty"), .text("尚未设立执法岗位。"))),
            .forEach(overview.posts) { postCard($0) },
            .if(canManage && !overview.units.isEmpty, postForm(id))
        ))
    }

    private func unitForm(_ id: UUID) -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "unit-h"),
                 .h3(.id("unit-h"), .text("设立执法机构")),
                 .form(.method(.post), .action(SiteURL.consoleUnits(id)),
                       UI.csrfField(principal.csrfToken),
                       UI.field("机构名称", name: "name", required: true, hint: "如 食品安全监督管理科"),
                       UI.field("说明", name: "description"),
                       .button(.type(.submit), .text("设立"))))
    }

    private func postForm(_ id: UUID) -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "post-h"),
                 .h3(.id("post-h"), .text("设立执法岗位")),
                 .form(.method(.post), .action(SiteURL.consolePosts(id)),
                       UI.csrfField(principal.csrfToken),
                       UI.select("所属执法机构", name: "unitId", options: overview.units.map { ($0.id!.uuidString, $0.name) }, selected: nil, required: true),
                       UI.field("岗位名称", name: "name", required: true, hint: "如 案件承办岗"),
                       dutyChoices(),
                       .button(.type(.submit), .text("设立"))))
    }

    /// One checkbox per duty, grouped under a legend.
    private func dutyChoices() -> Node<HTML.FormContext> {
        let legend: Node<HTML.BodyContext> = .element(named: "legend", nodes: [Node<HTML.BodyContext>.text("岗位职责（至少一项）")])
        let boxes: [Node<HTML.BodyContext>] = PostDuty.allCases.map { d in
            .label(.class("inline"),
                   .input(.type(.checkbox), .name("duties[]"), .value(d.rawValue)),
                   .text(" \(d.label)　"))
        }
        return .element(named: "fieldset", nodes: [legend] + boxes)
    }

    private func postCard(_ row: PostQueries.PostRow) -> Node<HTML.BodyContext> {
        let postID = row.post.id!
        let held = Set(row.powers.map { $0.item.id! })
        let givable = items.filter { !held.contains($0.0.id!) }
        let onPost = Set(row.current.map { $0.1.id! })
        let assignable = officers.filter { !onPost.contains($0.id!) }
        return .section(.class("card"), .attribute(named: "aria-labelledby", value: "post-\(postID)"),
            .h3(.id("post-\(postID)"), .text("\(row.unit.name)／\(row.post.name)")),
            .p(.text("岗位职责：\(row.post.dutiesLabel)")),
            UI.table(caption: "持有的职权（\(row.powers.count) 项）", headers: canManage ? ["编码", "名称", "交叉理由", "操作"] : ["编码", "名称", "交叉理由"],
                     rows: row.powers.map { hp in
                         var cells: [Node<HTML.BodyContext>] = [.text(hp.item.code), .a(.href(SiteURL.consolePowerItem(hp.item.id!)), .text(hp.name)),
                                                               .text(hp.holding.overlapReason ?? "—")]
                         if canManage {
                             cells.append(.form(.method(.post), .action(SiteURL.consolePostPowerRemove(postID, hp.item.id!)), .class("inline"),
                                                UI.csrfField(principal.csrfToken),
                                                .button(.type(.submit), .class("secondary"), .text("移除"))))
                         }
                         return cells
                     }, empty: "该岗位尚未持有职权。"),
            UI.table(caption: "在岗人员", headers: canManage ? ["姓名", "到岗日期", "离岗"] : ["姓名", "到岗日期"], rows: row.current.map { a, o in
                var cells: [Node<HTML.BodyContext>] = [.text(o.name), .text(a.startDate)]
                if canManage {
                    cells.append(.form(.method(.post), .action(SiteURL.consoleAssignmentEnd(a.id!)), .class("inline"),
                                       UI.csrfField(principal.csrfToken),
                                       .label(.for("end-\(a.id!)"), .text("离岗日期 ")),
                                       .input(.type(.date), .name("endDate"), .id("end-\(a.id!)")),
                                       .button(.type(.submit), .class("secondary"), .text("结束任职"))))
                }
                return cells
            }, empty: "无人在岗。"),
            .if(canManage && !givable.isEmpty, .form(.method(.post), .action(SiteURL.consolePostPowers(postID)),
                UI.csrfField(principal.csrfToken),
                UI.select("分配职权", name: "itemId", options: givable.map { ($0.0.id!.uuidString, "\($0.0.code) \($0.1)") }, selected: nil, required: true),
                UI.field("交叉理由", name: "overlapReason",
                         hint: "其他机构的岗位已持有同一职权且职责相同（平行岗位）时必填：\(PostRules.noOverlap.quote)（\(PostRules.noOverlap.source)）"),
                .button(.type(.submit), .text("分配")))),
            .if(canManage && !assignable.isEmpty, .form(.method(.post), .action(SiteURL.consolePostAssignments(postID)),
                UI.csrfField(principal.csrfToken),
                UI.select("安排人员", name: "officerId", options: assignable.map { ($0.id!.uuidString, $0.name) }, selected: nil, required: true),
                UI.field("到岗日期", name: "startDate", type: .date, required: true),
                .button(.type(.submit), .text("安排到岗")))),
            .if(canManage && officers.isEmpty, .p(.class("hint"), .text("本主体尚未登记在职的执法人员。")))
        )
    }
}
