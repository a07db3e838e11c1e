import Foundation
import Testing
@testable import QuanzeCore

@Suite("权责清单 CSV: header, typed cells, every problem with its row and column")
struct PowerListCSVTests {
    static let categories = ["行政处罚": "penalty", "penalty": "penalty", "行政检查": "inspection"]
    static let header = "编码,名称,类别,依据,追责情形,法定时限,承诺时限,重大标准,流程"

    func parse(_ text: String) -> PowerListCSV { PowerListCSV.parse(Data(text.utf8), categories: Self.categories) }

    @Test("a full row becomes a typed row")
    func fullRow() throws {
        let csv = parse(Self.header + "\n" + #"XZCF-1,处罚,行政处罚,"《中华人民共和国行政处罚法》第四十二条；中华人民共和国食品安全法 第一百二十二条",甲；乙,20工作日,15个工作日,"罚款十万元以上",立案|承办人|5|工作日；决定|负责人"# + "\n")
        #expect(csv.problems == [])
        let row = try #require(csv.rows.first)
        #expect(row.row == 2)
        #expect(row.code == "XZCF-1" && row.name == "处罚" && row.category == "penalty")
        #expect(row.basis == [BasisCitation(title: "中华人民共和国行政处罚法", article: "第四十二条"),
                              BasisCitation(title: "中华人民共和国食品安全法", article: "第一百二十二条")])
        #expect(row.responsibilities == ["甲", "乙"])
        #expect(row.statutoryLimit == ImportedTimeLimit(value: 20, unit: .workingDays))
        #expect(row.promisedLimit == ImportedTimeLimit(value: 15, unit: .workingDays))
        #expect(row.majorCriteria == ["罚款十万元以上"])
        #expect(row.flow == [ImportedFlowStep(name: "立案", role: "承办人", limit: ImportedTimeLimit(value: 5, unit: .workingDays), branch: nil),
                             ImportedFlowStep(name: "决定", role: "负责人", limit: nil, branch: nil)])
    }

    @Test("a flow step may say its 时限 counts from filing (起算 立案); a wrong word or 起算 without 期限 is refused")
    func flowLimitStart() throws {
        let steps = try PowerListCells.flow("调查|承办人|10|工作日||本环节；作出决定|批准人|90|日|普通程序|立案；送达|承办人|7|工作日")
        #expect(steps.map(\.limitFrom) == [.step, .filing, nil])
        #expect(steps[1].branch == "普通程序")
        #expect(throws: (any Error).self) { try PowerListCells.flow("决定|批准人|90|日||明天") }
        #expect(throws: (any Error).self) { try PowerListCells.flow("决定|批准人||||立案") }
        #expect(FlowLimitStart.parse("受理") == .some(.filing) && FlowLimitStart.parse("") == .some(nil) && FlowLimitStart.parse("x") == nil)
    }

    @Test("only the required columns, in any order; blank lines skipped but counted as rows")
    func minimal() throws {
        let csv = parse("依据,类别,名称,编码\n中华人民共和国行政处罚法 第五十八条,penalty,审核,A-1\n\n法 第1条,行政检查,检查,A-2\n")
        #expect(csv.problems == [])
        #expect(csv.rows.map(\.code) == ["A-1", "A-2"])
        #expect(csv.rows.map(\.row) == [2, 4])
        #expect(csv.rows[1].basis == [BasisCitation(title: "法", article: "第1条")])
    }

    @Test("unknown, repeated and missing required headers are refused on row 1")
    func header() {
        let csv = parse("编码,名字,编码,依据\nA,B,C,D\n")
        #expect(csv.rows.isEmpty)
        #expect(csv.problems.map(\.column) == ["名字", "编码", "名称", "类别"])
        #expect(csv.problems.allSatisfy { $0.row == 1 })
        #expect(csv.problems[0].message.hasPrefix("未知的列名“名字”"))
        #expect(csv.problems[2].message == "缺少必需的列“名称”")
    }

    /// (cell row text after the code, column, message start)
    static let badRows: [(String, String, String)] = [
        (",行政处罚,法 第一条", "名称", "不能为空"),
        ("名,许可,法 第一条", "类别", "类别“许可”无效"),
        ("名,行政处罚,", "依据", "不能为空"),
        ("名,行政处罚,行政处罚法", "依据", "依据“行政处罚法”应写作"),
        ("名,行政处罚,法 第一条,,二十日", "法定时限", "期限“二十日”无法识别"),
        ("名,行政处罚,法 第一条,,,20周", "承诺时限", "期限“20周”无法识别"),
        ("名,行政处罚,法 第一条,,,,,立案", "流程", "第 1 步“立案”应写作"),
        ("名,行政处罚,法 第一条,,,,,立案|承办人|五|日", "流程", "第 1 步的期限应为整数"),
    ]

    @Test("a bad cell is named by row and column", arguments: badRows)
    func badCell(_ rest: String, _ column: String, _ message: String) throws {
        let csv = parse(Self.header + "\nOK-1,名,行政处罚,法 第一条\nB-1," + rest + "\n")
        let problem = try #require(csv.problems.first)
        #expect(csv.problems.count == 1)
        #expect(problem.row == 3)
        #expect(problem.column == column)
        #expect(problem.message.hasPrefix(message), "\(problem.message)")
    }

    @Test("every bad row is reported, duplicate codes name the first row, extra fields are refused")
    func everyProblem() {
        let csv = parse(Self.header + "\nA-1,名,行政处罚,法 第一条\nA-1,名,行政处罚,法 第一条\n,,,,甲\nA-3,名,行政处罚,法 第一条,,,,,,多余\n")
        #expect(csv.problems.map { "\($0.row ?? 0) \($0.column ?? "-")" } == ["3 编码", "4 编码", "4 名称", "4 类别", "4 依据", "5 -"])
        #expect(csv.problems[0].message == "编码 A-1 与第 2 行重复")
    }

    @Test("file-level refusals: not UTF-8, unterminated quote, empty, header only, too many rows")
    func fileLevel() {
        #expect(PowerListCSV.parse(Data([0xB1, 0xE0, 0xC2, 0xEB]), categories: [:]).problems.first?.message.contains("UTF-8") == true)
        #expect(parse(Self.header + "\nA,\"open\n").problems.first?.message == "第 2 行开始的引号没有闭合")
        #expect(parse("").problems.first?.message.hasPrefix("文件为空") == true)
        #expect(parse(Self.header + "\n\n").problems.first?.message.hasPrefix("文件中没有职权事项") == true)
        let many = Self.header + "\n" + (1...(PowerListCSV.maxRows + 1)).map { "C-\($0),名,行政处罚,法 第一条" }.joined(separator: "\n")
        let refused = parse(many)
        #expect(refused.problems.count == 1 && refused.problems[0].message.contains("2000 行上限"))
    }

    @Test("the template reads back without problems")
    func template() throws {
        let csv = PowerListCSV.parse(Data(PowerListTemplate.text.utf8), categories: Self.categories)
        #expect(csv.problems == [])
        #expect(csv.rows.first?.flow.count == 4)
        #expect(csv.rows.first?.basis.count == 2)
    }
}
