import Fluent
import Foundation
import QuanzeCore

/// Reading 双随机 plans: the page/DTO view, the draw input as published, the stored result, and
/// the re-run that checks them against each other.
enum InspectionQueries {
    struct Drawn: Sendable {
        let position: Int
        let object: InspectionObject
        let seats: [InspectionAssignment]
    }

    struct View: Sendable {
        let plan: InspectionPlan
        let agency: Agency
        let powerCode: String
        let powerName: String
        let objects: [InspectionObject]
        let conflicts: [(conflict: InspectionConflict, officerName: String, object: InspectionObject)]
        let drawn: [Drawn]
        let results: [UUID: InspectionResult]
    }

    static func view(_ plan: InspectionPlan, on db: any Database) async throws -> View {
        let planID = try plan.requireID()
        guard let agency = try await Agency.find(plan.$agency.id, on: db),
              let item = try await PowerItem.find(plan.$powerItem.id, on: db) else { throw AppError.notFound }
        let version = try await PowerItemQueries.published(item, on: db)
        let objects = try await InspectionObject.query(on: db).filter(\.$plan.$id == planID).all()
            .sorted { $0.code.utf8.lexicographicallyPrecedes($1.code.utf8) }
        let byID = Dictionary(uniqueKeysWithValues: try objects.map { (try $0.requireID(), $0) })
        var conflicts: [(conflict: InspectionConflict, officerName: String, object: InspectionObject)] = []
        for c in try await InspectionConflict.query(on: db).filter(\.$plan.$id == planID).with(\.$officer).all() {
            if let o = byID[c.$object.id] { conflicts.append((c, c.officer.name, o)) }
        }
        let seats = try await InspectionAssignment.query(on: db).filter(\.$plan.$id == planID).sort(\.$position).sort(\.$seat).all()
        let drawn = Dictionary(grouping: seats, by: \.position).keys.sorted().compactMap { pos -> Drawn? in
            let s = seats.filter { $0.position == pos }
            return s.first.flatMap { byID[$0.$object.id] }.map { Drawn(position: pos, object: $0, seats: s) }
        }
        let results = try await InspectionResult.query(on: db).filter(\.$plan.$id == planID).all()
        return View(plan: plan, agency: agency, powerCode: item.code, powerName: version?.name ?? item.code, objects: objects,
                    conflicts: conflicts, drawn: drawn, results: Dictionary(uniqueKeysWithValues: results.map { ($0.$object.id, $0) }))
    }

    /// The input of the plan's draw: conflicts are kept only for inspectors on the list (an officer
    /// who could not be drawn anyway needs no recusal).
    static func drawInput(plan: InspectionPlan, seed: String, objects: [InspectionObject], inspectors: [PlanInspector],
                          on db: any Database) async throws -> DrawInput {
        let keyOf = Dictionary(uniqueKeysWithValues: inspectors.map { ($0.officerId, $0.key) })
        let codeOf = Dictionary(uniqueKeysWithValues: try objects.map { (try $0.requireID(), $0.code) })
        let conflicts = try await InspectionConflict.query(on: db).filter(\.$plan.$id == plan.requireID()).all().compactMap { c -> DrawConflict? in
            guard let key = keyOf[c.$officer.id], let code = codeOf[c.$object.id] else { return nil }
            return DrawConflict(inspector: key, object: code)
        }
        return DrawInput(algorithm: plan.algorithm, seed: seed, objects: objects.map(\.code), objectCount: plan.objectCount,
                         inspectors: inspectors.map(\.key), inspectorsPerObject: plan.inspectorsPerObject,
                         conflicts: conflicts.sorted { ($0.inspector, $0.object) < ($1.inspector, $1.object) })
    }

    /// The published draw input of a drawn plan (nil before the draw).
    static func drawInput(_ plan: InspectionPlan, on db: any Database) async throws -> DrawInput? {
        guard plan.status.isDrawn, let seed = plan.seed else { return nil }
        let objects = try await InspectionObject.query(on: db).filter(\.$plan.$id == plan.requireID()).all()
        return try await drawInput(plan: plan, seed: seed, objects: objects, inspectors: plan.inspectors, on: db)
    }

    /// The stored result in the draw's own terms.
    static func stored(_ view: View) -> [DrawAssignment] {
        view.drawn.map { DrawAssignment(order: $0.position, object: $0.object.code, inspectors: $0.seats.map(\.certificateNumber)) }
    }

    struct Verification: Sendable {
        let input: DrawInput
        let recomputed: [DrawAssignment]
        let stored: [DrawAssignment]
        let error: String?
        let poolDigestMatches: Bool
        var matches: Bool { error == nil && poolDigestMatches && recomputed == stored }
    }

    /// Re-runs the draw from the plan's published data and compares it with what was stored.
    static func verify(_ plan: InspectionPlan, on db: any Database) async throws -> Verification? {
        guard let input = try await drawInput(plan, on: db) else { return nil }
        let stored = stored(try await view(plan, on: db))
        let digestOK = RandomDraw.poolDigest(input.objects) == plan.poolDigest
        switch Result(catching: { () throws(DrawError) -> [DrawAssignment] in try RandomDraw.run(input) }) {
        case .success(let r): return Verification(input: input, recomputed: r, stored: stored, error: nil, poolDigestMatches: digestOK)
        case .failure(let e): return Verification(input: input, recomputed: [], stored: stored, error: e.description, poolDigestMatches: digestOK)
        }
    }

    /// Published plans (公布 or 完成), newest first, with their body.
    static func published(on db: any Database) async throws -> [(InspectionPlan, Agency)] {
        let plans = try await InspectionPlan.query(on: db).filter(\.$status ~~ [.published, .completed])
            .sort(\.$publishedAt, .descending).with(\.$agency).all()
        return plans.map { ($0, $0.agency) }
    }
}
