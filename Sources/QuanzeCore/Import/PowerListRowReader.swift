/// Reads one data record into a `PowerListRow`, collecting a problem per bad cell.
struct PowerListRowReader {
    let record: CSVRecord
    let columns: [PowerListColumn?]
    let categories: [String: String]

    func read() -> (PowerListRow, [ImportProblem]) {
        var problems: [ImportProblem] = []
        if record.fields.count > columns.count {
            problems.append(ImportProblem(row: record.row, column: nil,
                                          message: "本行有 \(record.fields.count) 个字段，多于表头的 \(columns.count) 列（含逗号的内容须加英文双引号）"))
        }
        func problem(_ column: PowerListColumn, _ message: String) {
            problems.append(ImportProblem(row: record.row, column: column.rawValue, message: message))
        }
        func parse<T>(_ column: PowerListColumn, _ f: (String) throws -> T, default value: T) -> T {
            do { return try f(cell(column)) } catch let e as PowerListCells.CellError { problem(column, e.message) } catch {}
            return value
        }
        for column in PowerListColumn.allCases where column.isRequired && cell(column).isEmpty {
            problem(column, "不能为空")
        }
        let categoryText = cell(.category)
        let category = categories[categoryText]
        if category == nil && !categoryText.isEmpty {
            let allowed = Set(categories.keys.filter { !$0.allSatisfy(\.isASCII) }).sorted().joined(separator: "、")
            problem(.category, "类别“\(categoryText)”无效；可选：\(allowed)")
        }
        let row = PowerListRow(
            row: record.row, code: cell(.code), name: cell(.name), category: category ?? "",
            basis: parse(.basis, PowerListCells.basis, default: []),
            responsibilities: PowerListColumn.entries(cell(.responsibilities)),
            statutoryLimit: parse(.statutoryLimit, PowerListCells.timeLimit, default: nil),
            promisedLimit: parse(.promisedLimit, PowerListCells.timeLimit, default: nil),
            majorCriteria: PowerListColumn.entries(cell(.majorCriteria)),
            flow: parse(.flow, PowerListCells.flow, default: []))
        return (row, problems)
    }

    /// The trimmed cell of `column` (empty when the column is absent or the row is short).
    func cell(_ column: PowerListColumn) -> String {
        guard let i = columns.firstIndex(of: column), i < record.fields.count else { return "" }
        return record.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
