import Fluent
import Foundation
import QuanzeCore
import Vapor

/// The 行政检查 case behind one 双随机 result (一公开: "检查结果…公开"): the plan's inspection power,
/// the drawn inspectors of the object as the handling team (checked again on the inspection day:
/// certificate, post, two who count), the object as the party, the result as what 实施检查 found.
enum InspectionCase {
    static func check(plan: InspectionPlan, objectID: UUID, kind: InspectionResultKind, summary: String, day: LocalDate,
                      agency: Agency, req: Request) async throws -> CaseFiling.Checked {
        let planID = try plan.requireID()
        guard let object = try await InspectionObject.find(objectID, on: req.db) else { throw AppError.notFound }
        let seats = try await InspectionAssignment.query(on: req.db).filter(\.$plan.$id == planID).filter(\.$object.$id == objectID)
            .sort(\.$seat).all()
        let members = seats.enumerated().map { i, a in CaseFiling.Member(officerID: a.$officer.id, role: i == 0 ? .lead : .assist) }
        let input = CaseFiling.Input(powerItemID: plan.$powerItem.id, procedure: .inspection, source: .inspection,
                                     title: "双随机抽查：\(object.name.prefix(90))", facts: "\(plan.name)（\(plan.year)年\(plan.period)）随机抽取的检查对象 \(object.name)。",
                                     filedOn: day.iso, parties: [.init(kind: .organization, name: object.name, identifier: object.code, address: object.address)],
                                     officers: members, majorCriteria: [])
        return try await CaseFiling.check(input, agency: agency, req: req)
    }

    /// Files the case and records 实施检查 with the result, in the caller's transaction.
    static func store(_ filing: CaseFiling.Checked, kind: InspectionResultKind, summary: String, day: LocalDate,
                      req: Request, on tx: any Database) async throws -> EnforcementCase {
        let c = try await CaseFiling.store(filing, req: req, on: tx)
        c.stage = .investigation
        try await c.save(on: tx)
        try await CaseJournal.write(c, kind: "stage", stage: .investigation, on: day,
                                    summary: "实施检查（\(day.iso)）：\(kind.label)。\(summary)", actor: try req.principal().displayName, req: req, db: tx)
        return c
    }
}
