import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

@Suite("导入权责清单: CSV checked row by row, all or nothing, by the body's 法制员 only")
struct PowerListImportTests {
    static let header = "编码,名称,类别,依据,追责情形,法定时限,承诺时限,重大标准,流程"
    static let good = [
        "XZJC-201,食品经营日常监督检查,行政检查,中华人民共和国行政处罚法 第四十二条,未按计划检查的；检查中徇私舞弊的,15工作日,10工作日,,制定计划|承办人；现场检查|执法人员（两人）|1|日",
        #"XZCF-201,"未取得许可从事食品经营的处罚",行政处罚,"《中华人民共和国食品安全法》第一百二十二条；中华人民共和国行政处罚法 第五十八条",,90日,60日,"罚款十万元以上","#,
    ]
    let agency = DemoIDs.uuid("agency:amr")
    var path: String { "/api/v1/agencies/\(agency)/power-items/import" }

    func csv(_ rows: [String], bom: Bool = false) -> String { (bom ? "\u{FEFF}" : "") + ([Self.header] + rows).joined(separator: "\r\n") + "\r\n" }

    func json(_ csv: String) -> String {
        let data = try! JSONEncoder().encode(["csv": csv])
        return String(decoding: data, as: UTF8.self)
    }

    func itemCount(_ app: Application) async throws -> Int {
        try await PowerItem.query(on: app.db).filter(\.$agency.$id == agency).count()
    }

    func problems(_ res: TestingHTTPResponse) throws -> [CSVRowProblem] {
        try res.content.get([CSVRowProblem].self, at: "error", "details", "rows")
    }

