import Foundation
import Testing
@testable import QuanzeCore

@Suite("评议考核 core: indicator tree, scoring, fairness, grades, consequences")
struct AssessmentCoreTests {
    static let tree: [IndicatorNode] = [
        IndicatorNode(code: "quality", name: "执法质量", weight: 60, children: [
            IndicatorNode(code: "on_time", name: "按期作出决定", weight: 30, automatic: .onTimeDecisions),
            IndicatorNode(code: "reversals", name: "复议诉讼纠错", weight: 30, automatic: .remedyReversals),
        ]),
        IndicatorNode(code: "special", name: "专项检查", weight: 20, kind: .entered),
        IndicatorNode(code: "external", name: "外部评议", weight: 20, kind: .external),
    ]

    @Test func aValidTreeHasNoProblemsAndItsExternalWeight() {
        #expect(IndicatorTree.problems(Self.tree, target: .agency).isEmpty)
        #expect(IndicatorTree.externalWeight(Self.tree) == 20)
        #expect(Self.tree.flatMap(\.leaves).map(\.code) == ["on_time", "reversals", "special", "external"])
    }

    @Test func weightsMustSumTo100AndGroupsToTheirWeight() {
        var t = Self.tree
        t[1].weight = 25
        #expect(IndicatorTree.problems(t, target: .agency).map(\.code) == ["WEIGHTS_NOT_100"])
        var g = Self.tree
        g[0].children[0].weight = 20
        #expect(IndicatorTree.problems(g, target: .agency).map(\.code) == ["CHILD_WEIGHTS_MISMATCH"])
        #expect(IndicatorTree.problems([], target: .agency).map(\.code) == ["EMPTY_TREE"])
    }

    @Test func automaticIndicatorsMustFitTheTargetAndBeKnown() {
        let powers = [IndicatorNode(code: "p", name: "职权行使", weight: 100, automatic: .powersExercised)]
        #expect(IndicatorTree.problems(powers, target: .agency).isEmpty)
        #expect(IndicatorTree.problems(powers, target: .officer).map(\.code) == ["AUTOMATIC_NOT_FOR_TARGET"])
        var unknown = powers
        unknown[0].automatic = "complaints"
        #expect(IndicatorTree.problems(unknown, target: .agency).map(\.code) == ["UNKNOWN_AUTOMATIC"])
        let twice = [IndicatorNode(code: "a", name: "外部一", weight: 50, kind: .external), IndicatorNode(code: "a", name: "外部二", weight: 50, kind: .external)]
        #expect(Set(IndicatorTree.problems(twice, target: .agency).map(\.code)) == ["DUPLICATE_CODE", "EXTERNAL_MORE_THAN_ONCE"])
    }

    @Test func automaticPointsFollowTheRateAndItsDirection() {
        #expect(AssessmentScoring.centi(weight: 30, measure: .init(numerator: 9, denominator: 10), higherIsBetter: true) == 2700)
        #expect(AssessmentScoring.centi(weight: 30, measure: .init(numerator: 1, denominator: 10), higherIsBetter: false) == 2700)
        #expect(AssessmentScoring.centi(weight: 30, measure: .init(numerator: 1, denominator: 3), higherIsBetter: true) == 1000)
        #expect(AssessmentScoring.centi(weight: 30, measure: .init(numerator: 0, denominator: 0), higherIsBetter: true) == 3000)
        #expect(AssessmentScoring.externalCenti(weight: 20, ratings: [5, 3]) == 1500)
        #expect(AssessmentScoring.externalCenti(weight: 20, ratings: []) == 2000)
        #expect(AssessmentScoring.format(8725) == "87.25")
    }

