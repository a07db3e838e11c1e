/// A cell of an exported table: text, a whole number, or an amount kept in 分 and written in 元 with
/// two decimals (computed from the integer, never through floating point).
public enum ExportCell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case fen(Int)

    /// 元 with two decimals: 12345 → "123.45", -5 → "-0.05".
    public static func yuan(_ fen: Int) -> String {
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return (fen < 0 ? "-" : "") + String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// The cell as CSV or screen text.
    public var text: String {
        switch self {
        case .text(let s): s
        case .integer(let n): String(n)
        case .fen(let f): Self.yuan(f)
        }
    }
}

/// A table to export: a title, optional note lines (sources), a header row and the rows.
public struct ExportTable: Sendable {
    public var title: String
    public var notes: [String]
    public var headers: [String]
    public var rows: [[ExportCell]]

    public init(title: String, notes: [String] = [], headers: [String], rows: [[ExportCell]]) {
        self.title = title
        self.notes = notes
        self.headers = headers
        self.rows = rows
    }

    /// RFC 4180 CSV (CRLF line ends): the header row and the rows; amounts in 元 with two decimals.
    /// The title and notes are left out so that the file loads as a plain table.
    public func csv() -> String {
        var lines = [headers.map(CSVWriter.field).joined(separator: ",")]
        for row in rows { lines.append(row.map { CSVWriter.field($0.text) }.joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// A minimal Office Open XML spreadsheet (ECMA-376 SpreadsheetML): one worksheet, inline strings, a
/// style for amounts (built-in number format 2, `0.00`), packed in a stored ZIP. Rows: the title, the
/// notes, an empty row, the header row (frozen below it is not attempted), then the data.
public enum XLSXWriter {
    public static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    public static func workbook(_ table: ExportTable, sheetName: String = "Sheet1") -> [UInt8] {
        var zip = ZipArchive()
        zip.add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """)
        zip.add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        zip.add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(escape(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        zip.add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        zip.add("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """)
        zip.add("xl/worksheets/sheet1.xml", sheet(table))
        return zip.bytes()
    }

    /// The worksheet XML.
    public static func sheet(_ table: ExportTable) -> String {
        var rows: [[ExportCell]] = [[.text(table.title)]]
        rows += table.notes.map { [.text($0)] }
        rows.append([])
        let headerRow = rows.count + 1
        rows.append(table.headers.map { .text($0) })
        rows += table.rows
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (i, row) in rows.enumerated() {
            let r = i + 1
            xml += #"<row r="\#(r)">"#
            for (j, cell) in row.enumerated() {
                let ref = column(j) + String(r)
                let bold = r == 1 || r == headerRow
                switch cell {
                case .text(let s):
                    xml += #"<c r="\#(ref)" t="inlineStr"\#(bold ? #" s="2""# : "")><is><t xml:space="preserve">\#(escape(s))</t></is></c>"#
                case .integer(let n):
                    xml += #"<c r="\#(ref)"><v>\#(n)</v></c>"#
                case .fen(let f):
                    xml += #"<c r="\#(ref)" s="1"><v>\#(ExportCell.yuan(f))</v></c>"#
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// Column letters: 0 → A, 25 → Z, 26 → AA.
    public static func column(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// XML text and attribute escaping; characters XML 1.0 forbids (C0 controls other than tab, LF,
    /// CR) are dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if u.value < 0x20 && u != "\t" && u != "\n" && u != "\r" { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
