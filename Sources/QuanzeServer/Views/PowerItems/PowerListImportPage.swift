import Foundation
import Plot
import QuanzeCore

/// The result of a CSV import: “已导入 N 项” with the new drafts, or every problem (行、列、问题)
/// with nothing imported, and the form to try again.
struct PowerListImportPage {
    let principal: Principal
    let agency: Agency
    var imported: [PowerItemDTO] = []
    var problems: [CSVRowProblem] = []

    func render() -> HTML {
        Layout.console(title: "导入权责清单", principal: principal, active: SiteURL.consoleAgencies, content: .div(
            .h1(.text("导入权责清单：\(agency.name)")),
            .p(.a(.href(SiteURL.consoleAgency(agency.id!)), .text("← \(agency.name) 权责清单"))),
            problems.isEmpty ? success : refusal,
            .if(!problems.isEmpty, PowerListImportForm.node(agency: agency.id!, csrf: principal.csrfToken))
        ))
    }

    private var success: Node<HTML.BodyContext> {
        .div(UI.alert("已导入 \(imported.count) 项职权事项（草拟版本，须送审）。", kind: "ok"),
             UI.table(caption: "导入的职权事项", headers: ["编码", "名称"], rows: imported.map { item in
                 [.text(item.code), .a(.href(SiteURL.consolePowerItem(item.id)), .text(item.versions.first?.name ?? item.code))]
             }))
    }

    private var refusal: Node<HTML.BodyContext> {
        .div(UI.alert("未导入任何职权事项：文件有 \(problems.count) 处问题，请修改后重新导入。"),
             UI.table(caption: "问题清单（行号与表格软件中的行号一致，第 1 行为表头）", headers: ["行", "列", "问题"], rows: problems.map { p in
                 [.text(p.row.map { "第 \($0) 行" } ?? "—"), .text(p.column ?? "—"), .text(p.message)]
             }))
    }
}
