import Foundation

/// Parsers for the typed cells of a 权责清单 CSV; each throws a `CellError` with a Chinese message.
enum PowerListCells {
    struct CellError: Error, Equatable { let message: String }

    /// “20工作日”, “20个工作日”, “60日”, “60天” (spaces allowed); nil for an empty cell.
    static func timeLimit(_ cell: String) throws -> ImportedTimeLimit? {
        let s = cell.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "　", with: "")
        guard !s.isEmpty else { return nil }
        let digits = s.prefix(while: \.isASCII).prefix(while: \.isNumber)
        var unit = s.dropFirst(digits.count)
        if unit.hasPrefix("个") { unit = unit.dropFirst() }
        let units: [Substring: DeadlineUnit] = ["工作日": .workingDays, "日": .calendarDays, "天": .calendarDays]
        guard let value = Int(digits), let u = units[unit] else {
            throw CellError(message: "期限“\(cell)”无法识别，应写作如“20工作日”或“60日”")
        }
        return ImportedTimeLimit(value: value, unit: u)
    }

    /// One or more “法规名称 第X条” (the title may be in 《》), separated like every multi-valued cell.
    static func basis(_ cell: String) throws -> [BasisCitation] {
        try PowerListColumn.entries(cell).map { entry in
            guard let citation = citation(entry) else {
                throw CellError(message: "依据“\(entry)”应写作“法规名称 第X条”，如“中华人民共和国行政处罚法 第四十二条”")
            }
            return citation
        }
    }

    /// Splits at the last “第” whose remainder is an article number.
    static func citation(_ entry: String) -> BasisCitation? {
        var search = entry.endIndex
        while let i = entry[..<search].lastIndex(of: "第") {
            let article = entry[i...].trimmingCharacters(in: .whitespaces)
            if ArticleNumber.ordinal(article) != nil {
                let title = entry[..<i].trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "《》")).trimmingCharacters(in: .whitespaces)
                return title.isEmpty ? nil : BasisCitation(title: title, article: article)
            }
            search = i
        }
        return nil
    }

    /// Steps “名称|角色|期限|单位|分支|起算” (期限, 单位, 分支 and 起算 may be left out; 单位 defaults to 日;
    /// 起算 is 本环节 (the default) or 立案, see `FlowLimitStart`).
    static func flow(_ cell: String) throws -> [ImportedFlowStep] {
        try PowerListColumn.entries(cell).enumerated().map { i, entry in
            let p = entry.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard p.count >= 2, p.count <= 6, !p[0].isEmpty, !p[1].isEmpty else {
                throw CellError(message: "第 \(i + 1) 步“\(entry)”应写作“名称|角色|期限|单位|分支|起算”")
            }
            var limit: ImportedTimeLimit?
            if p.count >= 3, !p[2].isEmpty {
                let unit = p.count >= 4 && !p[3].isEmpty ? p[3] : "日"
                guard let value = Int(p[2]), let u = DeadlineUnit(rawValue: unit) else {
                    throw CellError(message: "第 \(i + 1) 步的期限应为整数，单位为“日”或“工作日”")
                }
                limit = ImportedTimeLimit(value: value, unit: u)
            }
            guard let from = FlowLimitStart.parse(p.count == 6 ? p[5] : "") else {
                throw CellError(message: "第 \(i + 1) 步的起算应为“本环节”或“立案”")
            }
            if from != nil && limit == nil { throw CellError(message: "第 \(i + 1) 步写了起算，但没有期限") }
            return ImportedFlowStep(name: p[0], role: p[1], limit: limit, branch: p.count >= 5 && !p[4].isEmpty ? p[4] : nil, limitFrom: from)
        }
    }
}
