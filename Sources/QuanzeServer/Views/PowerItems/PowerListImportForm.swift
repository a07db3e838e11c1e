import Foundation
import Plot
import QuanzeCore

/// The CSV upload form (multipart, with the CSRF token), the template link and the columns.
enum PowerListImportForm {
    static func node(agency: UUID, csrf: String?) -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "import-h"),
                 .h2(.id("import-h"), .text("从 CSV 导入")),
                 .p(.class("hint"), .text("UTF-8 编码的 CSV 文件（可带 BOM），第 1 行为表头，每行一个职权事项。先逐行校验全部内容；"
                     + "只要有一行有问题，就不导入任何事项，并列出出错的行、列和原因。导入的事项为草拟版本（v1）。最多 \(PowerListCSV.maxRows) 行、\(PowerListCSV.maxBytes / 1024 / 1024) MB。")),
                 .p(.a(.href(SiteURL.consolePowerListTemplate(agency)), .text("下载模板（CSV）"))),
                 .form(.method(.post), .action(SiteURL.consolePowerListImport(agency)), .enctype(.multipartData),
                       UI.csrfField(csrf),
                       .div(.class("field"),
                            .label(.for("csv-file"), .text("CSV 文件"), .span(.class("req"), .text("（必填）"))),
                            .input(.type(.file), .name("file"), .id("csv-file"), .required(true),
                                   Attribute(name: "accept", value: ".csv,text/csv"))),
                       .button(.type(.submit), .text("校验并导入"))),
                 .details(.summary(.text("各列的填写方法")),
                          .ul(.forEach(PowerListColumn.allCases) { c in
                              .li(.strong(.text(c.rawValue)), .text(c.isRequired ? "（必填）：" : "（可空）："), .text(c.hint))
                          })))
    }
}
