/// 用工性质 of an officer. Only 在编 staff may qualify for enforcement (`004_*` 篇十一 通州
/// 执法人员管理 第五条(四)); 辅助人员 assist but never act alone and never qualify
/// (行政处罚法 第四十二条; `004_*` 篇二 第十九条).
public enum EmploymentType: String, Codable, CaseIterable, Sendable {
    case established = "在编"
    case contracted = "聘用"
    case auxiliary = "辅助人员"

    public var label: String { rawValue }
}

/// Whether an officer is still serving at the body.
public enum OfficerStatus: String, Codable, CaseIterable, Sendable {
    case serving = "在职"
    case transferred = "调离"
    case retired = "退休"

    public var label: String { rawValue }
}
