import Foundation
import Testing
@testable import QuanzeCore

@Suite("XLSX export: stored ZIP with CRC-32, SpreadsheetML with inline strings, amounts in 元")
struct XLSXWriterTests {
    static let table = ExportTable(
        title: "2026年度行政执法统计", notes: ["依据：002 五(二)"],
        headers: ["执法主体", "类别", "件数", "罚款金额(元)"],
        rows: [[.text("长春市市场监督管理局"), .text("行政处罚"), .integer(12), .fen(123_456)],
               [.text("A & B <\"引号\">, 逗号"), .text("行政许可"), .integer(0), .fen(5)],
               [.text("合计"), .text(""), .integer(12), .fen(123_461)]])

    @Test("CRC-32 check value of \"123456789\" is CBF43926 (the standard test vector)")
    func crc() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test("元 from integer 分: two decimals, negatives, no floating point")
    func yuan() {
        #expect(ExportCell.yuan(0) == "0.00")
        #expect(ExportCell.yuan(5) == "0.05")
        #expect(ExportCell.yuan(123_456) == "1234.56")
        #expect(ExportCell.yuan(-105) == "-1.05")
        #expect(ExportCell.yuan(9_007_199_254_740_993) == "90071992547409.93")
    }

    @Test("column letters")
    func columns() {
        #expect(XLSXWriter.column(0) == "A")
        #expect(XLSXWriter.column(25) == "Z")
        #expect(XLSXWriter.column(26) == "AA")
        #expect(XLSXWriter.column(701) == "ZZ")
        #expect(XLSXWriter.column(702) == "AAA")
    }

    @Test("CSV: RFC 4180 quoting of commas, quotes and line breaks; CRLF; amounts in 元")
    func csv() throws {
        let t = ExportTable(title: "t", headers: ["名称", "金额"], rows: [[.text("甲,乙"), .fen(100)], [.text("说\"好\""), .fen(7)], [.text("两\n行"), .fen(0)]])
        #expect(t.csv() == "名称,金额\r\n\"甲,乙\",1.00\r\n\"说\"\"好\"\"\",0.07\r\n\"两\n行\",0.00\r\n")
        let back = try CSVReader.read(Data(t.csv().utf8)).map(\.fields)
        #expect(back == [["名称", "金额"], ["甲,乙", "1.00"], ["说\"好\"", "0.07"], ["两\n行", "0.00"]])
    }

    @Test("the package has the OOXML parts, every CRC matches, the sheet keeps Chinese text and escapes markup")
    func package() throws {
        let bytes = XLSXWriter.workbook(Self.table, sheetName: "执法统计")
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        let entries = try #require(ZipArchive.readStored(bytes))
        #expect(entries.map { $0.name } == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                        "xl/styles.xml", "xl/worksheets/sheet1.xml"])
        #expect(entries.allSatisfy { $0.crcOK })
        let sheet = String(decoding: try #require(entries.last).data, as: UTF8.self)
        #expect(sheet.contains("<t xml:space=\"preserve\">长春市市场监督管理局</t>"))
        #expect(sheet.contains("A &amp; B &lt;&quot;引号&quot;&gt;, 逗号"))
        #expect(sheet.contains(#"<c r="D5" s="1"><v>1234.56</v></c>"#))
        #expect(sheet.contains(#"<c r="C5"><v>12</v></c>"#))
        let workbook = String(decoding: entries[2].data, as: UTF8.self)
        #expect(workbook.contains(#"<sheet name="执法统计""#))
        // Equal input, equal bytes (fixed entry dates).
        #expect(XLSXWriter.workbook(Self.table, sheetName: "执法统计") == bytes)
    }

    @Test("Python's zipfile and ElementTree read the workbook back cell by cell")
    func python() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(python, "python3 is needed to check the package with an independent reader")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quanze-\(UUID().uuidString).xlsx")
        try Data(XLSXWriter.workbook(Self.table)).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, zipfile, xml.etree.ElementTree as ET
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
            for name in z.namelist():
                if name.endswith('.xml') or name.endswith('.rels'): ET.fromstring(z.read(name))
            root = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
            rows = []
            for row in root.iter('{%s}row' % ns['m']):
                cells = []
                for c in row.findall('m:c', ns):
                    t = c.find('m:is/m:t', ns)
                    cells.append((t.text or '') if t is not None else c.find('m:v', ns).text)
                rows.append(cells)
            print(json.dumps(rows, ensure_ascii=False))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rows = try JSONDecoder().decode([[String]].self, from: out)
        #expect(rows == [["2026年度行政执法统计"], ["依据：002 五(二)"], [], ["执法主体", "类别", "件数", "罚款金额(元)"],
                         ["长春市市场监督管理局", "行政处罚", "12", "1234.56"], ["A & B <\"引号\">, 逗号", "行政许可", "0", "0.05"],
                         ["合计", "", "12", "1234.61"]])
    }
}
