import Foundation
import QuanzeCore

/// One 检查对象 as typed or imported: the 统一社会信用代码 (checked against GB 32100-2015 and
/// normalized), a name and an optional address.
struct InspectionObjectDraft: Sendable, Equatable {
    var code: String
    var name: String
    var address: String?

    /// The normalized draft, or the problems by column (code / name / address).
    func checked() -> (InspectionObjectDraft?, [(column: String, message: String)]) {
        var problems: [(column: String, message: String)] = []
        var out = self
        do {
            out.code = try UnifiedSocialCreditCode(code).value
        } catch let e as UnifiedSocialCreditCodeError {
            problems.append(("code", e.message))
        } catch {
            problems.append(("code", "统一社会信用代码无效"))
        }
        do { out.name = try TextInput.name(name, field: "name", max: 100) } catch let e as AppError {
            problems.append(("name", "名称\(e.details?.problems?.first?.message ?? "无效")"))
        } catch {}
        if let address, !address.trimmingCharacters(in: .whitespaces).isEmpty {
            do { out.address = try TextInput.name(address, field: "address", max: 200) } catch let e as AppError {
                problems.append(("address", "地址\(e.details?.problems?.first?.message ?? "无效")"))
            } catch {}
        } else {
            out.address = nil
        }
        return (problems.isEmpty ? out : nil, problems)
    }
}

/// 检查对象库 from CSV (UTF-8; header 统一社会信用代码,名称,地址 — 地址 may be left out).
enum InspectionObjectCSV {
    static let maxBytes = 1_000_000
    static let maxRows = 5_000
    static let columns = (code: "统一社会信用代码", name: "名称", address: "地址")
    static let template = "\(columns.code),\(columns.name),\(columns.address)\n"

    static func parse(_ data: Data) -> (drafts: [(row: Int, draft: InspectionObjectDraft)], problems: [CSVRowProblem]) {
        let records: [CSVRecord]
        do { records = try CSVReader.read(data, maxBytes: maxBytes) } catch let e as CSVReadError {
            return ([], [CSVRowProblem(row: e.line, column: nil, message: "无法读取 CSV：\(e.message)")])
        } catch { return ([], [CSVRowProblem(row: nil, column: nil, message: "无法读取 CSV")]) }
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces) }),
              let codeAt = header.firstIndex(of: columns.code), let nameAt = header.firstIndex(of: columns.name) else {
            return ([], [CSVRowProblem(row: 1, column: nil, message: "首行须为表头：\(columns.code),\(columns.name),\(columns.address)（地址可省略）")])
        }
        let addressAt = header.firstIndex(of: columns.address)
        let rows = records.dropFirst().filter { !$0.isBlank }
        guard !rows.isEmpty else { return ([], [CSVRowProblem(row: nil, column: nil, message: "CSV 中没有检查对象")]) }
        guard rows.count <= maxRows else { return ([], [CSVRowProblem(row: nil, column: nil, message: "一次最多导入 \(maxRows) 个检查对象")]) }
        var drafts: [(Int, InspectionObjectDraft)] = []
        var problems: [CSVRowProblem] = []
        let label = ["code": columns.code, "name": columns.name, "address": columns.address]
        for r in rows {
            func cell(_ i: Int?) -> String { i.flatMap { $0 < r.fields.count ? r.fields[$0] : nil } ?? "" }
            let (draft, found) = InspectionObjectDraft(code: cell(codeAt), name: cell(nameAt), address: cell(addressAt)).checked()
            problems += found.map { CSVRowProblem(row: r.row, column: label[$0.column], message: $0.message) }
            if let draft { drafts.append((r.row, draft)) }
        }
        return (drafts, problems)
    }
}
