import Fluent
import Foundation
import QuanzeCore

/// 双随机一公开 抽查计划: a body's 法制员 sets up a plan to execute one published 行政检查 power,
/// fills its 检查对象库 (`InspectionObject`), records 回避 (`InspectionConflict`), then draws —
/// `objectCount` objects and `inspectorsPerObject` eligible inspectors for each — from a seed made
/// at draw time (`RandomDraw`, quanze-draw-v1). Seed, pool digest, algorithm and the inspector list
/// as it stood at the draw are kept, so anyone can re-run the draw from the published data.
/// 草拟 → 已抽取 → 已公布 → 已完成 (every drawn object has an `InspectionResult`).
final class InspectionPlan: Model, @unchecked Sendable {
    static let schema = "inspection_plans"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Parent(key: "agency_id") var agency: Agency
    /// The 行政检查 职权事项 the plan executes.
    @Parent(key: "power_item_id") var powerItem: PowerItem
    @Field(key: "name") var name: String
    @Field(key: "year") var year: Int
    /// The period within the year, e.g. 第四季度 or 全年.
    @Field(key: "period") var period: String
    @Field(key: "object_count") var objectCount: Int
    @Field(key: "inspectors_per_object") var inspectorsPerObject: Int
    @Field(key: "status") var status: InspectionPlanStatus
    @Field(key: "algorithm") var algorithm: String
    /// 64 hex digits from a CSPRNG, made at the draw.
    @OptionalField(key: "seed") var seed: String?
    @OptionalField(key: "pool_digest") var poolDigest: String?
    /// The eligible inspectors at the draw (the draw's inspector list).
    @OptionalField(key: "inspectors") var inspectorsText: JSONText<[PlanInspector]>?
    @OptionalField(key: "drawn_at") var drawnAt: Date?
    @OptionalField(key: "drawn_by_id") var drawnByID: UUID?
    @OptionalField(key: "drawn_by_name") var drawnByName: String?
    @OptionalField(key: "published_at") var publishedAt: Date?

    init() {}

    init(id: UUID? = nil, agencyID: UUID, powerItemID: UUID, name: String, year: Int, period: String,
         objectCount: Int, inspectorsPerObject: Int) {
        self.id = id
        self.$agency.id = agencyID
        self.$powerItem.id = powerItemID
        self.name = name
        self.year = year
        self.period = period
        self.objectCount = objectCount
        self.inspectorsPerObject = inspectorsPerObject
        self.status = .draft
        self.algorithm = RandomDraw.algorithm
    }

    var inspectors: [PlanInspector] { inspectorsText?.value ?? [] }
}

/// One inspector of a draw: the key is the 执法证件 number (public, and what the draw sorts by).
struct PlanInspector: Codable, Sendable, Equatable {
    var key: String
    var officerId: UUID
    var name: String
}

enum InspectionPlanStatus: String, Codable, CaseIterable, Sendable {
    case draft, drawn, published, completed

    var label: String {
        switch self {
        case .draft: "草拟"
        case .drawn: "已抽取"
        case .published: "已公布"
        case .completed: "已完成"
        }
    }

    var isDrawn: Bool { self != .draft }
    var isPublic: Bool { self == .published || self == .completed }
}
