import Foundation

/// A body's 权责清单 as a CSV file (header row of `PowerListColumn` names, one 职权事项 per row),
/// read into typed rows. Every problem of every row is collected; the caller imports nothing
/// unless `problems` is empty.
public struct PowerListCSV: Sendable {
    public static let maxBytes = 2 * 1024 * 1024
    public static let maxRows = 2000

    public var rows: [PowerListRow] = []
    public var problems: [ImportProblem] = []

    /// `categories`: the accepted 类别 values (label, e.g. 行政处罚, or code) and the code each stands for.
    public static func parse(_ data: Data, categories: [String: String]) -> PowerListCSV {
        var out = PowerListCSV()
        let records: [CSVRecord]
        do {
            records = try CSVReader.read(data, maxBytes: maxBytes)
        } catch let e as CSVReadError {
            out.problems = [ImportProblem(row: nil, column: nil, message: e.message)]
            return out
        } catch {
            out.problems = [ImportProblem(row: nil, column: nil, message: "无法读取文件")]
            return out
        }
        guard let header = records.first else {
            out.problems = [ImportProblem(row: nil, column: nil, message: "文件为空：第 1 行应为表头")]
            return out
        }
        let (columns, headerProblems) = Self.columns(header)
        guard headerProblems.isEmpty else {
            out.problems = headerProblems
            return out
        }
        let body = records.dropFirst().filter { !$0.isBlank }
        guard !body.isEmpty else {
            out.problems = [ImportProblem(row: nil, column: nil, message: "文件中没有职权事项（表头之后没有数据行）")]
            return out
        }
        guard body.count <= maxRows else {
            out.problems = [ImportProblem(row: nil, column: nil, message: "文件有 \(body.count) 行职权事项，超过 \(maxRows) 行上限，请分批导入")]
            return out
        }
        var firstRowOfCode: [String: Int] = [:]
        for record in body {
            let (row, problems) = PowerListRowReader(record: record, columns: columns, categories: categories).read()
            out.problems += problems
            if let first = firstRowOfCode[row.code], !row.code.isEmpty {
                out.problems.append(ImportProblem(row: row.row, column: PowerListColumn.code.rawValue,
                                                  message: "编码 \(row.code) 与第 \(first) 行重复"))
            } else if firstRowOfCode[row.code] == nil {
                firstRowOfCode[row.code] = row.row
            }
            out.rows.append(row)
        }
        return out
    }

    /// The column of each header cell; unknown, repeated and missing required headers are problems.
    static func columns(_ header: CSVRecord) -> ([PowerListColumn?], [ImportProblem]) {
        var problems: [ImportProblem] = []
        var seen: Set<PowerListColumn> = []
        let columns = header.fields.map { raw -> PowerListColumn? in
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard let column = PowerListColumn(rawValue: name) else {
                let allowed = PowerListColumn.allCases.map(\.rawValue).joined(separator: "、")
                problems.append(ImportProblem(row: header.row, column: name, message: "未知的列名“\(name)”；可用的列：\(allowed)"))
                return nil
            }
            if !seen.insert(column).inserted {
                problems.append(ImportProblem(row: header.row, column: name, message: "列“\(name)”重复"))
            }
            return column
        }
        for column in PowerListColumn.allCases where column.isRequired && !seen.contains(column) {
            problems.append(ImportProblem(row: header.row, column: column.rawValue, message: "缺少必需的列“\(column.rawValue)”"))
        }
        return (columns, problems)
    }
}
