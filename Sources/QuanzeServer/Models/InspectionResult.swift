import Fluent
import Foundation

/// The outcome of inspecting one drawn object, published with the plan (一公开). `caseID` will link
/// the 检查案件 once cases exist (left empty for now).
final class InspectionResult: Model, @unchecked Sendable {
    static let schema = "inspection_results"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Parent(key: "plan_id") var plan: InspectionPlan
    @Parent(key: "object_id") var object: InspectionObject
    @Field(key: "kind") var kind: InspectionResultKind
    @Field(key: "summary") var summary: String
    /// YYYY-MM-DD.
    @Field(key: "inspected_on") var inspectedOn: String
    @OptionalField(key: "recorded_by_id") var recordedByID: UUID?
    @Field(key: "recorded_by_name") var recordedByName: String
    @OptionalField(key: "case_id") var caseID: String?

    init() {}

    init(id: UUID? = nil, planID: UUID, objectID: UUID, kind: InspectionResultKind, summary: String, inspectedOn: String,
         recordedByID: UUID?, recordedByName: String) {
        self.id = id
        self.$plan.id = planID
        self.$object.id = objectID
        self.kind = kind
        self.summary = summary
        self.inspectedOn = inspectedOn
        self.recordedByID = recordedByID
        self.recordedByName = recordedByName
    }
}

enum InspectionResultKind: String, Codable, CaseIterable, Sendable {
    case noProblem = "no_problem"
    case rectification
    case caseFiled = "case_filed"
    case referred
    case notFound = "not_found"

    var label: String {
        switch self {
        case .noProblem: "未发现问题"
        case .rectification: "发现问题，责令整改"
        case .caseFiled: "发现违法行为，立案查处"
        case .referred: "发现问题，移送有关部门"
        case .notFound: "未找到检查对象（通过登记的住所无法联系）"
        }
    }
}
