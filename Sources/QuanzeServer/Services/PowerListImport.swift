import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 导入权责清单: a body's 法制员 imports many 职权事项 from one CSV file. Every row is checked first —
/// the file (`PowerListCSV`), each basis against the catalog, and everything `PowerItemService`
/// checks for a single item, plus codes unique in the body and in the file. Only when no row has
/// a problem are all items created, as drafts (version 1), in one transaction.
/// Flow steps come from the optional 流程 column (“名称|角色|期限|单位|分支|起算” per step), as in the console form.
enum PowerListImport {
    static let invalidCode = "CSV_INVALID"

    static func run(agency: Agency, data: Data, req: Request) async throws -> [PowerItemDTO] {
        let agencyID = try agency.requireID()
        let parsed = PowerListCSV.parse(data, categories: categoryTable)
        var problems = parsed.problems
        if !parsed.rows.isEmpty, !problems.contains(where: { $0.row == nil || $0.row == 1 }) {
            let existing = Set(try await PowerItem.query(on: req.db).filter(\.$agency.$id == agencyID).all(\.$code))
            let resolver = try await PowerListBasisResolver.load(titles: Set(parsed.rows.flatMap { $0.basis.map(\.title) }), on: req.db)
            var contents: [(String, PowerItemService.Content)] = []
            for row in parsed.rows {
                let check = PowerListRowCheck(row: row, flagged: Set(problems.filter { $0.row == row.row }.compactMap(\.column)))
                let (content, rowProblems) = try await check.run(existingCodes: existing, resolver: resolver)
                problems += rowProblems
                contents.append((row.code, content))
            }
            if problems.isEmpty {
                let contents = contents
                return try await req.db.transaction { tx in
                    var items: [PowerItemDTO] = []
                    for (code, content) in contents {
                        let (item, v) = try await PowerItemService.insert(agencyID: agencyID, code: code, content: content, on: tx)
                        let bases = content.basisArticleIDs.reduce(into: [UUID]()) { if !$0.contains($1) { $0.append($1) } }
                        items.append(PowerItemDTO(id: try item.requireID(), agencyId: agencyID, code: code,
                                                  versions: [try PowerItemVersionDTO(v, bases: bases)]))
                    }
                    try await req.audit(.powerListImport, .success, target: agencyTarget(agency),
                                        detail: "导入 \(items.count) 项职权事项（草拟）", on: tx)
                    return items
                }
            }
        }
        let sorted = problems.enumerated().sorted { ($0.element.row ?? 0, $0.offset) < ($1.element.row ?? 0, $1.offset) }.map(\.element)
        try await req.audit(.powerListImport, .failure, target: agencyTarget(agency),
                            detail: "未导入：\(sorted.count) 处问题；" + String((sorted.first?.message ?? "").prefix(200)))
        throw refusal(sorted)
    }

    /// 类别 by label (行政处罚) or code (penalty).
    static let categoryTable: [String: String] = Dictionary(uniqueKeysWithValues:
        PowerCategory.allCases.flatMap { [($0.label, $0.rawValue), ($0.rawValue, $0.rawValue)] })

    static func refusal(_ problems: [ImportProblem]) -> AppError {
        AppError(invalidCode, .unprocessableEntity, "CSV 文件有 \(problems.count) 处问题，未导入任何职权事项",
                 details: ErrorDetails(rows: problems.map { CSVRowProblem(row: $0.row, column: $0.column, message: $0.message) }))
    }

    private static func agencyTarget(_ agency: Agency) -> String { agency.name }
}
