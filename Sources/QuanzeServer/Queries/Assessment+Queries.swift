import Fluent
import Foundation
import QuanzeCore
import Vapor

/// A plan with its results ranked (by the fair ranking score), grades and consequences.
enum AssessmentQueries {
    static func view(_ plan: AssessmentPlan, for p: Principal?, items: Bool = false, on db: any Database, profiles: ProfileRegistry) async throws -> AssessmentPlanDTO {
        let planID = try plan.requireID()
        var results = try await AssessmentResult.query(on: db).filter(\.$plan.$id == planID).all()
        let findings = Dictionary(grouping: try await AssessmentFinding.query(on: db).filter(\.$plan.$id == planID).all(), by: { $0.$result.id })
        let ranks = FairRanking.ranks(results.map { Double($0.rankCenti) })
        var rankOf: [UUID: Int] = [:]
        for (r, k) in zip(results, ranks) { rankOf[r.id!] = k }
        results.sort { (rankOf[$0.id!]!, $0.targetName) < (rankOf[$1.id!]!, $1.targetName) }
        // An officer sees only his own result in an officer plan.
        if let p, plan.targetKind == .officer, !AssessmentService.canManage(plan, p), !p.has(.supervisor) {
            let own = try await Officer.query(on: db).filter(\.$user.$id == p.userID).all().compactMap(\.id)
            results = results.filter { own.contains($0.targetID) }
        }
        let jurisdiction = try await Jurisdiction.find(plan.$jurisdiction.id, on: db)
        let profile = jurisdiction.flatMap { profiles.effective(id: $0.profileID) }
        let history = try await AssessmentService.history(plan, on: db)
        let liability = try await LiabilityConsequenceQueries.assessmentFlags(kind: plan.targetKind, targets: results.map(\.targetID), year: plan.year, on: db)
        let leafOrder = Dictionary(uniqueKeysWithValues: plan.indicators.flatMap(\.leaves).enumerated().map { ($1.code, $0) })
        return AssessmentPlanDTO(
            id: planID, year: plan.year, targetKind: plan.targetKind.rawValue, name: plan.name, agencyId: plan.$agency.id,
            status: plan.status.rawValue, statusLabel: plan.status.label, indicators: plan.indicators,
            externalWeight: IndicatorTree.externalWeight(plan.indicators), excellentMin: plan.excellentMin, qualifiedMin: plan.qualifiedMin,
            contestDays: plan.contestDays, computedOn: plan.computedOn, contestDue: plan.contestDue, publishedOn: plan.publishedOn,
            results: results.map { r in
                let consequences = profile.map {
                    AssessmentConsequences.propose(grade: r.grade, target: plan.targetKind, year: plan.year, history: history[r.targetID] ?? [:], profile: $0)
                } ?? []
                return AssessmentResultDTO(
                    id: r.id!, targetId: r.targetID, targetName: r.targetName, total: Double(r.totalCenti) / 100, rankScore: Double(r.rankCenti) / 100,
                    rank: rankOf[r.id!] ?? 0, grade: r.grade.rawValue, gradeLabel: r.grade.label, consequences: consequences.map(ConsequenceDTO.init),
                    liability: (liability[r.targetID] ?? []).map(LiabilityFlagDTO.init),
                    findings: (findings[r.id!] ?? []).sorted { (leafOrder[$0.indicatorCode] ?? 0) < (leafOrder[$1.indicatorCode] ?? 0) }
                        .map { FindingDTO($0, items: items) })
            })
    }
}
