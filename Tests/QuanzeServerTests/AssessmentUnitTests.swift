import Fluent
import Foundation
import QuanzeCore
import Testing
import Vapor
import VaporTesting
@testable import QuanzeServer

/// 内设机构 (unit) plans with automatic indicators: a case counts for the unit whose post its 主办 held
/// when the counted event happened; officers count for the unit of their post at the cutoff.
@Suite("评议考核 内设机构 automatic indicators")
struct AssessmentUnitTests {
    static let tree = """
        {"year":2026,"targetKind":"unit","name":"内设机构考核","indicators":[
          {"code":"A","name":"按期作出决定","weight":50,"automatic":"on_time_decisions"},
          {"code":"B","name":"持证及年检","weight":30,"automatic":"certificate_compliance"},
          {"code":"C","name":"日常管理","weight":20,"kind":"entered"}]}
        """

    /// The same counts computed in Swift from the rows (not SQL): unit → (ok, n) for decision limits
    /// and for officers.
    static func expected(_ app: Application, cutoff: String) async throws -> (limits: [UUID: (Int, Int)], officers: [UUID: (Int, Int)]) {
        let amr = DemoIDs.uuid("agency:amr")
        let posts = try await EnforcementPost.query(on: app.db).filter(\.$agency.$id == amr).all()
        let unitOfPost = Dictionary(uniqueKeysWithValues: posts.map { ($0.id!, $0.$unit.id) })
        let assignments = try await PostAssignment.query(on: app.db).all().filter { unitOfPost[$0.$post.id] != nil }
        func units(of officer: UUID, on day: String) -> Set<UUID> {
            Set(assignments.filter { $0.$officer.id == officer && $0.startDate <= day && ($0.endDate ?? "9999") >= day }
                .compactMap { unitOfPost[$0.$post.id] })
        }
        var limits: [UUID: (Int, Int)] = [:]
        let cases = try await EnforcementCase.query(on: app.db).filter(\.$agency.$id == amr).all()
        for c in cases {
            guard let lead = try await CaseOfficer.query(on: app.db).filter(\.$enforcementCase.$id == c.id!).filter(\.$role == .lead).first()
            else { continue }
            for d in try await CaseDeadline.query(on: app.db).filter(\.$enforcementCase.$id == c.id!).all()
            where IndicatorQueries.decisionLimits.contains(d.code) && d.due >= "2026-01-01" && d.due <= "2026-12-31"
                && (d.metOn != nil || d.due < cutoff) {
                for u in units(of: lead.$officer.id, on: d.due) {
                    let ok = (d.metOn.map { $0 <= d.due } ?? false) ? 1 : 0
                    limits[u, default: (0, 0)] = (limits[u, default: (0, 0)].0 + ok, limits[u, default: (0, 0)].1 + 1)
                }
            }
        }
        var officers: [UUID: (Int, Int)] = [:]
        for o in try await Officer.query(on: app.db).filter(\.$status == .serving).all() {
            let certs = try await Certificate.query(on: app.db).filter(\.$officer.$id == o.id!).all()
            let ok = certs.contains { $0.status == .valid && $0.validUntil >= cutoff && ($0.lastInspectionYear ?? 0) >= 2026 } ? 1 : 0
            for u in units(of: o.id!, on: cutoff) {
                officers[u, default: (0, 0)] = (officers[u, default: (0, 0)].0 + ok, officers[u, default: (0, 0)].1 + 1)
            }
        }
        return (limits, officers)
    }

    static func check(_ plan: AssessmentPlanDTO, against e: (limits: [UUID: (Int, Int)], officers: [UUID: (Int, Int)])) {
        for r in plan.results {
            let a = r.findings.first { $0.indicatorCode == "A" }, b = r.findings.first { $0.indicatorCode == "B" }
            #expect(a?.numerator ?? 0 == e.limits[r.targetId]?.0 ?? 0 && a?.denominator ?? 0 == e.limits[r.targetId]?.1 ?? 0,
                    "\(r.targetName) 按期: \(String(describing: a?.numerator))/\(String(describing: a?.denominator)) vs \(String(describing: e.limits[r.targetId]))")
            #expect(b?.numerator ?? 0 == e.officers[r.targetId]?.0 ?? 0 && b?.denominator ?? 0 == e.officers[r.targetId]?.1 ?? 0,
                    "\(r.targetName) 持证: \(String(describing: b?.numerator))/\(String(describing: b?.denominator)) vs \(String(describing: e.officers[r.targetId]))")
        }
    }

    @Test("a unit plan measures its officers' cases and certificates, and a move keeps the past cases with the old unit")
    func unitIndicatorsFollowPosts() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            let id = try await AssessmentTests.create(app, legal, Self.tree)
            let computed = try await app.send(.POST, "/api/v1/assessment-plans/\(id)/compute", legal)
            #expect(computed.status == .ok, "\(computed.body.string.prefix(400))")
            let plan = try computed.content.decode(AssessmentPlanDTO.self)
            #expect(plan.results.count == 4)
            let before = try await Self.expected(app, cutoff: "2026-11-20")
            #expect(before.limits.values.contains { $0.1 > 0 }, "demo cases have 主办 on unit posts")
            #expect(before.officers.values.reduce(0) { $0 + $1.1 } > 0)
            Self.check(plan, against: before)

            // The 案件承办岗 officer moves to 法规科 on 2026-11-20: cases due before stay with 执法稽查科,
            // the officer now counts for 法规科.
            let assignment = try #require(try await PostAssignment.find(DemoIDs.uuid("assignment:amr:case"), on: app.db))
            assignment.endDate = "2026-11-19"
            try await assignment.save(on: app.db)
            try await PostAssignment(postID: DemoIDs.uuid("post:amr:review"), officerID: assignment.$officer.id, startDate: "2026-11-20").create(on: app.db)
            let again = try await app.send(.POST, "/api/v1/assessment-plans/\(id)/compute", legal).content.decode(AssessmentPlanDTO.self)
            let after = try await Self.expected(app, cutoff: "2026-11-20")
            Self.check(again, against: after)
            let inspect = DemoIDs.uuid("unit:amr:inspect"), legalUnit = DemoIDs.uuid("unit:amr:legal")
            let limits = { (p: AssessmentPlanDTO, u: UUID) in p.results.first { $0.targetId == u }?.findings.first { $0.indicatorCode == "A" }?.denominator ?? 0 }
            let people = { (p: AssessmentPlanDTO, u: UUID) in p.results.first { $0.targetId == u }?.findings.first { $0.indicatorCode == "B" }?.denominator ?? 0 }
            #expect(limits(again, inspect) == limits(plan, inspect), "past limits stay with the unit that handled them")
            #expect(people(again, legalUnit) == people(plan, legalUnit) + 1)
            #expect(people(again, inspect) == people(plan, inspect) - 1)
        }
    }

    @Test("indicators of bodies only stay refused on unit plans")
    func bodyOnlyIndicatorsRefused() async throws {
        try await withTestApp { app, _ in
            let legal = try await app.token("legal.amr")
            let body = #"{"year":2026,"targetKind":"unit","name":"机构","indicators":[{"code":"A","name":"零执法","weight":100,"automatic":"powers_exercised"}]}"#
            let res = try await app.send(.POST, "/api/v1/assessment-plans", legal, body)
            #expect(res.status == .unprocessableEntity, "\(res.body.string)")
        }
    }
}
