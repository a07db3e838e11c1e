import Foundation
import Plot
import QuanzeCore

/// 安全审计 (审计管理员): filter, verify the chain, export.
struct AuditPage {
    let principal: Principal
    let entries: [AuditEntryDTO]
    let page: PageInfo
    let query: [String: String]
    var verification: AuditVerifyDTO? = nil
    var error: String? = nil

    func render() -> HTML {
        Layout.console(title: "安全审计", principal: principal, active: SiteURL.consoleAudit, content: .div(
            .h1(.text("安全审计")),
            UI.alert(error),
            .unwrap(verification) { v in
                .div(.class(v.ok ? "alert ok" : "alert error"), .attribute(named: "role", value: v.ok ? "status" : "alert"),
                     .text(v.ok ? "审计链完整：已校验 \(v.checked) 条记录，未发现删除或篡改。" : "审计链异常：\(v.problem ?? "")"))
            },
            .form(.method(.get), .action(SiteURL.consoleAudit), .class("filters"),
                  UI.field("操作人", name: "actor", value: query["actor"]),
                  UI.select("事件", name: "action", options: [("", "全部")] + AuditAction.allCases.map { ($0.rawValue, $0.label) },
                            selected: query["action"] ?? ""),
                  UI.select("结果", name: "outcome", options: [("", "全部")] + AuditOutcome.allCases.map { ($0.rawValue, $0.label) },
                            selected: query["outcome"] ?? ""),
                  UI.field("起始日期", name: "from", type: .date, value: query["from"]),
                  UI.field("截止日期", name: "to", type: .date, value: query["to"]),
                  .button(.type(.submit), .text("筛选"))),
            .p(.form(.method(.post), .action(SiteURL.consoleAuditVerify), .class("inline"),
                     UI.csrfField(principal.csrfToken), .button(.type(.submit), .class("secondary"), .text("校验审计链"))),
               .text(" "),
               .a(.href(SiteURL.consoleAuditExport + exportQuery), .text("导出当前筛选结果（CSV）"))),
            UI.table(caption: "审计记录（共 \(page.total) 条，第 \(page.page) 页）",
                     headers: ["序号", "时间", "操作人", "来源地址", "事件", "对象", "结果", "说明"],
                     rows: entries.map { e in
                         [.text("\(e.seq)"), .text(UI.dateTime(e.occurredAt)), .text(e.actorName ?? "—"), .text(e.ip ?? "—"),
                          .text(e.actionLabel), .text(e.target ?? "—"),
                          .span(.class(e.outcome == "success" ? "badge ok" : "badge err"), .text(AuditOutcome(rawValue: e.outcome)?.label ?? e.outcome)),
                          .text(e.detail ?? "")]
                     }, empty: "没有符合条件的审计记录。"),
            pager
        ))
    }

    private var exportQuery: String {
        let parts = query.filter { !$0.value.isEmpty && $0.key != "page" }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    private var pager: Node<HTML.BodyContext> {
        let pages = max(1, (page.total + page.per - 1) / page.per)
        func link(_ n: Int, _ label: String) -> Node<HTML.BodyContext> {
            var q = query
            q["page"] = "\(n)"
            let s = q.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            return .a(.href(SiteURL.consoleAudit + "?" + s), .text(label))
        }
        return .nav(.attribute(named: "aria-label", value: "分页"),
                    .if(page.page > 1, link(page.page - 1, "上一页")),
                    .text(" 第 \(page.page) / \(pages) 页 "),
                    .if(page.page < pages, link(page.page + 1, "下一页")))
    }
}
