import Fluent
import Foundation
import QuanzeCore

/// The server's checks of one CSV row: code (text rules, unique in the body), bases against the
/// catalog, and `PowerItemService.problems` — each problem named by the CSV column it concerns.
/// Columns the file reading already refused (`flagged`) are not reported twice.
struct PowerListRowCheck {
    let row: PowerListRow
    let flagged: Set<String>

    func run(existingCodes: Set<String>, resolver: PowerListBasisResolver) async throws -> (PowerItemService.Content, [ImportProblem]) {
        var problems: [ImportProblem] = []
        func report(_ column: PowerListColumn, _ message: String) {
            guard !flagged.contains(column.rawValue) else { return }
            problems.append(ImportProblem(row: row.row, column: column.rawValue, message: message))
        }
        if let p = TextInput.problem(row.code, field: "code", max: 40) {
            report(.code, p.message)
        } else if existingCodes.contains(row.code) {
            report(.code, "本主体已有编码为 \(row.code) 的职权事项")
        }
        var articleIDs: [UUID] = []
        for citation in row.basis {
            switch resolver.resolve(citation) {
            case .success(let id): articleIDs.append(id)
            case .failure(let e): report(.basis, e.message)
            }
        }
        let content = PowerItemService.Content(
            name: row.name, category: PowerCategory(rawValue: row.category) ?? .other, basisArticleIDs: articleIDs,
            responsibilities: row.responsibilities, statutoryLimit: row.statutoryLimit.map(Self.limit),
            promisedLimit: row.promisedLimit.map(Self.limit), majorCriteria: row.majorCriteria,
            flow: row.flow.map { FlowStep(name: $0.name, role: $0.role, limit: $0.limit.map(Self.limit), branch: $0.branch, limitFrom: $0.limitFrom) })
        let basisUnresolved = articleIDs.count < row.basis.count || flagged.contains(PowerListColumn.basis.rawValue)
        for p in try await PowerItemService.problems(content, article: { resolver.cited($0) }) {
            let (column, index) = Self.column(of: p.field)
            if column == .basis && p.code == "required" && basisUnresolved { continue }
            let entry = index.map { "第 \($0 + 1) \(column == .flow ? "步" : "项")：" } ?? ""
            report(column, entry + p.message)
        }
        return (content, problems)
    }

    static func limit(_ l: ImportedTimeLimit) -> TimeLimit { TimeLimit(value: l.value, unit: l.unit.rawValue) }

    /// The CSV column of a `PowerItemService` field (`responsibilities[2]`, `flow[0].limit`) and its entry index.
    static func column(of field: String) -> (PowerListColumn, Int?) {
        let base = String(field.prefix { $0 != "[" && $0 != "." })
        let index = field.firstIndex(of: "[").flatMap { i in Int(field[field.index(after: i)...].prefix { $0.isNumber }) }
        let columns: [String: PowerListColumn] = [
            "code": .code, "name": .name, "category": .category, "basisArticleIds": .basis, "responsibilities": .responsibilities,
            "statutoryLimit": .statutoryLimit, "promisedLimit": .promisedLimit, "majorCriteria": .majorCriteria, "flow": .flow,
        ]
        return (columns[base] ?? .name, index)
    }
}
