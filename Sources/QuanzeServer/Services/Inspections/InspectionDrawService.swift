import Fluent
import Foundation
import QuanzeCore
import Vapor

/// The draw and its publication. The seed is 32 bytes from the system's cryptographically secure
/// generator, made at the moment of the draw (after the pool and the conflicts are fixed); the
/// inspector list is taken the same moment (`InspectionEligibility`) and kept with the plan.
/// A plan is drawn once (409 PLAN_ALREADY_DRAWN); a refused draw stores nothing.
enum InspectionDrawService {
    /// A fresh seed: 64 lowercase hex digits from `SystemRandomNumberGenerator` (a CSPRNG).
    static func freshSeed() -> String {
        var rng = SystemRandomNumberGenerator()
        return DrawStream.hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) })
    }

    static func draw(_ plan: InspectionPlan, req: Request) async throws -> InspectionPlan {
        let p = try req.principal()
        let planID = try plan.requireID()
        do {
            try await req.db.transaction { tx in
                try await RowLock.inspectionPlan(planID, on: tx)
                guard let current = try await InspectionPlan.find(planID, on: tx) else { throw AppError.notFound }
                try await perform(current, seed: freshSeed(), day: req.today, now: req.now, actor: (p.userID, p.displayName), on: tx)
                try await req.audit(.inspectionDraw, .success, target: current.name,
                                    detail: "种子 \(current.seed ?? "")；对象库摘要 \(current.poolDigest ?? "")；\(current.algorithm)", on: tx)
            }
        } catch let e as AppError where e.status == .conflict {
            try await req.audit(.inspectionDraw, .failure, target: plan.name, detail: e.message)
            throw e
        }
        return try await reload(plan, on: req.db)
    }

    /// Draws and stores the result (no audit; the caller writes it). Also used by the demo data.
    static func perform(_ plan: InspectionPlan, seed: String, day: LocalDate, now: Date, actor: (id: UUID?, name: String),
                        on db: any Database) async throws {
        try InspectionPlanService.requireDraft(plan)
        let planID = try plan.requireID()
        let objects = try await InspectionObject.query(on: db).filter(\.$plan.$id == planID).all()
        let inspectors = try await InspectionEligibility.eligible(agencyID: plan.$agency.id, powerItemID: plan.$powerItem.id, on: day, db: db)
        let byCode = Dictionary(uniqueKeysWithValues: try objects.map { ($0.code, try $0.requireID()) })
        let input = try await InspectionQueries.drawInput(plan: plan, seed: seed, objects: objects, inspectors: inspectors, on: db)
        let result: [DrawAssignment]
        switch Result(catching: { () throws(DrawError) -> [DrawAssignment] in try RandomDraw.run(input) }) {
        case .success(let r): result = r
        case .failure(let e): throw AppError.conflict(e.code, "无法抽取：\(e.description)")
        }
        let byKey = Dictionary(uniqueKeysWithValues: inspectors.map { ($0.key, $0) })
        for a in result {
            for (seat, key) in a.inspectors.enumerated() {
                guard let objectID = byCode[a.object], let inspector = byKey[key] else { continue }
                try await InspectionAssignment(planID: planID, objectID: objectID, officerID: inspector.officerId, position: a.order,
                                               seat: seat + 1, certificateNumber: key, officerName: inspector.name).create(on: db)
            }
        }
        plan.seed = seed
        plan.poolDigest = RandomDraw.poolDigest(input.objects)
        plan.inspectorsText = JSONText(inspectors)
        plan.algorithm = RandomDraw.algorithm
        plan.drawnAt = now
        plan.drawnByID = actor.id
        plan.drawnByName = actor.name
        plan.status = .drawn
        try await plan.save(on: db)
    }

    static func publish(_ plan: InspectionPlan, req: Request) async throws -> InspectionPlan {
        let planID = try plan.requireID()
        try await req.db.transaction { tx in
            try await RowLock.inspectionPlan(planID, on: tx)
            guard let current = try await InspectionPlan.find(planID, on: tx) else { throw AppError.notFound }
            switch current.status {
            case .draft: throw AppError.conflict("PLAN_NOT_DRAWN", "尚未抽取，不能公布")
            case .published, .completed: throw AppError.conflict("PLAN_ALREADY_PUBLISHED", "抽查计划已于 \(UI.dateTime(current.publishedAt)) 公布")
            case .drawn: break
            }
            current.status = .published
            current.publishedAt = req.now
            try await current.save(on: tx)
            try await req.audit(.inspectionPublish, .success, target: current.name, detail: "公布抽取结果、种子和检查对象库", on: tx)
        }
        return try await reload(plan, on: req.db)
    }

    /// The plan as stored now.
    static func reload(_ plan: InspectionPlan, on db: any Database) async throws -> InspectionPlan {
        guard let fresh = try await InspectionPlan.find(try plan.requireID(), on: db) else { throw AppError.notFound }
        return fresh
    }
}