    @Test("a valid file, with or without BOM, imports every row as a draft v1, with its bases, limits and flow; audited")
    func importsAll() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let before = try await itemCount(app)
            let res = try await app.send(.POST, path, token, json(csv(Self.good, bom: true)))
            #expect(res.status == .created, "\(res.body.string.prefix(500))")
            let result = try res.content.decode(PowerListImportResultDTO.self)
            #expect(result.count == 2)
            #expect(result.items.map(\.code) == ["XZJC-201", "XZCF-201"])
            let v = try #require(result.items.last?.versions.first)
            #expect(v.version == 1 && v.status == "draft" && v.category == "penalty")
            #expect(Set(v.basisArticleIds) == [DemoIDs.uuid("article:foodsafety:第一百二十二条"), DemoIDs.uuid("article:penalty2021:第五十八条")])
            #expect(v.statutoryLimit == TimeLimit(value: 90, unit: "日") && v.promisedLimit == TimeLimit(value: 60, unit: "日"))
            #expect(v.majorCriteria == ["罚款十万元以上"])
            let first = try #require(result.items.first?.versions.first)
            #expect(first.responsibilities == ["未按计划检查的", "检查中徇私舞弊的"])
            #expect(first.flow == [FlowStep(name: "制定计划", role: "承办人", limit: nil, branch: nil),
                                   FlowStep(name: "现场检查", role: "执法人员（两人）", limit: TimeLimit(value: 1, unit: "日"), branch: nil)])
            // Without a BOM, other codes.
            let plain = Self.good.map { $0.replacingOccurrences(of: "-201", with: "-202") }
            #expect(try await app.send(.POST, path, token, json(csv(plain))).status == .created)
            #expect(try await itemCount(app) == before + 4)
            let audit = try #require(try await app.audits(.powerListImport).first)
            #expect(audit.outcome == AuditOutcome.success.rawValue)
            #expect(audit.detail?.contains("导入 2 项") == true)
        }
    }

    @Test("one bad row among good ones: nothing imported; every problem named by row and column; audited as refused")
    func badRowImportsNothing() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let before = try await itemCount(app)
            let rows = Self.good + [
                "XZCF-203,处罚,许可,中华人民共和国行政处罚法 第四十二条",
                "XZCF-204,处罚,行政处罚,中华人民共和国行政处罚法 第四十二条,,10工作日,15工作日",
            ]
            let res = try await app.send(.POST, path, token, json(csv(rows)))
            #expect(res.status == .unprocessableEntity)
            #expect(res.errorCode == "CSV_INVALID")
            let list = try problems(res)
            #expect(list.map { "\($0.row ?? 0) \($0.column ?? "")" } == ["4 类别", "5 承诺时限"])
            #expect(list[0].message.hasPrefix("类别“许可”无效"))
            #expect(list[1].message == "承诺期限不得长于法定期限")
            #expect(try await itemCount(app) == before)
            let audit = try #require(try await app.audits(.powerListImport).first)
            #expect(audit.outcome == AuditOutcome.failure.rawValue)
            #expect(try await app.audits(.requestRejected).isEmpty, "the refusal is audited once, as the import")
        }
    }

    @Test("a repealed article, a 规范性文件 and an unknown norm are refused by name")
    func basisRefusedByName() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let res = try await app.send(.POST, path, token, json(csv([
                "A-1,名称,行政处罚,中华人民共和国行政处罚法 第二十九条",
                "A-2,名称,行政处罚,长春市市场监督管理局行政处罚裁量基准（试行） 第五条",
                "A-3,名称,行政处罚,中华人民共和国无此法 第一条；中华人民共和国行政处罚法 第九十九条",
            ])))
            let list = try problems(res)
            #expect(list.map(\.row) == [2, 3, 4, 4])
            #expect(list.allSatisfy { $0.column == "依据" })
            #expect(list[0].message == "《中华人民共和国行政处罚法》第二十九条已废止，不能引用")
            #expect(list[1].message == "《长春市市场监督管理局行政处罚裁量基准（试行）》是规范性文件，不得作为执法依据")
            #expect(list[2].message.contains("没有《中华人民共和国无此法》"))
            #expect(list[3].message == "《中华人民共和国行政处罚法》第九十九条未收录在执法依据目录中")
        }
    }

    @Test("codes must be unique within the file and within the body")
    func duplicateCodes() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let res = try await app.send(.POST, path, token, json(csv([
                "B-1,名称,行政检查,中华人民共和国行政处罚法 第四十二条",
                "B-1,名称,行政检查,中华人民共和国行政处罚法 第四十二条",
                "XZCF-001,名称,行政检查,中华人民共和国行政处罚法 第四十二条",
            ])))
            let list = try problems(res)
            #expect(list.map { "\($0.row ?? 0) \($0.column ?? "") \($0.message)" } == [
                "3 编码 编码 B-1 与第 2 行重复", "4 编码 本主体已有编码为 XZCF-001 的职权事项",
            ])
        }
    }

    @Test("file-level refusals: not UTF-8 (console), unknown header, over the size limit")
    func fileLevel() async throws {
        try await withTestApp { app, _ in
            let token = try await app.token("legal.amr")
            let header = try problems(try await app.send(.POST, path, token, json("编码,名称,类别,依据,备注\nA,B,行政检查,法 第一条,x\n")))
            #expect(header.map(\.column) == ["备注"] && header[0].row == 1)
            let big = String(repeating: "x", count: PowerListCSV.maxBytes + 1)
            let tooLarge = try problems(try await app.send(.POST, path, token, json(big)))
            #expect(tooLarge.first?.message.contains("2 MB") == true)
            let session = try await app.signIn("legal.amr")
            let gbk: [UInt8] = [0xB1, 0xE0, 0xC2, 0xEB, 0x2C, 0x41, 0x0A]
            try await upload(app, session, Data(gbk)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("不是 UTF-8 编码"))
            }
        }
    }

    @Test("only the body's own 法制员 may import, refused before the body is read")
    func authorization() async throws {
        try await withTestApp { app, _ in
            let body = json(csv(Self.good))
            #expect(try await app.send(.POST, path, try await app.token("officer.amr1"), body).status == .forbidden)
            #expect(try await app.send(.POST, path, try await app.token("supervisor1"), body).status == .forbidden)
            let other = try await app.token("legal.eco")
            #expect(try await app.send(.POST, path, other, body).errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.POST, path, other, "not json").errorCode == "OUT_OF_SCOPE")
            #expect(try await app.send(.POST, path, try await app.token("legal.amr"), #"{"csv":"a","x":1}"#).errorCode == "UNKNOWN_FIELD")
            #expect(try await app.audits(.powerListImport).isEmpty)
        }
    }

    @Test("in the console: the upload form and template on the body's page, multipart upload with CSRF, result pages")
    func console() async throws {
        try await withTestApp { app, _ in
            let session = try await app.signIn("legal.amr")
            try await app.testing().test(.GET, "/console/agencies/\(agency)", headers: session.headers) { res in
                #expect(res.body.string.contains("enctype=\"multipart/form-data\""))
                #expect(res.body.string.contains(SiteURL.consolePowerListTemplate(agency)))
            }
            try await app.testing().test(.GET, SiteURL.consolePowerListTemplate(agency), headers: session.headers) { res in
                #expect(res.headers.contentType?.subType == "csv")
                let csv = PowerListCSV.parse(Data(res.body.readableBytesView), categories: PowerListImport.categoryTable)
                #expect(csv.problems.isEmpty && csv.rows.count == 1)
            }
            let bad = Data(csv([Self.good[0], "C-1,,行政检查,中华人民共和国行政处罚法 第四十二条"], bom: true).utf8)
            try await upload(app, session, bad) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("未导入任何职权事项"))
                #expect(res.body.string.contains("<td>第 3 行</td><td>名称</td><td>不能为空</td>"))
            }
            try await upload(app, session, Data(csv(Self.good, bom: true).utf8)) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已导入 2 项职权事项"))
                #expect(res.body.string.contains("食品经营日常监督检查"))
            }
            try await upload(app, session, Data(csv(Self.good).utf8), csrf: "wrong") { res in #expect(res.status == .forbidden) }
            try await app.testing().test(.GET, "/console/agencies/\(agency)", headers: session.headers) { res in
                #expect(res.body.string.contains("XZCF-201"))
            }
        }
    }

    @Test("over a real connection a large upload arrives in pieces; its CSRF field is still read")
    func largeUploadOverHTTP() async throws {
        try await withTestApp { app, _ in
            let session = try await app.signIn("legal.amr")
            let longName = String(repeating: "名", count: 300_000)   // ~900 KB, many network reads
            try await upload(app, session, Data(csv(["L-1,\(longName),行政检查,中华人民共和国行政处罚法 第四十二条"]).utf8),
                             method: .running(port: 0)) { res in
                #expect(res.status == .unprocessableEntity, "\(res.status)")
                #expect(res.body.string.contains("<td>第 2 行</td><td>名称</td><td>不超过 100 个字符</td>"))
            }
        }
    }

    func upload(_ app: Application, _ session: BrowserSession, _ file: Data, csrf: String? = nil, method: Application.Method = .inMemory,
                _ check: (TestingHTTPResponse) async throws -> Void) async throws {
        let boundary = "quanze-boundary-7d1"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf ?? session.csrf)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\"\r\nContent-Type: text/csv\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = session.headers
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        try await app.testing(method: method).test(.POST, SiteURL.consolePowerListImport(agency), headers: headers, body: body) { try await check($0) }
    }
}
