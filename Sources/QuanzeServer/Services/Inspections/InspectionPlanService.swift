import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 双随机 plans before the draw (the body's 法制员): create a plan for a published 行政检查 power,
/// fill the 检查对象库 (form or CSV), declare 回避. Once drawn, the pool and the conflicts no longer
/// change (409 PLAN_ALREADY_DRAWN).
enum InspectionPlanService {
    struct Draft: Sendable {
        var name: String
        var powerItemID: UUID?
        var year: Int
        var period: String
        var objectCount: Int
        var inspectorsPerObject: Int
    }

    static let maxObjectCount = 1000
    static let maxInspectorsPerObject = 10

    static func create(_ d: Draft, by p: Principal, req: Request) async throws -> InspectionPlan {
        guard p.has(.legalOfficer), let agencyID = p.agencyID else { throw AppError.forbidden }
        var problems: [FieldProblem] = []
        if let e = TextInput.problem(d.name, field: "name", max: 100) { problems.append(e) }
        if let e = TextInput.problem(d.period, field: "period", max: 20) { problems.append(e) }
        if !(2000...2199).contains(d.year) { problems.append(.init(field: "year", code: "out_of_range", message: "年度须为 2000–2199")) }
        if !(1...maxObjectCount).contains(d.objectCount) {
            problems.append(.init(field: "objectCount", code: "out_of_range", message: "抽取数量须为 1–\(maxObjectCount)"))
        }
        if !(2...maxInspectorsPerObject).contains(d.inspectorsPerObject) {
            problems.append(.init(field: "inspectorsPerObject", code: "out_of_range",
                                  message: "每个对象的执法人员须为 2–\(maxInspectorsPerObject) 名（\(InspectionRules.twoOfficers)：不得少于两人）"))
        }
        let power = try await inspectionPower(d.powerItemID, agencyID: agencyID, on: req.db, problems: &problems)
        guard problems.isEmpty, let power else { throw AppError.validation(problems) }
        let plan = InspectionPlan(agencyID: agencyID, powerItemID: try power.item.requireID(), name: try TextInput.name(d.name, field: "name", max: 100),
                                  year: d.year, period: try TextInput.name(d.period, field: "period", max: 20),
                                  objectCount: d.objectCount, inspectorsPerObject: d.inspectorsPerObject)
        try await req.db.transaction { tx in
            try await plan.create(on: tx)
            try await req.audit(.inspectionPlanCreate, .success, target: plan.name,
                                detail: "\(power.item.code) \(power.version.name)；抽取 \(d.objectCount) 个对象，每个 \(d.inspectorsPerObject) 名执法人员", on: tx)
        }
        return plan
    }

    /// The body's own power with a published version of category 行政检查.
    private static func inspectionPower(_ id: UUID?, agencyID: UUID, on db: any Database,
                                        problems: inout [FieldProblem]) async throws -> (item: PowerItem, version: PowerItemVersion)? {
        guard let id else { problems.append(.init(field: "powerItemId", code: "required", message: "请选择执行的行政检查事项")); return nil }
        guard let item = try await PowerItem.find(id, on: db), item.$agency.id == agencyID,
              let v = try await PowerItemQueries.published(item, on: db) else {
            problems.append(.init(field: "powerItemId", code: "not_found", message: "职权事项不存在、不属于本主体或尚未公布"))
            return nil
        }
        guard v.category == .inspection else {
            problems.append(.init(field: "powerItemId", code: "not_inspection", message: "“\(v.name)”是\(v.category.label)事项，双随机抽查须执行行政检查事项"))
            return nil
        }
        return (item, v)
    }

    static func requireDraft(_ plan: InspectionPlan) throws {
        guard plan.status == .draft else {
            throw AppError.conflict("PLAN_ALREADY_DRAWN", "抽查计划已于 \(UI.dateTime(plan.drawnAt)) 抽取，检查对象库、回避和抽取结果均不能再改变")
        }
    }

    /// Adds objects (all or none): codes valid and not yet in the pool.
    static func addObjects(_ drafts: [(row: Int?, draft: InspectionObjectDraft)], to plan: InspectionPlan, req: Request) async throws -> [InspectionObject] {
        let planID = try plan.requireID()
        return try await req.db.transaction { tx in
            try await RowLock.inspectionPlan(planID, on: tx)
            guard let current = try await InspectionPlan.find(planID, on: tx) else { throw AppError.notFound }
            try requireDraft(current)
            var seen = Set(try await InspectionObject.query(on: tx).filter(\.$plan.$id == planID).all(\.$code))
            var duplicates: [(Int?, String)] = []
            for (row, d) in drafts {
                if !seen.insert(d.code).inserted { duplicates.append((row, d.code)) }
            }
            if !duplicates.isEmpty {
                throw AppError("OBJECT_EXISTS", .conflict, "检查对象库中已有：\(duplicates.map(\.1).joined(separator: "、"))",
                               details: ErrorDetails(rows: duplicates.map { CSVRowProblem(row: $0.0, column: InspectionObjectCSV.columns.code, message: "重复：\($0.1)") }))
            }
            let objects = drafts.map { InspectionObject(planID: planID, code: $0.draft.code, name: $0.draft.name, address: $0.draft.address) }
            for o in objects { try await o.create(on: tx) }
            try await req.audit(.inspectionObjectAdd, .success, target: current.name,
                                detail: objects.count == 1 ? "\(objects[0].code) \(objects[0].name)" : "导入 \(objects.count) 个检查对象", on: tx)
            return objects
        }
    }

    /// Records a 回避: an officer of the body and an object of the pool, with the reason.
    static func declareConflict(officerID: UUID?, objectID: UUID?, reason raw: String, plan: InspectionPlan, req: Request) async throws -> InspectionConflict {
        let planID = try plan.requireID()
        var problems: [FieldProblem] = []
        if let e = TextInput.problem(raw, field: "reason", max: 200) { problems.append(e) }
        var officer: Officer?
        if let officerID { officer = try await Officer.find(officerID, on: req.db) }
        if officer == nil || officer?.$agency.id != plan.$agency.id {
            problems.append(.init(field: "officerId", code: "not_found", message: "执法人员不存在或不属于本主体"))
        }
        var object: InspectionObject?
        if let objectID { object = try await InspectionObject.find(objectID, on: req.db) }
        if object == nil || object?.$plan.id != planID {
            problems.append(.init(field: "objectId", code: "not_found", message: "检查对象不在本计划的检查对象库中"))
        }
        try requireDraft(plan)
        guard problems.isEmpty, let officer, let object else { throw AppError.validation(problems) }
        let conflict = InspectionConflict(planID: planID, officerID: try officer.requireID(), objectID: try object.requireID(),
                                          reason: try TextInput.name(raw, field: "reason", max: 200))
        try await req.db.transaction { tx in
            try await RowLock.inspectionPlan(planID, on: tx)
            guard let current = try await InspectionPlan.find(planID, on: tx) else { throw AppError.notFound }
            try requireDraft(current)
            if try await InspectionConflict.query(on: tx).filter(\.$officer.$id == conflict.$officer.id).filter(\.$object.$id == conflict.$object.id).first() != nil {
                throw AppError.conflict("CONFLICT_EXISTS", "\(officer.name) 对 \(object.name) 的回避已登记")
            }
            try await conflict.create(on: tx)
            try await req.audit(.inspectionConflictDeclare, .success, target: current.name, detail: "\(officer.name) 回避 \(object.code) \(object.name)", on: tx)
        }
        return conflict
    }
}
