/// 行政执法责任书: the pledge model of `003_*` 篇2 — sections with targets, each worth points
/// (五项 × 200分), signed by both parties, and carried into the year's assessment score.
public enum PledgeRules {
    /// Pledges are signed level by level (government ↔ body, body ↔ unit).
    public static let levels = PostRules.Rule(
        name: "层层签订行政执法责任书",
        source: SourceRef(seed: "003_70cd4ff1a2ae84d9.txt", part: "篇2", document: "行政执法责任书（范文）", article: "三"),
        quote: "层层签订《行政执法责任书》,一级抓一级")

    /// The pledge's score is converted into the annual performance assessment.
    public static let score = PostRules.Rule(
        name: "责任书分值折算计入年度考评",
        source: SourceRef(seed: "003_70cd4ff1a2ae84d9.txt", part: "篇2", document: "行政执法责任书（范文）", article: "八"),
        quote: "经年度检查考核后,折算计入20**年绩效考评总分内")

    /// The five sections of the model pledge, 200 points each (`003_*` 篇2 一至五).
    public static let modelSections: [(title: String, points: Int)] = [
        ("依法行政要求", 200), ("加强政府法制建设", 200), ("全面落实行政执法责任制", 200),
        ("加强行政执法监督检查", 200), ("追究领导责任的情形", 200),
    ]

    public static let maxSections = 20
    public static let maxPoints = 1000
    /// Largest attachment (scanned signed pledge): 5 MB.
    public static let maxAttachmentBytes = 5 * 1024 * 1024
}

/// The file types a signed pledge may be attached as, recognised by their first bytes (not by the
/// name or the declared type).
public enum AttachmentType: String, Sendable, CaseIterable {
    case pdf = "application/pdf"
    case png = "image/png"
    case jpeg = "image/jpeg"

    public static func sniff(_ bytes: [UInt8]) -> AttachmentType? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        return nil
    }

    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .png: "PNG 图片"
        case .jpeg: "JPEG 图片"
        }
    }
}
