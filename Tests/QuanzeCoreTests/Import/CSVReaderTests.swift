import Foundation
import Testing
@testable import QuanzeCore

@Suite("CSV 读取 RFC 4180")
struct CSVReaderTests {
    func read(_ text: String) throws -> [[String]] { try CSVReader.read(Data(text.utf8)).map(\.fields) }

    @Test("plain fields, LF and CRLF line ends, no record for the final line end")
    func plain() throws {
        #expect(try read("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(try read("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try read("a,b\r\n1,2") == [["a", "b"], ["1", "2"]])
        #expect(try read("a,,\n") == [["a", "", ""]])
        #expect(try read("") == [])
    }

    @Test("quoted fields: commas, doubled quotes, line breaks inside; rows count records, lines count lines")
    func quoted() throws {
        let records = try CSVReader.read(Data("h1,h2\n\"x, y\",\"say \"\"hi\"\"\"\n\"line1\r\nline2\",z\nlast,\"\"\n".utf8))
        #expect(records.map(\.fields) == [["h1", "h2"], ["x, y", "say \"hi\""], ["line1\r\nline2", "z"], ["last", ""]])
        #expect(records.map(\.row) == [1, 2, 3, 4])
        #expect(records.map(\.line) == [1, 2, 3, 5])
    }

    @Test("a UTF-8 byte-order mark is stripped; CR LF is never one character")
    func bom() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("编码,名称\r\nA-1,检查\r\n".utf8))
        #expect(try CSVReader.read(data).map(\.fields) == [["编码", "名称"], ["A-1", "检查"]])
    }

    @Test("invalid UTF-8 (a GBK file) is refused naming the first bad line")
    func invalidUTF8() throws {
        var bytes = Array("编码,名称\nA-1,ok\n".utf8)
        bytes += [0xB1, 0xE0, 0xC2, 0xEB, 0x0A]   // 编码 in GBK
        #expect(throws: CSVReadError.invalidUTF8(line: 3)) { try CSVReader.read(Data(bytes)) }
        #expect(CSVReadError.invalidUTF8(line: 3).message.contains("UTF-8"))
    }

    @Test("an unterminated quote is reported with the line it opened on; text after a closing quote too")
    func malformed() throws {
        #expect(throws: CSVReadError.unterminatedQuote(line: 2)) { try read("a,b\n\"open,x\nmore\n") }
        #expect(throws: CSVReadError.textAfterQuote(line: 1)) { try read("\"a\"b,c\n") }
        #expect(CSVReadError.unterminatedQuote(line: 2).message == "第 2 行开始的引号没有闭合")
    }

    @Test("a file over the byte limit is refused before reading")
    func tooLarge() throws {
        #expect(throws: CSVReadError.tooLarge(maxBytes: 4)) { try CSVReader.read(Data("a,b,c".utf8), maxBytes: 4) }
    }

    @Test("written fields read back unchanged", arguments: ["plain", "a,b", "say \"hi\"", "two\nlines", "", "《法》第一条；第二条"])
    func roundTrip(_ value: String) throws {
        #expect(try read(CSVWriter.field(value) + ",x\n") == [[value, "x"]])
    }
}
