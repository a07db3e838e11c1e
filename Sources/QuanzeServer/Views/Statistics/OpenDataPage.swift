import Foundation
import Plot
import QuanzeCore

/// 开放数据 index: each dataset, its files, version and schema (field, type, description).
struct OpenDataPage {
    func render() -> HTML {
        Layout.publicPage(title: "开放数据", content: .div(
            .h1(.text("开放数据")),
            .p(.text("本平台公示的执法主体、权责清单、执法决定和执法统计，以机器可读的 JSON 和 CSV 提供，无需登录。字段名和类型在同一版本内保持不变；"
                     + "新增字段只在表尾追加并提升次版本号，改名或删除字段提升主版本号。不含个人信息：执法决定的当事人姓名、身份证号、电话按公示规则脱敏。")),
            .p(.text("JSON 格式：{dataset, title, version, generatedOn, fields, parameters, records}；金额（decimal）以字符串给出，单位元，两位小数；"
                     + "日期为 YYYY-MM-DD；CSV 为 UTF-8、RFC 4180，首行为字段名。")),
            .forEach(OpenData.catalog) { d in
                .section(.class("card"), .id("dataset-\(d.name)"),
                         .h2(.text("\(d.title)（\(d.name)，版本 \(d.version)）")),
                         .p(.text(d.description)),
                         .if(d.available,
                             .p(.a(.href(SiteURL.publicOpenDataFile(d.name, "json")), .text("JSON")), .text(" · "),
                                .a(.href(SiteURL.publicOpenDataFile(d.name, "csv")), .text("CSV"))),
                             else: .p(.class("empty"), .text(d.note ?? "暂未提供。"))),
                         .if(!d.fields.isEmpty,
                             UI.table(caption: "\(d.title)字段", headers: ["字段", "类型", "可为空", "说明"],
                                      rows: d.fields.map { f in [.code(.text(f.name)), .text(f.type.rawValue), .text(f.nullable ? "是" : "否"), .text(f.description)] })))
            }))
    }
}
