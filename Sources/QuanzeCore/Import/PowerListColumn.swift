/// The columns of a 权责清单 CSV, by their Chinese header. Multi-valued cells separate their
/// entries with “；” (or “;”) or a line break.
public enum PowerListColumn: String, CaseIterable, Sendable {
    case code = "编码"
    case name = "名称"
    case category = "类别"
    case basis = "依据"
    case responsibilities = "追责情形"
    case statutoryLimit = "法定时限"
    case promisedLimit = "承诺时限"
    case majorCriteria = "重大标准"
    case flow = "流程"

    public var isRequired: Bool { [.code, .name, .category, .basis].contains(self) }

    /// How to fill the column (shown with the upload form).
    public var hint: String {
        switch self {
        case .code: "事项编码，本主体内唯一，如 XZCF-002"
        case .name: "事项名称"
        case .category: "职权类别：行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政裁决、行政奖励、其他"
        case .basis: "执法依据：“法规名称 第X条”，多条以“；”分隔，如“中华人民共和国行政处罚法 第四十二条”"
        case .responsibilities: "追责情形，多项以“；”或换行分隔"
        case .statutoryLimit: "法定期限，如“20工作日”或“60日”，可空"
        case .promisedLimit: "承诺期限，不得长于法定期限，可空"
        case .majorCriteria: "重大执法决定标准（须法制审核），多项以“；”或换行分隔"
        case .flow: "流程步骤，多步以“；”或换行分隔，每步“名称|角色|期限|单位|分支|起算”，如“法制审核|法制审核人员|5|工作日|普通程序”，起算可写“立案”（默认自进入本环节），可空"
        }
    }

    /// Separators of multi-valued cells.
    static func entries(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == "；" || $0 == ";" || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