    @Test func wilsonIntervalMatchesTheKnownValues() throws {
        let w = try #require(WilsonInterval(successes: 8, trials: 10))
        #expect(abs(w.lower - 0.4902) < 0.001 && abs(w.upper - 0.9433) < 0.001)
        let zero = try #require(WilsonInterval(successes: 0, trials: 1))
        #expect(zero.lower == 0 && abs(zero.upper - 0.7935) < 0.001)
        #expect(WilsonInterval(successes: 1, trials: 0) == nil)
    }

    @Test func fairRankingDoesNotPunishSmallNumbers() {
        // 小 has 1 case, late; 大 has 100 cases, 70 on time. The pooled rate is 70/101.
        let small = IndicatorMeasure(numerator: 0, denominator: 1)
        let large = IndicatorMeasure(numerator: 70, denominator: 100)
        let p = FairRanking.pooled([small, large])
        #expect(abs(p - 70.0 / 101.0) < 1e-9)
        let s = FairRanking.shrunk(small, pooled: p)
        let l = FairRanking.shrunk(large, pooled: p)
        // The observed rates are 0 % and 70 %; shrunk, the small body stays close to the mean.
        #expect(s > 0.6 && s < p)
        #expect(abs(l - 0.7) < 0.01)
        // A third body with 100 cases and 50 on time ranks below the one-case body.
        let half = FairRanking.shrunk(.init(numerator: 50, denominator: 100), pooled: p)
        #expect(half < s)
        #expect(FairRanking.ranks([90, 80, 90, 70]) == [1, 3, 1, 4])
    }

    @Test func gradesByThresholds() {
        let t = GradeThresholds()
        #expect(t.grade(centi: 9000) == .excellent && t.grade(centi: 8999) == .qualified)
        #expect(t.grade(centi: 6000) == .qualified && t.grade(centi: 5999) == .unqualified)
        #expect(!GradeThresholds(excellentMin: 60, qualifiedMin: 60).isValid)
    }

    @Test func jilinConsequencesOneAndTwoYearsRunning() throws {
        let registry = try ProfileRegistry.bundled()
        let jilin = try #require(registry.effective(id: "changchun"))
        let once = AssessmentConsequences.propose(grade: .unqualified, target: .officer, year: 2026, history: [2025: .qualified], profile: jilin)
        #expect(once.map(\.consequence.entry.code) == ["person_unqualified"])
        #expect(once[0].sanctionNames == ["批评教育", "离岗培训"])
        #expect(once[0].consequence.entry.source.article == "六(三)" && once[0].consequence.origin == "jilin")
        let twice = AssessmentConsequences.propose(grade: .unqualified, target: .officer, year: 2026, history: [2025: .unqualified], profile: jilin)
        #expect(twice.map(\.consequence.entry.code) == ["person_unqualified", "person_unqualified_two_years"])
        #expect(twice[1].sanctionNames == ["调离执法岗位", "取消执法资格"] && twice[1].streak == 2)
        let body = AssessmentConsequences.propose(grade: .unqualified, target: .agency, year: 2026, history: [:], profile: jilin)
        #expect(body.map(\.consequence.entry.code) == ["agency_unqualified"] && body[0].sanctionNames == ["限期整改"])
        #expect(AssessmentConsequences.propose(grade: .qualified, target: .officer, year: 2026, history: [:], profile: jilin).isEmpty)
    }

    @Test func henanYongchengSuspendsTheCertificate() throws {
        let registry = try ProfileRegistry.bundled()
        let yc = try #require(registry.effective(id: "henan-yongcheng"))
        #expect(yc.lineage == ["henan-yongcheng", "henan", "national"])
        let p = AssessmentConsequences.propose(grade: .unqualified, target: .officer, year: 2026, history: [:], profile: yc)
        #expect(p.map(\.consequence.entry.code) == ["person_unqualified_suspend_certificate"])
        #expect(p[0].sanctionNames == ["暂扣《河南省行政执法证》"])
        #expect(p[0].consequence.entry.source.seed == "002_e33f53bb2a1e2b48.txt" && p[0].consequence.entry.source.article == "五(三)")
    }
}
