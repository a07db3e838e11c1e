import Fluent
import Foundation

/// 执法依据: a legal norm in the catalog (法律、行政法规、地方性法规、部门规章、地方政府规章;
/// 规范性文件 may be catalogued but is never an enforcement basis, 永政办〔2015〕98号 三(一)).
final class LegalNorm: Model, @unchecked Sendable {
    static let schema = "legal_norms"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    @Field(key: "title") var title: String
    @Field(key: "level") var level: NormLevel
    @Field(key: "issuer") var issuer: String
    /// 文号, e.g. 主席令第七十号.
    @Field(key: "document_number") var documentNumber: String
    /// YYYY-MM-DD.
    @Field(key: "promulgated_on") var promulgatedOn: String
    @Field(key: "effective_on") var effectiveOn: String
    @Field(key: "status") var status: NormStatus

    // relationships
    @Children(for: \.$norm) var articles: [LegalArticle]

    init() {}

    init(id: UUID? = nil, title: String, level: NormLevel, issuer: String, documentNumber: String,
         promulgatedOn: String, effectiveOn: String, status: NormStatus = .inForce) {
        self.id = id
        self.title = title
        self.level = level
        self.issuer = issuer
        self.documentNumber = documentNumber
        self.promulgatedOn = promulgatedOn
        self.effectiveOn = effectiveOn
        self.status = status
    }
}

/// 效力层级.
enum NormLevel: String, Codable, CaseIterable, Sendable {
    case law = "law"                                      // 法律
    case administrativeRegulation = "administrative_regulation" // 行政法规
    case localRegulation = "local_regulation"             // 地方性法规
    case departmentRule = "department_rule"               // 部门规章
    case localGovernmentRule = "local_government_rule"    // 地方政府规章
    case normativeDocument = "normative_document"         // 规范性文件

    var label: String {
        switch self {
        case .law: "法律"
        case .administrativeRegulation: "行政法规"
        case .localRegulation: "地方性法规"
        case .departmentRule: "部门规章"
        case .localGovernmentRule: "地方政府规章"
        case .normativeDocument: "规范性文件"
        }
    }

    /// 规范性文件不得作为执法依据 (永政办〔2015〕98号 三(一), `002_e33f53bb2a1e2b48.txt`).
    var mayBeEnforcementBasis: Bool { self != .normativeDocument }
}

/// 时效状态.
enum NormStatus: String, Codable, CaseIterable, Sendable {
    case inForce = "in_force"   // 现行有效
    case amended = "amended"    // 已修改
    case repealed = "repealed"  // 已废止

    var label: String {
        switch self {
        case .inForce: "现行有效"
        case .amended: "已修改"
        case .repealed: "已废止"
        }
    }
}
