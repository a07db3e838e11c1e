import Fluent
import Foundation
import QuanzeCore

extension DemoInspections {
    /// Every demo 检查结果 gets its 行政检查 case as the service files it (`InspectionCase`): the
    /// object as party, the drawn inspectors as team, past 实施检查 with the result. Runs after the
    /// demo cases so the numbers continue the body's 立案 sequence.
    static func fileCases(algorithm: RecordHashAlgorithm, now: Date, on db: any Database) async throws {
        let results = try await InspectionResult.query(on: db).filter(\.$caseID == nil).sort(\.$inspectedOn).all()
        for r in results {
            guard let plan = try await InspectionPlan.find(r.$plan.id, on: db), let agency = try await Agency.find(plan.$agency.id, on: db),
                  let object = try await InspectionObject.find(r.$object.id, on: db),
                  let item = try await PowerItem.find(plan.$powerItem.id, on: db),
                  let version = try await PowerItemQueries.published(item, on: db),
                  let day = LocalDate(iso: r.inspectedOn) else { continue }
            let seats = try await InspectionAssignment.query(on: db).filter(\.$plan.$id == plan.requireID()).filter(\.$object.$id == object.requireID())
                .sort(\.$seat).all()
            let c = EnforcementCase()
            c.id = DemoIDs.uuid("case:inspection:\(try r.requireID())")
            c.$agency.id = try agency.requireID()
            c.$powerItem.id = try item.requireID()
            c.$powerVersion.id = try version.requireID()
            c.number = try await DocumentNumbers.next(.filing, agency: agency, year: day.year, on: db)
            c.title = "双随机抽查：\(object.name.prefix(90))"
            c.procedure = .inspection
            c.stage = .investigation
            c.source = .inspection
            c.facts = "\(plan.name)（\(plan.year)年\(plan.period)）随机抽取的检查对象 \(object.name)。"
            c.filedOn = day.iso
            c.suspended = false
            c.majorCriteria = []
            c.majorReasons = []
            c.legalReviewRequired = false
            c.hearingRequested = false
            c.createdBy = r.recordedByName
            try await c.create(on: db)
            let caseID = try c.requireID()
            let party = CaseParty()
            party.$enforcementCase.id = caseID
            party.kind = .organization
            party.name = object.name
            party.identifier = object.code
            party.address = object.address
            try await party.create(on: db)
            for (i, seat) in seats.enumerated() {
                let o = CaseOfficer()
                o.$enforcementCase.id = caseID
                o.$officer.id = seat.$officer.id
                o.role = i == 0 ? .lead : .assist
                try await o.create(on: db)
            }
            let names = seats.map(\.officerName).joined(separator: "、")
            for (kind, stage, summary) in [("filed", CaseStage.filed, "\(c.procedure.label)立案：\(item.code) \(version.name)（第\(version.version)版）；承办人员 \(names)"),
                                           ("stage", .investigation, "实施检查（\(day.iso)）：\(r.kind.label)。\(r.summary)")] {
                try await DemoCases.record(c, kind, stage: stage, day, summary, actor: r.recordedByName, algorithm: algorithm, now: now, on: db)
            }
            r.caseID = caseID.uuidString
            try await r.save(on: db)
        }
    }
}
