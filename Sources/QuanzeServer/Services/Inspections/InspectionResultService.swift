import Fluent
import Foundation
import QuanzeCore
import Vapor

/// 检查结果 for a drawn object of a published plan, recorded by the body's 法制员 (the body of the
/// assigned inspectors), one per object. When every drawn object has one, the plan is 已完成.
/// Each result is also a 行政检查 case (`InspectionCase`): filed on the inspection day on the plan's
/// power, with the drawn inspectors as its team and the object as its party, already past 实施检查;
/// its 检查结论 is then made on the case page like any decision.
enum InspectionResultService {
    struct Draft: Sendable {
        var objectID: UUID?
        var kind: String
        var summary: String
        var inspectedOn: String
    }

    static func record(_ d: Draft, plan: InspectionPlan, req: Request) async throws -> InspectionResult {
        let p = try req.principal()
        let planID = try plan.requireID()
        var problems: [FieldProblem] = []
        let kind = InspectionResultKind(rawValue: d.kind)
        if kind == nil {
            problems.append(.init(field: "kind", code: "invalid", message: "检查结果须为：" + InspectionResultKind.allCases.map(\.rawValue).joined(separator: "、")))
        }
        if d.summary.unicodeScalars.count > 500 || d.summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.init(field: "summary", code: "length", message: "检查情况不能为空，不超过 500 个字符"))
        }
        let day = LocalDate(iso: d.inspectedOn)
        let drawnOn = plan.drawnAt.map { LocalDate(instant: $0) }
        if day == nil {
            problems.append(.init(field: "inspectedOn", code: "invalid_date", message: "须为有效日期（YYYY-MM-DD）"))
        } else if let day, day > req.today || (drawnOn.map { day < $0 } ?? false) {
            problems.append(.init(field: "inspectedOn", code: "out_of_range", message: "须在抽取日（\(drawnOn?.iso ?? "")）与今天（\(req.today.iso)）之间"))
        }
        guard plan.status.isPublic else { throw AppError.conflict("PLAN_NOT_PUBLISHED", "抽取结果公布后才能登记检查结果") }
        guard let objectID = d.objectID,
              try await InspectionAssignment.query(on: req.db).filter(\.$plan.$id == planID).filter(\.$object.$id == objectID).first() != nil else {
            throw AppError.validation("objectId", "该对象未被本计划抽中", code: "not_drawn")
        }
        guard problems.isEmpty, let kind, let day else { throw AppError.validation(problems) }
        let agency = try await Agency.find(plan.$agency.id, on: req.db)!
        let filing = try await InspectionCase.check(plan: plan, objectID: objectID, kind: kind, summary: d.summary, day: day, agency: agency, req: req)
        let result = InspectionResult(planID: planID, objectID: objectID, kind: kind, summary: d.summary.trimmingCharacters(in: .whitespacesAndNewlines),
                                      inspectedOn: day.iso, recordedByID: p.userID, recordedByName: p.displayName)
        try await req.db.transaction { tx in
            try await RowLock.inspectionPlan(planID, on: tx)
            guard let current = try await InspectionPlan.find(planID, on: tx) else { throw AppError.notFound }
            if try await InspectionResult.query(on: tx).filter(\.$object.$id == objectID).first() != nil {
                throw AppError.conflict("RESULT_EXISTS", "该对象的检查结果已登记")
            }
            let c = try await InspectionCase.store(filing, kind: kind, summary: result.summary, day: day, req: req, on: tx)
            result.caseID = try c.requireID().uuidString
            try await result.create(on: tx)
            let drawn = Set(try await InspectionAssignment.query(on: tx).filter(\.$plan.$id == planID).all(\.$object.$id))
            let done = Set(try await InspectionResult.query(on: tx).filter(\.$plan.$id == planID).all(\.$object.$id))
            if drawn.isSubset(of: done) {
                current.status = .completed
                try await current.save(on: tx)
            }
            let code = try await InspectionObject.find(objectID, on: tx)?.code ?? ""
            try await req.audit(.inspectionResultRecord, .success, target: current.name, detail: "\(code)：\(kind.label)（\(day.iso)）", on: tx)
        }
        return result
    }
}
