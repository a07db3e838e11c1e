/// The template a body fills in: UTF-8 with a byte-order mark (so that spreadsheet programs
/// open it as UTF-8), every column, one example row citing the demo catalog's laws.
public enum PowerListTemplate {
    public static let example: [PowerListColumn: String] = [
        .code: "XZCF-101",
        .name: "对未取得食品生产经营许可从事食品生产经营活动的行政处罚",
        .category: "行政处罚",
        .basis: "中华人民共和国食品安全法 第一百二十二条；中华人民共和国行政处罚法 第五十八条",
        .responsibilities: "应当立案而未立案的；未经法制审核作出重大行政处罚决定的",
        .statutoryLimit: "90日",
        .promisedLimit: "60日",
        .majorCriteria: "没收违法所得和罚款合计十万元以上",
        .flow: "立案|承办人|5|工作日；调查取证|执法人员（两人）；法制审核|法制审核人员|5|工作日|普通程序；决定|负责人",
    ]

    public static var text: String {
        let header = PowerListColumn.allCases.map { CSVWriter.field($0.rawValue) }.joined(separator: ",")
        let row = PowerListColumn.allCases.map { CSVWriter.field(example[$0] ?? "") }.joined(separator: ",")
        return "\u{FEFF}" + header + "\r\n" + row + "\r\n"
    }
}
