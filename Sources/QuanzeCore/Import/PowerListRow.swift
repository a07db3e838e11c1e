/// One 职权事项 as read from a CSV row, before its bases are looked up in the catalog.
public struct PowerListRow: Sendable, Equatable {
    /// The spreadsheet row (the header is row 1).
    public var row: Int
    public var code: String
    public var name: String
    /// The category's code, as given by the caller's category table.
    public var category: String
    public var basis: [BasisCitation]
    public var responsibilities: [String]
    public var statutoryLimit: ImportedTimeLimit?
    public var promisedLimit: ImportedTimeLimit?
    public var majorCriteria: [String]
    public var flow: [ImportedFlowStep]
}

/// “中华人民共和国行政处罚法 第四十二条”: a norm's title and an article number as written.
public struct BasisCitation: Sendable, Equatable {
    public var title: String
    public var article: String

    public init(title: String, article: String) {
        self.title = title
        self.article = article
    }
}

/// “20工作日”, “60日”.
public struct ImportedTimeLimit: Sendable, Equatable {
    public var value: Int
    public var unit: DeadlineUnit

    public init(value: Int, unit: DeadlineUnit) {
        self.value = value
        self.unit = unit
    }
}

/// One flow step: “名称|角色|期限|单位|分支|起算”, as the console form writes it.
public struct ImportedFlowStep: Sendable, Equatable {
    public var name: String
    public var role: String
    public var limit: ImportedTimeLimit?
    public var branch: String?
    public var limitFrom: FlowLimitStart? = nil
}
