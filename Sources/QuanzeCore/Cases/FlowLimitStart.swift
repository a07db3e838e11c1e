/// Where a flow step's 时限 is counted from: entering the step (the usual reading of a 流程图), or
/// the filing (立案/受理) of the case, as for "作出决定 90 日" (行政处罚法 第六十条) or "作出处理决定
/// 30 日" (行政强制法 第二十五条), which are periods of the whole case up to that step.
public enum FlowLimitStart: String, Codable, CaseIterable, Sendable {
    case step, filing

    /// The word written in the flow's 起算 column.
    public var word: String {
        switch self {
        case .step: "本环节"
        case .filing: "立案"
        }
    }

    public var label: String {
        switch self {
        case .step: "自进入本环节起算"
        case .filing: "自立案（受理）之日起算"
        }
    }

    /// Reads the 起算 column: empty is nil (the default, entering the step); 受理 is filing too.
    public static func parse(_ word: String) -> FlowLimitStart?? {
        switch word.trimmingCharacters(in: .whitespaces) {
        case "": .some(nil)
        case "本环节": .some(.step)
        case "立案", "受理": .some(.filing)
        default: nil
        }
    }
}
